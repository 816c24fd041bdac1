/**
 * The PostgreSQL schema, as numbered migrations applied in order; `sitrep_migrations` records
 * those applied. Never edit a released migration: add the next.
 */
export interface Migration { version: number; name: string; sql: string }

/** The key columns of event_counts (migration 8), and of event_kinds without the dates. */
const COUNT_KEY = ["date_start", "date_end", "country", "admin1", "type", "modality"];
const KIND_KEY = ["country", "admin1", "type", "modality"];
const NULLABLE = new Set(["date_start", "date_end", "country", "admin1"]);

/** A key column as its unique index holds it: a null as a character no text field holds, so nulls are one key. */
const keyed = (column: string, row = ""): string => (NULLABLE.has(column) ? `coalesce(${row}${column}, E'\\x01')` : `${row}${column}`);

/** The columns of a rollup's unique index on `key`, as ON CONFLICT names them. */
const uniqueKey = (key: readonly string[]): string => key.map((c) => (NULLABLE.has(c) ? `(${keyed(c)})` : c)).join(", ");

/** The statements of event_counts_change() that count `row` (NEW or OLD) into `table` by `sign`. */
function countInto(table: string, key: readonly string[], row: "NEW" | "OLD", sign: 1 | -1, fatalities: boolean): string {
  if (sign < 0) {
    const match = key.map((c) => `${keyed(c)} = ${keyed(c, "OLD.")}`).join(" AND ");
    return `UPDATE ${table} SET events = events - 1${fatalities ? ", fatalities = fatalities - coalesce(OLD.fatalities_low, 0)" : ""} WHERE ${match};
      DELETE FROM ${table} WHERE ${match} AND events = 0;`;
  }
  return `INSERT INTO ${table} (${key.join(", ")}, events${fatalities ? ", fatalities" : ""})
        VALUES (${key.map((c) => `${row}.${c}`).join(", ")}, 1${fatalities ? `, coalesce(${row}.fatalities_low, 0)` : ""})
        ON CONFLICT (${uniqueKey(key)})
        DO UPDATE SET events = ${table}.events + 1${fatalities ? `, fatalities = ${table}.fatalities + EXCLUDED.fatalities` : ""};`;
}

/** The statement of events_added() (migration 13) that counts the inserted rows (`added`) into `table`, one upsert per key. */
function addInto(table: string, key: readonly string[], fatalities: boolean): string {
  return `INSERT INTO ${table} (${key.join(", ")}, events${fatalities ? ", fatalities" : ""})
    SELECT ${key.join(", ")}, COUNT(*)${fatalities ? ", SUM(coalesce(fatalities_low, 0))" : ""} FROM added GROUP BY ${key.join(", ")}
    ON CONFLICT (${uniqueKey(key)})
    DO UPDATE SET events = ${table}.events + EXCLUDED.events${fatalities ? `, fatalities = ${table}.fatalities + EXCLUDED.fatalities` : ""};`;
}

/** The series event_series keeps (migration 9): each period's first day, from an event's first day, as the dialect's `period` writes it. */
const PERIODS: ReadonlyArray<[string, (day: string) => string]> = [
  ["day", (day) => day],
  ["week", (day) => `to_char(${day}::date - (extract(isodow from ${day}::date)::int - 1), 'YYYY-MM-DD')`],
  ["month", (day) => `substr(${day}, 1, 7) || '-01'`],
];
const SPLITS: ReadonlyArray<[string, (row: string) => string]> = [["none", () => "'all'"], ["type", (row) => `${row}.type`], ["country", (row) => `${row}.country`]];
const SERIES_KEY = "period_kind, split, (coalesce(series_key, E'\\x01')), period";
const SERIES_MATCH = "s.period_kind = o.period_kind AND s.split = o.split AND coalesce(s.series_key, E'\\x01') = coalesce(o.series_key, E'\\x01') AND s.period = o.period";

/** The nine series rows (three periods, three splits) of the dated event `row`, as VALUES lists. */
const seriesRows = (row: string, tally: string): string =>
  PERIODS.flatMap(([interval, period]) => SPLITS.map(([split, key]) => `('${interval}', '${split}', ${key(row)}, ${period(`${row}.date_start`)}${tally})`)).join(",\n        ");

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "documents, records, actors, events, claims, full-text indexes",
    sql: `
CREATE TABLE documents (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  doc_key TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  retrieved_at TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  signature BYTEA NOT NULL,
  duplicate_of BIGINT REFERENCES documents(id),
  text TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE document_bands (
  band TEXT NOT NULL,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
);

CREATE TABLE records (
  document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  extractor TEXT NOT NULL,
  extracted_at TEXT NOT NULL,
  record JSONB NOT NULL
);

CREATE TABLE actors (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  UNIQUE (document_id, local_id)
);
CREATE TABLE actor_names (
  name TEXT NOT NULL,
  actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (name, actor_id)
);
CREATE INDEX actor_names_actor ON actor_names(actor_id);

CREATE TABLE events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  modality TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  country TEXT,
  admin1 TEXT,
  place TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  fatalities_low INTEGER,
  fatalities_high INTEGER,
  injuries_low INTEGER,
  injuries_high INTEGER,
  claim TEXT,
  evidence TEXT NOT NULL,
  sentence TEXT NOT NULL,
  sentence_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', sentence)) STORED,
  UNIQUE (document_id, local_id)
);
CREATE INDEX events_date ON events(date_start, id);
CREATE INDEX events_country_date ON events(country, date_start);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_admin1 ON events(lower(admin1));
CREATE INDEX events_sentence_tsv ON events USING GIN (sentence_tsv);

CREATE TABLE event_actors (
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE claims (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  local_id TEXT NOT NULL,
  speaker TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT,
  hedged BOOLEAN NOT NULL,
  evidence TEXT NOT NULL,
  UNIQUE (document_id, local_id)
);
`,
  },
  {
    version: 2,
    name: "event_names: events by actor name in date order",
    sql: `
CREATE TABLE event_names (
  name TEXT NOT NULL,
  date_start TEXT,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  PRIMARY KEY (name, event_id)
);
CREATE INDEX event_names_date ON event_names(name, date_start DESC NULLS LAST, event_id DESC);
CREATE INDEX event_names_event ON event_names(event_id);
INSERT INTO event_names (name, date_start, event_id)
  SELECT DISTINCT n.name, e.date_start, e.id FROM event_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id JOIN events e ON e.id = ea.event_id;
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
);
`,
  },
  {
    version: 4,
    name: "relations, statistics, actor mentions, claim texts, events by toll",
    // See the SQLite migration 4: backfilled texts count characters, new rows UTF-16 units.
    sql: `
CREATE TABLE relations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
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
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  subject TEXT,
  measure TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
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
  SELECT r.document_id, j->>'type',
    (SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = j->>'actor'),
    (SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = j->>'recipient'),
    j->>'modality', j->>'claim', (j->'evidence')::text,
    COALESCE(substring(d.text FROM (j#>>'{evidence,0,0}')::int + 1 FOR (j#>>'{evidence,0,1}')::int - (j#>>'{evidence,0,0}')::int), '')
  FROM records r JOIN documents d ON d.id = r.document_id, jsonb_array_elements(r.record->'relations') j;
INSERT INTO statistics (document_id, subject, measure, value, period_start, period_end, claim, evidence, sentence)
  SELECT r.document_id, COALESCE((SELECT a.name FROM actors a WHERE a.document_id = r.document_id AND a.local_id = j->>'subject'), j->>'subject'),
    j->>'measure', (j->>'value')::double precision,
    j#>>'{period,start}', j#>>'{period,end}', j->>'claim', (j->'evidence')::text,
    COALESCE(substring(d.text FROM (j#>>'{evidence,0,0}')::int + 1 FOR (j#>>'{evidence,0,1}')::int - (j#>>'{evidence,0,0}')::int), '')
  FROM records r JOIN documents d ON d.id = r.document_id, jsonb_array_elements(r.record->'statistics') j;
UPDATE actors SET mentions = COALESCE((SELECT (j->'mentions')::text FROM records r, jsonb_array_elements(r.record->'actors') j
  WHERE r.document_id = actors.document_id AND j->>'id' = actors.local_id), '[]');
UPDATE claims SET sentence = COALESCE((SELECT substring(d.text FROM (claims.evidence::jsonb#>>'{0,0}')::int + 1
  FOR (claims.evidence::jsonb#>>'{0,1}')::int - (claims.evidence::jsonb#>>'{0,0}')::int) FROM documents d WHERE d.id = claims.document_id), '');
`,
  },
  {
    version: 5,
    name: "tokens and corrections",
    // Tokens keep only the SHA-256 of their secret. A correction names what it corrects by what
    // re-extraction keeps (a document, an event's type and evidence; actor names), never by row ids.
    sql: `
CREATE TABLE tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE corrections (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL,
  document_id BIGINT REFERENCES documents(id) ON DELETE CASCADE,
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
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  events INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source, content_hash)
);
CREATE TABLE imported_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id BIGINT NOT NULL REFERENCES imported_files(id) ON DELETE CASCADE,
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
  actors JSONB NOT NULL,
  recipients JSONB NOT NULL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  place TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  fatalities_low INTEGER,
  fatalities_high INTEGER,
  notes TEXT,
  fields JSONB NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX imported_events_country_date ON imported_events(source, country, date_start);
CREATE INDEX imported_events_file ON imported_events(file_id);
`,
  },
  {
    version: 7,
    name: "events in listing order: latest first, undated last",
    // The listing's own order (date_start DESC NULLS LAST, id DESC), which a backward walk of
    // events_date (NULLS FIRST that way) cannot give: with it, the latest events, or the latest
    // matches of a common word, are read from the index and the walk stops at the limit.
    sql: `
CREATE INDEX events_listing ON events (date_start DESC NULLS LAST, id DESC);
`,
  },
  {
    version: 8,
    name: "event_counts, event_kinds: events counted by their filters' fields, kept by a trigger",
    // Facets and time series over every event read these instead of the events: one row per
    // (first day, last day, country, admin1, type, modality) with its events and deaths, and one
    // per (country, admin1, type, modality). The trigger keeps them exact in the transaction that
    // writes the events; the unique keys (nulls as one value) make concurrent writers add up.
    sql: `
CREATE TABLE event_counts (
  date_start TEXT,
  date_end TEXT,
  country TEXT,
  admin1 TEXT,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  events BIGINT NOT NULL,
  fatalities BIGINT NOT NULL
);
CREATE UNIQUE INDEX event_counts_key ON event_counts (${COUNT_KEY.map((c) => (NULLABLE.has(c) ? `(${keyed(c)})` : c)).join(", ")});
CREATE INDEX event_counts_start ON event_counts (date_start);
CREATE INDEX event_counts_end ON event_counts (date_end);
CREATE INDEX event_counts_country ON event_counts (country, date_start);
CREATE TABLE event_kinds (
  country TEXT,
  admin1 TEXT,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  events BIGINT NOT NULL
);
CREATE UNIQUE INDEX event_kinds_key ON event_kinds (${KIND_KEY.map((c) => (NULLABLE.has(c) ? `(${keyed(c)})` : c)).join(", ")});
INSERT INTO event_counts (${COUNT_KEY.join(", ")}, events, fatalities)
  SELECT ${COUNT_KEY.join(", ")}, COUNT(*), SUM(coalesce(fatalities_low, 0)) FROM events GROUP BY ${COUNT_KEY.join(", ")};
INSERT INTO event_kinds (${KIND_KEY.join(", ")}, events) SELECT ${KIND_KEY.join(", ")}, COUNT(*) FROM events GROUP BY ${KIND_KEY.join(", ")};
CREATE FUNCTION event_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    ${countInto("event_counts", COUNT_KEY, "OLD", -1, true)}
    ${countInto("event_kinds", KIND_KEY, "OLD", -1, false)}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    ${countInto("event_counts", COUNT_KEY, "NEW", 1, true)}
    ${countInto("event_kinds", KIND_KEY, "NEW", 1, false)}
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER event_counts_change AFTER INSERT OR DELETE OR UPDATE OF ${COUNT_KEY.join(", ")}, fatalities_low ON events
  FOR EACH ROW EXECUTE FUNCTION event_counts_change();
`,
  },
  {
    version: 9,
    name: "event_series: dated events counted per day, week and month, in all, by type and by country, kept by a trigger",
    // A time series over every event (or over one country, or one type) reads its points here:
    // as many rows as the answer has points, where event_counts has one per day and key.
    sql: `
CREATE TABLE event_series (
  period_kind TEXT NOT NULL,
  split TEXT NOT NULL,
  series_key TEXT,
  period TEXT NOT NULL,
  events BIGINT NOT NULL,
  fatalities BIGINT NOT NULL
);
CREATE UNIQUE INDEX event_series_key ON event_series (${SERIES_KEY});
${PERIODS.flatMap(([interval, period]) => SPLITS.map(([split, key]) => `INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
  SELECT '${interval}', '${split}', ${key("events")}, ${period("date_start")}, COUNT(*), SUM(coalesce(fatalities_low, 0)) FROM events
  WHERE date_start IS NOT NULL GROUP BY 3, 4;`)).join("\n")}
CREATE FUNCTION event_series_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.date_start IS NOT NULL THEN
    UPDATE event_series s SET events = s.events - 1, fatalities = s.fatalities - coalesce(OLD.fatalities_low, 0)
      FROM (VALUES ${seriesRows("OLD", "")}) AS o (period_kind, split, series_key, period) WHERE ${SERIES_MATCH};
    DELETE FROM event_series s USING (VALUES ${seriesRows("OLD", "")}) AS o (period_kind, split, series_key, period)
      WHERE ${SERIES_MATCH} AND s.events = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.date_start IS NOT NULL THEN
    INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
      VALUES ${seriesRows("NEW", ", 1, coalesce(NEW.fatalities_low, 0)")}
      ON CONFLICT (${SERIES_KEY}) DO UPDATE SET events = event_series.events + 1, fatalities = event_series.fatalities + EXCLUDED.fatalities;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER event_series_change AFTER INSERT OR DELETE OR UPDATE OF date_start, type, country, fatalities_low ON events
  FOR EACH ROW EXECUTE FUNCTION event_series_change();
`,
  },
  {
    version: 10,
    name: "actor_counts: documents and events per actor name, kind and country, kept by triggers",
    // The actor listing reads its counts here rather than counting every link of every actor.
    // Counts are distinct: a document (an event) counts once for a key however many of its actor
    // rows (links) share it. Inserts are counted per statement, from its transition table, since
    // a multi-row INSERT's row triggers would each see all its rows. A link deleted with its
    // actor is counted off by the actor's trigger (the cascade runs once the actor row is gone).
    sql: `
CREATE TABLE actor_counts (
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  documents BIGINT NOT NULL,
  events BIGINT NOT NULL
);
CREATE UNIQUE INDEX actor_counts_key ON actor_counts (name, kind, (coalesce(country, E'\\x01')));
CREATE INDEX actor_counts_rank ON actor_counts (events DESC, documents DESC, name, kind, country);
INSERT INTO actor_counts (name, kind, country, documents, events)
  SELECT a.name, a.kind, a.country, COUNT(DISTINCT a.document_id), COUNT(DISTINCT ea.event_id) FROM actors a
  LEFT JOIN event_actors ea ON ea.actor_id = a.id GROUP BY a.name, a.kind, a.country;
CREATE FUNCTION actor_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_counts (name, kind, country, documents, events) SELECT DISTINCT n.name, n.kind, n.country, 0, 0 FROM added n
    ON CONFLICT (name, kind, (coalesce(country, E'\\x01'))) DO NOTHING;
  UPDATE actor_counts c SET documents = c.documents + x.k FROM (
    SELECT n.name, n.kind, n.country, COUNT(DISTINCT n.document_id) AS k FROM added n
    WHERE NOT EXISTS (SELECT 1 FROM actors b WHERE b.document_id = n.document_id AND b.name = n.name AND b.kind = n.kind
      AND b.country IS NOT DISTINCT FROM n.country AND b.id NOT IN (SELECT id FROM added))
    GROUP BY 1, 2, 3) x
  WHERE c.name = x.name AND c.kind = x.kind AND coalesce(c.country, E'\\x01') = coalesce(x.country, E'\\x01');
  RETURN NULL;
END;
$$;
CREATE TRIGGER actor_counts_add AFTER INSERT ON actors REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION actor_counts_add();
CREATE FUNCTION actor_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_counts c SET
    documents = c.documents - CASE WHEN EXISTS (SELECT 1 FROM actors b WHERE b.document_id = OLD.document_id AND b.id <> OLD.id
      AND b.name = OLD.name AND b.kind = OLD.kind AND b.country IS NOT DISTINCT FROM OLD.country) THEN 0 ELSE 1 END,
    events = c.events - (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = OLD.id AND NOT EXISTS (
      SELECT 1 FROM event_actors eb JOIN actors b ON b.id = eb.actor_id WHERE eb.event_id = ea.event_id AND eb.actor_id <> OLD.id
      AND b.name = OLD.name AND b.kind = OLD.kind AND b.country IS NOT DISTINCT FROM OLD.country))
  WHERE c.name = OLD.name AND c.kind = OLD.kind AND coalesce(c.country, E'\\x01') = coalesce(OLD.country, E'\\x01');
  RETURN OLD;
END;
$$;
CREATE TRIGGER actor_counts_remove BEFORE DELETE ON actors FOR EACH ROW EXECUTE FUNCTION actor_counts_remove();
CREATE FUNCTION actor_counts_drop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM actor_counts c WHERE c.name = OLD.name AND c.kind = OLD.kind AND coalesce(c.country, E'\\x01') = coalesce(OLD.country, E'\\x01')
    AND c.documents = 0;
  RETURN NULL;
END;
$$;
CREATE TRIGGER actor_counts_drop AFTER DELETE ON actors FOR EACH ROW EXECUTE FUNCTION actor_counts_drop();
CREATE FUNCTION actor_counts_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_counts c SET events = c.events + x.k FROM (
    SELECT a.name, a.kind, a.country, COUNT(DISTINCT n.event_id) AS k FROM linked n JOIN actors a ON a.id = n.actor_id
    WHERE NOT EXISTS (SELECT 1 FROM event_actors eb JOIN actors b ON b.id = eb.actor_id WHERE eb.event_id = n.event_id
      AND b.name = a.name AND b.kind = a.kind AND b.country IS NOT DISTINCT FROM a.country
      AND NOT EXISTS (SELECT 1 FROM linked l WHERE l.event_id = eb.event_id AND l.actor_id = eb.actor_id AND l.role = eb.role))
    GROUP BY 1, 2, 3) x
  WHERE c.name = x.name AND c.kind = x.kind AND coalesce(c.country, E'\\x01') = coalesce(x.country, E'\\x01');
  RETURN NULL;
END;
$$;
CREATE TRIGGER actor_counts_link AFTER INSERT ON event_actors REFERENCING NEW TABLE AS linked FOR EACH STATEMENT EXECUTE FUNCTION actor_counts_link();
CREATE FUNCTION actor_counts_unlink() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Links whose actor row is gone were counted off by actor_counts_remove.
  UPDATE actor_counts c SET events = c.events - x.k FROM (
    SELECT a.name, a.kind, a.country, COUNT(DISTINCT o.event_id) AS k FROM unlinked o JOIN actors a ON a.id = o.actor_id
    WHERE NOT EXISTS (SELECT 1 FROM event_actors eb JOIN actors b ON b.id = eb.actor_id WHERE eb.event_id = o.event_id
      AND b.name = a.name AND b.kind = a.kind AND b.country IS NOT DISTINCT FROM a.country)
    GROUP BY 1, 2, 3) x
  WHERE c.name = x.name AND c.kind = x.kind AND coalesce(c.country, E'\\x01') = coalesce(x.country, E'\\x01');
  RETURN NULL;
END;
$$;
CREATE TRIGGER actor_counts_unlink AFTER DELETE ON event_actors REFERENCING OLD TABLE AS unlinked FOR EACH STATEMENT EXECUTE FUNCTION actor_counts_unlink();
`,
  },
  {
    version: 11,
    name: "event_counts by country and last day",
    // The last day of one country's events (the facets' date range) walks this from its end,
    // rather than sorting every row of the country by date_end.
    sql: `
CREATE INDEX event_counts_country_end ON event_counts (country, date_end);
`,
  },
  {
    version: 13,
    name: "events inserted counted into the rollups once per statement, from its transition table, not row by row",
    // A document's events come in one multi-row INSERT: its rows are summed by key and each key
    // upserted once, where the row triggers ran a plpgsql call and two upserts per event and row
    // of event_series. Deletes and updates keep the row triggers of migrations 8 and 9.
    sql: `
DROP TRIGGER event_counts_change ON events;
CREATE TRIGGER event_counts_change AFTER DELETE OR UPDATE OF ${COUNT_KEY.join(", ")}, fatalities_low ON events
  FOR EACH ROW EXECUTE FUNCTION event_counts_change();
DROP TRIGGER event_series_change ON events;
CREATE TRIGGER event_series_change AFTER DELETE OR UPDATE OF date_start, type, country, fatalities_low ON events
  FOR EACH ROW EXECUTE FUNCTION event_series_change();
CREATE FUNCTION events_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${addInto("event_counts", COUNT_KEY, true)}
  ${addInto("event_kinds", KIND_KEY, false)}
  INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
    SELECT o.period_kind, o.split, o.series_key, o.period, COUNT(*), SUM(o.deaths) FROM added n
    CROSS JOIN LATERAL (VALUES ${seriesRows("n", ", coalesce(n.fatalities_low, 0)")}) AS o (period_kind, split, series_key, period, deaths)
    WHERE n.date_start IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (${SERIES_KEY}) DO UPDATE SET events = event_series.events + EXCLUDED.events, fatalities = event_series.fatalities + EXCLUDED.fatalities;
  RETURN NULL;
END;
$$;
CREATE TRIGGER events_added AFTER INSERT ON events REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION events_added();
`,
  },
  {
    version: 14,
    name: "events in listing order, with their type",
    // The actor network's sample (the latest 10,000 matching events, their ids and types) as an
    // index-only scan. (12 is SQLite's alone.)
    sql: `
DROP INDEX events_listing;
CREATE INDEX events_listing ON events (date_start DESC NULLS LAST, id DESC) INCLUDE (type);
`,
  },
  {
    version: 16,
    name: "event_series: each row's point as the text a series hands over",
    // As SQLite's migration 16: "period events fatalities", written with the row. (15 is SQLite's alone.)
    sql: `
ALTER TABLE event_series ADD COLUMN point TEXT GENERATED ALWAYS AS (period || ' ' || events::text || ' ' || fatalities::text) STORED;
`,
  },
];
