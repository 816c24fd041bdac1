/** `sitrep export`: the archive's events, filtered, in an exchange format, streamed to a file or stdout. */
import { parseArgs } from "node:util";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../export/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { EXPORT_HELP } from "./help.js";
import { EVENT_FILTER_OPTIONS, eventQuery, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { writeWhole } from "./write-whole.js";

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
      : await writeWhole(values.output, (out) => exportEvents(store, format, query, out));
    const what = { acled: "rows", ucdp: "rows", geojson: "features", plover: "records", stix: "objects" }[format];
    process.stderr.write(`exported ${written} ${what}${values.output === undefined ? "" : ` to ${values.output}`}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
