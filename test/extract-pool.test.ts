/**
 * The extraction pool (built, in dist/: worker threads run compiled code): the real extractor on
 * threads gives the records it gives in process; a document whose extraction throws, or whose
 * thread dies, is one failed document and the rest goes on, in input order.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SourceDocument } from "../dist/core/index.js";
import { createExtractor } from "../dist/extract/index.js";
import { minHash } from "../dist/ingest/index.js";
import { ingestAll } from "../dist/pipeline.js";
import { openExtractPool } from "../dist/pool/index.js";
import { openStore } from "../dist/store/index.js";
import { report } from "./reports.js";

const FRAGILE = new URL("./fixtures/fragile-extractor.mjs", import.meta.url);
const doc = (id: string, text: string): SourceDocument => ({ id, text, published: "2026-03-02" });

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "sitrep-pool-")); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe("the extraction pool", { timeout: 120_000 }, () => {
  it("gives on two threads the records the extractor gives in process", async () => {
    const docs = Array.from({ length: 12 }, (_, i) => doc(`r${i}`, report(i)));
    const [pool, extractor] = await Promise.all([openExtractPool({ jobs: 2 }), createExtractor()]);
    try {
      expect([pool.jobs, pool.version]).toEqual([2, extractor.version]);
      const records = await Promise.all(docs.map((d) => pool.extract(d)));
      expect(records).toEqual(docs.map((d) => extractor.extract(d)));
      expect(records.some((r) => r.events.length > 0)).toBe(true);
      // The signature a thread makes beside the record is the one made here.
      const signed = await Promise.all(docs.slice(0, 3).map((d) => pool.extractSigned(d)));
      expect(signed.map((s) => [s.record, [...s.signature]])).toEqual(docs.slice(0, 3).map((d, i) => [records[i], [...minHash(d.text)]]));
    } finally {
      await pool.close();
    }
  });

  it("fails only the document that throws, or whose thread ends; a new thread takes over", async () => {
    const pool = await openExtractPool({ jobs: 2, module: FRAGILE });
    try {
      const results = await Promise.allSettled([doc("a", "calm"), doc("b", "BOOM"), doc("c", "CRASH"), doc("d", "calm")].map((d) => pool.extract(d)));
      expect(results.map((r) => (r.status === "fulfilled" ? r.value.id : (r.reason as Error).message)))
        .toEqual(["a", "no sense to be made of b", "extraction thread stopped (exit code 3)", "d"]);
      expect((await pool.extract(doc("e", "calm again"))).id).toBe("e");
      expect(pool.jobs).toBe(2); // the replacement, started when the other ended
    } finally {
      await pool.close();
    }
    await expect(pool.extract(doc("f", "late"))).rejects.toThrow(/^no extraction thread is running$/);
  });

  it("says in one line why the extractor did not load", async () => {
    const failed = await openExtractPool({ jobs: 2, module: FRAGILE, options: { failLoading: true } }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "EDATA", message: "data/actors/phoenix.json: not JSON" });
  });

  it("ingests in input order, reporting and skipping the documents whose extraction failed", async () => {
    const [pool, store] = await Promise.all([openExtractPool({ jobs: 3, module: FRAGILE }), openStore({ sqlite: join(dir, "fragile.db") })]);
    const texts = Array.from({ length: 30 }, (_, i) => (i === 7 ? "BOOM" : i === 19 ? "CRASH" : `${report(i)}`));
    async function* items() {
      for (const [i, text] of texts.entries()) yield { doc: doc(`r${i}`, text), source: `in.jsonl:${i + 1}` };
    }
    const reported: string[] = [];
    try {
      const tally = await ingestAll(items(), pool, store, { batchSize: 4, onRejected: (error: Error) => reported.push(error.message) });
      expect(reported).toEqual([
        "in.jsonl:8: extraction failed (no sense to be made of r7)",
        "in.jsonl:20: extraction failed (extraction thread stopped (exit code 3))",
      ]);
      expect([tally.new, tally.rejected]).toEqual([28, 2]);
      const keys = (await store.documents({ limit: 100 })).sort((a, b) => a.id - b.id).map((d) => d.key);
      expect(keys).toEqual(texts.map((_, i) => `r${i}`).filter((_, i) => i !== 7 && i !== 19));
    } finally {
      await Promise.all([pool.close(), store.close()]);
    }
  });
});
