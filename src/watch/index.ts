/**
 * `watch`: polls feeds round after round until stopped, ingesting what is new. Every poll is one
 * log line; a failing feed is one error line and is tried again next round, then less and less
 * often while it keeps failing (the interval doubling, up to six hours), the others going on.
 *
 * @example
 * const stop = new AbortController();
 * const result = await watchFeeds(["https://wire.example/rss"], { ...context, signal: stop.signal, everyMs: 900_000, once: false, log, warn });
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FeedState } from "../store/index.js";
import type { IngestTally } from "../pipeline.js";
import { formatDuration } from "./duration.js";
import { pollFeed, type PollContext, type PollOutcome } from "./poll.js";

export { formatDuration, parseDuration } from "./duration.js";
export { freshState, pollFeed, type PollContext, type PollOutcome } from "./poll.js";

export interface WatchOptions extends PollContext {
  /** Time from the start of one round to the start of the next. */
  everyMs: number;
  /** One round, then return. */
  once: boolean;
  /** A poll's log line. */
  log: (line: string) => void;
  /** A failing poll's one-line error. */
  warn: (line: string) => void;
}

export interface WatchResult {
  rounds: number;
  /** Polls that failed (each was reported). */
  failed: number;
  /** Everything the polls ingested. */
  tally: IngestTally;
}

/** The longest wait for a feed that keeps failing, unless the interval itself is longer. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

/** How long after a failed poll a feed is tried again: the interval, doubled for each further failure in a row. */
export function retryDelay(failures: number, everyMs: number): number {
  return Math.min(everyMs * 2 ** Math.max(0, failures - 1), Math.max(everyMs, MAX_BACKOFF_MS));
}

/**
 * Milliseconds until a failing feed is due (0: due now). Half an interval of slack keeps a feed
 * due in the round it is meant for even when rounds drift, or cron starts `--once` a bit early.
 */
export function backoffLeft(state: FeedState | null, everyMs: number, now: number): number {
  if (state === null || state.failures === 0 || state.polledAt === null) return 0;
  return Math.max(0, Date.parse(state.polledAt) + retryDelay(state.failures, everyMs) - everyMs / 2 - now);
}

/** Polls `feeds` in order, round after round, until `options.signal` aborts (or one round with `once`). */
export async function watchFeeds(feeds: readonly string[], options: WatchOptions): Promise<WatchResult> {
  const result: WatchResult = {
    rounds: 0, failed: 0,
    tally: { new: 0, unchanged: 0, nearDuplicates: 0, rejected: 0, reasons: new Map(), read: 0, bytes: 0 },
  };
  while (!options.signal.aborted) {
    const started = Date.now();
    for (const url of feeds) {
      if (options.signal.aborted) break;
      const left = backoffLeft(await options.store.feedState(url), options.everyMs, options.now().getTime());
      if (left > 0) {
        options.log(`${stamp(options.now())} ${url}: skipped while it keeps failing; next try in ${formatDuration(left)}`);
        continue;
      }
      report(url, await pollFeed(url, options), options, result);
    }
    if (options.signal.aborted) break;
    result.rounds += 1;
    if (options.once) break;
    await sleep(Math.max(0, options.everyMs - (Date.now() - started)), undefined, { signal: options.signal }).catch(() => undefined);
  }
  return result;
}

function report(url: string, outcome: PollOutcome, options: WatchOptions, result: WatchResult): void {
  const time = stamp(options.now());
  if (outcome.status === "not-modified") options.log(`${time} ${url}: 304 not modified`);
  else if (outcome.status === "failed") {
    result.failed += 1;
    const { failures } = outcome.state;
    options.warn(`${url}: ${outcome.reason} (${failures} failure${failures === 1 ? "" : "s"} in a row; next try in ${formatDuration(retryDelay(failures, options.everyMs))})`);
  } else if (outcome.status === "read") {
    add(result.tally, outcome.tally);
    const { tally } = outcome;
    const extra = [
      tally.nearDuplicates > 0 ? `, ${tally.nearDuplicates} near-duplicates` : "",
      tally.rejected > 0 ? `, ${tally.rejected} rejected` : "",
      outcome.complete ? "" : " (stopped before the last items; the next poll reads them)",
    ].join("");
    options.log(`${time} ${url}: ${outcome.http}, ${outcome.items} items: ${tally.new} new, ${outcome.seenBefore + tally.unchanged} unchanged${extra}`);
  }
}

function add(into: IngestTally, from: IngestTally): void {
  into.new += from.new;
  into.unchanged += from.unchanged;
  into.nearDuplicates += from.nearDuplicates;
  into.rejected += from.rejected;
  into.read += from.read;
  into.bytes += from.bytes;
  for (const [reason, n] of from.reasons) into.reasons.set(reason, (into.reasons.get(reason) ?? 0) + n);
}

/** `2026-03-04T10:15:00Z`: when a line was written. */
function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
