/**
 * Events imported from other datasets (ACLED, UCDP), kept in tables of their own
 * (`imported_files`, `imported_events`), never mixed with extracted events: the statements both
 * drivers run, with their placeholders supplied by each.
 */
import { num, str } from "./sql.js";
import type { ImportedEvent, ImportedQuery, ImportSource, StoredImportedEvent } from "./store.js";

type Row = Record<string, unknown>;

/** The columns of `imported_events` an import writes, in `importedParams` order. */
export const IMPORTED_COLUMNS = `file_id, source, source_id, line, date_start, date_end, event_type, sub_event_type,
  plover_type, mode, modality, actors, recipients, country, admin1, admin2, place, lat, lon, fatalities_low, fatalities_high, notes, fields`;

/** The number of columns in IMPORTED_COLUMNS. */
export const IMPORTED_WIDTH = 23;

/** An imported event's values for IMPORTED_COLUMNS. */
export function importedParams(fileId: number, source: ImportSource, e: ImportedEvent): unknown[] {
  return [fileId, source, e.sourceId, e.line, e.dateStart, e.dateEnd, e.eventType, e.subEventType, e.ploverType, e.mode, e.modality,
    JSON.stringify(e.actors), JSON.stringify(e.recipients), e.country, e.admin1, e.admin2, e.place, e.lat, e.lon,
    e.fatalitiesLow, e.fatalitiesHigh, e.notes, JSON.stringify(e.fields)];
}

/** What replaces an event already imported with the same dataset id (a later release of the dataset). */
export const IMPORTED_UPSERT = `ON CONFLICT (source, source_id) DO UPDATE SET ${IMPORTED_COLUMNS.split(",").map((c) => c.trim())
  .filter((c) => c !== "source" && c !== "source_id").map((c) => `${c} = excluded.${c}`).join(", ")}`;

/** Imported events matching `query` with ids above `afterId`, in id order; `param(n)` is the driver's placeholder. */
export function importedPageSql(query: ImportedQuery, afterId: number, size: number, param: (n: number) => string): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (value: unknown, condition: (p: string) => string) => {
    params.push(value);
    where.push(condition(param(params.length)));
  };
  add(query.source, (p) => `source = ${p}`);
  if (query.country) add(query.country.toUpperCase(), (p) => `country = ${p}`);
  if (query.admin1) add(query.admin1.toLowerCase(), (p) => `lower(admin1) = ${p}`);
  if (query.since) add(query.since, (p) => `COALESCE(date_end, date_start) >= ${p}`);
  if (query.until) add(query.until, (p) => `date_start <= ${p}`);
  add(afterId, (p) => `id > ${p}`);
  params.push(size);
  return { text: `SELECT id, ${IMPORTED_COLUMNS} FROM imported_events WHERE ${where.join(" AND ")} ORDER BY id LIMIT ${param(params.length)}`, params };
}

const list = (value: unknown): string[] => (typeof value === "string" ? JSON.parse(value) : value) as string[];

/** A row of `importedPageSql`. */
export function toImportedEvent(row: Row): StoredImportedEvent {
  return {
    id: Number(row["id"]), fileId: Number(row["file_id"]), source: String(row["source"]) as ImportSource,
    sourceId: String(row["source_id"]), line: Number(row["line"]),
    dateStart: str(row["date_start"]), dateEnd: str(row["date_end"]),
    eventType: str(row["event_type"]), subEventType: str(row["sub_event_type"]),
    ploverType: str(row["plover_type"]), mode: str(row["mode"]), modality: str(row["modality"]),
    actors: list(row["actors"]), recipients: list(row["recipients"]),
    country: str(row["country"]), admin1: str(row["admin1"]), admin2: str(row["admin2"]), place: str(row["place"]),
    lat: num(row["lat"]), lon: num(row["lon"]),
    fatalitiesLow: num(row["fatalities_low"]), fatalitiesHigh: num(row["fatalities_high"]),
    notes: str(row["notes"]),
    fields: (typeof row["fields"] === "string" ? JSON.parse(row["fields"]) : row["fields"]) as Record<string, string>,
  };
}

/** Pages of imported events through a driver's query runner. */
export async function* importedPages(all: (sql: { text: string; params: unknown[] }) => Promise<Row[]> | Row[],
  param: (n: number) => string, query: ImportedQuery, size = 1000): AsyncGenerator<StoredImportedEvent[]> {
  let after = 0;
  for (;;) {
    const rows = await all(importedPageSql(query, after, size, param));
    if (rows.length === 0) return;
    const events = rows.map(toImportedEvent);
    yield events;
    after = events[events.length - 1]?.id ?? after;
    if (rows.length < size) return;
  }
}
