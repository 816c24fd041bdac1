/** `sitrep compare`: the archive's events held against imported ACLED or UCDP events: matches, misses, extras. */
import { parseArgs } from "node:util";
import type { CompareRow } from "../import/index.js";
import { IMPORT_SOURCES } from "../store/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { COMPARE_HELP } from "./help.js";
import { day, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { LIST_FORMATS, renderList, writeOut, type Column } from "./table.js";

const COLUMNS: Column<CompareRow>[] = [
  { title: "status", value: (r) => r.status },
  { title: "category", value: (r) => r.category, max: 28 },
  { title: "date", value: (r) => r.date },
  { title: "country", value: (r) => r.country },
  { title: "admin1", value: (r) => r.admin1, max: 20 },
  { title: "event", value: (r) => r.event },
  { title: "imported", value: (r) => r.imported },
  { title: "days", value: (r) => r.days },
  { title: "km", value: (r) => r.km },
  { title: "text", value: (r) => r.text, max: 70 },
];

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 0)) throw new UsageError(`--${flag}: expected a number not below 0, got "${value}"`, "compare");
  return n;
}

/** Runs `sitrep compare ARGS`; resolves to the exit status. */
export async function runCompare(args: string[]): Promise<number> {
  const { values } = parseCommand("compare", () => parseArgs({
    args,
    options: {
      ...STORE_OPTIONS, with: { type: "string" }, format: { type: "string", default: "table" },
      country: { type: "string" }, admin1: { type: "string" }, since: { type: "string" }, until: { type: "string" },
      days: { type: "string" }, km: { type: "string" }, help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(COMPARE_HELP);
    return 0;
  }
  const source = oneOf("with", values.with, IMPORT_SOURCES, "compare");
  if (source === undefined) throw new UsageError(`--with: expected one of ${IMPORT_SOURCES.join(", ")}`, "compare");
  const format = oneOf("format", values.format, LIST_FORMATS, "compare") ?? "table";
  const options = {
    source,
    ...(values.country ? { country: values.country } : {}),
    ...(values.admin1 ? { admin1: values.admin1 } : {}),
    ...(day("since", values.since, "compare") === undefined ? {} : { since: day("since", values.since, "compare") as string }),
    ...(day("until", values.until, "compare") === undefined ? {} : { until: day("until", values.until, "compare") as string }),
    ...(positive("days", values.days) === undefined ? {} : { days: positive("days", values.days) as number }),
    ...(positive("km", values.km) === undefined ? {} : { km: positive("km", values.km) as number }),
  };
  const { compareEvents } = await import("../import/index.js");
  const { loadExchangeTables } = await import("../export/index.js");
  const tables = loadExchangeTables();
  const store = await openStoreFrom(values);
  try {
    // Rows stream as they are found, except in a table or JSON array, which need them all.
    const rows: CompareRow[] = [];
    const counts = await compareEvents(store, tables, options, async (row) => {
      if (format === "jsonl") await writeOut(process.stdout, `${JSON.stringify(row)}\n`);
      else if (format === "csv") await writeOut(process.stdout, renderList("csv", [row], COLUMNS).split("\r\n").slice(rows.length === 0 ? 0 : 1).join("\r\n"));
      else rows.push(row);
      if (format === "csv" && rows.length === 0) rows.push(row);
    });
    if (format === "table" || format === "json") await writeOut(process.stdout, renderList(format, rows, COLUMNS));
    const recall = counts.matches + counts.misses === 0 ? null : counts.matches / (counts.matches + counts.misses);
    const precision = counts.matches + counts.extras === 0 ? null : counts.matches / (counts.matches + counts.extras);
    const share = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);
    process.stderr.write(`${counts.matches} matches, ${counts.misses} misses (in ${source}, not in Sitrep), ${counts.extras} extras (in Sitrep, not in ${source}); ` +
      `Sitrep finds ${share(recall)} of ${source}'s events, ${share(precision)} of its own are in ${source}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
