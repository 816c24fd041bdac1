/**
 * The event filters every listing shares (`sitrep events`, the API's events, facets, network,
 * claims and statistics), as conditions on `events e`.
 */
import { searchWords } from "./rows.js";
import type { Where } from "./sql.js";
import type { EventQuery } from "./store.js";

/**
 * The filter fields of an event query, without order, page or limit; and what the reader adds
 * from the corrections: the names `actor` stands for, and whether to leave out events marked wrong.
 */
export type EventFilter = Omit<EventQuery, "sort" | "after" | "limit"> & { names?: readonly string[]; hideWrong?: boolean };

/** Whether an actor query can walk one name's events in date order (one name, so no event twice). */
export function walksNames(query: EventFilter): boolean {
  return query.actor !== undefined && (query.names?.length ?? 1) <= 1;
}

const FILTER_KEYS = ["country", "admin1", "since", "until", "type", "actor", "modality", "text", "bbox"] as const;

/** Whether any event filter is set. */
export function hasEventFilter(query: EventFilter): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined);
}

/**
 * Adds the conditions of `query` on `events e`. With `walk`, the statement reads from
 * `event_names n JOIN events e` and the actor condition is on `n`; otherwise it is a subquery.
 */
export function eventConditions(query: EventFilter, w: Where, walk = false): void {
  const d = w.dialect;
  if (query.country) w.add(query.country.toUpperCase(), (p) => `e.country = ${p}`);
  if (query.admin1) w.add(query.admin1, (p) => d.caseless("e.admin1", p));
  if (query.since) w.add(query.since, (p) => `e.date_end >= ${p}`);
  if (query.until) w.add(query.until, (p) => `e.date_start <= ${p}`);
  if (query.type) w.add(query.type, (p) => `e.type = ${p}`);
  if (query.modality) w.add(query.modality, (p) => `e.modality = ${p}`);
  if (query.actor) {
    const names = query.names ?? [query.actor.toLowerCase()];
    if (names.length > 1) w.add(d.textParam(names), (p) => `e.id IN (SELECT event_id FROM event_names WHERE name IN (${d.textList(p)}))`);
    else w.add(names[0] ?? "", (p) => (walk ? `n.name = ${p}` : `e.id IN (SELECT event_id FROM event_names WHERE name = ${p})`));
  }
  if (query.hideWrong) {
    w.raw(`NOT EXISTS (SELECT 1 FROM corrections w WHERE w.kind = 'event-wrong' AND w.document_id = e.document_id
      AND w.event_type = e.type AND w.evidence = e.evidence)`);
  }
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (words.length > 0) w.add(d.textQuery(words), (p) => d.eventText(p));
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    w.add(south, (p) => `e.lat >= ${p}`);
    w.add(north, (p) => `e.lat <= ${p}`);
    // A box whose west edge is east of its east edge spans the antimeridian.
    if (west <= east) {
      w.add(west, (p) => `e.lon >= ${p}`);
      w.add(east, (p) => `e.lon <= ${p}`);
    } else {
      const [pw, pe] = [w.param(west), w.param(east)];
      w.raw(`(e.lon >= ${pw} OR e.lon <= ${pe})`);
    }
  }
}
