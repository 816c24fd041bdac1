/**
 * Counts of events read from the rollups that migration 8 keeps beside the events (triggers,
 * in the transaction that writes them): `event_counts`, one row per (date_start, date_end,
 * country, admin1, type, modality) with its events and deaths, and `event_kinds`, the same
 * without the dates. Their columns bear the events' names, so the event filters apply to them
 * as they are. A filter they do not hold (actor, text, bounding box) sends a query back to the
 * events; events marked wrong are counted, then taken off again from the few events they are.
 */
import { eventConditions, type EventFilter } from "./event-filter.js";
import { searchWords } from "./rows.js";
import { Where } from "./sql.js";

/** The rollups: with the dates (and deaths), or without. */
export type CountTable = "event_counts" | "event_kinds";

/** The ids of the events a correction marks wrong (the condition `hideWrong` adds, turned around). */
export const WRONG_IDS = `SELECT h.id FROM corrections w JOIN events h ON h.document_id = w.document_id AND h.type = w.event_type
  AND h.evidence = w.evidence WHERE w.kind = 'event-wrong'`;

/** Whether the rollups hold every field `query` filters on. */
export function countable(query: EventFilter): boolean {
  return query.actor === undefined && query.bbox === undefined && (query.text === undefined || searchWords(query.text).length === 0);
}

/** The rollup a countable query reads: the one without dates when it filters on none. */
export function countTable(query: EventFilter): CountTable {
  return query.since !== undefined || query.until !== undefined ? "event_counts" : "event_kinds";
}

/**
 * A FROM item `e` of the rows of `table` that match `query`, with `columns`, their events as `n`
 * (and deaths as `f` from event_counts); `extra` conditions hold on both parts. Events marked
 * wrong come in as rows of -1, so a sum over `n` counts what the events table would.
 */
export function countedFrom(query: EventFilter, w: Where, table: CountTable, columns: readonly string[], extra: readonly string[] = []): string {
  const { hideWrong, ...filter } = query;
  const select = columns.map((c) => `e.${c}`).join(", ");
  const part = (from: string, tally: string, more: readonly string[]): string => {
    const inner = new Where(w.dialect, w.params);
    eventConditions(filter, inner);
    for (const condition of [...extra, ...more]) inner.raw(condition);
    return `SELECT ${select}${select ? ", " : ""}${tally} FROM ${from} e ${inner.text()}`;
  };
  const deaths = table === "event_counts";
  const counted = part(table, deaths ? "e.events AS n, e.fatalities AS f" : "e.events AS n", []);
  if (!hideWrong) return `(${counted}) e`;
  const wrong = part("events", deaths ? "-1 AS n, -coalesce(e.fatalities_low, 0) AS f" : "-1 AS n", [`e.id IN (${WRONG_IDS})`]);
  return `(${counted} UNION ALL ${wrong}) e`;
}

/** `e` and `h` have the same value in `column`, nulls included (written for both drivers). */
const same = (column: string): string => `(h.${column} = e.${column} OR (h.${column} IS NULL AND e.${column} IS NULL))`;

/**
 * The first `date_start` (or last `date_end`) of the event_counts rows matching `query`, walked in
 * that column's order: a row counts unless every event it counts is marked wrong.
 */
export function countedDateSql(query: EventFilter, w: Where, column: "date_start" | "date_end"): string {
  const { hideWrong, ...filter } = query;
  const inner = new Where(w.dialect, w.params);
  eventConditions(filter, inner);
  inner.raw(`e.${column} IS NOT NULL`);
  if (hideWrong) {
    const key = ["date_start", "date_end", "country", "admin1", "type", "modality"].map(same).join(" AND ");
    inner.raw(`e.events > (SELECT COUNT(*) FROM events h WHERE h.id IN (${WRONG_IDS}) AND ${key})`);
  }
  return `SELECT e.${column} FROM event_counts e ${inner.text()} ORDER BY e.${column} ${column === "date_start" ? "ASC" : "DESC"} LIMIT 1`;
}
