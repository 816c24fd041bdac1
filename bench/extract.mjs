#!/usr/bin/env node
// `npm run bench`: start-up time, extraction throughput on one core, and peak memory, over the
// shared news corpora repeated to at least 5 MB. Prints figures; asserts nothing.
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createExtractor } from "../dist/extract/index.js";
import { readInputs } from "../dist/ingest/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SHARED = resolve(ROOT, "../shared");
const CORPORA = ["data/wikinews-conflict/articles.jsonl", "data/current-events/events.jsonl"];
const TARGET_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

const fixed = (n, digits = 1) => n.toFixed(digits);

async function loadDocuments(path) {
  const docs = [];
  for await (const item of readInputs([path], { format: "jsonl" })) if ("doc" in item) docs.push(item.doc);
  return docs;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Extracts `docs` round after round until TARGET_BYTES of text went through; one core, no I/O. */
function run(extractor, docs) {
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0);
  const rounds = Math.max(1, Math.ceil(TARGET_BYTES / bytes));
  for (const doc of docs.slice(0, 20)) extractor.extract(doc); // warm up the JIT
  const times = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const doc of docs) {
      const t = performance.now();
      extractor.extract(doc);
      times.push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { bytes: bytes * rounds, count: docs.length * rounds, rounds, seconds, times };
}

console.log(`sitrep bench: node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}`);
const started = performance.now();
const extractor = await createExtractor();
console.log(`start-up     ${fixed(performance.now() - started, 0)} ms  (createExtractor: loading rules data; ${extractor.version})`);

for (const corpus of CORPORA) {
  const path = resolve(SHARED, corpus);
  if (!existsSync(path)) {
    console.log(`${corpus}: skipped, not found at ${path}`);
    continue;
  }
  const docs = await loadDocuments(path);
  const r = run(extractor, docs);
  console.log(`${corpus}: ${docs.length} documents x ${r.rounds} = ${fixed(r.bytes / MB)} MB in ${fixed(r.seconds, 2)} s`);
  console.log(`  throughput ${fixed(r.bytes / MB / r.seconds, 2)} MB/s, ${fixed(r.count / r.seconds, 0)} documents/s (one core)`);
  console.log(`  per document p50 ${fixed(percentile(r.times, 0.5), 2)} ms, p99 ${fixed(percentile(r.times, 0.99), 2)} ms, max ${fixed(r.times.at(-1) ?? 0, 2)} ms`);
}

console.log(`peak RSS     ${fixed(process.resourceUsage().maxRSS / 1024)} MB`);
