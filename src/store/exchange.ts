/**
 * The archive's events a page at a time, for exports: keyset pages in id order (a document's
 * events are contiguous), each event with what an exchange format needs besides the listing's
 * columns: its sides' kinds and countries, the claim it rests on, its document, and the rest of
 * its location (second-level division, precision) from the stored record. Both drivers run these
 * statements; each page costs three queries whatever its size.
 */
import type { Location, Precision, SpeakerKind } from "../core/index.js";
import { EVENT_COLUMNS, eventFilters, toStoredEvent } from "./queries.js";
import { num, str, type Dialect, type Sql } from "./sql.js";
import type { EventQuery, ExchangeEvent, ExchangeParty } from "./store.js";

type Row = Record<string, unknown>;

/** The default number of events a page holds. */
export const EXCHANGE_PAGE = 1000;

/** Events matching `query` (its `limit` ignored) with ids above `afterId`, in id order. */
export function exchangePageSql(query: EventQuery, afterId: number, size: number, d: Dialect): Sql {
  const { where: w, from } = eventFilters(query, d);
  w.add(afterId, (p) => `e.id > ${p}`);
  const where = w.text();
  w.params.push(size);
  return {
    text: `SELECT ${EVENT_COLUMNS}, e.injuries_low, e.injuries_high,
      d.doc_key, d.source AS doc_source, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published,
      d.content_hash AS doc_hash, d.retrieved_at AS doc_retrieved,
      c.speaker AS claim_speaker, c.kind AS claim_kind, c.name AS claim_name, c.hedged AS claim_hedged
      FROM ${from} JOIN documents d ON d.id = e.document_id
      LEFT JOIN claims c ON c.document_id = e.document_id AND c.local_id = e.claim
      ${where} ORDER BY e.id LIMIT ${d.param(w.params.length)}`,
    params: w.params,
  };
}

/** The sides of the given events, with their kinds and countries. */
export function exchangePartiesSql(ids: readonly number[], d: Dialect): Sql {
  return {
    text: `SELECT ea.event_id, ea.role, a.local_id, a.name, a.kind, a.country FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
      WHERE ea.event_id IN (${d.idList(d.param(1))}) ORDER BY ea.event_id, a.id`,
    params: [d.idParam(ids)],
  };
}

/** The records of the given documents (their events' full locations live there). */
export function exchangeRecordsSql(documentIds: readonly number[], d: Dialect): Sql {
  return {
    text: `SELECT document_id, record FROM records WHERE document_id IN (${d.idList(d.param(1))})`,
    params: [d.idParam(documentIds)],
  };
}

/** What the record adds to an event row: its full location. */
interface EventDetail { admin2: string | null; precision: Precision | null }

/**
 * Remembers the recent documents' event details: a page's events share documents, and an export
 * reads each document's record once, not once per event. Bounded, oldest dropped first.
 */
export class DetailCache {
  readonly #byDocument = new Map<number, Map<string, EventDetail>>();
  readonly #max: number;
  constructor(max = 5000) {
    this.#max = max;
  }
  missing(documentIds: Iterable<number>): number[] {
    return [...new Set(documentIds)].filter((id) => !this.#byDocument.has(id));
  }
  /** Keeps the details of a document's record (a JSON text or, from PostgreSQL, the parsed object). */
  add(documentId: number, record: unknown): void {
    const parsed: unknown = typeof record === "string" ? JSON.parse(record) : record;
    const events = (parsed as { events?: Array<{ id: string; location: Location | null }> }).events ?? [];
    const details = new Map<string, EventDetail>();
    for (const e of events) details.set(e.id, { admin2: e.location?.admin2 ?? null, precision: e.location?.precision ?? null });
    if (this.#byDocument.size >= this.#max) {
      const oldest = this.#byDocument.keys().next().value;
      if (oldest !== undefined) this.#byDocument.delete(oldest);
    }
    this.#byDocument.set(documentId, details);
  }
  get(documentId: number, localId: string): EventDetail | undefined {
    return this.#byDocument.get(documentId)?.get(localId);
  }
}

/** Rows grouped by their `event_id`. */
function byEvent(rows: readonly Row[]): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = Number(row["event_id"]);
    let group = groups.get(id);
    if (group === undefined) groups.set(id, (group = []));
    group.push(row);
  }
  return groups;
}

const toParty = (row: Row): ExchangeParty => ({
  localId: String(row["local_id"]), name: String(row["name"]), kind: String(row["kind"]), country: str(row["country"]),
});

/** A page's rows, its sides' rows and the cached details as exchange events. */
export function toExchangeEvents(rows: readonly Row[], parties: readonly Row[], details: DetailCache): ExchangeEvent[] {
  const sides = byEvent(parties);
  return rows.map((row) => {
    const links = sides.get(Number(row["id"])) ?? [];
    const document = {
      id: Number(row["document_id"]), key: String(row["doc_key"]), source: String(row["doc_source"]), url: str(row["doc_url"]),
      title: str(row["doc_title"]), published: str(row["doc_published"]),
      contentHash: String(row["doc_hash"]), retrievedAt: String(row["doc_retrieved"]),
    };
    const event = toStoredEvent(row, links, document);
    const detail = details.get(event.documentId, event.localId);
    const hedged = row["claim_hedged"];
    return {
      ...event,
      admin2: detail?.admin2 ?? null,
      precision: detail?.precision ?? null,
      injuriesLow: num(row["injuries_low"]),
      injuriesHigh: num(row["injuries_high"]),
      actorParties: links.filter((l) => l["role"] === "actor").map(toParty),
      recipientParties: links.filter((l) => l["role"] === "recipient").map(toParty),
      claimSource: row["claim_speaker"] === null || row["claim_speaker"] === undefined ? null : {
        speaker: String(row["claim_speaker"]),
        kind: String(row["claim_kind"]) as SpeakerKind,
        name: str(row["claim_name"]),
        hedged: hedged === true || hedged === 1,
      },
      document,
    };
  });
}

/**
 * The pages of an export, read through `all` (the driver's query runner). The next page is asked
 * for only when the consumer wants it, so a slow writer holds at most one page.
 */
export async function* exchangePages(
  all: (sql: Sql) => Promise<Row[]> | Row[], d: Dialect, query: EventQuery, size = EXCHANGE_PAGE,
): AsyncGenerator<ExchangeEvent[]> {
  const details = new DetailCache();
  let after = 0;
  for (;;) {
    const rows = await all(exchangePageSql(query, after, size, d));
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r["id"]));
    const parties = await all(exchangePartiesSql(ids, d));
    const missing = details.missing(rows.map((r) => Number(r["document_id"])));
    if (missing.length > 0) {
      for (const r of await all(exchangeRecordsSql(missing, d))) details.add(Number(r["document_id"]), r["record"]);
    }
    yield toExchangeEvents(rows, parties, details);
    after = ids[ids.length - 1] ?? after;
    if (rows.length < size) return;
  }
}
