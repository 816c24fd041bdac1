/**
 * RSS 2.0 and Atom feeds: one document per item (entry), its text from the full content when the
 * feed carries it, else from the summary. The XML is parsed by linkedom's parser (htmlparser2 in
 * XML mode), which reads no DTD: entities a feed declares are neither expanded (no billion
 * laughs) nor fetched (no external entities); they stay as the literal `&name;`.
 */
import { DOMParser } from "linkedom";
import { InputError } from "../core/index.js";
import { checkPublished, decodeText, looksLikeFeed, type IngestItem } from "./common.js";
import { contentHash } from "./fingerprint.js";
import { fragmentText } from "./html-text.js";

type XmlElement = ReturnType<ReturnType<DOMParser["parseFromString"]>["querySelector"]> & object;

/** The first child element named one of `names` (namespace prefixes included, as in the feed). */
function child(parent: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    const found = [...parent.children].find((c) => c.tagName.toLowerCase() === name.toLowerCase());
    if (found) return found as XmlElement;
  }
  return null;
}

const textOf = (element: XmlElement | null): string | null => {
  const text = element?.textContent?.trim();
  return text ? text : null;
};

/** A feed date (RFC 822 in RSS, ISO 8601 in Atom) as YYYY-MM-DD, or null. */
export function feedDay(value: string | null): string | null {
  if (value === null) return null;
  const iso = checkPublished(value.slice(0, 10));
  if (typeof iso === "string") return iso;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** An item (entry) of a feed as the feed gives it; `content` and `summary` are HTML fragments. */
export interface FeedItem {
  /** 1-based position in the feed, for messages (`feed.rss: item 3`). */
  index: number;
  guid: string | null;
  link: string | null;
  title: string | null;
  /** Its date as YYYY-MM-DD, when it has a readable one. */
  published: string | null;
  /** The full text (`content:encoded`, Atom `content`), or null. */
  content: string | null;
  /** The summary (`description`, Atom `summary`), or null. */
  summary: string | null;
}

/** The items of a feed, or the one-line error for a file that is not a feed (none for a feed without items). */
export function feedItems(label: string, bytes: Uint8Array): FeedItem[] | InputError {
  const xml = decodeText(bytes, "file");
  if (typeof xml !== "string") return new InputError(label, null, xml.reason);
  if (!looksLikeFeed(xml.slice(0, 64 * 1024))) return new InputError(label, null, "not an RSS or Atom feed");
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return ([...document.querySelectorAll("item, entry")] as XmlElement[]).map((item, i) => {
    const link = child(item, "link");
    return {
      index: i + 1,
      guid: textOf(child(item, "guid", "id")),
      link: link?.getAttribute("href") ?? textOf(link),
      title: textOf(child(item, "title")),
      published: feedDay(textOf(child(item, "pubDate", "published", "updated", "dc:date"))),
      content: textOf(child(item, "content:encoded", "content")),
      summary: textOf(child(item, "description", "summary")),
    };
  });
}

/** What identifies an item across polls: its guid, else its link, else a hash of what it says. */
export function itemKey(item: FeedItem): string {
  return item.guid ?? item.link ?? `sha256:${contentHash(`${item.title ?? ""}\n${item.content ?? item.summary ?? ""}`)}`;
}

/** An item's http(s) link, or null. */
export function itemLink(item: FeedItem): string | null {
  return item.link !== null && /^https?:\/\//i.test(item.link) ? item.link : null;
}

/** One item as a document: its full content, else its summary (or the error for an item with neither). */
export function itemDocument(label: string, item: FeedItem, published: string | null): IngestItem {
  const where = `${label}: item ${item.index}`;
  const content = item.content ?? item.summary;
  const text = content === null ? "" : fragmentText(content);
  if (text === "") return { error: new InputError(where, null, "no text (no content or summary)") };
  const url = itemLink(item);
  return {
    doc: {
      id: item.guid ?? item.link ?? `${label}:${item.index}`,
      text,
      published: item.published ?? published,
      url,
      title: item.title === null ? null : fragmentText(item.title),
    },
    source: where,
  };
}

/** One feed's items as documents (or one error for a file that is not a feed, or has no items). */
export function feedDocuments(label: string, bytes: Uint8Array, published: string | null): IngestItem[] {
  const items = feedItems(label, bytes);
  if (items instanceof InputError) return [{ error: items }];
  if (items.length === 0) return [{ error: new InputError(label, null, "feed has no items") }];
  return items.map((item) => itemDocument(label, item, published));
}
