/**
 * HTML pages: the main text pulled out of the page's boilerplate by Readability (Mozilla's reader
 * view) over linkedom's DOM, nothing executed; the headline, author, publication date and
 * canonical URL from the page's metadata. The stored text is the article's blocks (paragraphs,
 * headings, list items), one paragraph each.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { InputError } from "../core/index.js";
import { checkPublished, decodeText, type IngestItem } from "./common.js";
import { fragmentText } from "./html-text.js";

type Doc = ReturnType<typeof parseHTML>["document"];

/** Fewer characters than a short sentence: what is left of a page of menus and scripts, not a report. */
const MIN_TEXT = 25;

function meta(document: Doc, selectors: string[]): string | null {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute("content") ?? element?.getAttribute("datetime") ?? element?.getAttribute("href") ?? null;
    if (value && value.trim() !== "") return value.trim();
  }
  return null;
}

/** The page's metadata: canonical URL, headline, author and publication day, when it gives them. */
export function htmlMetadata(document: Doc): { url: string | null; title: string | null; author: string | null; published: string | null } {
  const day = checkPublished(meta(document, [
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
    'meta[name="date"]', 'meta[name="dc.date"]', 'meta[name="DC.date.issued"]', "time[datetime]",
  ])?.slice(0, 10));
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  return {
    url: url && /^https?:\/\//i.test(url) ? url : null,
    title: meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? (document.querySelector("title")?.textContent?.trim() || null),
    author: meta(document, ['meta[name="author"]', 'meta[property="article:author"]']),
    published: typeof day === "string" ? day : null,
  };
}

/** One HTML page's bytes as a document, or the reason it is not one. */
export function htmlDocument(label: string, id: string, bytes: Uint8Array, published: string | null): IngestItem {
  const html = decodeText(bytes, "file");
  if (typeof html !== "string") return { error: new InputError(label, null, html.reason) };
  const { document } = parseHTML(html);
  const metadata = htmlMetadata(document);
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const text = article?.content ? fragmentText(article.content) : "";
  if (text.length < MIN_TEXT) return { error: new InputError(label, null, "no article text found in the page") };
  return {
    doc: {
      id,
      text,
      published: metadata.published ?? published,
      url: metadata.url,
      title: metadata.title ?? article?.title ?? null,
    },
    source: label,
  };
}
