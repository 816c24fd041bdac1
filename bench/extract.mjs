#!/usr/bin/env node
// `npm run bench`: start-up time, extraction throughput on one core, and peak memory, over the
// shared news corpora. Prints figures; asserts nothing.
//
// Each corpus is first extracted once in full, unmeasured (the JIT compiles the hot code, lazy
// tables fill), then in several measured passes of at least PASS_BYTES of text each. The median
// pass is the figure to quote; best and worst show how noisy the machine was. Time is wall
// time of this one thread: no I/O, no workers.
//
//   node bench/extract.mjs [--passes N] [--mb MB_PER_PASS] [--corpus NAME]...
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchOptions } from "./args.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = resolve(ROOT, "../shared");
const CORPORA = { wikinews: "data/wikinews-conflict/articles.jsonl", "current-events": "data/current-events/events.jsonl" };
const MB = 1024 * 1024;

const opts = benchOptions("bench/extract", {
  passes: { type: "string", default: "5" },
  mb: { type: "string", default: "1" },
  corpus: { type: "string", multiple: true },
});
const PASSES = Math.max(1, Number(opts.passes) || 5);
const PASS_BYTES = Math.max(0.05, Number(opts.mb) || 1) * MB;
const chosen = opts.corpus?.length ? opts.corpus : Object.keys(CORPORA);

const fixed = (n, digits = 1) => n.toFixed(digits);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

// Start-up is what a user waits for before the first document: importing the extractor and
// loading its rules data.
const importStarted = performance.now();
const { createExtractor } = await import("../dist/extract/index.js");
const { readInputs } = await import("../dist/ingest/index.js");
const imported = performance.now();
const extractor = await createExtractor();
const ready = performance.now();

async function loadDocuments(path) {
  const docs = [];
  for await (const item of readInputs([path], { format: "jsonl" })) if ("doc" in item) docs.push(item.doc);
  return docs;
}

/** One pass: whole rounds over `docs` until `minBytes` of text went through. */
function pass(docs, bytesPerRound, minBytes, times) {
  const rounds = Math.max(1, Math.ceil(minBytes / bytesPerRound));
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const doc of docs) {
      const t = performance.now();
      extractor.extract(doc);
      times?.push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { mbps: (bytesPerRound * rounds) / MB / seconds, docps: (docs.length * rounds) / seconds, rounds };
}

console.log(`sitrep bench: node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${extractor.version}`);
console.log(`start-up     ${fixed(ready - importStarted, 0)} ms  (import ${fixed(imported - importStarted, 0)} ms + loading rules data ${fixed(ready - imported, 0)} ms)`);
console.log(`method       one warm-up pass, then ${PASSES} passes of >= ${fixed(PASS_BYTES / MB, 2)} MB each; median [best, worst]`);

for (const name of chosen) {
  const corpus = CORPORA[name] ?? name;
  const path = resolve(SHARED, corpus);
  if (!existsSync(path)) {
    console.log(`${corpus}: skipped, not found at ${path}`);
    continue;
  }
  const docs = await loadDocuments(path);
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
  const warm = pass(docs, bytes, 0);
  const times = [];
  const runs = [];
  for (let i = 0; i < PASSES; i += 1) runs.push(pass(docs, bytes, PASS_BYTES, times));
  times.sort((a, b) => a - b);
  const mbps = runs.map((r) => r.mbps);
  const docps = runs.map((r) => r.docps);
  console.log(`${corpus}: ${docs.length} documents, ${fixed(bytes / MB, 2)} MB; ${runs[0].rounds} rounds a pass`);
  console.log(`  throughput ${fixed(median(mbps), 3)} MB/s [${fixed(Math.max(...mbps), 3)}, ${fixed(Math.min(...mbps), 3)}]  (one core)`);
  console.log(`             ${fixed(median(docps), 0)} documents/s [${fixed(Math.max(...docps), 0)}, ${fixed(Math.min(...docps), 0)}]`);
  console.log(`  first pass ${fixed(warm.mbps, 3)} MB/s (cold: JIT and tables warming up)`);
  console.log(`  per document p50 ${fixed(percentile(times, 0.5), 2)} ms, p99 ${fixed(percentile(times, 0.99), 2)} ms, max ${fixed(times.at(-1) ?? 0, 2)} ms`);
}

console.log(`peak RSS     ${fixed(process.resourceUsage().maxRSS / 1024)} MB`);
