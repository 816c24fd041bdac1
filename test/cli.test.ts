/**
 * End-to-end: the built CLI (`node dist/cli/main.js`) run on files written here. `npm test`
 * builds first. Sentences are ours, never from the evaluation sets.
 */
import { spawn } from "node:child_process";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Run { status: number | null; stdout: string; stderr: string; ms: number }

/** Runs the CLI with `args` in the temp dir, feeding `input` to stdin. */
function sitrep(args: string[], input = "", script = MAIN): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [script, ...args], { cwd: dir });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");
const ids = (jsonl: string): string[] => lines(jsonl).map((line) => (JSON.parse(line) as { id: string }).id);

let dir: string;
async function file(name: string, content: string | Uint8Array): Promise<string> {
  await writeFile(join(dir, name), content);
  return name;
}

const REPORT = "Rebel fighters shelled the outskirts of the port town on Sunday, killing three fishermen, local officials said.";
const JSONL = [
  { id: "r-1", published: "2025-06-01", text: "Government troops arrested two opposition organisers in the capital." },
  { published: "2025-06-02", text: "The two ministers met in Cairo to discuss a prisoner exchange." },
  { id: "r-3", published: null, text: "Protesters blocked the highway for a third day, police said." },
].map((record) => JSON.stringify(record)).join("\n");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-cli-"));
  await file("port.txt", REPORT);
  await file("batch.jsonl", `${JSONL}\n`);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe("sitrep", { concurrent: true, timeout: 60_000 }, () => {
  it("prints its version and help", async () => {
    const version = await sitrep(["--version"]);
    expect(version.stdout).toMatch(/^sitrep \d+\.\d+\.\d+\n$/);
    const help = await sitrep(["extract", "--help"]);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("--format text|json|jsonl")]);
  });

  it("rejects an unknown command or option in one line, status 1", async () => {
    const command = await sitrep(["extrakt", "port.txt"]);
    expect([command.status, command.stdout, command.stderr])
      .toEqual([1, "", `sitrep: unknown command "extrakt" (see 'sitrep --help')\n`]);
    const option = await sitrep(["extract", "--colour", "port.txt"]);
    expect([option.status, lines(option.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: Unknown option '--colour' \(see 'sitrep extract --help'\)$/)]]);
    const date = await sitrep(["extract", "--published", "yesterday", "port.txt"]);
    expect([date.status, lines(date.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --published: invalid published date "yesterday"/)]]);
  });

  it("prints the readable form by default", async () => {
    const run = await sitrep(["extract", "--published", "2025-05-04", "port.txt"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.split("\n")[0]).toBe("== port (published 2025-05-04)");
  });

  it("writes one JSONL record per input document, in input order, with the input's ids", async () => {
    const run = await sitrep(["extract", "--format", "jsonl", "batch.jsonl", "port.txt"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(ids(run.stdout)).toEqual(["r-1", "batch.jsonl:2", "r-3", "port"]);
    const first = JSON.parse(lines(run.stdout)[0] ?? "") as Record<string, unknown>;
    expect(first).toMatchObject({ id: "r-1", published: "2025-06-01" });
    for (const key of ["actors", "events", "statistics", "claims", "places", "relations"]) expect(first[key]).toBeInstanceOf(Array);
  });

  it("writes a pretty JSON array with --format json", async () => {
    const run = await sitrep(["extract", "--format", "json", "batch.jsonl"]);
    const records = JSON.parse(run.stdout) as Array<{ id: string }>;
    expect(records.map((record) => record.id)).toEqual(["r-1", "batch.jsonl:2", "r-3"]);
    expect(run.stdout).toContain('\n    "published": "2025-06-01",\n');
  });

  it("reads stdin for -, as text or as JSONL", async () => {
    const text = await sitrep(["extract", "--format", "jsonl", "-"], REPORT);
    expect(ids(text.stdout)).toEqual(["stdin"]);
    const jsonl = await sitrep(["extract", "--format", "jsonl", "-"], JSONL);
    expect(ids(jsonl.stdout)).toEqual(["r-1", "stdin:2", "r-3"]);
  });
});

/** A JSONL file whose second line is bad (`bad`), between two good ones. */
const badLine = (bad: string): string =>
  [JSON.stringify({ id: "ok-1", text: "Militia fighters raided a border post." }), bad,
    JSON.stringify({ id: "ok-3", text: "The envoy called for calm." })].join("\n");

const BAD_INPUTS: Array<{ case: string; name: string; content?: string | Uint8Array; good?: string[]; error: RegExp }> = [
  { case: "a missing file", name: "nowhere.txt", error: /^sitrep: nowhere\.txt: no such file$/ },
  { case: "a line that is not JSON", name: "broken.jsonl", content: badLine('{"id": "x", "text": "Shots were fired."'),
    good: ["ok-1", "ok-3"], error: /^sitrep: broken\.jsonl:2: not JSON \(.+\)$/ },
  { case: "a record without text", name: "notext.jsonl", content: badLine('{"id": "x", "body": "Shots were fired."}'),
    good: ["ok-1", "ok-3"], error: /^sitrep: notext\.jsonl:2: no "text" field$/ },
  { case: "a record whose text is not a string", name: "array.jsonl", content: badLine('{"id": "x", "text": ["Shots"]}'),
    good: ["ok-1", "ok-3"], error: /^sitrep: array\.jsonl:2: "text" is not a string \(array\)$/ },
  { case: "an invalid published date", name: "dates.jsonl", content: badLine('{"id": "x", "published": "2025-13-01", "text": "Shots."}'),
    good: ["ok-1", "ok-3"], error: /^sitrep: dates\.jsonl:2: invalid published date "2025-13-01" \(expected YYYY-MM-DD\)$/ },
  { case: "a binary file", name: "photo.jpg", content: new Uint8Array([0xff, 0xd8, 0x00, 0x10, 0x4a, 0x46, 0x00]),
    error: /^sitrep: photo\.jpg: binary file \(NUL bytes\)$/ },
  { case: "a file that is not UTF-8", name: "latin1.txt", content: new Uint8Array([0x52, 0xe9, 0x66, 0x75, 0x67, 0x69, 0xe9, 0x73]),
    error: /^sitrep: latin1\.txt: file is not UTF-8 text$/ },
  { case: "an empty file", name: "empty.txt", content: "", error: /^sitrep: empty\.txt: empty file$/ },
  { case: "an empty JSONL file", name: "empty.jsonl", content: "\n", error: /^sitrep: empty\.jsonl: empty file$/ },
  { case: "a document over the size cap", name: "long.txt", content: "Artillery fire continued. ".repeat(80),
    error: /^sitrep: long\.txt: document of 2\.0 KB exceeds the 1 KB limit$/ },
  { case: "a JSONL line over the size cap", name: "longline.jsonl", content: badLine(JSON.stringify({ text: "a".repeat(1500) })),
    good: ["ok-1", "ok-3"], error: /^sitrep: longline\.jsonl:2: document of 1\.5 KB exceeds the 1 KB limit$/ },
];

describe("bad documents", { timeout: 60_000 }, () => {
  // One run over every kind of bad input (each spawn loads the extractor, about a second), with
  // good documents before, between and after them.
  it("are skipped with one stderr line each, naming file, line and problem; the rest is extracted; status 2", async () => {
    const args = ["extract", "--format", "jsonl", "--max-bytes", "1K", "port.txt"];
    for (const { name, content } of BAD_INPUTS) {
      if (content !== undefined) await file(name, content);
      args.push(name);
    }
    args.push("batch.jsonl");
    const run = await sitrep(args);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(BAD_INPUTS.map(({ error }) => expect.stringMatching(error)));
    expect(ids(run.stdout)).toEqual(["port", ...BAD_INPUTS.flatMap(({ good = [] }) => good), "r-1", "batch.jsonl:2", "r-3"]);
  });
});

const MB = 1024 * 1024;

/** Writes `prefix`, 50 MB of prose, then `suffix`, without holding 50 MB in memory. */
async function fiftyMegabytes(name: string, prefix: string, suffix: string): Promise<string> {
  const handle = await open(join(dir, name), "w");
  const block = Buffer.from("Convoys moved north overnight. ".repeat(MB / 32).padEnd(MB, "."));
  await handle.write(prefix);
  for (let i = 0; i < 50; i += 1) await handle.write(block);
  await handle.write(suffix);
  await handle.close();
  return name;
}

/** The CLI, run through a wrapper that prints its peak RSS (KB) as the last stderr line. */
async function measured(args: string[]): Promise<Run & { maxRss: number }> {
  const wrapper = await file("measured.mjs", [
    'process.on("exit", () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`));',
    `await import(${JSON.stringify(pathToFileURL(MAIN).href)});`,
  ].join("\n"));
  const run = await sitrep(args, "", join(dir, wrapper));
  const match = /maxrss (\d+)\n$/.exec(run.stderr);
  return { ...run, stderr: run.stderr.replace(/maxrss \d+\n$/, ""), maxRss: Number(match?.[1]) };
}

describe("a 50 MB document", { timeout: 120_000 }, () => {
  it("is rejected with bounded memory, as a text file and as a JSONL line", async () => {
    const text = await fiftyMegabytes("huge.txt", "", "");
    const jsonl = await fiftyMegabytes("huge.jsonl", '{"id": "huge", "text": "', `"}\n${JSON.stringify({ id: "after", text: REPORT })}\n`);
    const after = await file("after.jsonl", `${JSON.stringify({ id: "after", text: REPORT })}\n`);
    // Each big run beside a run that extracts the same small documents, and only them.
    for (const [name, good, like] of [[text, [], []], [jsonl, ["after"], [after]]] as const) {
      const small = await measured(["extract", "--format", "jsonl", ...like, "port.txt"]);
      const run = await measured(["extract", "--format", "jsonl", name, "port.txt"]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^sitrep: ${name.replace(".", "\\.")}(:1)?: document of 50\\.0 MB exceeds the 5 MB limit\n$`));
      expect(ids(run.stdout)).toEqual([...good, "port"]);
      // Reading the document whole would add 50 MB (100 MB as a string) to the small run's peak.
      expect(run.maxRss - small.maxRss).toBeLessThan(30 * 1024);
    }
  });
});

describe("sitrep eval", { concurrent: true, timeout: 60_000 }, () => {
  const gold = [
    { id: "g-1", published: "2025-03-10", text: "Army units shelled a village near the northern border on Saturday, killing four civilians.",
      gold: { actors: [{ name: "Army units", aliases: [] }], events: [{ type: "ASSAULT", actor: ["Army units"], recipient: ["civilians"], fatalities: 4 }] } },
    { id: "g-2", published: "2025-03-11", text: "The foreign minister met his counterpart in Ankara to discuss the ceasefire.",
      gold: { actors: [{ name: "foreign minister", aliases: [] }], events: [{ type: "CONSULT", actor: ["foreign minister"], recipient: [] }] } },
  ].map((record) => JSON.stringify(record)).join("\n");

  it("extracts a gold set and prints the shared scorer's report", async () => {
    await file("gold.jsonl", `${gold}\n`);
    const run = await sitrep(["eval", "gold.jsonl"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^documents: 2\b/m);
    expect(run.stdout).toMatch(/^score: \d+(\.\d+)?$/m);
  });

  it("passes --json to the scorer", async () => {
    await file("gold-json.jsonl", `${gold}\n`);
    const run = await sitrep(["eval", "--json", "gold-json.jsonl", "--scorer", join(ROOT, "../shared/tools/score.mjs")]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toBeTypeOf("object");
  });

  it("says in one line when the scorer is not found", async () => {
    await file("gold-none.jsonl", `${gold}\n`);
    const run = await sitrep(["eval", "gold-none.jsonl", "--scorer", "no-such-scorer.mjs"]);
    expect([run.status, run.stdout, run.stderr]).toEqual([1, "", "sitrep: --scorer: no such file: no-such-scorer.mjs\n"]);
  });
});

describe("output", { timeout: 60_000 }, () => {
  it("stops quietly when the reader closes the pipe", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `n-${i}`, text: "Talks were held." })).join("\n");
    await file("many.jsonl", many);
    const child = spawn(process.execPath, [MAIN, "extract", "--format", "jsonl", "many.jsonl"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise((resolve) => child.on("close", resolve));
    expect([status, stderr]).toEqual([0, ""]);
  });
});
