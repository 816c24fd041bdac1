/**
 * RSS 2.0 and Atom feeds: one document per item (entry), its text from the full content when the
 * feed carries it, else from the summary. The XML is parsed by linkedom's parser (htmlparser2 in
 * XML mode), which reads no DTD: entities a feed declares are neither expanded (no billion
 * laughs) nor fetched (no external entities); they stay as the literal `&name;`.
 */
import { DOMParser } from "linkedom";
import { InputError } from "../core/index.js";
import { checkPublished, decodeText, looksLikeFeed, type IngestItem } from "./common.js";
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

/** One feed's items as documents (or one error for a file that is not a feed). */
export function feedDocuments(label: string, bytes: Uint8Array, published: string | null): IngestItem[] {
  const xml = decodeText(bytes, "file");
  if (typeof xml !== "string") return [{ error: new InputError(label, null, xml.reason) }];
  if (!looksLikeFeed(xml.slice(0, 64 * 1024))) return [{ error: new InputError(label, null, "not an RSS or Atom feed") }];
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const items = [...document.querySelectorAll("item, entry")] as XmlElement[];
  if (items.length === 0) return [{ error: new InputError(label, null, "feed has no items") }];
  return items.map((item, index) => {
    const where = `${label}: item ${index + 1}`;
    const link = child(item, "link");
    const url = link?.getAttribute("href") ?? textOf(link);
    const content = textOf(child(item, "content:encoded", "content")) ?? textOf(child(item, "description", "summary"));
    const text = content === null ? "" : fragmentText(content);
    if (text === "") return { error: new InputError(where, null, "no text (no content or summary)") };
    const title = textOf(child(item, "title"));
    const day = feedDay(textOf(child(item, "pubDate", "published", "updated", "dc:date")));
    return {
      doc: {
        id: textOf(child(item, "guid", "id")) ?? url ?? `${label}:${index + 1}`,
        text,
        published: day ?? published,
        url: url && /^https?:\/\//i.test(url) ? url : null,
        title: title === null ? null : fragmentText(title),
      },
      source: where,
    };
  });
}
