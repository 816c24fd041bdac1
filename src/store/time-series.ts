/**
 * Events counted per period and per key (type, country, actor): the SELECT both drivers run,
 * with the period's expression from the `Dialect`, and the rows folded into series.
 */
import { countable, countedFrom, WRONG_IDS } from "./counts.js";
import { eventConditions, hasEventFilter, type EventFilter } from "./event-filter.js";
import { eventFilters, type Dialect, type Sql } from "./queries.js";
import { Where } from "./sql.js";
import type { EventQuery, Series, TimeSeries, TimeSeriesOptions } from "./store.js";

/** The key of the series when they are not split. */
export const ALL_KEY = "all";

/** Rows of (key, period, events, fatalities), one per key and period with events. */
export function timeSeriesSql(query: EventQuery, options: TimeSeriesOptions, d: Dialect): Sql {
  const { where, from } = eventFilters(query, d);
  where.conditions.push("e.date_start IS NOT NULL");
  const period = d.period(options.interval, "e.date_start");
  const sum = "SUM(COALESCE(e.fatalities_low, 0))";
  if (options.by === "actor") {
    // One row per event and actor name: an event whose two actors share a name counts once for it.
    const perEvent = `SELECT DISTINCT e.id, a.name AS key, ${period} AS period, COALESCE(e.fatalities_low, 0) AS fatalities
      FROM ${from} LEFT JOIN event_actors ea ON ea.event_id = e.id AND ea.role = 'actor' LEFT JOIN actors a ON a.id = ea.actor_id
      ${where.text()}`;
    return {
      text: `SELECT key, period, COUNT(*) AS events, SUM(fatalities) AS fatalities FROM (${perEvent}) x GROUP BY key, period`,
      params: where.params,
    };
  }
  const key = options.by === "type" ? "e.type" : options.by === "country" ? "e.country" : `'${ALL_KEY}'`;
  const series = seriesSql(query, options, d);
  if (series !== null) return series;
  if (countable(query)) {
    // From event_counts: the period of each row's first day, its events and deaths summed.
    const w = new Where(d);
    const rows = countedFrom(query, w, "event_counts", options.by === "none" ? ["date_start"] : ["date_start", key.slice(2)], ["e.date_start IS NOT NULL"]);
    return {
      text: `SELECT ${key} AS key, ${period} AS period, SUM(e.n) AS events, SUM(e.f) AS fatalities FROM ${rows} GROUP BY 1, 2 HAVING SUM(e.n) > 0`,
      params: w.params,
    };
  }
  return {
    text: `SELECT ${key} AS key, ${period} AS period, COUNT(*) AS events, ${sum} AS fatalities
      FROM ${from} ${where.text()} GROUP BY 1, 2`,
    params: where.params,
  };
}

/**
 * The rows of `timeSeriesSql` from event_series (migration 9), which counts every dated event
 * into its day, week and month, in all, by type and by country; null when `query` filters on
 * more than that split's own field (a country for the series by country or in all, a type for
 * those by type or in all). Events marked wrong come in as rows of -1.
 */
function seriesSql(query: EventQuery, options: TimeSeriesOptions, d: Dialect): Sql | null {
  const { country, type, hideWrong, ...rest } = query as EventFilter;
  if (options.by === "actor" || !countable(rest) || hasEventFilter(rest)) return null;
  if (country !== undefined && (type !== undefined || options.by === "type")) return null;
  if (type !== undefined && options.by === "country") return null;
  const split = country !== undefined ? "country" : type !== undefined ? "type" : options.by;
  const w = new Where(d);
  const kept = [w.param(options.interval), w.param(split)];
  const one = country?.toUpperCase() ?? type;
  const conditions = [`s.period_kind = ${kept[0]}`, `s.split = ${kept[1]}`, ...(one === undefined ? [] : [`s.series_key = ${w.param(one)}`])];
  const key = options.by === "none" ? `'${ALL_KEY}'` : "s.series_key";
  const where = conditions.join(" AND ");
  // A series row is already one key's one period; a key's rows come packed in one (see POINTS).
  if (!hideWrong && one === undefined && options.by !== "none" && options.top !== undefined) return topSeriesSql(options, d);
  if (!hideWrong) return { text: `SELECT ${key} AS key, ${POINTS} AS points FROM event_series s WHERE ${where} GROUP BY s.series_key`, params: w.params };
  const wrong = new Where(d, w.params);
  eventConditions({ ...(country === undefined ? {} : { country }), ...(type === undefined ? {} : { type }) }, wrong);
  wrong.raw(`e.id IN (${WRONG_IDS})`);
  wrong.raw("e.date_start IS NOT NULL");
  const k = split === "type" ? "e.type" : split === "country" ? "e.country" : `'${ALL_KEY}'`;
  return {
    text: `SELECT ${options.by === "none" ? `'${ALL_KEY}'` : "x.k"} AS key, x.period AS period, SUM(x.n) AS events, SUM(x.f) AS fatalities
      FROM (SELECT s.series_key AS k, s.period, s.events AS n, s.fatalities AS f FROM event_series s WHERE ${where}
      UNION ALL SELECT ${k} AS k, ${d.period(options.interval, "e.date_start")} AS period, -1 AS n, -coalesce(e.fatalities_low, 0) AS f
      FROM events e ${wrong.text()}) x GROUP BY 1, 2 HAVING SUM(x.n) > 0`,
    params: w.params,
  };
}

/**
 * A key's points in one string, each row's point ("period events fatalities", migration 16)
 * joined by ";": a series over every event has tens of thousands of points (a week for each
 * country), and handing each over from the driver as a row of its own costs several times what
 * reading it does.
 */
const POINTS = "string_agg(s.point, ';')";

/**
 * The rows of the `top` series only, by type or country: the keys with the most dated events
 * (their monthly rows summed, the fewest), ties by key, null last, as `toTimeSeries` ranks them;
 * then each key's points, read from the index in its order.
 */
function topSeriesSql(options: TimeSeriesOptions, d: Dialect): Sql {
  const w = new Where(d);
  const top = `SELECT series_key AS k FROM event_series WHERE period_kind = 'month' AND split = ${w.param(options.by)}
    GROUP BY series_key ORDER BY SUM(events) DESC, series_key IS NULL, series_key ${w.limit(options.top)}`;
  return {
    text: `SELECT t.k AS key, ${POINTS} AS points FROM (${top}) t CROSS JOIN event_series s
      WHERE s.period_kind = ${w.param(options.interval)} AND s.split = ${w.param(options.by)} AND s.series_key IS NOT DISTINCT FROM t.k GROUP BY t.k`,
    params: w.params,
  };
}

/** The rows of `timeSeriesSql` as series: the most events first (then by key, null last), points oldest first. */
export function toTimeSeries(rows: ReadonlyArray<Record<string, unknown>>, options: TimeSeriesOptions): TimeSeries {
  const byKey = new Map<string | null, { series: Series; events: number; sorted: boolean }>();
  const periods = new Map<number, string>();
  for (const row of rows) {
    const key = row["key"] === null || row["key"] === undefined ? null : String(row["key"]);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { series: { key, points: [] }, events: 0, sorted: true };
      byKey.set(key, entry);
    }
    const points = entry.series.points;
    const before = points.length;
    if ("points" in row) entry.events += unpack(row["points"], points, periods);
    else {
      const events = Number(row["events"]);
      points.push({ period: String(row["period"]), events, fatalities: Number(row["fatalities"]) });
      entry.events += events;
    }
    entry.sorted &&= inOrder(points, before === 0 ? 1 : before);
  }
  const entries = [...byKey.values()].sort((a, b) => b.events - a.events || compareKeys(a.series.key, b.series.key));
  const kept = options.top === undefined ? entries : entries.slice(0, options.top);
  const series = kept.map(({ series: s, sorted }) => ({ key: s.key, points: sorted ? s.points : s.points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)) }));
  return { interval: options.interval, by: options.by, series };
}

/** Whether `points` from `from` on each come after the one before them. */
function inOrder(points: Series["points"], from: number): boolean {
  for (let i = from; i < points.length; i++) if (points[i - 1]!.period >= points[i]!.period) return false;
  return true;
}

/**
 * Adds the points packed in `packed` (see POINTS) to `points`; returns their events. Read in one
 * pass over the string, digits summed as they come: a packed series may hold tens of thousands.
 */
function unpack(packed: unknown, points: Series["points"], periods: Map<number, string>): number {
  if (packed === null || packed === undefined) return 0;
  const text = String(packed);
  let total = 0;
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(" ", at);
    const period = periodAt(text, at, space, periods);
    const events = readInteger(text, space + 1);
    const fatalities = readInteger(text, events.end + 1);
    points.push({ period, events: events.value, fatalities: fatalities.value });
    total += events.value;
    at = fatalities.end + 1;
  }
  return total;
}

/**
 * The period written in `text` from `at` to `end`; a day (YYYY-MM-DD) is kept once in `seen`, by
 * its digits, so the many series of one answer share their periods' strings.
 */
function periodAt(text: string, at: number, end: number, seen: Map<number, string>): string {
  if (end - at !== 10 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return text.slice(at, end);
  let digits = 0;
  for (let i = at; i < end; i++) {
    if (i - at === 4 || i - at === 7) continue;
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return text.slice(at, end);
    digits = digits * 10 + c - 48;
  }
  let period = seen.get(digits);
  if (period === undefined) seen.set(digits, (period = text.slice(at, end)));
  return period;
}

/** The integer (optionally negative) written in `text` from `at`, and where it ends. */
function readInteger(text: string, at: number): { value: number; end: number } {
  const negative = text.charCodeAt(at) === 45;
  let i = negative ? at + 1 : at;
  let value = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + c - 48;
  return { value: negative ? -value : value, end: i };
}

/** Keys in code-unit order (the same in both drivers, whatever their collation), null last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
