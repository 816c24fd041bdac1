/**
 * The read queries both drivers run: the same SELECTs, with what differs between SQLite and
 * PostgreSQL (placeholders, full-text match, case-insensitive comparison) supplied by a `Dialect`.
 * Events, documents and actors here; the API's other views in view-queries.ts.
 */
import type { Modality, PloverType, Span } from "../core/index.js";
import { eventConditions, walksNames, type EventFilter } from "./event-filter.js";
import { searchWords } from "./rows.js";
import { DEFAULT_LIMIT, num, orderBy, str, Where, type Dialect, type Order, type Row, type Sql } from "./sql.js";
import type { ActorQuery, ActorSummary, DocumentQuery, DocumentRef, EventQuery, EventSort, StoredDocument, StoredEvent } from "./store.js";

export { DEFAULT_LIMIT, type Dialect, type Sql } from "./sql.js";

export const EVENT_COLUMNS = `e.id, e.document_id, e.local_id, e.type, e.mode, e.modality, e.date_start, e.date_end,
  e.country, e.admin1, e.place, e.lat, e.lon, e.fatalities_low, e.fatalities_high, e.claim, e.evidence, e.sentence`;

const EVENT_ORDERS: Record<EventSort, Omit<Order, "id">> = {
  "-date": { column: "e.date_start", descending: true },
  date: { column: "e.date_start", descending: false },
  "-fatalities": { column: "e.fatalities_low", descending: true },
  fatalities: { column: "e.fatalities_low", descending: false },
  id: { column: null, descending: false },
};

/** The value a page of events sorted by `sort` is keyed on. */
export function eventSortValue(event: StoredEvent, sort: EventSort): string | number | null {
  if (sort === "-date" || sort === "date") return event.dateStart;
  if (sort === "-fatalities" || sort === "fatalities") return event.fatalitiesLow;
  return null;
}

/** The events matching `query`, in its order (latest first by default), after its cursor. */
export function eventsSql(query: EventQuery & EventFilter, d: Dialect): Sql {
  const sort = query.sort ?? "-date";
  // By actor, latest first, the walk starts from the name's events in date order (event_names'
  // index), so the first page costs the same whether the actor has ten events or a hundred thousand.
  const walk = walksNames(query) && sort === "-date";
  const w = new Where(d);
  eventConditions(query, w, walk);
  const order: Order = walk ? { column: "n.date_start", id: "n.event_id", descending: true } : { ...EVENT_ORDERS[sort], id: "e.id" };
  w.after(order, query.after);
  const from = walk ? "event_names n JOIN events e ON e.id = n.event_id" : "events e";
  return { text: `SELECT ${EVENT_COLUMNS} FROM ${from} ${w.text()} ${orderBy(order)} ${w.limit(query.limit)}`, params: w.params };
}

/**
 * The WHERE of an events query and the FROM it needs: by actor, `event_names n` joined first
 * (one row per event: a name's rows are unique per event).
 */
export function eventFilters(query: EventFilter, d: Dialect): { where: Where; from: string } {
  const walk = walksNames(query);
  const where = new Where(d);
  eventConditions(query, where, walk);
  return { where, from: walk ? "event_names n JOIN events e ON e.id = n.event_id" : "events e" };
}

/** The short references of the given documents. */
export function documentRefsSql(ids: readonly number[], d: Dialect): Sql {
  return {
    text: `SELECT id, title, url, source, published FROM documents WHERE id IN (${d.idList(d.param(1))})`,
    params: [d.idParam(ids)],
  };
}

export function toDocumentRef(row: Row): DocumentRef {
  return { id: Number(row["id"]), title: str(row["title"]), url: str(row["url"]), source: String(row["source"]), published: str(row["published"]) };
}

/** One event by id. */
export function eventSql(id: number, d: Dialect): Sql {
  return { text: `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ${d.param(1)}`, params: [id] };
}

/** The actor and recipient names of the given events. */
export function eventActorsSql(ids: readonly number[], d: Dialect): Sql {
  return {
    text: `SELECT ea.event_id, ea.role, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
      WHERE ea.event_id IN (${d.idList(d.param(1))}) ORDER BY ea.event_id, a.local_id`,
    params: [d.idParam(ids)],
  };
}

/** A row of `eventsSql`, its actors' rows and its document as a `StoredEvent`. */
export function toStoredEvent(row: Row, links: readonly Row[], document: DocumentRef): StoredEvent {
  const id = Number(row["id"]);
  const names = (role: string) => links.filter((l) => Number(l["event_id"]) === id && l["role"] === role).map((l) => String(l["name"]));
  return {
    id,
    documentId: Number(row["document_id"]),
    localId: String(row["local_id"]),
    type: String(row["type"]) as PloverType,
    mode: str(row["mode"]),
    modality: String(row["modality"]) as Modality,
    dateStart: str(row["date_start"]),
    dateEnd: str(row["date_end"]),
    country: str(row["country"]),
    admin1: str(row["admin1"]),
    place: str(row["place"]),
    lat: num(row["lat"]),
    lon: num(row["lon"]),
    fatalitiesLow: num(row["fatalities_low"]),
    fatalitiesHigh: num(row["fatalities_high"]),
    actors: names("actor"),
    recipients: names("recipient"),
    claim: str(row["claim"]),
    evidence: JSON.parse(String(row["evidence"])) as Span[],
    sentence: String(row["sentence"]),
    document,
  };
}

/**
 * Actors grouped by name, kind and country, the most active first: from actor_counts (migration
 * 10), in its index's order, unless a name or alias is asked for (actor_names holds those).
 */
export function actorsSql(query: ActorQuery, d: Dialect): Sql {
  const w = new Where(d);
  if (query.name) w.add(query.name.toLowerCase(), (p) => `a.id IN (SELECT actor_id FROM actor_names WHERE name = ${p})`);
  if (query.country) w.add(query.country.toUpperCase(), (p) => `a.country = ${p}`);
  if (query.kind) w.add(query.kind, (p) => `a.kind = ${p}`);
  const where = w.text();
  const limit = w.limit(query.limit);
  const offset = query.offset ? ` OFFSET ${w.param(query.offset)}` : "";
  const rows = query.name ? `SELECT a.name, a.kind, a.country, COUNT(DISTINCT a.document_id) AS documents, COUNT(DISTINCT ea.event_id) AS events
      FROM actors a LEFT JOIN event_actors ea ON ea.actor_id = a.id ${where} GROUP BY a.name, a.kind, a.country`
    : `SELECT a.name, a.kind, a.country, a.documents, a.events FROM actor_counts a ${where}`;
  return { text: `${rows} ORDER BY events DESC, documents DESC, a.name, a.kind, a.country ${limit}${offset}`, params: w.params };
}

/** The stored names of actors named (not merely aliased) any of the lower-cased `names`, and others aliased so, as found by actor_names. */
export function storedNamesSql(names: readonly string[], d: Dialect): Sql {
  return {
    text: `SELECT DISTINCT a.name FROM actors a WHERE a.id IN (SELECT actor_id FROM actor_names WHERE name IN (${d.textList(d.param(1))}))`,
    params: [d.textParam(names)],
  };
}

/**
 * Actors as `actorsSql` lists them when corrections merge some: the rows of the stored names in
 * `shown` (stored name → the name it shows under) counted again together, distinct, under the
 * name shown; the other names from actor_counts as before, in its index's order. `names`: the
 * lower-cased names or aliases asked for (every name merged with the one asked), or null for all.
 */
export function mergedActorsSql(query: ActorQuery, names: readonly string[] | null, shown: ReadonlyArray<readonly [string, string]>, d: Dialect): Sql {
  const w = new Where(d);
  const filters = (where: Where): void => {
    if (query.country) where.add(query.country.toUpperCase(), (p) => `a.country = ${p}`);
    if (query.kind) where.add(query.kind, (p) => `a.kind = ${p}`);
  };
  const counts = "COUNT(DISTINCT a.document_id) AS documents, COUNT(DISTINCT ea.event_id) AS events";
  const order = "ORDER BY 5 DESC, 4 DESC, 1, 2, 3";
  const offset = (): string => (query.offset ? ` OFFSET ${w.param(query.offset)}` : "");
  if (names !== null) {
    const pairs = w.param(d.pairParam(shown));
    const inner = new Where(d, w.params);
    inner.add(d.textParam(names), (p) => `a.id IN (SELECT actor_id FROM actor_names WHERE name IN (${d.textList(p)}))`);
    filters(inner);
    return {
      text: `SELECT coalesce(m.shown, a.name) AS name, a.kind, a.country, ${counts} FROM actors a LEFT JOIN (${d.pairList(pairs)}) m ON m.name = a.name
        LEFT JOIN event_actors ea ON ea.actor_id = a.id ${inner.text()} GROUP BY coalesce(m.shown, a.name), a.kind, a.country ${order} ${w.limit(query.limit)}${offset()}`,
      params: w.params,
    };
  }
  const rest = new Where(d, w.params);
  filters(rest);
  rest.add(d.pairParam(shown), (p) => `a.name NOT IN (SELECT name FROM (${d.pairList(p)}) m)`);
  // Enough of the unmerged names' ranking to fill the page whatever the merged rows take of it.
  const enough = rest.param((query.limit ?? DEFAULT_LIMIT) + (query.offset ?? 0));
  const unmerged = `SELECT a.name, a.kind, a.country, a.documents, a.events FROM actor_counts a ${rest.text()}
    ORDER BY a.events DESC, a.documents DESC, a.name, a.kind, a.country LIMIT ${enough}`;
  const pairs = w.param(d.pairParam(shown));
  const group = new Where(d, w.params);
  filters(group);
  const merged = `SELECT m.shown AS name, a.kind, a.country, ${counts} FROM actors a JOIN (${d.pairList(pairs)}) m ON m.name = a.name
    LEFT JOIN event_actors ea ON ea.actor_id = a.id ${group.text()} GROUP BY m.shown, a.kind, a.country`;
  return { text: `SELECT * FROM (${unmerged}) x UNION ALL ${merged} ${order} ${w.limit(query.limit)}${offset()}`, params: w.params };
}

export function toActorSummary(row: Row): ActorSummary {
  return {
    name: String(row["name"]),
    kind: String(row["kind"]),
    country: str(row["country"]),
    documents: Number(row["documents"]),
    events: Number(row["events"]),
  };
}

const DOCUMENT_COLUMNS = `d.id, d.doc_key, d.source, d.url, d.title, d.published, d.retrieved_at, d.content_hash,
  d.duplicate_of, r.extractor, (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events`;

/** Documents matching `query`, latest published first. */
export function documentsSql(query: DocumentQuery, d: Dialect): Sql {
  const w = new Where(d);
  if (query.since) w.add(query.since, (p) => `d.published >= ${p}`);
  if (query.until) w.add(query.until, (p) => `d.published <= ${p}`);
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (words.length > 0) w.add(d.textQuery(words), (p) => d.documentText(p));
  const order: Order = { column: "d.published", id: "d.id", descending: true };
  w.after(order, query.after);
  const where = w.text();
  const limit = w.limit(query.limit);
  return {
    text: `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN records r ON r.document_id = d.id ${where}
      ${orderBy(order)} ${limit}`,
    params: w.params,
  };
}

/** One document, with its text. */
export function documentSql(id: number, d: Dialect): Sql {
  return {
    text: `SELECT ${DOCUMENT_COLUMNS}, d.text FROM documents d LEFT JOIN records r ON r.document_id = d.id WHERE d.id = ${d.param(1)}`,
    params: [id],
  };
}

export function toStoredDocument(row: Row): StoredDocument {
  return {
    id: Number(row["id"]),
    key: String(row["doc_key"]),
    source: String(row["source"]),
    url: str(row["url"]),
    title: str(row["title"]),
    published: str(row["published"]),
    retrievedAt: String(row["retrieved_at"]),
    contentHash: String(row["content_hash"]),
    duplicateOf: num(row["duplicate_of"]),
    extractor: str(row["extractor"]),
    events: Number(row["events"]),
  };
}

/** Row counts, in one statement. */
export const COUNTS_SQL = `SELECT
  (SELECT COUNT(*) FROM documents) AS documents,
  (SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL) AS duplicates,
  (SELECT COUNT(*) FROM events) AS events,
  (SELECT COUNT(*) FROM actors) AS actors,
  (SELECT COUNT(*) FROM claims) AS claims`;
