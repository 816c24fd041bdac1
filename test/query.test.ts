/**
 * End-to-end: the archive's questions (`events`, `actors`, `documents`, `show`, `reextract`)
 * asked of an archive ingested here. Each filter is checked on what it returns (every row
 * matches, and something does) rather than on the extractor's exact reading.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { reportsJsonl } from "./reports.js";
import { lines, sitrep } from "./run-cli.js";

let dir: string;
const REPORTS = 60;
const KANDAHAR = "Rebel fighters attacked a police checkpoint in Kandahar province on Sunday, killing four officers, the interior ministry said.";

interface EventJson { id: number; type: string; country: string | null; admin1: string | null; modality: string; dateStart: string | null; dateEnd: string | null; actors: string[]; recipients: string[]; sentence: string; documentId: number }

const json = (text: string): EventJson[] => lines(text).map((line) => JSON.parse(line) as EventJson);
const events = async (...args: string[]): Promise<EventJson[]> => {
  const run = await sitrep(["events", "--format", "jsonl", "--limit", "1000", ...args], dir);
  expect([run.status, run.stderr]).toEqual([0, ""]);
  return json(run.stdout);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-query-"));
  await writeFile(join(dir, "reports.jsonl"), reportsJsonl(REPORTS));
  await writeFile(join(dir, "kandahar.txt"), KANDAHAR);
  const run = await sitrep(["ingest", "--published", "2026-01-05", "reports.jsonl", "kandahar.txt"], dir);
  expect(run.status).toBe(0);
}, 120_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe("sitrep events", { timeout: 60_000, concurrent: true }, () => {
  it("lists events latest first, and each filter keeps only what matches it", async () => {
    const all = await events();
    expect(all.length).toBeGreaterThan(REPORTS);
    const starts = all.map((e) => e.dateStart ?? "");
    expect(starts.filter(Boolean)).toEqual([...starts.filter(Boolean)].sort().reverse());
    const checks: Array<[string[], (e: EventJson) => boolean]> = [
      [["--type", "assault"], (e) => e.type === "ASSAULT"],
      [["--country", "AFG"], (e) => e.country === "AFG"],
      [["--admin1", "kandahar"], (e) => e.admin1?.toLowerCase() === "kandahar"],
      [["--since", "2026-03-01", "--until", "2026-05-31"], (e) => (e.dateEnd ?? "") >= "2026-03-01" && (e.dateStart ?? "9") <= "2026-05-31"],
      [["--modality", "asserted"], (e) => e.modality === "asserted"],
      [["--text", "attacked"], (e) => /attack/i.test(e.sentence)],
    ];
    for (const [args, holds] of checks) {
      const got = await events(...args);
      expect([args, got.length > 0, got.every(holds)]).toEqual([args, true, true]);
      expect([args, got.length]).toEqual([args, all.filter(holds).length]);
    }
    expect(await events("--country", "NZL")).toEqual([]);
    expect(await events("--limit", "3")).toHaveLength(3);
  });

  it("finds events by an actor's name in any case", async () => {
    const all = await events();
    const name = all.flatMap((e) => e.actors)[0] ?? "";
    const got = await events("--actor", name.toUpperCase());
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((e) => [...e.actors, ...e.recipients].includes(name))).toBe(true);
  });

  it("writes tables, CSV and JSON, and rejects bad filters in one line", async () => {
    const table = await sitrep(["events", "--limit", "5"], dir);
    expect(lines(table.stdout)[0]).toMatch(/^id\s+date\s+type\s+modality\s+actor\s+recipient\s+place\s+deaths\s+document\s+evidence$/);
    expect(lines(table.stdout)).toHaveLength(6);
    const csv = await sitrep(["events", "--format", "csv", "--limit", "5"], dir);
    expect(csv.stdout.split("\r\n")[0]).toBe("id,date,type,modality,actor,recipient,place,deaths,document,evidence");
    const array = JSON.parse((await sitrep(["events", "--format", "json", "--limit", "2"], dir)).stdout) as unknown[];
    expect(array).toHaveLength(2);
    for (const [args, message] of [
      [["--type", "BOMBING"], /^sitrep: --type: expected one of AGREE, /],
      [["--since", "last week"], /^sitrep: --since: expected a day such as 2026-01-31, got "last week"/],
      [["--format", "xml"], /^sitrep: --format: expected table, json, jsonl, csv/],
      [["--limit", "0"], /^sitrep: --limit: expected a positive whole number/],
    ] as const) {
      const run = await sitrep(["events", ...args], dir);
      expect([run.status, lines(run.stderr)]).toEqual([1, [expect.stringMatching(message)]]);
    }
  });
});

describe("sitrep trend", { timeout: 60_000, concurrent: true }, () => {
  interface Trend { interval: string; by: string; series: Array<{ key: string | null; points: Array<{ period: string; events: number; fatalities: number }> }> }
  const trend = async (...args: string[]): Promise<Trend> => {
    const run = await sitrep(["trend", "--format", "json", ...args], dir);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    return JSON.parse(run.stdout) as Trend;
  };
  /** "key period" → events, counted from the listed events. */
  const tally = (list: EventJson[], key: (e: EventJson) => string | null, period: (day: string) => string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const e of list) {
      if (e.dateStart === null) continue;
      const at = `${key(e)} ${period(e.dateStart)}`;
      counts.set(at, (counts.get(at) ?? 0) + 1);
    }
    return counts;
  };
  const flatten = (t: Trend): Map<string, number> => new Map(t.series.flatMap((s) => s.points.map((p) => [`${s.key} ${p.period}`, p.events] as const)));

  it("counts the listed events per month and country, and per ISO week of a type", async () => {
    const all = await events();
    const monthly = await trend("--interval", "month", "--by", "country");
    expect([monthly.interval, monthly.by]).toEqual(["month", "country"]);
    expect(flatten(monthly)).toEqual(tally(all, (e) => e.country, (day) => `${day.slice(0, 7)}-01`));
    const monday = (day: string): string => {
      const date = new Date(`${day}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    };
    const assaults = await trend("--type", "assault", "--by", "none");
    expect(flatten(assaults)).toEqual(tally(all.filter((e) => e.type === "ASSAULT"), () => "all", monday));
    expect(assaults.series[0]?.points.length).toBeGreaterThan(0);
  });

  it("writes a table and CSV, and rejects a bad option in one line", async () => {
    const csv = await sitrep(["trend", "--by", "type", "--interval", "day", "--format", "csv"], dir);
    const rows = csv.stdout.split("\r\n").filter(Boolean);
    expect(rows[0]).toBe("period,key,events,fatalities");
    expect(rows.slice(1).every((row) => /^\d{4}-\d{2}-\d{2},[A-Z_]+,\d+,\d+$/.test(row))).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    const table = await sitrep(["trend", "--top", "1"], dir);
    expect(lines(table.stdout)[0]).toMatch(/^period\s+key\s+events\s+fatalities$/);
    const bad = await sitrep(["trend", "--interval", "year"], dir);
    expect([bad.status, lines(bad.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --interval: expected one of day, week, month, got "year"/)]]);
  });
});

describe("sitrep actors, documents, show and reextract", { timeout: 120_000 }, () => {
  it("summarises actors and searches documents", async () => {
    const actors = (await sitrep(["actors", "--format", "csv"], dir)).stdout.split("\r\n").filter(Boolean);
    expect(actors[0]).toBe("name,kind,country,documents,events");
    expect(actors.length).toBeGreaterThan(2);
    const found = lines((await sitrep(["documents", "--text", "checkpoint Kandahar", "--format", "jsonl"], dir)).stdout)
      .map((l) => (JSON.parse(l) as { key: string }).key);
    expect(found).toContain("kandahar");
    expect(found.every((key) => key === "kandahar" || key.startsWith("r"))).toBe(true);
  });

  it("shows an event with its sentence, evidence marked, claim and source, and a document", async () => {
    const event = (await events("--text", "checkpoint")).find((e) => e.sentence.includes("police checkpoint"));
    const run = await sitrep(["show", `e${event?.id}`], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^event e\d+: ASSAULT/);
    expect(run.stdout).toMatch(/ {2}sentence {2}.*\*\*.*attacked.*\*\*/);
    expect(run.stdout).toMatch(/ {2}claim {5}the interior ministry \(organization\), not hedged: "/);
    expect(run.stdout).toContain(`  document  d${event?.documentId}, published 2026-01-05, kandahar.txt`);
    const doc = await sitrep(["show", `d${event?.documentId}`], dir);
    expect(doc.stdout).toContain(KANDAHAR);
    const missing = await sitrep(["show", "e999999"], dir);
    expect([missing.status, missing.stderr]).toEqual([1, "sitrep: no event e999999\n"]);
    const bad = await sitrep(["show", "x1"], dir);
    expect(bad.status).toBe(1);
  });

  it("re-extracts only records an older extractor made, or all of them with --all", async () => {
    const before = await events();
    const same = await sitrep(["reextract"], dir);
    expect(lines(same.stdout)).toEqual([expect.stringMatching(new RegExp(`^re-extracted 0 documents with .*; ${REPORTS + 1} already had its records; 0 failed$`))]);
    const all = await sitrep(["reextract", "--all"], dir);
    expect(lines(all.stdout)[0]).toMatch(new RegExp(`^re-extracted ${REPORTS + 1} documents`));
    const after = await events();
    expect(after.map((e) => [e.type, e.sentence])).toEqual(before.map((e) => [e.type, e.sentence]));
  });
});

describe("the same questions of PostgreSQL", { timeout: 120_000 }, () => {
  const url = inject("postgresUrl");
  it.skipIf(url === null)("ingests and answers with --pg", async () => {
    const env = { SITREP_PG_SCHEMA: `q_${Date.now().toString(36)}` };
    await sitrep(["ingest", "--pg", url ?? "", "--published", "2026-01-05", "kandahar.txt"], dir, env);
    const run = await sitrep(["events", "--pg", url ?? "", "--country", "afg", "--format", "jsonl"], dir, env);
    const got = json(run.stdout);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((e) => e.country === "AFG")).toBe(true);
    const show = await sitrep(["show", "--pg", url ?? "", `e${got[0]?.id}`], dir, env);
    expect(show.stdout).toContain("kandahar.txt");
  });
});
