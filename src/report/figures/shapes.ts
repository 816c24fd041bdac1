/**
 * The map's outlines: the Natural Earth shapes the repository ships (data/shapes/world.topo.json,
 * which the dashboard's build also copies into dist/dashboard/assets/), decoded from TopoJSON into
 * rings of [lon, lat] with their bounding boxes. Read from disk; nothing is fetched.
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DataError } from "../../core/index.js";

type Box = [number, number, number, number];
/** One country or first-level division: its ISO3 code, name, outer and inner rings, and box. */
export interface Shape { code: string; name: string; rings: Array<Array<[number, number]>>; box: Box }
/** A line of the map (an arc of the topology), with its box. */
export interface Line { points: Array<[number, number]>; box: Box }
export interface Shapes {
  /** Countries merged from their divisions: their names and boxes (never drawn, see `borders`). */
  countries: Shape[];
  /** The land, division by division. */
  admin1: Shape[];
  /** Lines between divisions of two countries, and coasts. */
  borders: Line[];
  /** Lines between two divisions of one country. */
  divisions: Line[];
}

interface TopoGeometry { type: string | null; arcs?: unknown; properties?: { c?: string; n?: string } }
interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<string, { geometries: TopoGeometry[] } | undefined>;
}

/** The shapes file under the package's root folder, or null when neither copy is there. */
export function findShapesFile(root: string): string | null {
  const shipped = join(root, "data", "shapes", "world.topo.json");
  if (existsSync(shipped)) return shipped;
  const assets = join(root, "dist", "dashboard", "assets");
  if (!existsSync(assets)) return null;
  const built = readdirSync(assets).find((name) => /^world\.topo[-.\w]*\.json$/.test(name));
  return built ? join(assets, built) : null;
}

/** Reads and decodes the shapes file. */
export async function loadShapes(path: string): Promise<Shapes> {
  let topology: Topology;
  try {
    topology = JSON.parse(await readFile(path, "utf8")) as Topology;
  } catch (error) {
    throw new DataError(path, `cannot read the map shapes (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const arcs = decodeArcs(topology);
  const read = (name: string): Shape[] => (topology.objects[name]?.geometries ?? []).flatMap((g) => shapeOf(g, arcs));
  const { borders, divisions } = lines(topology.objects["admin1"]?.geometries ?? [], arcs);
  return { countries: read("countries"), admin1: read("admin1"), borders, divisions };
}

/**
 * The divisions' arcs sorted into borders and inner lines. Drawn this way, not from the merged
 * country rings: where Natural Earth's divisions do not tile a country exactly, a merged ring is
 * stitched shut across it, which would draw a stray line (the dashboard's map does the same).
 */
function lines(geometries: readonly TopoGeometry[], arcs: Array<Array<[number, number]>>): { borders: Line[]; divisions: Line[] } {
  const users = new Map<number, string[]>();
  for (const g of geometries) {
    const polygons = g.type === "Polygon" ? [g.arcs as number[][]] : g.type === "MultiPolygon" ? (g.arcs as number[][][]) : [];
    for (const index of polygons.flat(2)) {
      const arc = index >= 0 ? index : ~index;
      users.set(arc, [...(users.get(arc) ?? []), g.properties?.c ?? ""]);
    }
  }
  const borders: Line[] = [];
  const divisions: Line[] = [];
  for (const [index, codes] of users) {
    const points = arcs[index];
    if (!points || points.length < 2) continue;
    const line = { points, box: boxOf([points]) };
    // An arc of one division only is a coast; of two countries' divisions, a border.
    (codes.length === 1 || codes.some((c) => c !== codes[0]) ? borders : divisions).push(line);
  }
  return { borders, divisions };
}

function boxOf(rings: ReadonlyArray<ReadonlyArray<[number, number]>>): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    for (const [lon, lat] of r) {
      box[0] = Math.min(box[0], lon); box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon); box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** The arcs in degrees: quantised TopoJSON stores each point as a step from the one before. */
function decodeArcs(topology: Topology): Array<Array<[number, number]>> {
  const t = topology.transform;
  if (!t) return topology.arcs;
  return topology.arcs.map((arc) => {
    let [x, y] = [0, 0];
    return arc.map(([dx, dy]): [number, number] => {
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** A ring from its arcs' indices (a negative index ~i is arc i walked backwards). */
function ring(indices: number[], arcs: Array<Array<[number, number]>>): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const index of indices) {
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) continue;
    // Consecutive arcs share their end points.
    points.push(...(points.length === 0 ? arc : arc.slice(1)));
  }
  return points;
}

function shapeOf(g: TopoGeometry, arcs: Array<Array<[number, number]>>): Shape[] {
  const polygons = g.type === "Polygon" ? [g.arcs as number[][]] : g.type === "MultiPolygon" ? (g.arcs as number[][][]) : [];
  const rings = polygons.flatMap((polygon) => polygon.map((indices) => ring(indices, arcs))).filter((r) => r.length > 2);
  if (rings.length === 0) return [];
  return [{ code: g.properties?.c ?? "", name: g.properties?.n ?? "", rings, box: boxOf(rings) }];
}
