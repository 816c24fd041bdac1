/**
 * A batch's record rows written in multi-row INSERTs on SQLite, once every document of the batch
 * is in. A statement per row costs more than the row: the statement's journal, a flush of FTS5's
 * pending terms, and a frame for each of the insert triggers (which stand aside during a batch,
 * but are entered to find that out). Many rows a statement pay that once. Actors and events get
 * their ids here, counting on from the last ones before the batch (`DEFER_ROLLUPS`), the ids
 * SQLite would have given them one by one; links and names refer to those ids.
 */
import type Database from "better-sqlite3";
import { recordJson, type ExtractionRecord } from "../../core/index.js";
import { actorNames } from "../batch.js";
import type { RecordRows } from "../rows.js";

type Prepare = (sql: string, pluck?: boolean) => Database.Statement;

/** Rows a statement takes, largest first: a table's rows go in as few statements as these sizes make. A bounded set of SQL texts (see RETAINED). */
const CHUNKS = [64, 8, 1] as const;

/** The rows waiting for one table, flat: `width` values each. */
export class TableRows {
  readonly #head: string;
  readonly #width: number;
  /** The statement for each number of rows, once prepared. */
  readonly #statements = new Map<number, Database.Statement>();
  #values: unknown[] = [];

  /** `head` is `INSERT … INTO table (columns)`, for rows of `width` values. */
  constructor(head: string, width: number) {
    this.#head = head;
    this.#width = width;
  }

  /** The rows waiting, flat: a row is added by pushing its values. */
  get values(): unknown[] {
    return this.#values;
  }

  /** Inserts the rows waiting, then forgets them. */
  flush(prepare: Prepare): void {
    const values = this.#values;
    this.#values = [];
    const width = this.#width;
    let at = 0;
    for (const size of CHUNKS) {
      if (values.length - at < size * width) continue;
      const statement = this.#statement(prepare, size);
      for (; values.length - at >= size * width; at += size * width) statement.run(values.slice(at, at + size * width));
    }
  }

  #statement(prepare: Prepare, size: number): Database.Statement {
    let statement = this.#statements.get(size);
    if (statement === undefined) {
      const tuple = `(${Array(this.#width).fill("?").join(", ")})`;
      statement = prepare(`${this.#head} VALUES ${Array(size).fill(tuple).join(", ")}`);
      this.#statements.set(size, statement);
    }
    return statement;
  }

  clear(): void {
    this.#values = [];
  }
}

/** The record rows of a batch, held until `flush`. */
export class BatchRows {
  readonly #records = new TableRows("INSERT INTO records (document_id, extractor, extracted_at, record)", 4);
  readonly #actors = new TableRows("INSERT INTO actors (id, document_id, local_id, name, aliases, kind, country, mentions)", 8);
  readonly #actorNames = new TableRows("INSERT OR IGNORE INTO actor_names (name, actor_id)", 2);
  readonly #events = new TableRows(`INSERT INTO events (id, document_id, local_id, type, mode, modality, date_start, date_end, country, admin1, place,
    lat, lon, fatalities_low, fatalities_high, injuries_low, injuries_high, claim, evidence, sentence)`, 20);
  readonly #links = new TableRows("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role)", 3);
  readonly #eventNames = new TableRows("INSERT OR IGNORE INTO event_names (name, date_start, event_id)", 3);
  readonly #claims = new TableRows("INSERT INTO claims (document_id, local_id, speaker, kind, name, hedged, evidence, sentence)", 8);
  readonly #relations = new TableRows("INSERT INTO relations (document_id, type, actor, recipient, modality, claim, evidence, sentence)", 8);
  readonly #statistics = new TableRows(`INSERT INTO statistics (document_id, subject, measure, value, period_start, period_end, claim, evidence, sentence)`, 9);
  /** In insertion order: a row's references come before it (actors and events before their links and names). */
  readonly #tables = [this.#records, this.#actors, this.#actorNames, this.#events, this.#links, this.#eventNames, this.#claims, this.#relations, this.#statistics];
  #lastActor = 0;
  #lastEvent = 0;

  /** Starts a batch whose new actors and events come after these ids; rows of an earlier batch that failed are dropped. */
  begin(lastActor: number, lastEvent: number): void {
    for (const table of this.#tables) table.clear();
    this.#lastActor = lastActor;
    this.#lastEvent = lastEvent;
  }

  add(documentId: number, record: ExtractionRecord, rows: RecordRows, extractedAt: string): void {
    this.#records.values.push(documentId, record.extractor, extractedAt, recordJson(record));
    const actorIds = new Map<string, number>();
    const namesOf = new Map<string, string[]>();
    for (const a of rows.actors) {
      const id = ++this.#lastActor;
      this.#actors.values.push(id, documentId, a.localId, a.name, a.aliases, a.kind, a.country, a.mentions);
      const names = actorNames(a.name, a.aliases);
      actorIds.set(a.localId, id);
      namesOf.set(a.localId, names);
      for (const name of names) this.#actorNames.values.push(name, id);
    }
    for (const e of rows.events) {
      const id = ++this.#lastEvent;
      this.#events.values.push(id, documentId, e.localId, e.type, e.mode, e.modality, e.dateStart, e.dateEnd, e.country, e.admin1,
        e.place, e.lat, e.lon, e.fatalitiesLow, e.fatalitiesHigh, e.injuriesLow, e.injuriesHigh, e.claim, e.evidence, e.sentence);
      for (const link of e.links) {
        const actor = actorIds.get(link.actor);
        if (actor !== undefined) this.#links.values.push(id, actor, link.role);
        for (const name of namesOf.get(link.actor) ?? []) this.#eventNames.values.push(name, e.dateStart, id);
      }
    }
    for (const c of rows.claims) this.#claims.values.push(documentId, c.localId, c.speaker, c.kind, c.name, c.hedged ? 1 : 0, c.evidence, c.sentence);
    for (const r of rows.relations) this.#relations.values.push(documentId, r.type, r.actor, r.recipient, r.modality, r.claim, r.evidence, r.sentence);
    for (const st of rows.statistics) {
      this.#statistics.values.push(documentId, st.subject, st.measure, st.value, st.periodStart, st.periodEnd, st.claim, st.evidence, st.sentence);
    }
  }

  /** Inserts every row held, table by table. */
  flush(prepare: Prepare): void {
    for (const table of this.#tables) table.flush(prepare);
  }
}
