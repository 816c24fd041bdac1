/** What the figures share: escaping for XML, number rounding, the colours of event families. */
import type { PloverType } from "../../core/index.js";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe inside an SVG or HTML element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** A coordinate rounded to a tenth of a pixel (enough on screen and in print, and short). */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

/** The font every figure uses (the system's: nothing is fetched). */
export const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"`;

/** PLOVER types by family: force (red), pressure and words against (amber), cooperation (blue). */
const FAMILY: Record<PloverType, string> = {
  ASSAULT: "#c0392b", COERCE: "#c0392b", MOBILIZE: "#d35400", SANCTION: "#d68910", THREATEN: "#d68910",
  PROTEST: "#d68910", ACCUSE: "#b7950b", REJECT: "#b7950b", REQUEST: "#7f8c8d", CONSULT: "#2874a6",
  AGREE: "#2874a6", SUPPORT: "#2874a6", COOPERATE: "#2874a6", AID: "#1e8449", CONCEDE: "#1e8449", RETREAT: "#1e8449",
};

export function typeColour(type: PloverType | null): string {
  return type === null ? "#6c3483" : FAMILY[type];
}

/** An `<svg>` root of the given size, with a title for screen readers. */
export function svgRoot(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ${FONT} font-size="11">`
    + `<title>${escapeXml(title)}</title>${body}</svg>`;
}
