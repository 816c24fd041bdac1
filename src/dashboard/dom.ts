/**
 * The only ways the dashboard puts content into the page. Everything a document contains is
 * hostile: text goes in as text nodes, never as markup, and a link is made only for http(s) URLs.
 * No module builds HTML from strings (no innerHTML, insertAdjacentHTML or document.write).
 */

export type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

function setAttributes(el: Element, attrs: Attributes): void {
  for (const [name, value] of Object.entries(attrs)) {
    // Event handlers are attached with addEventListener, never as attributes; a style attribute
    // would be refused by the page's CSP (style-src 'self'), so classes carry the looks.
    if (/^on/i.test(name) || name === "style") throw new Error(`dom: attribute ${name} is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
}

/** An HTML element with attributes and children (strings become text nodes). `h("p", {}, name)` */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * The URL if it is an absolute http(s) URL, else null: `javascript:`, `data:`, relative and
 * malformed URLs are never made into links.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** A link opening in a new tab for an http(s) URL; any other URL shows as plain text. */
export function externalLink(raw: string | null | undefined, label?: string): HTMLElement {
  const href = safeHttpUrl(raw);
  const text = label ?? raw ?? "";
  if (href === null) return h("span", { class: "unlinked", title: "not an http(s) link" }, text);
  return h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, text);
}

/** Formats a count with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString("en-GB");
}
