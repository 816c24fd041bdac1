#!/usr/bin/env node
// `npm run bench` (second part): ingest throughput with extraction into a fresh archive, on
// SQLite and on PostgreSQL (a throwaway cluster with PostgreSQL's default durability, or the
// server at SITREP_BENCH_PG), then query latency over an archive grown to many events by
// replicating the ingested ones. Prints figures; asserts nothing.
//
//   node bench/ingest.mjs [--passes N] [--events N] [--jobs N] [--skip pg,queries] [--archive FILE]
//
// --archive: time the queries on that archive rather than on the one grown from the first pass
// (which is kept in the temp folder for the other bench parts: bench/grow-archive.mjs).
// --jobs: extraction threads (default as `sitrep ingest`: one per core, at most 8; 1 extracts on
// the main thread). The threads are started and warmed up (WARM_DOCUMENTS each) and WARM_PASSES
// untimed passes run before the timed ones: the figures are those of a long ingest.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchOptions } from "./args.mjs";
import { archiveNote, benchArchive } from "./grow-archive.mjs";
import { createExtractor } from "../dist/extract/index.js";
import { readInputs } from "../dist/ingest/index.js";
import { ingestAll } from "../dist/pipeline.js";
import { defaultJobs, openExtractPool } from "../dist/pool/index.js";
import { openStore } from "../dist/store/index.js";
import { findPostgresBin, startPostgres } from "../test/postgres-server.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = resolve(ROOT, "../shared/data/wikinews-conflict/articles.jsonl");
const values = benchOptions("bench/ingest", {
  passes: { type: "string", default: "3" }, events: { type: "string", default: "1000000" }, jobs: { type: "string" }, skip: { type: "string", default: "" },
  archive: { type: "string" },
});
const PASSES = Number(values.passes);
const TARGET_EVENTS = Number(values.events);
const JOBS = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
const SKIP = new Set(values.skip.split(",").filter(Boolean));

const fixed = (n, digits = 1) => n.toFixed(digits);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

if (!existsSync(CORPUS)) {
  console.log(`ingest bench: skipped, corpus not found at ${CORPUS}`);
  process.exit(0);
}
const docs = [];
for await (const item of readInputs([CORPUS], { format: "jsonl" })) if ("doc" in item) docs.push(item);
/**
 * Documents a thread extracts before it is timed: the JIT keeps compiling the extractor's hot code
 * on background threads for about a thousand documents, which would be counted against the store.
 */
const WARM_DOCUMENTS = 1500;
/**
 * Untimed ingest passes before the timed ones, so that the figures are those of a long ingest:
 * past the extraction warm-up, V8 goes on optimising on its background threads while ingesting
 * (--trace-opt) for about ten passes, and on two cores those compilations take up to a quarter
 * of the CPU (perf). The first of these passes is printed as the cold figure.
 */
const WARM_PASSES = 10;
const rounds = (n) => Array.from({ length: Math.ceil(n / docs.length) }, () => docs).flat();
const extractor = await createExtractor();
for (const { doc } of rounds(WARM_DOCUMENTS)) extractor.extract(doc); // warm up the JIT

async function* items() {
  yield* docs;
}

/** One pass: a fresh archive at `location`, every document ingested; documents/s. */
async function pass(location) {
  const store = await openStore(location);
  const started = performance.now();
  const tally = await ingestAll(items(), source, store);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  if (tally.new !== docs.length) throw new Error(`expected ${docs.length} new documents, got ${tally.new}`);
  return docs.length / seconds;
}

const extractStarted = performance.now();
for (const { doc } of docs) extractor.extract(doc);
console.log(`extraction alone (no store): ${fixed(docs.length / ((performance.now() - extractStarted) / 1000))} documents/s, the ceiling of what follows`);
let source = extractor;
if (JOBS > 1) {
  const loading = performance.now();
  source = await openExtractPool({ jobs: JOBS });
  const loaded = performance.now();
  await Promise.all(rounds(WARM_DOCUMENTS * JOBS).map(({ doc }) => source.extract(doc))); // warm up the threads' JIT
  const warm = performance.now();
  await Promise.all(docs.map(({ doc }) => source.extract(doc)));
  console.log(`extraction alone on ${JOBS} threads (no store): ${fixed(docs.length / ((performance.now() - warm) / 1000))} documents/s; the threads took ${fixed((loaded - loading) / 1000)} s to start`);
}
console.log(`ingest: ${docs.length} Wikinews articles with extraction (${JOBS === 1 ? "on the main thread" : `${JOBS} threads`}), into a fresh archive, ${PASSES} passes (median, best-worst)`);
const work = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
try {
  const warmRates = [];
  for (let i = 0; i < WARM_PASSES; i++) warmRates.push(await pass({ sqlite: join(work, `warm-${i}.db`) }));
  console.log(`  SQLite, cold: ${fixed(warmRates[0])} documents/s in the first pass, ${fixed(warmRates.at(-1))} in the ${WARM_PASSES}th (untimed warm-up)`);
  const rates = [];
  let size = 0;
  for (let i = 0; i < PASSES; i++) {
    const file = join(work, `pass-${i}.db`);
    rates.push(await pass({ sqlite: file }));
    size = ["", "-wal"].reduce((sum, ext) => sum + (existsSync(file + ext) ? statSync(file + ext).size : 0), 0);
  }
  console.log(`  SQLite      ${fixed(median(rates))} documents/s (${fixed(Math.max(...rates))}-${fixed(Math.min(...rates))}); ${fixed(size / docs.length * 1000 / 1024 / 1024, 2)} MB per 1,000 documents`);

  const bin = SKIP.has("pg") || process.env.SITREP_BENCH_PG ? null : findPostgresBin();
  const server = process.env.SITREP_BENCH_PG ? { url: process.env.SITREP_BENCH_PG, stop() {} } : bin ? await startPostgres(bin, { durable: true }) : null;
  if (SKIP.has("pg")) console.log("  PostgreSQL  skipped (--skip pg)");
  else if (server === null) console.log("  PostgreSQL  skipped: no server binaries (see DEVELOPERS.md)");
  else {
    try {
      const pgRates = [];
      for (let i = 0; i < PASSES; i++) pgRates.push(await pass({ postgres: server.url, schema: `bench_${Date.now().toString(36)}_${i}` }));
      console.log(`  PostgreSQL  ${fixed(median(pgRates))} documents/s (${fixed(Math.max(...pgRates))}-${fixed(Math.min(...pgRates))})`);
    } finally {
      server.stop();
    }
  }
  if (source !== extractor) await source.close();
  if (!SKIP.has("queries")) await queryLatency(join(work, "pass-0.db"));
} finally {
  if (source !== extractor) await source.close();
  rmSync(work, { recursive: true, force: true });
}

/** The SQLite archive `ingested` grown to TARGET_EVENTS events (copies of the ingested ones, or the cached grown archive); times the queries. */
async function queryLatency(ingested) {
  const archive = await benchArchive({ corpus: CORPUS, targetEvents: TARGET_EVENTS, archive: values.archive, ingest: (file) => copyFileSync(ingested, file) });
  console.log(`query latency: SQLite, ${archiveNote(archive)}`);
  const store = await openStore({ sqlite: archive.file });
  const country = (await store.events({ limit: 1 }))[0]?.country ?? "USA";
  const actor = (await store.actors({ limit: 1 }))[0]?.name ?? "government";
  const queries = {
    "latest 100": {},
    [`--country ${country}`]: { country },
    "--since/--until (a month)": { since: "2011-03-01", until: "2011-03-31" },
    "--type ASSAULT": { type: "ASSAULT" },
    [`--actor "${actor}"`]: { actor },
    "--modality negated": { modality: "negated" },
    '--text "killed"': { text: "killed" },
    [`--country ${country} --type ASSAULT --since 2012-01-01`]: { country, type: "ASSAULT", since: "2012-01-01" },
  };
  const trends = {
    "counts per week per country (trend)": [{}, { interval: "week", by: "country" }],
    "counts per week per country, top 20 (trend --top 20)": [{}, { interval: "week", by: "country", top: 20 }],
    [`counts per month per type, --country ${country}`]: [{ country }, { interval: "month", by: "type" }],
  };
  const timings = [
    ...Object.entries(queries).map(([name, query]) => [name, () => store.events(query)]),
    ...Object.entries(trends).map(([name, [query, options]]) => [name, () => store.timeSeries(query, options)]),
  ];
  for (const [name, run] of timings) {
    const times = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(48)} p50 ${fixed(percentile(times, 0.5), 1)} ms, p95 ${fixed(percentile(times, 0.95), 1)} ms`);
  }
  await store.close();
}
