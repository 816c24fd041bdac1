/**
 * The rollups (event_counts, event_kinds, event_series, actor_counts) counted, and the events'
 * and documents' full text (events_text, documents_fts) written, once for a whole batch:
 * `DEFER_ROLLUPS` notes the last event, actor and document ids before the batch (migration 13's
 * and 15's insert triggers then stand aside), and `COUNT_DEFERRED` adds what the rows inserted
 * since sum to, indexes their texts in rowid order, then clears the note, all in the batch's
 * transaction. The rows inserted belong to
 * documents that had none (new ones, or one whose record was just deleted), so a document or
 * event counted once per key here is what the per-row triggers would have counted.
 */
import { COUNT_KEY, eventTextRowid, KIND_KEY, PERIODS, SPLITS } from "./migrations.js";

/**
 * Run first in the transaction: the ids after which rows are counted and indexed here, not by the
 * triggers (documents for their full text, migration 15). Returns the last event and actor ids.
 */
export const DEFER_ROLLUPS = `INSERT INTO batch_writes (events_after, actors_after, documents_after)
  SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM actors), (SELECT coalesce(max(id), 0) FROM documents)
  RETURNING events_after, actors_after`;

const NEW_EVENTS = "events NOT INDEXED WHERE id > (SELECT events_after FROM batch_writes)";

/** `IS` for each column of `key` between `table` and `from` (a null is a key like any other; admin1 compares as declared, without case). */
const matching = (table: string, from: string, key: readonly string[]): string => key.map((c) => `${table}.${c} IS ${from}.${c}`).join(" AND ");

/**
 * Adds the new events' counts to `table` keyed by `key`: the missing keys inserted at zero (with
 * the spelling of their first event, as the trigger would), then every key's counts moved up.
 */
function countEvents(table: string, key: readonly string[], fatalities: boolean): string[] {
  const cols = key.join(", ");
  const sums = `COUNT(*) AS events${fatalities ? ", SUM(coalesce(fatalities_low, 0)) AS fatalities" : ""}`;
  return [
    `INSERT INTO ${table} (${cols}, events${fatalities ? ", fatalities" : ""})
      SELECT ${cols}, 0${fatalities ? ", 0" : ""} FROM (SELECT min(id) AS first, ${cols} FROM ${NEW_EVENTS} GROUP BY ${cols}) n
      WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${matching(table, "n", key)}) ORDER BY n.first`,
    `UPDATE ${table} SET events = ${table}.events + b.events${fatalities ? `, fatalities = ${table}.fatalities + b.fatalities` : ""}
      FROM (SELECT ${cols}, ${sums} FROM ${NEW_EVENTS} GROUP BY ${cols}) b WHERE ${matching(table, "b", key)}`,
  ];
}

/** The new dated events counted into their nine series: (period kind, split, series key, period). */
const SERIES_POINTS = `WITH b AS (SELECT date_start, type, country, coalesce(fatalities_low, 0) AS deaths FROM ${NEW_EVENTS} AND date_start IS NOT NULL),
  p AS (SELECT period_kind, split, series_key, period, COUNT(*) AS events, SUM(deaths) AS fatalities FROM (
    ${PERIODS.flatMap(([interval, period]) => SPLITS.map(([split, key]) =>
    `SELECT '${interval}' AS period_kind, '${split}' AS split, ${key("b")} AS series_key, ${period("b.date_start")} AS period, deaths FROM b`)).join("\n    UNION ALL ")}
  ) GROUP BY period_kind, split, series_key, period)`;
const SERIES_MATCH = "s.period_kind = p.period_kind AND s.split = p.split AND s.series_key IS p.series_key AND s.period = p.period";

/**
 * Name, kind and country of the new actors, with the documents and events each key gained (distinct, as the triggers count).
 * NOT INDEXED: the new actors are read by their ids, never by walking the name index of every actor to group them.
 */
const ACTOR_GAINS = `SELECT x.name, x.kind, x.country, COUNT(DISTINCT x.document_id) AS documents, COUNT(DISTINCT ea.event_id) AS events
  FROM actors AS x NOT INDEXED LEFT JOIN event_actors ea ON ea.actor_id = x.id WHERE x.id > (SELECT actors_after FROM batch_writes)
  GROUP BY x.name, x.kind, x.country`;
const ACTOR_MATCH = "actor_counts.name = g.name AND actor_counts.kind = g.kind AND actor_counts.country IS g.country";

/** Run last in the transaction, in this order: counts and indexes the rows inserted since `DEFER_ROLLUPS`, then lets the triggers do it again. */
export const COUNT_DEFERRED: readonly string[] = [
  ...countEvents("event_counts", COUNT_KEY, true),
  ...countEvents("event_kinds", KIND_KEY, false),
  `${SERIES_POINTS} INSERT INTO event_series (period_kind, split, series_key, period, events, fatalities)
    SELECT period_kind, split, series_key, period, 0, 0 FROM p WHERE NOT EXISTS (SELECT 1 FROM event_series s WHERE ${SERIES_MATCH})`,
  `${SERIES_POINTS} UPDATE event_series AS s SET events = s.events + p.events, fatalities = s.fatalities + p.fatalities FROM p WHERE ${SERIES_MATCH}`,
  `INSERT INTO actor_counts (name, kind, country, documents, events) SELECT name, kind, country, 0, 0 FROM (${ACTOR_GAINS}) g
    WHERE NOT EXISTS (SELECT 1 FROM actor_counts WHERE ${ACTOR_MATCH})`,
  `UPDATE actor_counts SET documents = actor_counts.documents + g.documents, events = actor_counts.events + g.events
    FROM (${ACTOR_GAINS}) g WHERE ${ACTOR_MATCH}`,
  // In rowid order: FTS5 flushes its pending terms to a new segment whenever a rowid comes lower than the one before.
  `INSERT INTO events_text (rowid, sentence) SELECT ${eventTextRowid("events")}, sentence FROM ${NEW_EVENTS} ORDER BY 1`,
  `INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents WHERE id > (SELECT documents_after FROM batch_writes) ORDER BY id`,
  "DELETE FROM batch_writes",
];
