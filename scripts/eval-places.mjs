#!/usr/bin/env node
/**
 * Runs the places stage on an evaluation set and writes `{id, places}` records for the shared
 * scorer. Reads only `id` and `text`; never `gold`. Needs `npm run build` first (imports dist/).
 *
 * Usage: node scripts/eval-places.mjs [--per-mention] [IN.jsonl] [OUT.jsonl]
 *   then: node ../shared/tools/score.mjs --gold IN.jsonl --pred OUT.jsonl
 *
 * --per-mention writes one place per mention instead of one per distinct place. The shared
 * scorer pairs each predicted place with at most one gold toponym, so a place named five times
 * earns one match in the record's own form (spec: each place once, all its mentions); split,
 * the same output is scored mention by mention.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { loadGazetteer } from "../dist/rules/gazetteer.js";
import { findPlaces } from "../dist/extract/places/index.js";

const args = process.argv.slice(2);
const perMention = args.includes("--per-mention");
const [inArg, outArg] = args.filter((a) => a !== "--per-mention");
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
  out.push(JSON.stringify({ id, places: perMention ? split(places) : places }));
}
const t2 = performance.now();
writeFileSync(output, out.join("\n") + "\n");
console.error(`gazetteer loaded in ${Math.round(t1 - t0)} ms; ${out.length} documents in ${Math.round(t2 - t1)} ms → ${output}`);
