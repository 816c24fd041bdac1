/**
 * The PostgreSQL driver (pg, loaded only when chosen): tsvector columns for full text, a batch
 * per transaction on one pooled connection, multi-row INSERTs for the rows of a batch's records. Several
 * processes may ingest at once: unique hash and URL indexes settle who stored a document first.
 */
import type { Pool, PoolClient } from "pg";
import type { ExtractionRecord } from "../../core/index.js";
import { recordJson, SitrepError, StoreError } from "../../core/index.js";
import { signatureBytes } from "../../ingest/index.js";
import { actorNames, RECORD_TABLES, saveDocument, type BatchWriter } from "../batch.js";
import { COUNTS_SQL } from "../queries.js";
import { Reader } from "../reader.js";
import type { Dialect, Sql } from "../sql.js";
import { exchangePages } from "../exchange.js";
import { feedStatements, toFeedState, upsertParams } from "../feeds.js";
import { IMPORTED_COLUMNS, IMPORTED_UPSERT, importedPages, importedParams } from "../imports.js";
import { recordRows, type RecordRows } from "../rows.js";
import type { FeedState, ImportedEvent, ImportFile, ImportOutcome, NewDocument, SaveOptions, SaveOutcome, Store, StoreCounts, StoreFeatures } from "../store.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";

type Row = Record<string, unknown>;

const DIALECT: Dialect = {
  param: (n) => `$${n}`,
  eventText: (p) => `e.sentence_tsv @@ plainto_tsquery('english', ${p})`,
  documentText: (p) => `d.tsv @@ plainto_tsquery('english', ${p})`,
  textQuery: (words) => words.join(" "),
  caseless: (column, p) => `lower(${column}) = lower(${p})`,
  idList: (p) => `SELECT unnest(${p}::bigint[])`,
  idParam: (ids) => ids,
  textList: (p) => `SELECT unnest(${p}::text[])`,
  textParam: (values) => values,
  pairList: (p) => `SELECT x ->> 0 AS name, x ->> 1 AS shown FROM jsonb_array_elements(${p}::jsonb) x`,
  pairParam: (pairs) => JSON.stringify(pairs),
  bool: (value) => value,
  // Date arithmetic rather than date_trunc, whose timestamp would depend on the session's time zone.
  period: (interval, column) => (interval === "day" ? column
    : interval === "week" ? `to_char(${column}::date - (extract(isodow from ${column}::date)::int - 1), 'YYYY-MM-DD')`
      : `substr(${column}, 1, 7) || '-01'`),
};

const FEED_SQL = feedStatements({
  param: (n) => `$${n}`,
  keyList: (p) => `SELECT unnest(${p}::text[]) AS item`,
});

/** Runs one statement on the pool; a failure is a StoreError. */
async function query(pool: Pool, sql: Sql): Promise<Row[]> {
  try {
    return (await pool.query(sql.text, sql.params)).rows as Row[];
  } catch (error) {
    throw new StoreError("query", error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export interface PostgresOptions {
  /** A connection URL: postgres://user:password@host:port/database. */
  url: string;
  /** The schema to keep the archive in (created when missing); default `public`. */
  schema?: string;
}

/** Connects to PostgreSQL, creates the schema's tables when needed, and returns the store. */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  let pg: typeof import("pg").default;
  try {
    pg = (await import("pg")).default;
  } catch (error) {
    throw new StoreError("open PostgreSQL", "the pg package is not installed (npm install pg)", { cause: error });
  }
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError("open PostgreSQL", `bad schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 4,
    connectionTimeoutMillis: 10_000,
    options: `-c search_path=${schema}`,
  });
  // An idle connection that breaks (server restart) must not crash the process.
  pool.on("error", () => undefined);
  try {
    await migrate(pool, schema);
  } catch (error) {
    await pool.end();
    throw new StoreError(`open PostgreSQL ${redact(options.url)}`, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return new PostgresStore(pool);
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

async function migrate(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One migrator at a time across processes; the lock ends with the transaction.
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`sitrep-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS sitrep_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>("SELECT COALESCE(MAX(version), 0) AS version FROM sitrep_migrations");
    const current = Number(rows[0]?.version ?? 0);
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO sitrep_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

class PostgresStore extends Reader implements Store {
  readonly driver = "postgres" as const;
  readonly features: StoreFeatures = Object.freeze({ fullText: "tsvector", concurrentWriters: true });
  readonly #pool: Pool;

  constructor(pool: Pool) {
    super((sql) => query(pool, sql), DIALECT);
    this.#pool = pool;
  }

  async #all(sql: Sql): Promise<Row[]> {
    return query(this.#pool, sql);
  }

  async findDocument(contentHash: string, url: string | null): Promise<number | null> {
    return postgresWriter(this.#pool).existing(contentHash, url);
  }

  async saveBatch(docs: readonly NewDocument[], options: SaveOptions): Promise<SaveOutcome[]> {
    return this.#inTransaction("save batch", async (client) => {
      const writer = postgresWriter(client);
      const outcomes: SaveOutcome[] = [];
      for (const doc of docs) outcomes.push(await saveDocument(writer, doc, options));
      await writer.flush();
      return outcomes;
    });
  }

  async replaceRecord(documentId: number, record: ExtractionRecord): Promise<void> {
    await this.#inTransaction("replace record", async (client) => {
      const { rows } = await client.query("SELECT text FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
      const text = rows[0]?.text;
      if (typeof text !== "string") throw new StoreError("replace record", `no document ${documentId}`);
      for (const table of RECORD_TABLES) {
        await client.query(`DELETE FROM ${table} WHERE document_id = $1`, [documentId]);
      }
      const writer = postgresWriter(client);
      await writer.insertRecord(documentId, record, recordRows(record, text), new Date().toISOString());
      await writer.flush();
    });
  }

  async #inTransaction<T>(op: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw new StoreError(op, error instanceof Error ? error.message : String(error), { cause: error });
    }
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (error instanceof StoreError) throw error;
      throw new StoreError(op, error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      client.release();
    }
  }


  eventPages(query: Parameters<Store["eventPages"]>[0], pageSize?: number) {
    return exchangePages((sql) => this.#all(sql), DIALECT, query, pageSize);
  }

  async importEvents(file: ImportFile, events: AsyncIterable<ImportedEvent>): Promise<ImportOutcome> {
    const [known] = await this.#all({ text: "SELECT id FROM imported_files WHERE source = $1 AND content_hash = $2", params: [file.source, file.contentHash] });
    if (known !== undefined) return { status: "unchanged", fileId: Number(known["id"]), events: 0 };
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw new StoreError(`import ${file.path}`, error instanceof Error ? error.message : String(error), { cause: error });
    }
    try {
      // The file is read while the transaction is open: a bad row rolls back every row before it.
      await client.query("BEGIN");
      const { rows } = await client.query("INSERT INTO imported_files (source, path, content_hash, imported_at) VALUES ($1, $2, $3, $4) RETURNING id",
        [file.source, file.path, file.contentHash, file.importedAt]);
      const fileId = Number((rows[0] as Row)["id"]);
      // Rows go in chunks; within one, a later row with the same dataset id wins (one statement
      // may not update a row twice).
      let chunk = new Map<string, unknown[]>();
      const flush = async () => {
        await insertMany(client, "imported_events", IMPORTED_COLUMNS, [...chunk.values()], IMPORTED_UPSERT);
        chunk = new Map();
      };
      let count = 0;
      for await (const event of events) {
        chunk.set(event.sourceId, importedParams(fileId, file.source, event));
        count += 1;
        if (chunk.size >= 500) await flush();
      }
      if (chunk.size > 0) await flush();
      await client.query("UPDATE imported_files SET events = $1 WHERE id = $2", [count, fileId]);
      await client.query("COMMIT");
      return { status: "imported", fileId, events: count };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (error instanceof SitrepError) throw error;
      throw new StoreError(`import ${file.path}`, error instanceof Error ? error.message : String(error), { cause: error });
    } finally {
      client.release();
    }
  }

  importedPages(query: Parameters<Store["importedPages"]>[0], pageSize?: number) {
    return importedPages((sql) => this.#all(sql), (n) => `$${n}`, query, pageSize);
  }

  async record(documentId: number): Promise<ExtractionRecord | null> {
    const [row] = await this.#all({ text: "SELECT record FROM records WHERE document_id = $1", params: [documentId] });
    return row === undefined ? null : (row["record"] as ExtractionRecord);
  }

  async recordsToCheck(afterId: number, limit: number) {
    const rows = await this.#all({
      text: `SELECT d.id, r.extractor FROM documents d LEFT JOIN records r ON r.document_id = d.id
        WHERE d.id > $1 AND d.duplicate_of IS NULL ORDER BY d.id LIMIT $2`,
      params: [afterId, limit],
    });
    return rows.map((r) => ({ id: Number(r["id"]), extractor: r["extractor"] === null ? null : String(r["extractor"]) }));
  }

  async counts(): Promise<StoreCounts> {
    const [row = {}] = await this.#all({ text: COUNTS_SQL, params: [] });
    return {
      documents: Number(row["documents"]), duplicates: Number(row["duplicates"]), events: Number(row["events"]),
      actors: Number(row["actors"]), claims: Number(row["claims"]),
    };
  }

  async feedState(url: string): Promise<FeedState | null> {
    const [row] = await this.#all({ text: FEED_SQL.state, params: [url] });
    return row === undefined ? null : toFeedState(row);
  }

  async seenFeedItems(url: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.#all({ text: FEED_SQL.seen, params: [url, keys] });
    return new Set(rows.map((r) => String(r["item_key"])));
  }

  async recordFeedPoll(state: FeedState, seen: readonly string[]): Promise<void> {
    await this.#inTransaction("record feed poll", async (client) => {
      await client.query(FEED_SQL.upsert, upsertParams(state));
      if (seen.length > 0) await client.query(FEED_SQL.insertSeen, [state.url, state.polledAt ?? new Date().toISOString(), [...seen]]);
    });
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** Queryable: a pool or one client inside a transaction. */
type Queryable = Pick<PoolClient, "query">;

/** Largest rows per multi-row INSERT, under PostgreSQL's 65,535 parameters for any table here. */
const ROWS_PER_INSERT = 2000;

/** `INSERT INTO table (columns) VALUES (…), (…) suffix`, in chunks; returns the rows RETURNING gave. */
async function insertMany(db: Queryable, table: string, columns: string, rows: unknown[][], suffix = ""): Promise<Row[]> {
  const out: Row[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => { params.push(value); return `$${params.length}`; }).join(", ")})`);
    const result = await db.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(", ")} ${suffix}`, params);
    out.push(...(result.rows as Row[]));
  }
  return out;
}

/** A record whose rows wait to be inserted with the others of its batch. */
interface PendingRecord { documentId: number; record: ExtractionRecord; rows: RecordRows; extractedAt: string }

/**
 * The rows of `records` (of documents stored in this transaction) inserted table by table, a few
 * multi-row statements for them all: the round trips, and the statement triggers that count the
 * rollups from their transition tables, are paid once per batch rather than once per document.
 */
async function insertRecords(db: Queryable, records: readonly PendingRecord[]): Promise<void> {
  if (records.length === 0) return;
  await insertMany(db, "records", "document_id, extractor, extracted_at, record",
    records.map(({ documentId, record, extractedAt }) => [documentId, record.extractor, extractedAt, recordJson(record)]));
  // An actor or event row is known by its document and local id.
  const key = (documentId: unknown, localId: unknown): string => `${String(documentId)}\t${String(localId)}`;
  const ids = (rows: Row[]) => new Map(rows.map((r) => [key(r["document_id"], r["local_id"]), Number(r["id"])]));
  const actorIds = ids(await insertMany(db, "actors", "document_id, local_id, name, aliases, kind, country, mentions",
    records.flatMap(({ documentId, rows }) => rows.actors.map((a) => [documentId, a.localId, a.name, a.aliases, a.kind, a.country, a.mentions])),
    "RETURNING id, document_id, local_id"));
  const namesOf = new Map(records.flatMap(({ documentId, rows }) => rows.actors.map((a) => [key(documentId, a.localId), actorNames(a.name, a.aliases)])));
  await insertMany(db, "actor_names", "name, actor_id", [...namesOf].flatMap(([actor, names]) => names.map((name) => [name, actorIds.get(actor)])),
    "ON CONFLICT DO NOTHING");
  const eventIds = ids(await insertMany(db, "events", `document_id, local_id, type, mode, modality, date_start, date_end, country, admin1,
    place, lat, lon, fatalities_low, fatalities_high, injuries_low, injuries_high, claim, evidence, sentence`,
  records.flatMap(({ documentId, rows }) => rows.events.map((e) => [documentId, e.localId, e.type, e.mode, e.modality, e.dateStart, e.dateEnd,
    e.country, e.admin1, e.place, e.lat, e.lon, e.fatalitiesLow, e.fatalitiesHigh, e.injuriesLow, e.injuriesHigh, e.claim, e.evidence, e.sentence])),
  "RETURNING id, document_id, local_id"));
  const links: unknown[][] = [];
  const eventNames: unknown[][] = [];
  for (const { documentId, rows } of records) {
    for (const e of rows.events) {
      const event = eventIds.get(key(documentId, e.localId));
      for (const l of e.links) {
        const actor = key(documentId, l.actor);
        if (actorIds.has(actor)) links.push([event, actorIds.get(actor), l.role]);
        for (const name of namesOf.get(actor) ?? []) eventNames.push([name, e.dateStart, event]);
      }
    }
  }
  await insertMany(db, "event_actors", "event_id, actor_id, role", links, "ON CONFLICT DO NOTHING");
  await insertMany(db, "event_names", "name, date_start, event_id", eventNames, "ON CONFLICT DO NOTHING");
  await insertMany(db, "claims", "document_id, local_id, speaker, kind, name, hedged, evidence, sentence",
    records.flatMap(({ documentId, rows }) => rows.claims.map((c) => [documentId, c.localId, c.speaker, c.kind, c.name, c.hedged, c.evidence, c.sentence])));
  await insertMany(db, "relations", "document_id, type, actor, recipient, modality, claim, evidence, sentence",
    records.flatMap(({ documentId, rows }) => rows.relations.map((r) => [documentId, r.type, r.actor, r.recipient, r.modality, r.claim, r.evidence, r.sentence])));
  await insertMany(db, "statistics", "document_id, subject, measure, value, period_start, period_end, claim, evidence, sentence",
    records.flatMap(({ documentId, rows }) => rows.statistics.map((st) => [documentId, st.subject, st.measure, st.value, st.periodStart, st.periodEnd,
      st.claim, st.evidence, st.sentence])));
}

/** The batch statements on `db`; a record's rows wait for `flush`, which inserts those of every record given since. */
function postgresWriter(db: Queryable): BatchWriter & { flush(): Promise<void> } {
  const pending: PendingRecord[] = [];
  const one = async (text: string, params: unknown[]): Promise<number | null> => {
    const { rows } = await db.query(text, params);
    const id = (rows[0] as Row | undefined)?.["id"];
    return id === undefined || id === null ? null : Number(id);
  };
  return {
    async flush() {
      await insertRecords(db, pending.splice(0));
    },
    async existing(contentHash, url) {
      return one("SELECT id FROM documents WHERE content_hash = $1 OR (url IS NOT NULL AND url = $2) ORDER BY id LIMIT 1", [contentHash, url]);
    },
    async candidates(bands) {
      const { rows } = await db.query(`SELECT DISTINCT d.id, d.signature FROM document_bands b JOIN documents d ON d.id = b.document_id
        WHERE b.band = ANY($1) AND d.duplicate_of IS NULL`, [bands]);
      return (rows as Row[]).map((r) => ({ id: Number(r["id"]), signature: r["signature"] as Uint8Array }));
    },
    async insertDocument(doc, duplicateOf) {
      return one(`INSERT INTO documents (doc_key, source, url, title, published, retrieved_at, content_hash, signature, duplicate_of, text)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
      [doc.key, doc.source, doc.url, doc.title, doc.published, doc.retrievedAt, doc.contentHash, signatureBytes(doc.signature), duplicateOf, doc.text]);
    },
    async insertBands(documentId, bands) {
      await insertMany(db, "document_bands", "band, document_id", bands.map((band) => [band, documentId]), "ON CONFLICT DO NOTHING");
    },
    async insertRecord(documentId, record, rows: RecordRows, extractedAt) {
      pending.push({ documentId, record, rows, extractedAt });
    },
  };
}
