/** `sitrep trend`: the archive's events counted per day, week or month, split by type, country or actor. */
import { parseArgs } from "node:util";
import { INTERVALS, SERIES_KEYS, type TimeSeries } from "../store/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { TREND_HELP } from "./help.js";
import { EVENT_FILTER_OPTIONS, eventQuery, listLimit, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { renderList, writeOut, type Column } from "./table.js";

export const TREND_FORMATS = ["table", "json", "csv"] as const;

/** One row of the table and CSV: a period of a series. */
interface TrendRow { key: string | null; period: string; events: number; fatalities: number }

const COLUMNS: Column<TrendRow>[] = [
  { title: "period", value: (r) => r.period },
  { title: "key", value: (r) => r.key, max: 40 },
  { title: "events", value: (r) => r.events },
  { title: "fatalities", value: (r) => r.fatalities },
];

/** Runs `sitrep trend ARGS`; resolves to the exit status. */
export async function runTrend(args: string[]): Promise<number> {
  const { values } = parseCommand("trend", () => parseArgs({
    args,
    options: {
      ...STORE_OPTIONS, ...EVENT_FILTER_OPTIONS,
      interval: { type: "string", default: "week" },
      by: { type: "string", default: "none" },
      top: { type: "string" },
      format: { type: "string", default: "table" },
      help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(TREND_HELP);
    return 0;
  }
  const format = oneOf("format", values.format, TREND_FORMATS, "trend");
  const interval = oneOf("interval", values.interval, INTERVALS, "trend");
  const by = oneOf("by", values.by, SERIES_KEYS, "trend");
  if (!format || !interval || !by) throw new UsageError("--format, --interval and --by need a value", "trend");
  const top = values.top === undefined ? undefined : listLimit(values.top, "trend");
  const query = eventQuery(values, "trend");
  const store = await openStoreFrom(values);
  try {
    const trend = await store.timeSeries(query, { interval, by, ...(top === undefined ? {} : { top }) });
    await writeOut(process.stdout, format === "json" ? `${JSON.stringify(trend, null, 2)}\n` : renderList(format, rows(trend), COLUMNS));
  } finally {
    await store.close();
  }
  return 0;
}

/** The series as rows in time order, the series' own order within a period. */
function rows(trend: TimeSeries): TrendRow[] {
  const all = trend.series.flatMap((s, rank) => s.points.map((p) => ({ key: s.key, ...p, rank })));
  all.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.rank - b.rank));
  return all.map(({ rank: _, ...row }) => row);
}
