/**
 * The network picture: the most active actors on a circle (the most active first, clockwise from
 * the top), an arrow for who acted on whom (coloured by the event's family, wider for more
 * events) and a dashed line for a standing relation (directs, sponsors, at war with, ...).
 * A circle keeps every label readable and the drawing the same from run to run.
 */
import type { Network } from "../../store/index.js";
import { escapeXml, px, svgRoot, typeColour } from "./svg.js";

const WIDTH = 680;
const HEIGHT = 460;
const RADIUS = 160;
/** Labels longer than this are cut (the full name is in the node's tooltip and the actors table). */
const LABEL_CHARS = 28;

const cut = (name: string): string => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);

/** The network as an SVG document. */
export function networkSvg(network: Network): string {
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const nodes = [...network.nodes].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  if (nodes.length === 0) {
    return svgRoot(WIDTH, 60, "Actor network", `<rect width="${WIDTH}" height="60" fill="#fff"/><text x="${cx}" y="34" text-anchor="middle" fill="#555">no actors in the period</text>`);
  }
  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  const at = new Map(nodes.map((n, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / nodes.length;
    return [n.id, { x: cx + RADIUS * Math.cos(angle), y: cy + RADIUS * Math.sin(angle), angle, r: 5 + 11 * Math.sqrt(n.events / maxEvents) }];
  }));
  const maxCount = Math.max(1, ...network.edges.map((e) => e.count));
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>`,
  ];
  for (const edge of network.edges) {
    const a = at.get(edge.source);
    const b = at.get(edge.target);
    if (!a || !b || edge.source === edge.target) continue;
    // Stop the line at the target's rim so the arrow head shows.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [x2, y2] = [b.x - (dx / len) * (b.r + 2), b.y - (dy / len) * (b.r + 2)];
    const what = edge.kind === "event" ? `${edge.type ?? "event"} ×${edge.count}` : `${edge.kind.replace(/_/g, " ")} (relation)`;
    const width = 1 + (3 * edge.count) / maxCount;
    const style = edge.kind === "event"
      ? `stroke="${typeColour(edge.type)}" stroke-width="${px(width)}" stroke-opacity="0.75" marker-end="url(#arrow)"`
      : `stroke="#6c3483" stroke-width="1.5" stroke-dasharray="5 4"`;
    parts.push(`<line x1="${px(a.x)}" y1="${px(a.y)}" x2="${px(x2)}" y2="${px(y2)}" ${style}><title>${escapeXml(`${nameOf(network, edge.source)} → ${nameOf(network, edge.target)}: ${what}`)}</title></line>`);
  }
  for (const node of nodes) {
    const p = at.get(node.id);
    if (!p) continue;
    const right = Math.cos(p.angle) >= -0.01;
    const lx = p.x + Math.cos(p.angle) * (p.r + 6);
    const ly = p.y + Math.sin(p.angle) * (p.r + 6) + 4;
    const country = node.country ? ` (${node.country})` : "";
    parts.push(`<g><title>${escapeXml(`${node.name}${country}: ${node.kind.replace(/_/g, " ")}, ${node.events} events`)}</title>`
      + `<circle cx="${px(p.x)}" cy="${px(p.y)}" r="${px(p.r)}" fill="#34495e" stroke="#fff"/>`
      + `<text x="${px(lx)}" y="${px(ly)}" text-anchor="${Math.abs(Math.cos(p.angle)) < 0.2 ? "middle" : right ? "start" : "end"}">${escapeXml(cut(node.name))}</text></g>`);
  }
  parts.push(`<text x="8" y="${HEIGHT - 8}" fill="#555">arrows: who acted on whom (red force, amber pressure, blue cooperation, green aid); dashed: a standing relation</text>`);
  return svgRoot(WIDTH, HEIGHT, "Actor network", parts.join(""));
}

function nameOf(network: Network, id: string): string {
  return network.nodes.find((n) => n.id === id)?.name ?? id;
}
