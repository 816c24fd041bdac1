/**
 * The report as one self-contained HTML page: styles and figures inline, nothing fetched (a
 * Content-Security-Policy that forbids scripts and remote loads says so to the browser too).
 * Everything from documents is escaped.
 */
import type { Block, Figures, Inline } from "./blocks.js";
import { escapeXml } from "./figures/svg.js";

const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1c1c1c; max-width: 760px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #ddd; margin-top: 1.6em; } h3 { margin-bottom: .3em; }
table { border-collapse: collapse; margin: .6em 0; } th, td { border-bottom: 1px solid #e3e3e3; padding: .25em .6em; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .4em 0 .8em 1em; padding: .2em .8em; border-left: 3px solid #b9c4cf; background: #f7f9fb; }
blockquote p { margin: .2em 0; } blockquote .by { color: #555; font-size: .9em; }
.flag { border-left: 4px solid #d68910; background: #fdf2e0; padding: .4em .8em; margin: .6em 0; }
figure { margin: 1em 0; page-break-inside: avoid; } figure svg { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
figcaption { color: #555; font-size: .9em; } a { color: #1a5490; word-break: break-word; }
@media print { body { margin: 0 auto; } h2 { page-break-after: avoid; } }
`;

function inline(parts: readonly Inline[]): string {
  return parts.map((p) => {
    if (typeof p === "string") return escapeXml(p);
    if ("em" in p) return `<em>${escapeXml(p.em)}</em>`;
    if ("strong" in p) return `<strong>${escapeXml(p.strong)}</strong>`;
    return `<a href="${escapeXml(p.link)}" rel="noreferrer noopener">${escapeXml(p.text)}</a>`;
  }).join("");
}

function block(b: Block, figures: Figures): string {
  switch (b.kind) {
    case "heading": return `<h${b.level}>${escapeXml(b.text)}</h${b.level}>`;
    case "paragraph": return `<p>${inline(b.parts)}</p>`;
    case "flag": return `<p class="flag"><strong>⚠</strong> ${inline(b.parts)}</p>`;
    case "list": return `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`;
    case "quote": return `<blockquote><p>“${escapeXml(b.text)}”</p><p class="by">— ${inline(b.by)}</p></blockquote>`;
    case "figure": return `<figure class="figure-${b.name}">${figures[b.name]}<figcaption>${escapeXml(b.caption)}</figcaption></figure>`;
    case "table": {
      const cls = (k: number): string => (b.numeric.includes(k) ? ` class="n"` : "");
      const head = b.head.map((h, k) => `<th${cls(k)}>${escapeXml(h)}</th>`).join("");
      const rows = b.rows.map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${escapeXml(c)}</td>`).join("")}</tr>`).join("\n");
      return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

/** The blocks as an HTML page, the figures' SVG inline. */
export function renderHtml(blocks: readonly Block[], figures: Figures): string {
  const first = blocks.find((b) => b.kind === "heading");
  const title = first?.kind === "heading" ? first.text : "Situation report";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title><style>${STYLE}</style></head>
<body>
${blocks.map((b) => block(b, figures)).join("\n")}
</body></html>
`;
}
