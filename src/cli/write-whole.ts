/** Output files written whole or not at all, for the commands that write one (export, report). */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { InputError } from "../core/index.js";

/** Writes through `write` to `path` whole or not at all: into a file beside it, renamed when done. */
export async function writeWhole(path: string, write: (out: Writable) => Promise<number>): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  // A write error (disk full, no such folder) ends the export at once; after the race it is moot.
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  try {
    const written = await Promise.race([write(out), failed]);
    out.end();
    await finished(out);
    await rename(partial, path);
    return written;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    if (error instanceof Error && "code" in error && typeof error.code === "string") {
      throw new InputError(path, null, `cannot write (${error.code})`, { cause: error });
    }
    throw error;
  }
}
