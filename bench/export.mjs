#!/usr/bin/env node
// `npm run bench` (last part): `sitrep export` over an archive of a million events (the Wikinews
// corpus ingested, its events copied with shifted dates: bench/grow-archive.mjs), each format in a
// process of its own: events read per second, rows (or features, records, objects) written, peak
// RSS of the process, size of the output. Prints figures; asserts nothing.
//
//   node bench/export.mjs [--events N] [--formats acled,ucdp,...] [--archive FILE]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { archiveNote, benchArchive } from "./grow-archive.mjs";
import { benchOptions } from "./args.mjs";
import { createExtractor } from "../dist/extract/index.js";
import { EXPORT_FORMATS } from "../dist/export/index.js";
import { readInputs } from "../dist/ingest/index.js";
import { ingestAll } from "../dist/pipeline.js";
import { openStore } from "../dist/store/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = resolve(ROOT, "../shared/data/wikinews-conflict/articles.jsonl");
const values = benchOptions("bench/export", { events: { type: "string", default: "1000000" }, formats: { type: "string", default: EXPORT_FORMATS.join(",") }, archive: { type: "string" } });
const TARGET_EVENTS = Number(values.events);
const FORMATS = values.formats.split(",");
const fixed = (n, digits = 1) => n.toFixed(digits);

if (!existsSync(CORPUS)) {
  console.log(`export bench: skipped, corpus not found at ${CORPUS}`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), "sitrep-bench-export-"));
try {
  const archive = await benchArchive({
    corpus: CORPUS, targetEvents: TARGET_EVENTS, archive: values.archive,
    async ingest(file) {
      const store = await openStore({ sqlite: file });
      await ingestAll(readInputs([CORPUS], { format: "jsonl" }), await createExtractor(), store);
      await store.close();
    },
  });
  const { file, total } = archive;
  console.log(`export: SQLite, ${archiveNote(archive)}; each format in its own process`);
  for (const format of FORMATS) {
    const out = join(work, `export.${format}`);
    const result = JSON.parse(execFileSync(process.execPath, [join(ROOT, "bench/export-one.mjs"), file, format, out], { encoding: "utf8" }));
    const size = statSync(out).size / 1024 / 1024;
    console.log(`  ${format.padEnd(8)} ${fixed(total / result.seconds / 1000)}k events/s, ${result.written} written in ${fixed(result.seconds)} s, ` +
      `peak RSS ${fixed(result.maxRssMb, 0)} MB, output ${fixed(size, 0)} MB`);
    rmSync(out, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
