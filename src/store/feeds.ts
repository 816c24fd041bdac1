/**
 * The feed-polling state both drivers keep (tables `feeds` and `feed_items`): the same
 * statements, with placeholders and the list of item keys supplied by each driver.
 */
import type { FeedState } from "./store.js";

/** What differs between the drivers in these statements. */
export interface FeedDialect {
  /** The n-th (1-based) parameter's placeholder. */
  param(n: number): string;
  /** A subquery yielding the strings of the list in parameter `p` as one column named `item`. */
  keyList(p: string): string;
}

/** Parameters, in order (`?` placeholders count in text order): state (url); upsert (`upsertParams`);
 * seen (url, keys); insertSeen (url, seenAt, keys). */
export interface FeedStatements {
  state: string;
  upsert: string;
  seen: string;
  insertSeen: string;
}

/** The SQL texts, built once per driver. */
export function feedStatements(d: FeedDialect): FeedStatements {
  const p = (n: number) => d.param(n);
  return {
    state: `SELECT url, etag, last_modified, polled_at, status, error, failures FROM feeds WHERE url = ${p(1)}`,
    upsert: `INSERT INTO feeds (url, etag, last_modified, polled_at, status, error, failures)
      VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
        polled_at = excluded.polled_at, status = excluded.status, error = excluded.error, failures = excluded.failures`,
    seen: `SELECT item_key FROM feed_items WHERE feed_url = ${p(1)} AND item_key IN (${d.keyList(p(2))})`,
    // WHERE true: SQLite needs it to read ON CONFLICT after INSERT … SELECT as the upsert clause.
    insertSeen: `INSERT INTO feed_items (feed_url, item_key, seen_at) SELECT DISTINCT ${p(1)}, k.item, ${p(2)}
      FROM (${d.keyList(p(3))}) AS k WHERE true ON CONFLICT DO NOTHING`,
  };
}

/** The parameters of `upsert`, in order. */
export function upsertParams(state: FeedState): unknown[] {
  return [state.url, state.etag, state.lastModified, state.polledAt, state.status, state.error, state.failures];
}

/** A `feeds` row as a FeedState. */
export function toFeedState(row: Record<string, unknown>): FeedState {
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  return {
    url: String(row["url"]),
    etag: text(row["etag"]),
    lastModified: text(row["last_modified"]),
    polledAt: text(row["polled_at"]),
    status: row["status"] === null || row["status"] === undefined ? null : Number(row["status"]),
    error: text(row["error"]),
    failures: Number(row["failures"] ?? 0),
  };
}
