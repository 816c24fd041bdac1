/**
 * Link-following: a feed item that carries only a summary (no full content, or one shorter than
 * FULL_TEXT_MIN) is read from the page it links to, fetched with the same guarded, paced fetcher
 * and reduced to its main text like any HTML page. A link that fails is one warning line and the
 * summary is kept.
 */
import { InputError } from "../core/index.js";
import type { IngestItem, ResolvedOptions } from "./common.js";
import { feedItems, itemDocument, itemLink, type FeedItem } from "./feed-file.js";
import { htmlDocument } from "./html-file.js";
import { fragmentText } from "./html-text.js";
import { fetchInput } from "./http-source.js";

export { feedItems, itemDocument, itemKey, itemLink, type FeedItem } from "./feed-file.js";

/**
 * Fewer characters than this and an item's own text is a summary. News items' teasers run to
 * two or three sentences (under ~400 characters); a report's full text is longer.
 */
export const FULL_TEXT_MIN = 500;

export type FollowOptions = Pick<ResolvedOptions, "maxBytes" | "pacer" | "warn"> & {
  /** Stops a fetch in hand; `followedDocument` then resolves to null. */
  signal?: AbortSignal;
  timeoutMs?: number;
};

/**
 * The item as a document: its own full text, else the main text of the http(s) page it links
 * to, with the page's title and date (the item's when the page gives none). Resolves to null
 * only when `options.signal` stopped the fetch.
 */
export async function followedDocument(label: string, item: FeedItem, published: string | null, options: FollowOptions): Promise<IngestItem | null> {
  const own = itemDocument(label, item, published);
  const link = itemLink(item);
  if (link === null || (item.content !== null && fragmentText(item.content).length >= FULL_TEXT_MIN)) return own;
  const where = `${label}: item ${item.index}`;
  const fetched = await fetchInput(link, { ...options, sameHost: true }, options.timeoutMs);
  if (options.signal?.aborted) return null;
  let reason: string;
  if ("reason" in fetched) reason = fetched.reason;
  else if ("notModified" in fetched) reason = "HTTP 304 Not Modified";
  else if (fetched.contentType !== "" && !/html/i.test(fetched.contentType)) reason = `not an HTML page (${fetched.contentType.split(";")[0]})`;
  else {
    const page = htmlDocument(where, item.guid ?? link, fetched.bytes, item.published ?? published);
    if ("doc" in page) {
      // Readability's title is "" for a page without one: the item's then.
      const title = page.doc.title || ("doc" in own ? own.doc.title : null);
      return { doc: { ...page.doc, url: link, title }, source: where };
    }
    reason = page.error.message.slice(where.length + 2);
  }
  if ("error" in own) return { error: new InputError(where, null, `no text of its own, and its link ${link} failed: ${reason}`) };
  options.warn(`${where}: link ${link}: ${reason}; kept the summary`);
  return own;
}

/** A feed's items as documents, in order, links followed when `options.follow` (or one error for a file that is not a feed). */
export async function* readFeed(label: string, bytes: Uint8Array, options: ResolvedOptions): AsyncGenerator<IngestItem> {
  const items = feedItems(label, bytes);
  if (items instanceof InputError) return yield { error: items };
  if (items.length === 0) return yield { error: new InputError(label, null, "feed has no items") };
  for (const item of items) {
    const document = options.follow ? await followedDocument(label, item, options.published, options) : itemDocument(label, item, options.published);
    if (document !== null) yield document;
  }
}
