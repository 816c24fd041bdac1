#!/usr/bin/env node
// `npm run bench` (after bench/extract.mjs): the gazetteer on its own — load time, the memory it
// holds, and places resolved per second by recognition and resolution alone (findPlaces) over
// the shared news corpora. Prints figures; asserts nothing. Run in its own process so that its
// memory figures are the gazetteer's, not the extractor's.
//
//   node bench/places.mjs [--loads N] [--passes N]
import { readFileSync, existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchOptions } from "./args.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = resolve(ROOT, "../shared");
const CORPORA = { wikinews: "data/wikinews-conflict/articles.jsonl", "current-events": "data/current-events/events.jsonl" };
const MB = 1024 * 1024;
const opts = benchOptions("bench/places", { loads: { type: "string", default: "5" }, passes: { type: "string", default: "3" } });
const LOADS = Math.max(1, Number(opts.loads) || 5);
const PASSES = Math.max(1, Number(opts.passes) || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const fixed = (n, d = 1) => n.toFixed(d);

const { loadGazetteer } = await import("../dist/rules/gazetteer.js");
const { findPlaces } = await import("../dist/extract/places/index.js");

// Memory held by one loaded gazetteer: heap and RSS before and after, with collections forced
// where node allows it (--expose-gc), else as measured.
const gc = globalThis.gc ?? (() => {});
gc();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
const first = performance.now();
const gaz = loadGazetteer();
const firstMs = performance.now() - first;
gc();
const heldHeap = process.memoryUsage().heapUsed - heap0;
const heldRss = process.memoryUsage().rss - rss0;
// Later loads read files the OS has cached: the figure a warm start-up sees.
const loads = [];
for (let i = 0; i < LOADS; i++) {
  const t = performance.now();
  loadGazetteer();
  loads.push(performance.now() - t);
}

console.log(`places bench: node ${process.version}`);
console.log(`gazetteer    load ${fixed(firstMs, 0)} ms first, ${fixed(median(loads), 0)} ms median of ${LOADS} more [${fixed(Math.min(...loads), 0)}, ${fixed(Math.max(...loads), 0)}]`);
console.log(`             holds ${fixed(heldHeap / MB)} MB of heap, ${fixed(heldRss / MB)} MB of RSS once loaded${globalThis.gc ? "" : " (run with --expose-gc for exact heap)"}`);

for (const [name, rel] of Object.entries(CORPORA)) {
  const path = resolve(SHARED, rel);
  if (!existsSync(path)) { console.log(`${name}: skipped, not found at ${path}`); continue; }
  const texts = readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l).text ?? "");
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  let mentions = 0;
  for (const t of texts) for (const p of findPlaces(t, gaz)) mentions += p.mentions.length; // warm-up, and the count
  const rates = [];
  for (let k = 0; k < PASSES; k++) {
    const t0 = performance.now();
    for (const t of texts) findPlaces(t, gaz);
    rates.push((performance.now() - t0) / 1000);
  }
  const s = median(rates);
  console.log(`${name}: ${texts.length} documents, ${fixed(bytes / MB, 2)} MB, ${mentions} place mentions resolved`);
  console.log(`  places resolved ${fixed(mentions / s, 0)}/s, ${fixed(texts.length / s, 0)} documents/s, ${fixed(bytes / MB / s, 2)} MB/s (median of ${PASSES}, one core)`);
}
console.log(`peak RSS     ${fixed(process.resourceUsage().maxRSS / 1024)} MB (this process)`);
