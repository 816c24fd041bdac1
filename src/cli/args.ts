/** Command-line helpers shared by the subcommands: parse errors made one-line, sizes, package facts. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "./errors.js";

/** The package's root folder (holding package.json, data/, dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The package version from package.json. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, "utf8"));
  const version = typeof pkg === "object" && pkg !== null && "version" in pkg ? pkg.version : null;
  return typeof version === "string" ? version : "unknown";
}

/**
 * Runs a node:util parseArgs call; its errors become a UsageError naming `command`.
 * @example const { values } = parseCommand("eval", () => parseArgs({ args, options, allowPositionals: true }));
 */
export function parseCommand<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // parseArgs explains at length ("… To specify a positional argument starting with a '-' …"):
    // keep the first sentence.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0] ?? error.message : String(error);
    throw new UsageError(message.replace(/\.$/, ""), command);
  }
}

const UNITS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 });

/** A byte count from `--max-bytes`: `5000000`, `500K`, `5M` or `5MB`. */
export function parseByteSize(value: string, command: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  const bytes = match ? Math.floor(Number(match[1]) * (UNITS[match[2]?.toLowerCase() ?? ""] ?? 1)) : NaN;
  if (!(bytes > 0)) throw new UsageError(`--max-bytes: expected a size such as 5000000 or 5M, got "${value}"`, command);
  return bytes;
}
