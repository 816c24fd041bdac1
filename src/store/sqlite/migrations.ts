/**
 * The SQLite schema, as numbered migrations applied in order; `PRAGMA user_version` records the
 * last one applied. Never edit a released migration: add the next.
 */
export interface Migration { version: number; name: string; sql: string }

/** The key columns of event_counts (migration 8), and of event_kinds without the dates. */
export const COUNT_KEY = ["date_start", "date_end", "country", "admin1", "type", "modality"];
export const KIND_KEY = ["country", "admin1", "type", "modality"];

/**
 * Statements a trigger on events runs to count `row` (new or old) into `table`, keyed by `key`:
 * the key's row made when missing, then its counts moved by `sign`; a row counting nothing is
 * deleted. `IS` compares nulls as values, so a null country is a key like any other.
 */
function countInto(table: string, key: readonly string[], row: "new" | "old", sign: 1 | -1, fatalities: boolean): string {
  const match = key.map((c) => `${c} IS ${row}.${c}`).join(" AND ");
  const tally = `events = events ${sign > 0 ? "+" : "-"} 1${fatalities ? `, fatalities = fatalities ${sign > 0 ? "+" : "-"} coalesce(${row}.fatalities_low, 0)` : ""}`;
  if (sign < 0) return `UPDATE ${table} SET ${tally} WHERE ${match};\n  DELETE FROM ${table} WHERE ${match} AND events = 0;`;
  const zero = fatalities ? "0, 0" : "0";
  return `INSERT INTO ${table} (${key.join(", ")}, events${fatalities ? ", fatalities" : ""}) SELECT ${key.map((c) => `${row}.${c}`).join(", ")}, ${zero}
    WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${match});\n  UPDATE ${table} SET ${tally} WHERE ${match};`;
}

/** The series event_series keeps (migration 9): each period's first day, from an event's first day, as the dialect's `period` writes it. */
export const PERIODS: ReadonlyArray<[string, (day: string) => string]> = [
  ["day", (day) => day], ["week", (day) => `date(${day}, '-6 days', 'weekday 1')`], ["month", (day) => `substr(${day}, 1, 7) || '-01'`],
];
export const SPLITS: ReadonlyArray<[string, (row: string) => string]> = [["none", () => "'all'"], ["type", (row) => `${row}.type`], ["country", (row) => `${row}.country`]];

/** Statements counting the dated event `row` into each of its nine series (three periods, three splits) by `sign`. */
function countSeries(row: "new" | "old", sign: 1 | -1): string {
  const op = sign > 0 ? "+" : "-";
  return PERIODS.flatMap(([interval, period]) => SPLITS.map(([split, key]) => {
    const match = `period_kind = '${interval}' AND split = '${split}' AND series_key IS ${key(row)} AND period = ${period(`${row}.date_start`)}`;
    const tally = `UPDATE event_series SET events = events ${op} 1, fatalities = fatalities ${op} coalesce(${row}.fatalities_low, 0) WHERE ${match};`;
    if (sign < 0) return `${tally}\n  DELETE FROM event_series WHERE ${match} AND events = 0;`;
    return `INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
    SELECT '${interval}', '${split}', ${key(row)}, ${period(`${row}.date_start`)}, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM event_series WHERE ${match});\n  ${tally}`;
  })).join("\n  ");
}

/** actor_counts' key (migration 10) is `a`'s name, kind and country, the actor row `id`'s when `id` is given. */
function actorKey(a: string, id?: string): string {
  if (id === undefined) return `name = ${a}.name AND kind = ${a}.kind AND country IS ${a}.country`;
  const of = (column: string) => `(SELECT ${column} FROM actors WHERE id = ${id})`;
  return `name = ${of("name")} AND kind = ${of("kind")} AND country IS ${of("country")}`;
}

/** Whether event `event` has a link, other than `except`, to an actor row of the same name, kind and country as actor row `actor` (`a`). */
function linkedAlike(event: string, a: string, except: string): string {
  return `EXISTS (SELECT 1 FROM event_actors eb JOIN actors b ON b.id = eb.actor_id WHERE eb.event_id = ${event} AND ${except}
    AND b.name = ${a}.name AND b.kind = ${a}.kind AND b.country IS ${a}.country)`;
}

/** Whether document `old`/`new`.document_id has another actor row of the same name, kind and country. */
const alikeInDocument = (row: string) => `EXISTS (SELECT 1 FROM actors b WHERE b.document_id = ${row}.document_id AND b.id <> ${row}.id
    AND b.name = ${row}.name AND b.kind = ${row}.kind AND b.country IS ${row}.country)`;

/** What actor_counts' triggers run for an actor row inserted (migration 10, again in 13). */
const ACTOR_ADDED = `  INSERT INTO actor_counts (name, kind, country, documents, events) SELECT new.name, new.kind, new.country, 0, 0
    WHERE NOT EXISTS (SELECT 1 FROM actor_counts WHERE ${actorKey("new")});
  UPDATE actor_counts SET documents = documents + 1 WHERE ${actorKey("new")} AND NOT ${alikeInDocument("new")};`;
/** ... and for a link of an event to an actor inserted. */
const ACTOR_LINKED = `  UPDATE actor_counts SET events = events + 1 WHERE ${actorKey("", "new.actor_id")}
    AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = new.actor_id AND ${linkedAlike("new.event_id", "a", "NOT (eb.actor_id = new.actor_id AND eb.role = new.role)")});`;

/** The events_text rowid of event `row` (migration 7): its first day's number × 2^32 + its id; undated, day 0. */
export const eventTextRowid = (row: string): string => `coalesce(CAST(julianday(${row}.date_start) AS INTEGER), 0) * 4294967296 + ${row}.id`;

/** Both rollups' statements for `row`. */
function countEvent(row: "new" | "old", sign: 1 | -1): string {
  return `${countInto("event_counts", COUNT_KEY, row, sign, true)}\n  ${countInto("event_kinds", KIND_KEY, row, sign, false)}`;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "documents, records, actors, events, claims, full-text indexes",
    sql: `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  retrieved_at TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  signature BLOB NOT NULL,
  duplicate_of INTEGER REFERENCES documents(id),
  text TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE document_bands (
  band TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
) WITHOUT ROWID;

CREATE TABLE records (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  extractor TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  record TEXT NOT NULL
);

CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  UNIQUE (document_id, local_id)
);
CREATE TABLE actor_names (
  name TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (name, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_names_actor ON actor_names(actor_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  modality TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  country TEXT,
  admin1 TEXT COLLATE NOCASE,
  place TEXT,
  lat REAL,
  lon REAL,
  fatalities_low INTEGER,
  fatalities_high INTEGER,
  injuries_low INTEGER,
  injuries_high INTEGER,
  claim TEXT,
  evidence TEXT NOT NULL,
  sentence TEXT NOT NULL,
  UNIQUE (document_id, local_id)
);
CREATE INDEX events_date ON events(date_start, id);
CREATE INDEX events_country_date ON events(country, date_start);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_admin1 ON events(admin1);

CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  speaker TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  hedged INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  UNIQUE (document_id, local_id)
);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='events', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
`,
  },
  {
    version: 2,
    name: "event_names: events by actor name in date order",
    sql: `
CREATE TABLE event_names (
  name TEXT NOT NULL,
  date_start TEXT,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (name, event_id)
) WITHOUT ROWID;
CREATE INDEX event_names_date ON event_names(name, date_start DESC, event_id DESC);
CREATE INDEX event_names_event ON event_names(event_id);
INSERT OR IGNORE INTO event_names (name, date_start, event_id)
  SELECT n.name, e.date_start, e.id FROM event_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id JOIN events e ON e.id = ea.event_id;
`,
  },
  {
    version: 3,
    name: "feeds and feed_items: what a watch polled and read",
    sql: `
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  polled_at TEXT,
  status INTEGER,
  error TEXT,
  failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE feed_items (
  feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
) WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: "relations, statistics, actor mentions, claim texts, events by toll",
    // Relations and statistics were kept only in the record's JSON; the API lists and filters them.
    // Backfilled texts count characters where the extractor counts UTF-16 units: the same for
    // all text outside the astral planes; new rows store the extractor's exact slice.
    sql: `
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  actor TEXT,
  recipient TEXT,
  modality TEXT NOT NULL,
  claim TEXT,
  evidence TEXT NOT NULL,
  sentence TEXT NOT NULL
);
CREATE INDEX relations_document ON relations(document_id);
CREATE INDEX relations_actor ON relations(actor);
CREATE INDEX relations_recipient ON relations(recipient);

CREATE TABLE statistics (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  subject TEXT,
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  period_start TEXT,
  period_end TEXT,
  claim TEXT,
  evidence TEXT NOT NULL,
  sentence TEXT NOT NULL
);
CREATE INDEX statistics_document ON statistics(document_id);

ALTER TABLE actors ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE claims ADD COLUMN sentence TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX events_fatalities ON events(fatalities_low, id);

INSERT INTO relations (document_id, type, actor, recipient, modality, claim, evidence, sentence)
  SELECT r.document_id, json_extract(j.value, '$.type'),
    (SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = json_extract(j.value, '$.actor')),
    (SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = json_extract(j.value, '$.recipient')),
    json_extract(j.value, '$.modality'), json_extract(j.value, '$.claim'), json_extract(j.value, '$.evidence'),
    COALESCE(substr(d.text, json_extract(j.value, '$.evidence[0][0]') + 1, json_extract(j.value, '$.evidence[0][1]') - json_extract(j.value, '$.evidence[0][0]')), '')
  FROM records r JOIN documents d ON d.id = r.document_id, json_each(r.record, '$.relations') j;
INSERT INTO statistics (document_id, subject, measure, value, period_start, period_end, claim, evidence, sentence)
  SELECT r.document_id, COALESCE((SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = json_extract(j.value, '$.subject')),
      json_extract(j.value, '$.subject')), json_extract(j.value, '$.measure'), json_extract(j.value, '$.value'),
    json_extract(j.value, '$.period.start'), json_extract(j.value, '$.period.end'), json_extract(j.value, '$.claim'), json_extract(j.value, '$.evidence'),
    COALESCE(substr(d.text, json_extract(j.value, '$.evidence[0][0]') + 1, json_extract(j.value, '$.evidence[0][1]') - json_extract(j.value, '$.evidence[0][0]')), '')
  FROM records r JOIN documents d ON d.id = r.document_id, json_each(r.record, '$.statistics') j;
UPDATE actors SET mentions = COALESCE((SELECT json_extract(j.value, '$.mentions') FROM records r, json_each(r.record, '$.actors') j
  WHERE r.document_id = actors.document_id AND json_extract(j.value, '$.id') = actors.local_id), '[]');
UPDATE claims SET sentence = COALESCE((SELECT substr(d.text, json_extract(claims.evidence, '$[0][0]') + 1,
  json_extract(claims.evidence, '$[0][1]') - json_extract(claims.evidence, '$[0][0]')) FROM documents d WHERE d.id = claims.document_id), '');
`,
  },
  {
    version: 5,
    name: "tokens and corrections",
    // Tokens keep only the SHA-256 of their secret. A correction names what it corrects by what
    // re-extraction keeps (a document, an event's type and evidence; actor names), never by row ids.
    sql: `
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  name TEXT,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  event_type TEXT,
  evidence TEXT,
  from_name TEXT,
  into_name TEXT,
  actor TEXT,
  alias TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX corrections_document ON corrections(document_id) WHERE document_id IS NOT NULL;
`,
  },
  {
    version: 6,
    name: "imported_files, imported_events: events of other datasets (ACLED, UCDP), apart from extracted ones",
    sql: `
CREATE TABLE imported_files (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  events INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source, content_hash)
);
CREATE TABLE imported_events (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES imported_files(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  line INTEGER NOT NULL,
  date_start TEXT,
  date_end TEXT,
  event_type TEXT,
  sub_event_type TEXT,
  plover_type TEXT,
  mode TEXT,
  modality TEXT,
  actors TEXT NOT NULL,
  recipients TEXT NOT NULL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  place TEXT,
  lat REAL,
  lon REAL,
  fatalities_low INTEGER,
  fatalities_high INTEGER,
  notes TEXT,
  fields TEXT NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX imported_events_country_date ON imported_events(source, country, date_start);
CREATE INDEX imported_events_file ON imported_events(file_id);
`,
  },
  {
    version: 7,
    name: "events_text: full text of events keyed in date order",
    // The rowid is the event's place in "latest first" order, day number × 2^32 + id (undated: day
    // 0, last), so that FTS5 hands matches back latest first and a search stops at its limit,
    // instead of collecting every match of a common word to sort them (see sqlite-text.ts).
    // Contentless: the text stays in events.sentence only. It replaces events_fts.
    sql: `
CREATE VIRTUAL TABLE events_text USING fts5(sentence, content='', contentless_delete=1, tokenize='porter unicode61');
INSERT INTO events_text(rowid, sentence) SELECT coalesce(CAST(julianday(events.date_start) AS INTEGER), 0) * 4294967296 + events.id, sentence FROM events;
CREATE TRIGGER events_text_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_text(rowid, sentence) VALUES (coalesce(CAST(julianday(new.date_start) AS INTEGER), 0) * 4294967296 + new.id, new.sentence);
END;
CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_text WHERE rowid = coalesce(CAST(julianday(old.date_start) AS INTEGER), 0) * 4294967296 + old.id;
END;
CREATE TRIGGER events_text_update AFTER UPDATE OF date_start, sentence ON events BEGIN
  DELETE FROM events_text WHERE rowid = coalesce(CAST(julianday(old.date_start) AS INTEGER), 0) * 4294967296 + old.id;
  INSERT INTO events_text(rowid, sentence) VALUES (coalesce(CAST(julianday(new.date_start) AS INTEGER), 0) * 4294967296 + new.id, new.sentence);
END;
DROP TRIGGER events_fts_insert;
DROP TRIGGER events_fts_delete;
DROP TABLE events_fts;
`,
  },
  {
    version: 8,
    name: "event_counts, event_kinds: events counted by their filters' fields, kept by triggers",
    // Facets and time series over every event read these instead of the events: one row per
    // (first day, last day, country, admin1, type, modality) with its events and deaths, and one
    // per (country, admin1, type, modality). Its indexes hold whole rows, so that a walk in their
    // order never reads the table. The triggers keep them exact in the transaction that
    // writes the events, whatever writes them (a batch, a re-extraction, a cascade, raw SQL).
    sql: `
CREATE TABLE event_counts (
  date_start TEXT,
  date_end TEXT,
  country TEXT,
  admin1 TEXT COLLATE NOCASE,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  events INTEGER NOT NULL,
  fatalities INTEGER NOT NULL
);
CREATE INDEX event_counts_key ON event_counts(${COUNT_KEY.join(", ")}, events, fatalities);
CREATE INDEX event_counts_end ON event_counts(date_end, date_start, country, admin1, type, modality, events);
CREATE INDEX event_counts_country ON event_counts(country, date_start, date_end, admin1, type, modality, events, fatalities);
CREATE TABLE event_kinds (
  country TEXT,
  admin1 TEXT COLLATE NOCASE,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  events INTEGER NOT NULL
);
CREATE INDEX event_kinds_key ON event_kinds(${KIND_KEY.join(", ")});
INSERT INTO event_counts (${COUNT_KEY.join(", ")}, events, fatalities)
  SELECT ${COUNT_KEY.join(", ")}, COUNT(*), SUM(coalesce(fatalities_low, 0)) FROM events GROUP BY ${COUNT_KEY.join(", ")};
INSERT INTO event_kinds (${KIND_KEY.join(", ")}, events) SELECT ${KIND_KEY.join(", ")}, COUNT(*) FROM events GROUP BY ${KIND_KEY.join(", ")};
CREATE TRIGGER event_counts_insert AFTER INSERT ON events BEGIN
  ${countEvent("new", 1)}
END;
CREATE TRIGGER event_counts_delete AFTER DELETE ON events BEGIN
  ${countEvent("old", -1)}
END;
CREATE TRIGGER event_counts_update AFTER UPDATE OF ${COUNT_KEY.join(", ")}, fatalities_low ON events BEGIN
  ${countEvent("old", -1)}
  ${countEvent("new", 1)}
END;
`,
  },
  {
    version: 9,
    name: "event_series: dated events counted per day, week and month, in all, by type and by country, kept by triggers",
    // A time series over every event (or over one country, or one type) reads its points here:
    // as many rows as the answer has points, where event_counts has one per day and key; read from
    // the index alone, which holds whole rows.
    sql: `
CREATE TABLE event_series (
  period_kind TEXT NOT NULL,
  split TEXT NOT NULL,
  series_key TEXT,
  period TEXT NOT NULL,
  events INTEGER NOT NULL,
  fatalities INTEGER NOT NULL
);
CREATE INDEX event_series_key ON event_series(period_kind, split, series_key, period, events, fatalities);
${PERIODS.flatMap(([interval, period]) => SPLITS.map(([split, key]) => `INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
  SELECT '${interval}', '${split}', ${key("events")}, ${period("date_start")}, COUNT(*), SUM(coalesce(fatalities_low, 0)) FROM events
  WHERE date_start IS NOT NULL GROUP BY 3, 4;`)).join("\n")}
CREATE TRIGGER event_series_insert AFTER INSERT ON events WHEN new.date_start IS NOT NULL BEGIN
  ${countSeries("new", 1)}
END;
CREATE TRIGGER event_series_delete AFTER DELETE ON events WHEN old.date_start IS NOT NULL BEGIN
  ${countSeries("old", -1)}
END;
CREATE TRIGGER event_series_update_old AFTER UPDATE OF date_start, type, country, fatalities_low ON events WHEN old.date_start IS NOT NULL BEGIN
  ${countSeries("old", -1)}
END;
CREATE TRIGGER event_series_update_new AFTER UPDATE OF date_start, type, country, fatalities_low ON events WHEN new.date_start IS NOT NULL BEGIN
  ${countSeries("new", 1)}
END;
`,
  },
  {
    version: 10,
    name: "actor_counts: documents and events per actor name, kind and country, kept by triggers",
    // The actor listing reads its counts here rather than counting every link of every actor.
    // Counts are distinct: a document (an event) counts once for a key however many of its actor
    // rows (links) share it. A link deleted with its actor is counted off by the actor's trigger
    // (the cascade runs once the actor row is gone), one deleted with its event by its own.
    sql: `
CREATE TABLE actor_counts (
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  documents INTEGER NOT NULL,
  events INTEGER NOT NULL
);
CREATE INDEX actor_counts_key ON actor_counts(name, kind, country);
CREATE INDEX actor_counts_rank ON actor_counts(events DESC, documents DESC, name, kind, country);
INSERT INTO actor_counts (name, kind, country, documents, events)
  SELECT a.name, a.kind, a.country, COUNT(DISTINCT a.document_id), COUNT(DISTINCT ea.event_id) FROM actors a
  LEFT JOIN event_actors ea ON ea.actor_id = a.id GROUP BY a.name, a.kind, a.country;
CREATE TRIGGER actor_counts_insert AFTER INSERT ON actors BEGIN
${ACTOR_ADDED}
END;
CREATE TRIGGER actor_counts_delete BEFORE DELETE ON actors BEGIN
  UPDATE actor_counts SET documents = documents - (NOT ${alikeInDocument("old")}),
    events = events - (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = old.id
      AND NOT ${linkedAlike("ea.event_id", "old", "eb.actor_id <> old.id")})
    WHERE ${actorKey("old")};
END;
CREATE TRIGGER actor_counts_deleted AFTER DELETE ON actors BEGIN
  DELETE FROM actor_counts WHERE ${actorKey("old")} AND documents = 0;
END;
CREATE TRIGGER actor_counts_link AFTER INSERT ON event_actors BEGIN
${ACTOR_LINKED}
END;
CREATE TRIGGER actor_counts_unlink AFTER DELETE ON event_actors BEGIN
  UPDATE actor_counts SET events = events - 1 WHERE ${actorKey("", "old.actor_id")}
    AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = old.actor_id AND ${linkedAlike("old.event_id", "a", "1 = 1")});
END;
`,
  },
  {
    version: 11,
    name: "event_counts by country and last day",
    // The last day of one country's events (the facets' date range) walks this from its end,
    // rather than sorting every row of the country by date_end.
    sql: `
CREATE INDEX event_counts_country_end ON event_counts(country, date_end, date_start, admin1, type, modality, events);
`,
  },
  {
    version: 12,
    name: "event_counts' date_end indexes without the count",
    // A count in an index is rewritten there at every event written; the walks for the last day
    // read the count only when events are marked wrong, so these two indexes leave it to the table.
    sql: `
DROP INDEX event_counts_end;
DROP INDEX event_counts_country_end;
CREATE INDEX event_counts_end ON event_counts(date_end, date_start, country, admin1, type, modality);
CREATE INDEX event_counts_country_end ON event_counts(country, date_end, date_start, admin1, type, modality);
`,
  },
  {
    version: 13,
    name: "a batch counts and indexes its events and actors once: the insert triggers of the rollups and of events_text stand aside meanwhile",
    // A row in batch_writes says that the writing transaction itself counts the events and actors
    // it inserts after the ids the row holds, and writes the events' full text in rowid order, in
    // a few statements before it commits (batch-counts.ts), rather than a dozen statements per row
    // and a flush of FTS5's pending terms at each event dated earlier than the one before. The
    // row is deleted in the same transaction: any other insert (raw SQL) finds the table empty
    // and is counted and indexed by its trigger, as before.
    sql: `
CREATE TABLE batch_writes (events_after INTEGER NOT NULL, actors_after INTEGER NOT NULL);
DROP TRIGGER events_text_insert;
DROP TRIGGER event_counts_insert;
DROP TRIGGER event_series_insert;
DROP TRIGGER actor_counts_insert;
DROP TRIGGER actor_counts_link;
CREATE TRIGGER events_text_insert AFTER INSERT ON events WHEN NOT EXISTS (SELECT 1 FROM batch_writes) BEGIN
  INSERT INTO events_text(rowid, sentence) VALUES (${eventTextRowid("new")}, new.sentence);
END;
CREATE TRIGGER event_counts_insert AFTER INSERT ON events WHEN NOT EXISTS (SELECT 1 FROM batch_writes) BEGIN
  ${countEvent("new", 1)}
END;
CREATE TRIGGER event_series_insert AFTER INSERT ON events WHEN new.date_start IS NOT NULL AND NOT EXISTS (SELECT 1 FROM batch_writes) BEGIN
  ${countSeries("new", 1)}
END;
CREATE TRIGGER actor_counts_insert AFTER INSERT ON actors WHEN NOT EXISTS (SELECT 1 FROM batch_writes) BEGIN
${ACTOR_ADDED}
END;
CREATE TRIGGER actor_counts_link AFTER INSERT ON event_actors WHEN NOT EXISTS (SELECT 1 FROM batch_writes) BEGIN
${ACTOR_LINKED}
END;
`,
  },
  {
    version: 14,
    name: "events by day and by country and day, with their type",
    // The actor network is drawn from the latest 10,000 matching events, their ids and types: with
    // the type in these indexes (after the id, so that their order stays the listing's), that
    // sample is read from an index alone rather than from 10,000 rows of events.
    sql: `
DROP INDEX events_date;
CREATE INDEX events_date ON events(date_start, id, type);
DROP INDEX events_country_date;
CREATE INDEX events_country_date ON events(country, date_start, id, type);
`,
  },
  {
    version: 15,
    name: "a batch indexes its documents' full text once, before it commits",
    // Written row by row, each document's words went to FTS5, which flushes its pending terms to a
    // new segment at the start of every later statement of the transaction (a statement journal
    // is a savepoint): a segment per document, merged again and again. With documents_after set
    // in batch_writes, the insert trigger stands aside and the batch indexes its new documents in
    // one statement, in rowid order (batch-counts.ts). A batch_writes row without it (written
    // by an earlier version) leaves the trigger to do it, as before.
    sql: `
ALTER TABLE batch_writes ADD COLUMN documents_after INTEGER;
DROP TRIGGER documents_fts_insert;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents WHEN NOT EXISTS (SELECT 1 FROM batch_writes WHERE documents_after IS NOT NULL) BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
`,
  },
  {
    version: 16,
    name: "event_series: each row's point as the text a series hands over, in the covering index",
    // A series over every country reads tens of thousands of rows; building "period events
    // fatalities" for each row at read time cost twice what reading the index does. The text is
    // a virtual column computed when a row is written, kept in the index beside the numbers.
    sql: `
ALTER TABLE event_series ADD COLUMN point TEXT GENERATED ALWAYS AS (period || ' ' || events || ' ' || fatalities) VIRTUAL;
DROP INDEX event_series_key;
CREATE INDEX event_series_key ON event_series(period_kind, split, series_key, period, events, fatalities, point);
`,
  },
];
