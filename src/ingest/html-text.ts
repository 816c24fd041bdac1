/** The readable text of an HTML fragment, shared by pages (after Readability) and feed items. */
import { parseHTML } from "linkedom";

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td";

/**
 * The text of an HTML fragment, one paragraph per innermost block (no text twice), whitespace
 * tidied; with no blocks, the whole text. Scripts, styles and embedded frames are dropped first.
 */
export function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of [...document.querySelectorAll("script, style, iframe, object, embed, noscript")]) element.remove();
  const blocks = [...document.querySelectorAll(BLOCKS)]
    .filter((element) => element.querySelector(BLOCKS) === null)
    .map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter((text) => text !== "");
  return blocks.length > 0 ? blocks.join("\n\n") : (document.body?.textContent ?? "").replace(/\s+/g, " ").trim();
}
