/**
 * Events by full text, latest first, on SQLite. `events_text` (migration 7) keys each event's
 * words by its place in date order, day number × 2^32 + id, so FTS5 walks a word's matches from
 * the latest and the query stops at its limit: a word in a fifth of a million events costs what
 * a rare one does. (Matching first and sorting after collected every match: 330-780 ms at
 * 1,000,000 events for "killed", against 2 ms this way.) The other filters are checked on each match.
 * By toll, the events are walked in that order and each is looked up in events_text by its rowid.
 */
import { eventConditions } from "../event-filter.js";
import { EVENT_COLUMNS } from "../queries.js";
import { searchWords } from "../rows.js";
import { orderBy, Where, type Dialect, type Order, type Sql } from "../sql.js";
import type { EventFilter } from "../event-filter.js";
import type { EventQuery } from "../store.js";

/** The low 32 bits of an events_text rowid: the event's id. */
const EVENT_ID_MASK = "4294967295";

/** Events a walk by toll looks at, at most, before the matches are collected and sorted instead. */
const TOLL_WALK = 400;

/**
 * The statements that answer `query` on SQLite faster than the shared one when it searches words:
 * latest first, the first page read from events_text in date order; by toll, the highest first, a
 * walk of the events in that order, each looked up in events_text by its rowid, which stops at its
 * page or after TOLL_WALK events. Tolls and words go together (a report of deaths says "killed"),
 * so the walk mostly fills its page early; when it does not, the shared statement collects every
 * match and sorts them. None for any other query.
 */
export function textListing(query: EventQuery & EventFilter, d: Dialect): Array<{ sql: Sql; bounded?: boolean }> {
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (words.length === 0) return [];
  const sort = query.sort ?? "-date";
  if (sort === "-date" && query.after === undefined) return [{ sql: latestSql(query, words, d) }];
  if (sort === "-fatalities") return [{ sql: tollWalkSql(query, words, d), bounded: true }];
  return [];
}

/** The conditions of `query` but its words, on `e`: its actor looked up by (name, event id) for each event, never all of its events collected. */
function otherConditions(query: EventQuery & EventFilter, w: Where): void {
  const { text: _text, actor, names: merged, sort: _sort, after: _after, limit: _limit, ...filters } = query;
  eventConditions(filters, w);
  // An actor others were merged into stands for all their names.
  const names = actor === undefined ? [] : (merged ?? [actor.toLowerCase()]);
  if (names.length === 1) w.add(names[0] ?? "", (p) => `EXISTS (SELECT 1 FROM event_names n WHERE n.name = ${p} AND n.event_id = e.id)`);
  else if (names.length > 1) {
    w.add(w.dialect.textParam(names), (p) => `EXISTS (SELECT 1 FROM event_names n WHERE n.name IN (${w.dialect.textList(p)}) AND n.event_id = e.id)`);
  }
}

/** The first page, latest first, of the events matching `query` and its `words`. */
function latestSql(query: EventQuery & EventFilter, words: string[], d: Dialect): Sql {
  const w = new Where(d);
  w.add(d.textQuery(words), (p) => `events_text MATCH ${p}`);
  otherConditions(query, w);
  // Start the walk at the last day asked for rather than at the latest match.
  if (query.until) w.add(query.until, (p) => `t.rowid < (CAST(julianday(${p}) AS INTEGER) + 1) * 4294967296`);
  return {
    // CROSS JOIN keeps events_text the outer loop, so its rowid order is the result's.
    text: `SELECT ${EVENT_COLUMNS} FROM events_text t CROSS JOIN events e ON e.id = (t.rowid & ${EVENT_ID_MASK})
      ${w.text()} ORDER BY t.rowid DESC ${w.limit(query.limit)}`,
    params: w.params,
  };
}

/**
 * A page by toll, highest first, of the events matching `query` and its `words`, among the first
 * TOLL_WALK events in that order (after the cursor): each walked event is looked up in events_text
 * by the rowid its day and id make (migration 7), so a word's matches are never all collected.
 */
function tollWalkSql(query: EventQuery & EventFilter, words: string[], d: Dialect): Sql {
  const order: Order = { column: "e.fatalities_low", id: "e.id", descending: true };
  const walk = new Where(d);
  walk.after(order, query.after);
  const budget = walk.param(TOLL_WALK);
  const w = new Where(d, walk.params);
  w.add(d.textQuery(words), (p) => `EXISTS (SELECT 1 FROM events_text t WHERE events_text MATCH ${p}
    AND t.rowid = coalesce(CAST(julianday(e.date_start) AS INTEGER), 0) * 4294967296 + e.id)`);
  otherConditions(query, w);
  return {
    text: `SELECT * FROM (SELECT ${EVENT_COLUMNS} FROM events e ${walk.text()} ${orderBy(order)} LIMIT ${budget}) e
      ${w.text()} ${orderBy(order)} ${w.limit(query.limit)}`,
    params: w.params,
  };
}
