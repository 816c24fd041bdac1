import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceDocument } from "./core/index.js";
import type { IngestItem } from "./ingest/index.js";
import { ingestAll, type RecordSource } from "./pipeline.js";
import { recordOf } from "./store/store.contract.js";
import { openStore } from "./store/index.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-pipeline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLACES = ["the ridge", "the harbour", "the old bridge", "the border post", "the market", "the airfield", "the depot", "the pass", "the dam", "the river ford"];

/** Twenty reports of different events, each its own story. */
async function* reports(): AsyncGenerator<IngestItem> {
  for (let i = 0; i < 20; i++) {
    const text = `Report ${i}: patrols were seen near ${PLACES[i % 10]} on day ${i}, ${i % 2 === 0 ? "before dawn" : "after dusk"}, and ${i * 3 + 1} vehicles crossed ${PLACES[(i + 3) % 10]}.`;
    yield { doc: { id: `r${i}`, text, published: "2026-03-01" }, source: `in.jsonl:${i + 1}` };
  }
}

/** An extractor on `jobs` threads, as far as the pipeline can tell: its records come later. */
const source = (jobs: number): RecordSource => ({
  version: "test@1",
  jobs,
  extract: async (doc: SourceDocument) => recordOf(doc.id, doc.text, []),
});

/** The documents stored after each commit of an ingest of `reports()` in batches of 8. */
async function commits(jobs: number): Promise<number[]> {
  const store = await openStore({ sqlite: join(dir, `jobs-${jobs}.db`) });
  const stored: number[] = [];
  try {
    const tally = await ingestAll(reports(), source(jobs), store, { batchSize: 8, onProgress: (t) => stored.push(t.new) });
    expect(tally.new).toBe(20);
  } finally {
    await store.close();
  }
  return stored;
}

describe("ingestAll", () => {
  it("commits full batches, and with extraction threads, quarter batches once every document is out to them", async () => {
    expect(await commits(1)).toEqual([8, 16, 20]);
    // Twenty documents are fewer than the threads take at once: all are out from the start.
    expect(await commits(2)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
  });
});
