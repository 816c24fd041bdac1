/** `sitrep export`: the archive's events, filtered, in an exchange format, streamed to a file or stdout. */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { InputError } from "../core/index.js";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../export/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { EXPORT_HELP } from "./help.js";
import { EVENT_FILTER_OPTIONS, eventQuery, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

/** Runs `sitrep export ARGS`; resolves to the exit status. */
export async function runExport(args: string[]): Promise<number> {
  const { values } = parseCommand("export", () => parseArgs({
    args,
    options: {
      ...STORE_OPTIONS, ...EVENT_FILTER_OPTIONS,
      format: { type: "string" }, output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (values.format === undefined) throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(", ")}`, "export");
  const format = oneOf("format", values.format, EXPORT_FORMATS, "export") as ExportFormat;
  const query = eventQuery(values, "export");
  const store = await openStoreFrom(values);
  try {
    const written = values.output === undefined
      ? await exportEvents(store, format, query, process.stdout)
      : await exportToFile(values.output, (out) => exportEvents(store, format, query, out));
    const what = { acled: "rows", ucdp: "rows", geojson: "features", plover: "records", stix: "objects" }[format];
    process.stderr.write(`exported ${written} ${what}${values.output === undefined ? "" : ` to ${values.output}`}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

/** Writes through `write` to `path` whole or not at all: into a file beside it, renamed when done. */
async function exportToFile(path: string, write: (out: Writable) => Promise<number>): Promise<number> {
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
