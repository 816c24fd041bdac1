#!/usr/bin/env node
// `npm run bench` (last part): latency of the main API routes over real HTTP on loopback, over a
// SQLite archive of the Wikinews conflict articles grown to 1,000,000 events (bench/grow-archive.mjs,
// as bench/ingest.mjs does). Prints p50 and p95 per route against the 100 ms target; asserts nothing.
//
//   node bench/api.mjs [--events N] [--runs N] [--archive FILE]
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchOptions } from "./args.mjs";
import { archiveNote, benchArchive } from "./grow-archive.mjs";
import { createExtractor } from "../dist/extract/index.js";
import { readInputs } from "../dist/ingest/index.js";
import { ingestAll } from "../dist/pipeline.js";
import { createApp, listen, storeAccess } from "../dist/server/index.js";
import { openStore } from "../dist/store/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = resolve(ROOT, "../shared/data/wikinews-conflict/articles.jsonl");
const values = benchOptions("bench/api", { events: { type: "string", default: "1000000" }, runs: { type: "string", default: "40" }, archive: { type: "string" } });
const TARGET_EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const TARGET_MS = 100;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

if (!existsSync(CORPUS)) {
  console.log(`api bench: skipped, corpus not found at ${CORPUS}`);
  process.exit(0);
}
const extractor = await createExtractor();
const grown = await benchArchive({
  corpus: CORPUS, targetEvents: TARGET_EVENTS, archive: values.archive,
  async ingest(file) {
    const store = await openStore({ sqlite: file });
    await ingestAll(readInputs([CORPUS], { format: "jsonl" }), extractor, store);
    await store.close();
  },
});
console.log(`API latency: SQLite, ${archiveNote(grown)}, over HTTP on loopback, ${RUNS} runs each`);
const archive = await openStore({ sqlite: grown.file });
const app = createApp({
  store: archive, access: storeAccess(archive), version: "bench", dashboard: null, log: (line) => console.error(line), extractor: async () => extractor,
});
const server = await listen(app, "127.0.0.1", 0);
const first = await (await fetch(`${server.url}/api/events?limit=1`)).json();
const country = first.items[0]?.country ?? "IRQ";
const actor = (await (await fetch(`${server.url}/api/actors?limit=1`)).json()).items[0]?.name ?? "police";
const routes = {
  "events, latest 100": "/api/events",
  [`events, country ${country} + type ASSAULT + since`]: `/api/events?country=${country}&type=ASSAULT&since=2012-01-01`,
  [`events, actor "${actor}"`]: `/api/events?actor=${encodeURIComponent(actor)}`,
  "events, text \"killed\", by fatalities": "/api/events?text=killed&sort=-fatalities",
  "events, bbox (Iraq)": "/api/events?bbox=38.8,29.1,48.6,37.4",
  "events, second page by cursor": null,
  "facets": "/api/facets",
  [`facets, country ${country}`]: `/api/facets?country=${country}`,
  "timeseries, weekly by type": "/api/timeseries?interval=week&by=type",
  [`timeseries, monthly, country ${country}`]: `/api/timeseries?interval=month&country=${country}`,
  "network": "/api/network",
  [`network, country ${country}`]: `/api/network?country=${country}`,
  "actors, most active 100": "/api/actors",
  [`actor "${actor}"`]: `/api/actors/${encodeURIComponent(actor)}`,
};
routes["events, second page by cursor"] = `/api/events?cursor=${(await (await fetch(`${server.url}/api/events`)).json()).next}`;
let over = 0;
for (const [name, path] of Object.entries(routes)) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    if (i >= 2) times.push(performance.now() - started); // the first two warm the statement cache
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 0.95);
  if (p95 > TARGET_MS) over += 1;
  console.log(`  ${name.padEnd(50)} p50 ${percentile(times, 0.5).toFixed(1).padStart(7)} ms, p95 ${p95.toFixed(1).padStart(7)} ms${p95 > TARGET_MS ? "  (over the 100 ms target)" : ""}`);
}
console.log(`  ${Object.keys(routes).length - over} of ${Object.keys(routes).length} routes within p95 ≤ ${TARGET_MS} ms`);
await server.close();
await archive.close();
