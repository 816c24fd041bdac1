/**
 * The read queries both drivers run: the same SELECTs, with what differs between SQLite and
 * PostgreSQL (placeholders, full-text match, case-insensitive comparison) supplied by a `Dialect`.
 */
import type { Modality, PloverType, Span } from "../core/index.js";
import { searchWords } from "./rows.js";
import type { ActorQuery, ActorSummary, DocumentQuery, EventQuery, Interval, StoredDocument, StoredEvent } from "./store.js";

export interface Dialect {
  /** The n-th (1-based) parameter's placeholder: `?` or `$n`. */
  param(n: number): string;
  /** A condition that event `e` matches the full-text query in parameter `p`. */
  eventText(p: string): string;
  /** A condition that document `d` matches the full-text query in parameter `p`. */
  documentText(p: string): string;
  /** The full-text query for the driver, from the user's words. */
  textQuery(words: string[]): string;
  /** `column` equals parameter `p`, ignoring case. */
  caseless(column: string, p: string): string;
  /** A subquery of the ids in parameter `p`, and that parameter's value for `ids`. */
  idList(p: string): string;
  idParam(ids: readonly number[]): unknown;
  /** The first day (YYYY-MM-DD) of the `interval` holding the day in `column` (weeks start on Monday). */
  period(interval: Interval, column: string): string;
}

export interface Sql { text: string; params: unknown[] }

/** The default and the largest number of rows a listing returns. */
export const DEFAULT_LIMIT = 100;

/** Collects conditions and their parameters. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];
  constructor(readonly dialect: Dialect) {}
  add(value: unknown, condition: (p: string) => string): void {
    this.params.push(value);
    this.conditions.push(condition(this.dialect.param(this.params.length)));
  }
  text(): string {
    return this.conditions.length === 0 ? "" : `WHERE ${this.conditions.join(" AND ")}`;
  }
  limit(limit: number | undefined): string {
    this.params.push(limit ?? DEFAULT_LIMIT);
    return `LIMIT ${this.dialect.param(this.params.length)}`;
  }
}

const EVENT_COLUMNS = `e.id, e.document_id, e.local_id, e.type, e.mode, e.modality, e.date_start, e.date_end,
  e.country, e.admin1, e.place, e.lat, e.lon, e.fatalities_low, e.fatalities_high, e.claim, e.evidence, e.sentence`;

/**
 * The WHERE of an events query and the FROM it needs: by actor, `event_names n` joined first
 * (one row per event: a name's rows are unique per event).
 */
export function eventFilters(query: EventQuery, d: Dialect): { where: Where; from: string } {
  const w = new Where(d);
  if (query.country) w.add(query.country.toUpperCase(), (p) => `e.country = ${p}`);
  if (query.admin1) w.add(query.admin1, (p) => d.caseless("e.admin1", p));
  if (query.since) w.add(query.since, (p) => `e.date_end >= ${p}`);
  if (query.until) w.add(query.until, (p) => `e.date_start <= ${p}`);
  if (query.type) w.add(query.type, (p) => `e.type = ${p}`);
  if (query.modality) w.add(query.modality, (p) => `e.modality = ${p}`);
  if (query.actor) w.add(query.actor.toLowerCase(), (p) => `n.name = ${p}`);
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (words.length > 0) w.add(d.textQuery(words), (p) => d.eventText(p));
  return { where: w, from: query.actor ? "event_names n JOIN events e ON e.id = n.event_id" : "events e" };
}

/** The events matching `query`, latest first. */
export function eventsSql(query: EventQuery, d: Dialect): Sql {
  const { where: w, from } = eventFilters(query, d);
  const where = w.text();
  const limit = w.limit(query.limit);
  // By actor, the walk starts from the name's events in date order (event_names' index), so the
  // first page costs the same whether the actor has ten events or a hundred thousand.
  const order = query.actor ? "n.date_start DESC NULLS LAST, n.event_id DESC" : "e.date_start DESC NULLS LAST, e.id DESC";
  return { text: `SELECT ${EVENT_COLUMNS} FROM ${from} ${where} ORDER BY ${order} ${limit}`, params: w.params };
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

type Row = Record<string, unknown>;

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** A row of `eventsSql` and its actors' rows as a `StoredEvent`. */
export function toStoredEvent(row: Row, links: readonly Row[]): StoredEvent {
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
  };
}

/** Actors grouped by name, kind and country, the most active first. */
export function actorsSql(query: ActorQuery, d: Dialect): Sql {
  const w = new Where(d);
  if (query.name) w.add(query.name.toLowerCase(), (p) => `a.id IN (SELECT actor_id FROM actor_names WHERE name = ${p})`);
  if (query.country) w.add(query.country.toUpperCase(), (p) => `a.country = ${p}`);
  if (query.kind) w.add(query.kind, (p) => `a.kind = ${p}`);
  const where = w.text();
  const limit = w.limit(query.limit);
  return {
    text: `SELECT a.name, a.kind, a.country, COUNT(DISTINCT a.document_id) AS documents, COUNT(DISTINCT ea.event_id) AS events
      FROM actors a LEFT JOIN event_actors ea ON ea.actor_id = a.id ${where}
      GROUP BY a.name, a.kind, a.country ORDER BY events DESC, documents DESC, a.name ${limit}`,
    params: w.params,
  };
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
  const where = w.text();
  const limit = w.limit(query.limit);
  return {
    text: `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN records r ON r.document_id = d.id ${where}
      ORDER BY d.published DESC NULLS LAST, d.id DESC ${limit}`,
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
