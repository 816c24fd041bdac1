/**
 * The SQLite driver (better-sqlite3): one file, WAL journal, FTS5 for full text. A batch is one
 * `BEGIN IMMEDIATE … COMMIT`: after a crash (kill -9 included) the file holds every committed
 * batch whole and nothing of the one in flight. One writer at a time; readers never wait.
 */
import Database from "better-sqlite3";
import type { ExtractionRecord } from "../../core/index.js";
import { SitrepError, StoreError } from "../../core/index.js";
import { signatureBytes } from "../../ingest/index.js";
import { RECORD_TABLES, saveDocument, type BatchWriter } from "../batch.js";
import { COUNTS_SQL } from "../queries.js";
import { Reader } from "../reader.js";
import type { Dialect, Sql } from "../sql.js";
import { exchangePages } from "../exchange.js";
import { feedStatements, toFeedState, upsertParams } from "../feeds.js";
import { IMPORTED_COLUMNS, IMPORTED_UPSERT, IMPORTED_WIDTH, importedPages, importedParams } from "../imports.js";
import { recordRows, type RecordRows } from "../rows.js";
import type { FeedState, ImportedEvent, ImportFile, ImportOutcome, NewDocument, SaveOptions, SaveOutcome, Store, StoreCounts, StoreFeatures } from "../store.js";
import { COUNT_DEFERRED, DEFER_ROLLUPS } from "./batch-counts.js";
import { BatchRows, TableRows } from "./batch-rows.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { textListing } from "./sqlite-text.js";

type Row = Record<string, unknown>;
type Prepare = (sql: string, pluck?: boolean) => Database.Statement;

/**
 * Every statement and database this process made, kept until it exits. On Node 24,
 * better-sqlite3 12 aborts the process when the garbage collector finalizes a statement
 * (`RemoveEnvironmentCleanupHook: Assertion (env) != nullptr`, in Statement::~Statement), so no
 * statement may become garbage: each SQL text is prepared once per database (the texts are
 * bounded: filters combine a fixed set of conditions) and held here.
 */
const RETAINED: unknown[] = [];

/** A preparer that prepares each SQL text once for `db` and keeps the statement for good. */
function cachedPrepare(db: Database.Database): Prepare {
  const cache = new Map<string, Database.Statement>();
  RETAINED.push(db, cache);
  return (sql, pluck = false) => {
    const key = `${pluck ? "1" : "0"}${sql}`;
    let statement = cache.get(key);
    if (statement === undefined) {
      statement = db.prepare(sql);
      if (pluck) statement.pluck();
      cache.set(key, statement);
    }
    return statement;
  };
}

const DIALECT: Dialect = {
  param: () => "?",
  // For counts and views, which need every match; a listing latest first walks events_text in
  // date order instead (sqlite-text.ts). Its rowid holds the event id in the low 32 bits.
  eventText: (p) => `e.id IN (SELECT rowid & 4294967295 FROM events_text WHERE events_text MATCH ${p})`,
  documentText: (p) => `+d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${p})`,
  // Each word quoted: FTS5 operators and punctuation in the user's text are only words.
  textQuery: (words) => words.map((w) => `"${w}"`).join(" "),
  caseless: (column, p) => `${column} = ${p}`, // admin1 is declared COLLATE NOCASE
  // One parameter for any number of ids: one SQL text, one cached statement (see RETAINED).
  idList: (p) => `SELECT value FROM json_each(${p})`,
  idParam: (ids) => JSON.stringify(ids),
  textList: (p) => `SELECT value FROM json_each(${p})`,
  textParam: (values) => JSON.stringify(values),
  pairList: (p) => `SELECT value ->> 0 AS name, value ->> 1 AS shown FROM json_each(${p})`,
  pairParam: (pairs) => JSON.stringify(pairs),
  bool: (value) => (value ? 1 : 0),
  // 'weekday 1' moves forward to a Monday (or stays on one): six days back first lands on this week's.
  period: (interval, column) => (interval === "day" ? column
    : interval === "week" ? `date(${column}, '-6 days', 'weekday 1')` : `substr(${column}, 1, 7) || '-01'`),
};

const FEED_SQL = feedStatements({
  param: () => "?",
  keyList: (p) => `SELECT value AS item FROM json_each(${p})`,
});

/** Opens (creating and migrating when needed) the SQLite archive at `path`. */
export function openSqliteStore(path: string): Store {
  let db: Database.Database;
  let prepare: Prepare;
  try {
    db = new Database(path);
    prepare = cachedPrepare(db);
    // NORMAL in WAL mode: a commit survives a crash of the process; only power loss can undo the last ones.
    // (exec, not pragma(): pragma() makes a statement that would become garbage; see RETAINED.)
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
    migrate(db, prepare);
  } catch (error) {
    throw new StoreError(`open ${path}`, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return new SqliteStore(db, prepare);
}

function migrate(db: Database.Database, prepare: Prepare): void {
  const current = Number(prepare("PRAGMA user_version", true).get());
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.exec(`BEGIN IMMEDIATE; ${migration.sql}; PRAGMA user_version = ${migration.version}; COMMIT;`);
  }
}

class SqliteStore extends Reader implements Store {
  readonly driver = "sqlite" as const;
  readonly features: StoreFeatures = Object.freeze({ fullText: "fts5", concurrentWriters: false });
  readonly #db: Database.Database;
  readonly #prepare: Prepare;
  readonly #writer: BatchWriter;
  /** The record rows of the batch being written, inserted before it is counted. */
  readonly #rows = new BatchRows();

  constructor(db: Database.Database, prepare: Prepare) {
    super(async (sql) => prepare(sql.text).all(...sql.params) as Row[], DIALECT, (query) => textListing(query, DIALECT));
    this.#db = db;
    this.#prepare = prepare;
    this.#writer = sqliteWriter(prepare, this.#rows);
  }

  async findDocument(contentHash: string, url: string | null): Promise<number | null> {
    return this.#writer.existing(contentHash, url);
  }

  async saveBatch(docs: readonly NewDocument[], options: SaveOptions): Promise<SaveOutcome[]> {
    // The writer's promises resolve synchronously (better-sqlite3 is synchronous), so nothing
    // else runs on this connection between BEGIN and COMMIT.
    return this.#inTransaction("save batch", () => this.#countedOnce(async () => {
      const outcomes: SaveOutcome[] = [];
      for (const doc of docs) outcomes.push(await saveDocument(this.#writer, doc, options));
      return outcomes;
    }));
  }

  async replaceRecord(documentId: number, record: ExtractionRecord): Promise<void> {
    const text = this.#prepare("SELECT text FROM documents WHERE id = ?", true).get(documentId);
    if (typeof text !== "string") throw new StoreError("replace record", `no document ${documentId}`);
    await this.#inTransaction("replace record", async () => {
      for (const table of RECORD_TABLES) {
        this.#prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(documentId);
      }
      await this.#countedOnce(() => this.#writer.insertRecord(documentId, record, recordRows(record, text), new Date().toISOString()));
    });
  }

  /**
   * Runs `insert` (inside a transaction) with the record rows it writes held and inserted together
   * after it (batch-rows.ts), then the rollups counted once for them all, not per row (batch-counts.ts).
   */
  async #countedOnce<T>(insert: () => Promise<T>): Promise<T> {
    const last = this.#prepare(DEFER_ROLLUPS).get() as { events_after: number; actors_after: number };
    this.#rows.begin(Number(last.actors_after), Number(last.events_after));
    const result = await insert();
    this.#rows.flush(this.#prepare);
    for (const sql of COUNT_DEFERRED) this.#prepare(sql).run();
    return result;
  }

  async #inTransaction<T>(op: string, work: () => Promise<T>): Promise<T> {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      if (error instanceof StoreError) throw error;
      throw new StoreError(op, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  #all(sql: Sql): Row[] {
    return this.#prepare(sql.text).all(...sql.params) as Row[];
  }


  eventPages(query: Parameters<Store["eventPages"]>[0], pageSize?: number) {
    return exchangePages((sql) => this.#all(sql), DIALECT, query, pageSize);
  }

  async importEvents(file: ImportFile, events: AsyncIterable<ImportedEvent>): Promise<ImportOutcome> {
    const known = this.#prepare("SELECT id FROM imported_files WHERE source = ? AND content_hash = ?", true).get(file.source, file.contentHash);
    if (known !== undefined) return { status: "unchanged", fileId: Number(known), events: 0 };
    // The file is read while the transaction is open: a bad row rolls back every row before it.
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const fileId = Number(this.#prepare("INSERT INTO imported_files (source, path, content_hash, imported_at) VALUES (?, ?, ?, ?) RETURNING id", true)
        .get(file.source, file.path, file.contentHash, file.importedAt));
      const insert = this.#prepare(`INSERT INTO imported_events (${IMPORTED_COLUMNS}) VALUES (${Array(IMPORTED_WIDTH).fill("?").join(", ")}) ${IMPORTED_UPSERT}`);
      let count = 0;
      for await (const event of events) {
        insert.run(...importedParams(fileId, file.source, event));
        count += 1;
      }
      this.#prepare("UPDATE imported_files SET events = ? WHERE id = ?").run(count, fileId);
      this.#db.exec("COMMIT");
      return { status: "imported", fileId, events: count };
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      if (error instanceof SitrepError) throw error;
      throw new StoreError(`import ${file.path}`, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  importedPages(query: Parameters<Store["importedPages"]>[0], pageSize?: number) {
    return importedPages((sql) => this.#all(sql), () => "?", query, pageSize);
  }

  async record(documentId: number): Promise<ExtractionRecord | null> {
    const json = this.#prepare("SELECT record FROM records WHERE document_id = ?", true).get(documentId);
    return typeof json === "string" ? (JSON.parse(json) as ExtractionRecord) : null;
  }

  async recordsToCheck(afterId: number, limit: number) {
    const rows = this.#prepare(`SELECT d.id, r.extractor FROM documents d LEFT JOIN records r ON r.document_id = d.id
      WHERE d.id > ? AND d.duplicate_of IS NULL ORDER BY d.id LIMIT ?`).all(afterId, limit) as Row[];
    return rows.map((r) => ({ id: Number(r["id"]), extractor: r["extractor"] === null ? null : String(r["extractor"]) }));
  }

  async counts(): Promise<StoreCounts> {
    const row = this.#prepare(COUNTS_SQL).get() as Row;
    return {
      documents: Number(row["documents"]), duplicates: Number(row["duplicates"]), events: Number(row["events"]),
      actors: Number(row["actors"]), claims: Number(row["claims"]),
    };
  }

  async feedState(url: string): Promise<FeedState | null> {
    const row = this.#prepare(FEED_SQL.state).get(url) as Row | undefined;
    return row === undefined ? null : toFeedState(row);
  }

  async seenFeedItems(url: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    return new Set(this.#prepare(FEED_SQL.seen, true).all(url, JSON.stringify(keys)) as string[]);
  }

  async recordFeedPoll(state: FeedState, seen: readonly string[]): Promise<void> {
    await this.#inTransaction("record feed poll", async () => {
      this.#prepare(FEED_SQL.upsert).run(...upsertParams(state));
      if (seen.length > 0) this.#prepare(FEED_SQL.insertSeen).run(state.url, state.polledAt ?? new Date().toISOString(), JSON.stringify(seen));
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** The batch statements, prepared once; a record's rows go to `rows`, inserted when the batch is counted. */
function sqliteWriter(prepare: Prepare, rows: BatchRows): BatchWriter {
  const byHash = prepare("SELECT id FROM documents WHERE content_hash = ?", true);
  const byUrl = prepare("SELECT id FROM documents WHERE url = ?", true);
  const insertDoc = prepare(`INSERT INTO documents (doc_key, source, url, title, published, retrieved_at, content_hash, signature, duplicate_of, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`, true);
  // Inserted at once: a later document of the batch looks its copies up by them.
  const bandRows = new TableRows("INSERT OR IGNORE INTO document_bands (band, document_id)", 2);
  return {
    async existing(contentHash, url) {
      const id = byHash.get(contentHash) ?? (url === null ? undefined : byUrl.get(url));
      return id === undefined ? null : Number(id);
    },
    async candidates(bands) {
      const list = bands.map(() => "?").join(", ");
      return prepare(`SELECT DISTINCT d.id, d.signature FROM document_bands b JOIN documents d ON d.id = b.document_id
        WHERE b.band IN (${list}) AND d.duplicate_of IS NULL`).all(...bands) as Array<{ id: number; signature: Uint8Array }>;
    },
    async insertDocument(doc, duplicateOf) {
      const id = insertDoc.get(doc.key, doc.source, doc.url, doc.title, doc.published, doc.retrievedAt, doc.contentHash,
        signatureBytes(doc.signature), duplicateOf, doc.text);
      return id === undefined ? null : Number(id);
    },
    async insertBands(documentId, bands) {
      for (const band of bands) bandRows.values.push(band, documentId);
      bandRows.flush(prepare);
    },
    async insertRecord(documentId, record, flat: RecordRows, extractedAt) {
      rows.add(documentId, record, flat, extractedAt);
    },
  };
}
