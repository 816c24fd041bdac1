#!/usr/bin/env node
// Builds the demo's example archives in examples/ from the shared corpora (see examples/SOURCE.md):
//   examples/wikinews-conflict.jsonl  from ../shared/data/wikinews-conflict/articles.jsonl (CC BY 2.5)
//   examples/current-events.jsonl     from ../shared/data/current-events/events.jsonl (CC BY-SA 4.0)
// Each line becomes one document {id, published, title, url, text}: the Wikinews articles as
// they are; each current-events summary titled with its story (its topic heading) and linked to
// its day's portal page, with the entry's id as the fragment (the archive keeps one document
// per URL, and several entries share a day). Cited sources and categories are dropped.
//
//   node scripts/build-examples.mjs [--shared ../shared]
import { createReadStream, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { shared: { type: "string", default: resolve(ROOT, "../shared") } } });

async function* lines(path) {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    n += 1;
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${n}: not JSON (${error.message})`);
    }
  }
}

async function convert(from, to, shape) {
  const out = [];
  for await (const record of lines(resolve(values.shared, from))) out.push(JSON.stringify(shape(record)));
  writeFileSync(resolve(ROOT, "examples", to), `${out.join("\n")}\n`);
  console.log(`examples/${to}: ${out.length} documents from ${from}`);
}

await convert("data/wikinews-conflict/articles.jsonl", "wikinews-conflict.jsonl",
  (r) => ({ id: r.id, published: r.published ?? null, title: r.title ?? null, url: r.url ?? null, text: r.text }));
await convert("data/current-events/events.jsonl", "current-events.jsonl",
  (r) => ({ id: r.id, published: r.published, title: r.topic ?? null, url: r.page ? `${r.page}#${r.id}` : null, text: r.text }));
