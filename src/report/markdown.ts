/**
 * The report in Markdown (CommonMark with GitHub's tables). Text from documents is escaped twice
 * over: `<`, `>` and `&` become entities (a Markdown renderer passes raw HTML through, so a
 * `<script>` in a report must not reach it as a tag) and Markdown's own marks get a backslash.
 */
import type { Block, FigureName, Inline } from "./blocks.js";

/** Text that a Markdown renderer shows as written, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"))
    // Marks that act anywhere in a line ("!" only makes an image before "[", escaped here).
    .replace(/[\\`*_[\]|~]/g, "\\$&");
}

/** A line whose opening would be read as a heading, a list item or a rule, made plain text. */
function lineStart(line: string): string {
  return line.replace(/^([#+=>-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A link target: no spaces or brackets that would end it early. */
function linkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function inline(parts: readonly Inline[]): string {
  return parts.map((p) => {
    if (typeof p === "string") return escapeMarkdown(p);
    if ("em" in p) return `*${escapeMarkdown(p.em)}*`;
    if ("strong" in p) return `**${escapeMarkdown(p.strong)}**`;
    return `[${escapeMarkdown(p.text)}](${linkTarget(p.link)})`;
  }).join("");
}

function block(b: Block, figure: (name: FigureName) => string): string {
  switch (b.kind) {
    case "heading": return `${"#".repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case "paragraph": return lineStart(inline(b.parts));
    case "flag": return `> **⚠** ${inline(b.parts)}`;
    case "list": return b.items.map((item) => `- ${inline(item)}`).join("\n");
    case "quote": return `> “${escapeMarkdown(b.text)}”\n>\n> — ${inline(b.by)}`;
    case "figure": return `![${escapeMarkdown(b.caption)}](${figure(b.name)})\n\n*${escapeMarkdown(b.caption)}*`;
    case "table": {
      const row = (cells: readonly string[]): string => `| ${cells.map((c) => escapeMarkdown(c)).join(" | ")} |`;
      const rule = b.head.map((_, k) => (b.numeric.includes(k) ? "---:" : "---"));
      return [row(b.head), `| ${rule.join(" | ")} |`, ...b.rows.map(row)].join("\n");
    }
  }
}

/**
 * The blocks as a Markdown document; `figure` gives each figure's image address (a file beside
 * the report, or a data: URI).
 */
export function renderMarkdown(blocks: readonly Block[], figure: (name: FigureName) => string): string {
  return `${blocks.map((b) => block(b, figure)).join("\n\n")}\n`;
}

/** An SVG document as a data: URI (base64, which every Markdown renderer reads whole). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
