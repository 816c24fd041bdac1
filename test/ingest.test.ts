/**
 * End-to-end: `sitrep ingest` into SQLite and PostgreSQL, run on files written here, and the
 * durability test: an ingest killed with SIGKILL midway, run again, leaves every document and
 * event once and nothing half-written. Sentences are ours.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../dist/store/index.js";
import { archives, withStore } from "./archives.js";
import { reportsJsonl } from "./reports.js";
import { lines, MAIN, sitrep, start } from "./run-cli.js";

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "sitrep-ingest-")); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const WIRE = [
  "Gunmen on motorbikes attacked a convoy of fuel tankers on the northern highway on Sunday, killing",
  "five drivers and setting three trucks on fire, the regional governor said. The convoy had left the",
  "border town at dawn under a police escort, which returned fire before the attackers fled into the",
  "forest. Traders said fuel prices in the provincial capital had doubled since the road was first",
  "attacked last month, and that many petrol stations had closed. No group has said it carried out the attack.",
].join(" ");

async function folder(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const root = join(dir, name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe("sitrep ingest", { timeout: 120_000 }, () => {
  it("stores a folder of text, Markdown and JSONL once, reports bad files, and changes nothing the second time", async () => {
    const docs = await folder("mixed", {
      "a/convoy.txt": WIRE,
      "a/notes.md": "# Curfew in the capital\n\nThe army **imposed** a curfew on the [capital](http://x) on Friday after clashes.\n",
      "b/batch.jsonl": `${reportsJsonl(3)}{"text": ["not", "a", "string"]}\n`,
      "b/bad.txt": Buffer.from([0xff, 0xfe, 0x41]),
      "b/skip.png": "not read: not a document extension",
    });
    for (const archive of archives(dir)) {
      const first = await sitrep(["ingest", ...archive.args, docs], dir, archive.env);
      expect([archive.name, first.status]).toEqual([archive.name, 2]);
      expect(lines(first.stdout)).toEqual([expect.stringMatching(
        /^ingested 7 documents in [\d.]+ s \([\d.]+\/s\): 5 new, 0 unchanged, 0 near-duplicates, 2 rejected \(1 .+, 1 .+\)$/)]);
      expect(lines(first.stderr).filter((l) => !l.startsWith("sitrep: ingest:"))).toEqual([
        `sitrep: ${join(docs, "b/bad.txt")}: file is not UTF-8 text`,
        `sitrep: ${join(docs, "b/batch.jsonl")}:4: "text" is not a string (array)`,
      ]);
      const second = await sitrep(["ingest", ...archive.args, docs], dir, archive.env);
      expect(lines(second.stdout)[0]).toMatch(/: 0 new, 5 unchanged, 0 near-duplicates, 2 rejected/);
      const stored = await withStore(archive.location, async (store) => ({
        counts: await store.counts(),
        docs: await store.documents({ limit: 10 }),
      }));
      expect(stored.counts.documents).toBe(5);
      const notes = stored.docs.find((d) => d.key === "notes");
      expect(notes).toMatchObject({ title: "Curfew in the capital", source: join(docs, "a/notes.md"), extractor: expect.stringMatching(/@/) });
      expect(stored.docs.find((d) => d.key === "r1")).toMatchObject({ url: "https://news.example/1", title: "Report 1", source: `${join(docs, "b/batch.jsonl")}:2` });
    }
  });

  it("links a syndicated copy to the first one and counts it as a near-duplicate", async () => {
    const copy = `NORTHERN HIGHWAY (Agency) - ${WIRE.replace("five drivers", "5 drivers")} Additional reporting by the desk.`;
    const docs = await folder("wire", { "1-original.txt": WIRE, "2-copy.txt": copy, "3-same.txt": WIRE });
    for (const archive of archives(dir)) {
      const run = await sitrep(["ingest", ...archive.args, docs], dir, archive.env);
      expect([archive.name, run.status, lines(run.stdout)[0]])
        .toEqual([archive.name, 0, expect.stringMatching(/: 1 new, 1 unchanged, 1 near-duplicates, 0 rejected$/)]);
      const docsStored = await withStore(archive.location, (store) => store.documents({}));
      const original = docsStored.find((d) => d.key === "1-original");
      expect(docsStored.find((d) => d.key === "2-copy")).toMatchObject({ duplicateOf: original?.id, events: 0 });
    }
  });

  it("stores the same archive, ids and order included, whatever the number of --jobs", async () => {
    const work = await folder("jobs", {
      "reports.jsonl": reportsJsonl(24),
      "wire.txt": WIRE,
      "wire-copy.txt": `${WIRE.replace("five drivers", "5 drivers")} (Reporting by a correspondent.)`,
      "empty.txt": "",
    });
    const stored = async (jobs: string) => {
      const file = join(work, `jobs-${jobs}.db`);
      const run = await sitrep(["ingest", "--db", file, "--jobs", jobs, "--batch", "7", "."], work);
      expect(lines(run.stdout)[0]).toMatch(/^ingested 27 documents .*: 25 new, 0 unchanged, 1 near-duplicates, 1 rejected \(1 empty file\)$/);
      return withStore({ sqlite: file }, async (s) => ({
        documents: (await s.documents({ limit: 1000 })).map(({ retrievedAt: _, ...d }) => d),
        events: await s.events({ limit: 1000 }),
      }));
    };
    const [one, three] = [await stored("1"), await stored("3")];
    expect(three).toEqual(one);
    expect(one.events.length).toBeGreaterThan(24);
    const bad = await sitrep(["ingest", "--jobs", "0", "."], work);
    expect([bad.status, lines(bad.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --jobs: expected a whole number from 1 to 64, got "0"/)]]);
  });

  it("takes the archive from --db, then SITREP_DB, then ./sitrep.db", async () => {
    const work = await folder("where", { "one.txt": WIRE });
    await sitrep(["ingest", "one.txt"], work);
    await sitrep(["ingest", "one.txt"], work, { SITREP_DB: "env.db" });
    await sitrep(["ingest", "--db", "flag.db", "one.txt"], work, { SITREP_DB: "env.db" });
    for (const name of ["sitrep.db", "env.db", "flag.db"]) {
      expect(await withStore({ sqlite: join(work, name) }, async (s) => (await s.counts()).documents)).toBe(1);
    }
    const bad = await sitrep(["ingest", "--db", join(work, "no", "such", "dir.db"), "one.txt"], work);
    expect([bad.status, lines(bad.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: open .*dir\.db: /)]]);
  });
});

const MB = 1024 * 1024;

/** Runs node with `args` in `cwd` to its end. */
function runNode(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Writes `prefix`, 100 MB of prose, then `suffix`, a megabyte at a time. */
async function hundredMegabytes(path: string, prefix: string, suffix: string): Promise<void> {
  const handle = await open(path, "w");
  const block = Buffer.from("Convoys moved north overnight. ".repeat(MB / 32).padEnd(MB, "."));
  await handle.write(prefix);
  for (let i = 0; i < 100; i += 1) await handle.write(block);
  await handle.write(suffix);
  await handle.close();
}

describe("a 100 MB input", { timeout: 300_000 }, () => {
  it("is one line on stderr, read with bounded memory, and the other inputs are stored", async () => {
    const work = await folder("huge", { "port.txt": WIRE });
    await hundredMegabytes(join(work, "huge.txt"), "", "");
    const after = JSON.stringify({ id: "after", text: "Police closed the bridge after a protest by farmers on Friday." });
    await hundredMegabytes(join(work, "huge.jsonl"), '{"id": "huge", "text": "', `"}\n${after}\n`);
    await writeFile(join(work, "after.jsonl"), `${after}\n`);
    // The CLI through a wrapper that prints its peak RSS (KB) last on stderr.
    await writeFile(join(work, "measured.mjs"), [
      'process.on("exit", () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`));',
      `await import(${JSON.stringify(pathToFileURL(MAIN).href)});`,
    ].join("\n"));
    const runs = [];
    // Both runs extract the same two small documents on the main thread (--jobs 1): worker threads
    // add tens of MB that vary from run to run with which thread took which document.
    for (const inputs of [["after.jsonl", "port.txt"], ["huge.txt", "huge.jsonl", "port.txt"]]) {
      const run = await runNode([join(work, "measured.mjs"), "ingest", "--jobs", "1", "--db", `${inputs.length}.db`, ...inputs], work);
      const rss = /maxrss (\d+)\n$/.exec(run.stderr);
      runs.push({ ...run, stderr: run.stderr.replace(/maxrss \d+\n$/, ""), maxRss: Number(rss?.[1]) });
    }
    const [small, big] = runs;
    expect(big?.status).toBe(2);
    // Progress lines ("sitrep: ingest: …", every 10 s off a terminal) aside, one line per document.
    expect(lines(big?.stderr ?? "").filter((line) => !line.startsWith("sitrep: ingest: "))).toEqual([
      "sitrep: huge.txt: document of 100.0 MB exceeds the 5 MB limit",
      "sitrep: huge.jsonl:1: document of 100.0 MB exceeds the 5 MB limit",
    ]);
    expect(lines(big?.stdout ?? "")[0]).toMatch(/^ingested 4 documents .*: 2 new, 0 unchanged, 0 near-duplicates, 2 rejected \(2 document of 100\.0 MB exceeds the 5 MB limit\)$/);
    expect(await withStore({ sqlite: join(work, "3.db") }, async (s) => (await s.documents({})).map((d) => d.key).sort())).toEqual(["after", "port"]);
    // Holding either document whole would add 100 MB (200 MB as a string) to the small run's peak.
    expect((big?.maxRss ?? 0) - (small?.maxRss ?? 0)).toBeLessThan(40 * 1024);
  });
});

/**
 * What an archive holds, by document key: its first copy's key, its events, and whether its
 * record and its stored events agree (nothing half-written).
 */
async function contents(store: Store): Promise<Array<{ key: string; copyOf: string | null; events: number; whole: boolean }>> {
  const docs = await store.documents({ limit: 100_000 });
  const keyOf = new Map(docs.map((d) => [d.id, d.key]));
  const rows = [];
  for (const doc of docs) {
    const record = await store.record(doc.id);
    const whole = doc.duplicateOf === null ? record?.id === doc.key && record.events.length === doc.events : record === null && doc.events === 0;
    rows.push({ key: doc.key, copyOf: doc.duplicateOf === null ? null : keyOf.get(doc.duplicateOf) ?? "?", events: doc.events, whole });
  }
  expect(rows.filter((r) => !r.whole)).toEqual([]);
  return rows.sort((a, b) => (a.key < b.key ? -1 : 1));
}

describe("an ingest killed with SIGKILL midway", { timeout: 300_000 }, () => {
  const COUNT = 250;

  it("loses nothing committed and doubles nothing when run again", async () => {
    const input = join(dir, "reports.jsonl");
    await writeFile(input, reportsJsonl(COUNT));
    for (const archive of archives(dir)) {
      const run = start(["ingest", "--batch", "5", ...archive.args, input], dir, archive.env);
      // Kill once some batches are committed, while most documents are still to come.
      let committed = 0;
      const store = await openStore(archive.location);
      try {
        for (let tries = 0; tries < 3000 && committed < 40; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          committed = (await store.counts()).documents;
        }
      } finally {
        await store.close();
      }
      run.child.kill("SIGKILL");
      const killed = await run.done;
      expect([archive.name, killed.signal]).toEqual([archive.name, "SIGKILL"]);
      const before = await withStore(archive.location, (s) => s.counts());
      expect(before.documents).toBeGreaterThanOrEqual(40);
      expect(before.documents).toBeLessThan(COUNT);

      const again = await sitrep(["ingest", ...archive.args, input], dir, archive.env);
      expect(lines(again.stdout)[0]).toMatch(new RegExp(`^ingested ${COUNT} documents .*: \\d+ new, ${before.documents} unchanged, \\d+ near-duplicates, 0 rejected$`));

      // The same input ingested whole, without a kill, is what the archive must now hold.
      const clean = archives(dir).find((a) => a.name === archive.name) ?? archive;
      await sitrep(["ingest", ...clean.args, input], dir, clean.env);
      const [got, want] = await Promise.all([archive, clean].map((a) => withStore(a.location, contents)));
      expect(got?.map((d) => d.key).sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `r${i}`).sort());
      expect(got).toEqual(want);
      expect(got?.reduce((sum, d) => sum + d.events, 0)).toBeGreaterThan(COUNT);
    }
  });
});
