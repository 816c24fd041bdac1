/**
 * One poll of one feed: a conditional GET with the validators of the last complete answer; the
 * items not read before go through the pipeline (dedup, near-duplicates, extraction, batches);
 * then the feed's state and the keys of the items read are recorded in one transaction. Stopped
 * midway, the items handed over so far are committed and recorded, and the validators are
 * dropped, so that the next poll fetches the feed whole and reads the rest.
 */
import { InputError } from "../core/index.js";
import type { Extractor } from "../extract/index.js";
import { fetchInput, loadFeedReader, type FeedItem, type HostPacer, type IngestItem } from "../ingest/index.js";
import { ingestAll, type IngestTally } from "../pipeline.js";
import type { FeedState, Store } from "../store/index.js";

export interface PollContext {
  store: Store;
  extractor: Extractor;
  /** Shared by every request of the watch: one host is asked at most once per its delay. */
  pacer: HostPacer;
  maxBytes: number;
  /** Aborted when the user stops the watch. */
  signal: AbortSignal;
  /** Called for each item that is rejected, with its one-line error. */
  onRejected: (error: InputError) => void;
  /** An item's document: its own text, or (link-following) the page it links to; null when stopped meanwhile. */
  documents: (label: string, item: FeedItem) => Promise<IngestItem | null>;
  /** The time of polls and retrievals. */
  now: () => Date;
  batchSize?: number;
  timeoutMs?: number;
}

export type PollOutcome =
  | { status: "read"; http: number; items: number; seenBefore: number; tally: IngestTally; complete: boolean }
  | { status: "not-modified" }
  | { status: "failed"; reason: string; state: FeedState }
  | { status: "stopped" };

/** A feed never polled. */
export function freshState(url: string): FeedState {
  return { url, etag: null, lastModified: null, polledAt: null, status: null, error: null, failures: 0 };
}

/** Polls the feed at `url` once and ingests its new items; never throws for the feed's faults (a store failure does throw). */
export async function pollFeed(url: string, ctx: PollContext): Promise<PollOutcome> {
  const previous = (await ctx.store.feedState(url)) ?? freshState(url);
  const fetched = await fetchInput(url, {
    maxBytes: ctx.maxBytes, etag: previous.etag, lastModified: previous.lastModified, signal: ctx.signal, pacer: ctx.pacer, sameHost: true,
  }, ctx.timeoutMs);
  if (ctx.signal.aborted) return { status: "stopped" };
  const polledAt = ctx.now().toISOString();
  const fail = async (reason: string, status: number | null): Promise<PollOutcome> => {
    const state: FeedState = { ...previous, polledAt, status, error: reason, failures: previous.failures + 1 };
    await ctx.store.recordFeedPoll(state, []);
    return { status: "failed", reason, state };
  };
  if ("reason" in fetched) return fail(fetched.reason, fetched.status ?? null);
  if ("notModified" in fetched) {
    await ctx.store.recordFeedPoll({ ...previous, polledAt, status: 304, error: null, failures: 0 }, []);
    return { status: "not-modified" };
  }
  const reader = await loadFeedReader();
  const items = reader.feedItems(url, fetched.bytes);
  if (items instanceof InputError) return fail(items.message.slice(url.length + 2), fetched.status);
  const keys = items.map(reader.itemKey);
  const seen = await ctx.store.seenFeedItems(url, keys);
  const fresh = items.flatMap((item, i) => (seen.has(keys[i] ?? "") ? [] : [{ item, key: keys[i] ?? "" }]));
  const read: string[] = [];
  let complete = true;
  async function* documents(): AsyncGenerator<IngestItem> {
    for (const { item, key } of fresh) {
      const document = ctx.signal.aborted ? null : await ctx.documents(url, item);
      // A stop abandons the item in hand (its link may have been cut short): the next poll reads it.
      if (document === null || ctx.signal.aborted) {
        complete = false;
        return;
      }
      read.push(key);
      yield document;
    }
  }
  const tally = await ingestAll(documents(), ctx.extractor, ctx.store, {
    onRejected: (error) => ctx.onRejected(error),
    now: ctx.now,
    ...(ctx.batchSize === undefined ? {} : { batchSize: ctx.batchSize }),
  });
  const validators = complete ? { etag: fetched.etag, lastModified: fetched.lastModified } : { etag: null, lastModified: null };
  await ctx.store.recordFeedPoll({ url, ...validators, polledAt, status: fetched.status, error: null, failures: 0 }, read);
  return { status: "read", http: fetched.status, items: items.length, seenBefore: items.length - fresh.length, tally, complete };
}
