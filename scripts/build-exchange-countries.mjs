#!/usr/bin/env node
// Builds data/exchange/countries.json: for each ISO 3166-1 alpha-3 code, the English short name,
// the alpha-2 code (STIX locations carry it) and the numeric code (ACLED's `iso` column). From the
// world-countries package (a devDependency; ODbL 1.0). Plain Node; under a second.
//
//   node scripts/build-exchange-countries.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const countries = require("world-countries");
const version = require("world-countries/package.json").version;

const entries = countries
  .filter((c) => /^[A-Z]{3}$/.test(c.cca3))
  .map((c) => [c.cca3, { name: c.name.common, iso2: c.cca2, numeric: c.ccn3 === "" ? null : Number(c.ccn3) }])
  .sort(([a], [b]) => a.localeCompare(b));
const out = {
  source: `world-countries ${version} (mledoze/countries): name.common, cca2, ccn3`,
  licence: "ODbL 1.0",
  countries: Object.fromEntries(entries),
};
writeFileSync(join(ROOT, "data/exchange/countries.json"), `${JSON.stringify(out)}\n`);
console.log(`data/exchange/countries.json: ${entries.length} countries`);
