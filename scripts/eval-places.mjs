#!/usr/bin/env node
/**
 * Runs the places stage on an evaluation set and writes `{id, places}` records for the shared
 * scorer. Reads only `id` and `text`; never `gold`. Needs `npm run build` first (imports dist/).
 *
 * Usage: node scripts/eval-places.mjs [--per-place] [IN.jsonl] [OUT.jsonl]
 *   then: node ../shared/tools/score.mjs --gold IN.jsonl --pred OUT.jsonl
 *
 * Writes one place per mention, as the record lists them (src/extract/document.ts): the shared
 * scorer pairs each predicted place with at most one gold toponym. --per-place writes each place
 * once with all its mentions, which the scorer counts once however often it is named.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { loadGazetteer } from "../dist/rules/gazetteer.js";
import { findPlaces } from "../dist/extract/places/index.js";

const args = process.argv.slice(2);
const perPlace = args.includes("--per-place");
const [inArg, outArg] = args.filter((a) => a !== "--per-place");
const input = inArg ?? new URL("../../shared/data/geovirus/dev.jsonl", import.meta.url).pathname;
const output = outArg ?? "places-out.jsonl";
const split = (places) => places.flatMap((p) => p.mentions.map((m) => ({ ...p, mentions: [m] })));

const t0 = performance.now();
const gaz = loadGazetteer();
const t1 = performance.now();
const out = [];
for (const line of readFileSync(input, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const { id, text } = JSON.parse(line);
  const places = findPlaces(text, gaz);
  out.push(JSON.stringify({ id, places: perPlace ? places : split(places) }));
}
const t2 = performance.now();
writeFileSync(output, out.join("\n") + "\n");
console.error(`gazetteer loaded in ${Math.round(t1 - t0)} ms; ${out.length} documents in ${Math.round(t2 - t1)} ms → ${output}`);
