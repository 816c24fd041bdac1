/**
 * The report as a list of blocks (headings, paragraphs, tables, quotes, figures), built once and
 * laid out by each writer. Every string here is plain text: the writers escape it.
 */

/** A run of text: plain, emphasised, strong, or a link (only http(s) links are kept as links). */
export type Inline = string | { em: string } | { strong: string } | { link: string; text: string };

export const FIGURES = ["network", "map", "timeline"] as const;
export type FigureName = (typeof FIGURES)[number];

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; parts: Inline[] }
  /** A warning the reader must not miss (an event resting only on anonymous sources). */
  | { kind: "flag"; parts: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; head: string[]; rows: string[][]; /** Columns aligned right (numbers). */ numeric: number[] }
  /** A source quoted: its words, then who said them and where. */
  | { kind: "quote"; text: string; by: Inline[] }
  | { kind: "figure"; name: FigureName; caption: string };

/** The SVG documents of the figures. */
export type Figures = Record<FigureName, string>;

/** The link a URL may become: http(s) only, so a `javascript:` URL stays text. */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
