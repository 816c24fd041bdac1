/** `sitrep import`: ACLED or UCDP GED CSV files into the archive, apart from extracted events, each file whole or not at all. */
import { parseArgs } from "node:util";
import { SitrepError } from "../core/index.js";
import { IMPORT_SOURCES } from "../store/index.js";
import { parseCommand } from "./args.js";
import { describeError, UsageError } from "./errors.js";
import { IMPORT_HELP } from "./help.js";
import { oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

/** Runs `sitrep import ARGS`; resolves to the exit status (2 when a file was refused). */
export async function runImport(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parseCommand("import", () => parseArgs({
    args,
    allowPositionals: true,
    options: { ...STORE_OPTIONS, format: { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(IMPORT_HELP);
    return 0;
  }
  if (values.format === undefined) throw new UsageError(`--format: expected one of ${IMPORT_SOURCES.join(", ")}`, "import");
  const source = oneOf("format", values.format, IMPORT_SOURCES, "import");
  if (source === undefined) throw new UsageError(`--format: expected one of ${IMPORT_SOURCES.join(", ")}`, "import");
  if (positionals.length === 0) throw new UsageError("no input: give the CSV files to import", "import");
  const { importFile } = await import("../import/index.js");
  const { loadExchangeTables } = await import("../export/index.js");
  const tables = loadExchangeTables();
  const store = await openStoreFrom(values);
  let refused = 0;
  try {
    for (const path of positionals) {
      try {
        const outcome = await importFile(store, source, path, tables);
        process.stdout.write(outcome.status === "unchanged"
          ? `${path}: already imported (file ${outcome.fileId}), nothing done\n`
          : `imported ${outcome.events} ${source} events from ${path}\n`);
      } catch (error) {
        // A bad file is reported and left out whole; the next file is still read.
        if (!(error instanceof SitrepError) || error.code === "ESTORE") throw error;
        process.stderr.write(`${describeError(error, debug)}\n`);
        refused += 1;
      }
    }
  } finally {
    await store.close();
  }
  return refused > 0 ? 2 : 0;
}
