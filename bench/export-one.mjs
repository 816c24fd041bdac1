#!/usr/bin/env node
// One export for bench/export.mjs, in a process of its own so that its peak RSS is its own:
//   node bench/export-one.mjs ARCHIVE.db FORMAT OUT
// Prints {"written", "seconds", "maxRssMb"} as JSON.
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { exportEvents } from "../dist/export/index.js";
import { openStore } from "../dist/store/index.js";

const [file, format, outPath] = process.argv.slice(2);
const store = await openStore({ sqlite: file });
const out = createWriteStream(outPath);
const started = performance.now();
const written = await exportEvents(store, format, {}, out);
out.end();
await finished(out);
const seconds = (performance.now() - started) / 1000;
await store.close();
console.log(JSON.stringify({ written, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
