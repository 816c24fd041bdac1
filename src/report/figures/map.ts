/**
 * The map: the outlines around the period's events (countries shaded by their events, divisions
 * when the view is small enough to tell them apart), each place of events a circle sized by its
 * incidents. An equirectangular projection with its width scaled at the view's middle latitude:
 * true enough for a region, and needing no library.
 */
import type { MapPoint } from "../digest.js";
import type { Shape, Shapes } from "./shapes.js";
import { escapeXml, px, svgRoot } from "./svg.js";

const WIDTH = 680;
const HEIGHT = 420;
/** Divisions are drawn when the view spans fewer degrees of longitude than this. */
const DIVISIONS_BELOW = 40;
/** Places labelled on the map, the busiest first (all are in the tooltips). */
const LABELS = 8;

type Box = [west: number, south: number, east: number, north: number];

/** A country wider than this (Russia, or one across the antimeridian) frames no view. */
const FRAME_WIDEST = 120;

/**
 * The view: the points' box, and the whole of each country the report is about (`frame`, its
 * --country), padded, at least a few degrees wide, stretched to the figure's shape.
 */
export function mapView(points: readonly MapPoint[], countries: readonly Shape[], frame: readonly Shape[] = []): Box {
  let box: Box;
  const framing = frame.filter((c) => c.box[2] - c.box[0] <= FRAME_WIDEST);
  if (points.length > 0) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of points) box = [Math.min(box[0], p.lon), Math.min(box[1], p.lat), Math.max(box[2], p.lon), Math.max(box[3], p.lat)];
    for (const c of framing) box = [Math.min(box[0], c.box[0]), Math.min(box[1], c.box[1]), Math.max(box[2], c.box[2]), Math.max(box[3], c.box[3])];
  } else if (countries.length > 0) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of countries) box = [Math.min(box[0], c.box[0]), Math.min(box[1], c.box[1]), Math.max(box[2], c.box[2]), Math.max(box[3], c.box[3])];
  } else {
    return [-180, -60, 180, 85];
  }
  const padLon = Math.max(3, (box[2] - box[0]) * 0.2);
  const padLat = Math.max(2, (box[3] - box[1]) * 0.2);
  let [w, s, e, n] = [box[0] - padLon, Math.max(-85, box[1] - padLat), box[2] + padLon, Math.min(85, box[3] + padLat)];
  // Stretch the narrower side so that the view fills the figure.
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const wantLon = ((n - s) * (WIDTH / HEIGHT)) / k;
  if (e - w < wantLon) [w, e] = [(w + e) / 2 - wantLon / 2, (w + e) / 2 + wantLon / 2];
  else {
    const wantLat = ((e - w) * k * HEIGHT) / WIDTH;
    [s, n] = [(s + n) / 2 - wantLat / 2, (s + n) / 2 + wantLat / 2];
  }
  return [w, s, e, n];
}

/**
 * The map as an SVG document; without shapes, the points alone on a graticule. `frame`: the
 * ISO3 codes of the countries the report is about, shown whole.
 */
export function mapSvg(points: readonly MapPoint[], shapes: Shapes | null, byCountry: ReadonlyArray<{ key: string; count: number }>,
  frame: readonly string[] = []): string {
  const counts = new Map(byCountry.map((c) => [c.key, c.count]));
  const withEvents = shapes ? shapes.countries.filter((c) => counts.has(c.code)) : [];
  const view = mapView(points, withEvents, shapes ? shapes.countries.filter((c) => frame.includes(c.code)) : []);
  const [w, s, e, n] = view;
  const x = (lon: number): number => ((lon - w) / (e - w)) * WIDTH;
  const y = (lat: number): number => ((n - lat) / (n - s)) * HEIGHT;
  const inView = (b: Box): boolean => b[0] <= e && b[2] >= w && b[1] <= n && b[3] >= s;
  const maxCount = Math.max(1, ...counts.values());
  const parts: string[] = [`<defs><clipPath id="map-view"><rect width="${WIDTH}" height="${HEIGHT}"/></clipPath></defs>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#dfe9f3"/>`, `<g clip-path="url(#map-view)">`];
  if (shapes) {
    // Land division by division, one path per country (its fill also strokes the seams between
    // divisions, which anti-aliasing would otherwise show as hairlines).
    const land = new Map<string, string>();
    for (const d of shapes.admin1.filter((shape) => inView(shape.box))) land.set(d.code, (land.get(d.code) ?? "") + ringsPath(d.rings, x, y, true));
    const names = new Map(shapes.countries.map((c) => [c.code, c.name]));
    for (const [code, d] of land) {
      const count = counts.get(code);
      const colour = count === undefined ? "#f4f1ea" : shade(count / maxCount);
      parts.push(`<path d="${d}" fill="${colour}" stroke="${colour}" stroke-width="0.5"><title>${escapeXml(`${names.get(code) ?? code}${count ? `: ${count} events` : ""}`)}</title></path>`);
    }
    if (e - w < DIVISIONS_BELOW) {
      parts.push(`<path d="${ringsPath(shapes.divisions.filter((l) => inView(l.box)).map((l) => l.points), x, y, false)}" fill="none" stroke="#c8c8c8" stroke-width="0.4"/>`);
    }
    parts.push(`<path d="${ringsPath(shapes.borders.filter((l) => inView(l.box)).map((l) => l.points), x, y, false)}" fill="none" stroke="#6e6e6e" stroke-width="0.9"/>`);
  } else {
    parts.push(graticule(view, x, y));
  }
  const maxEvents = Math.max(1, ...points.map((p) => p.events));
  points.forEach((p) => {
    const r = 3 + 9 * Math.sqrt(p.events / maxEvents);
    const deaths = p.fatalities > 0 ? `, ${p.fatalities} killed (lowest figures)` : "";
    parts.push(`<circle cx="${px(x(p.lon))}" cy="${px(y(p.lat))}" r="${px(r)}" fill="#c0392b" fill-opacity="0.75" stroke="#fff"><title>${escapeXml(`${p.name}: ${p.events} incidents${deaths}`)}</title></circle>`);
  });
  const labels = placeLabels(points.slice(0, LABELS).map((p) => ({ x: x(p.lon), y: y(p.lat), r: 3 + 9 * Math.sqrt(p.events / maxEvents), text: p.name })));
  for (const l of labels) {
    parts.push(`<text x="${px(l.x)}" y="${px(l.y)}"${l.anchor === "end" ? ` text-anchor="end"` : ""} stroke="#fff" stroke-width="3" paint-order="stroke" fill="#222">${escapeXml(l.text)}</text>`);
  }
  parts.push(`</g><text x="${WIDTH - 6}" y="${HEIGHT - 6}" text-anchor="end" fill="#555">${shapes ? "Outlines: Natural Earth" : "(map shapes not found: places only)"}</text>`);
  return svgRoot(WIDTH, HEIGHT, "Map of the period's events", parts.join(""));
}

/** A label's estimated box at the figures' 11 px font: [left, top, right, bottom]. */
type LabelBox = [number, number, number, number];
export interface PlacedLabel { x: number; y: number; anchor: "start" | "end"; text: string }

/**
 * Labels for circles, the first (busiest) placed first: right of its circle, else left, above or
 * below; a label that would cover one placed before or leave the figure is left out (every place
 * is still in the tooltips).
 */
export function placeLabels(items: ReadonlyArray<{ x: number; y: number; r: number; text: string }>): PlacedLabel[] {
  const placed: LabelBox[] = [];
  const out: PlacedLabel[] = [];
  const overlaps = (a: LabelBox, b: LabelBox): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  for (const it of items) {
    const w = it.text.length * 6.2;
    const tries: Array<[number, number, "start" | "end"]> = [
      [it.x + it.r + 3, it.y + 4, "start"], [it.x - it.r - 3, it.y + 4, "end"],
      [it.x - w / 2, it.y - it.r - 4, "start"], [it.x - w / 2, it.y + it.r + 12, "start"],
    ];
    for (const [lx, ly, anchor] of tries) {
      const left = anchor === "end" ? lx - w : lx;
      const box: LabelBox = [left, ly - 10, left + w, ly + 3];
      if (box[0] < 0 || box[2] > WIDTH || box[1] < 0 || box[3] > HEIGHT || placed.some((b) => overlaps(b, box))) continue;
      placed.push(box);
      out.push({ x: lx, y: ly, anchor, text: it.text });
      break;
    }
  }
  return out;
}

/** A country's fill for a share of the largest count: from a pale to a strong red, opaque. */
function shade(share: number): string {
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * (0.25 + 0.75 * share));
  return `rgb(${mix(0xf4, 0xd9)},${mix(0xf1, 0x82)},${mix(0xea, 0x72)})`;
}

/** Rings (closed) or lines as path data, points closer than half a pixel to the last one dropped. */
function ringsPath(rings: ReadonlyArray<ReadonlyArray<[number, number]>>, x: (lon: number) => number, y: (lat: number) => number, closed: boolean): string {
  let d = "";
  for (const ring of rings) {
    let last: [number, number] | null = null;
    let part = "";
    for (const [lon, lat] of ring) {
      const p: [number, number] = [x(lon), y(lat)];
      if (last && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) continue;
      part += `${last ? "L" : "M"}${px(p[0])},${px(p[1])}`;
      last = p;
    }
    if (part.includes("L")) d += closed ? `${part}Z` : part;
  }
  return d;
}

function graticule(view: Box, x: (lon: number) => number, y: (lat: number) => number): string {
  const step = view[2] - view[0] > 60 ? 30 : 5;
  const lines: string[] = [];
  for (let lon = Math.ceil(view[0] / step) * step; lon <= view[2]; lon += step) lines.push(`M${px(x(lon))},0V${HEIGHT}`);
  for (let lat = Math.ceil(view[1] / step) * step; lat <= view[3]; lat += step) lines.push(`M0,${px(y(lat))}H${WIDTH}`);
  return `<path d="${lines.join("")}" stroke="#c8d3de" stroke-width="0.5" fill="none"/>`;
}
