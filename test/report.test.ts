/**
 * End-to-end: `sitrep report` over an archive ingested here from reports of our own (on SQLite,
 * and on PostgreSQL when the test server runs): the headline figures are the archive's, sources
 * are quoted, disagreements and anonymous-only reports are flagged, document text stays text,
 * and the PDF has its pages, figures and words (checked with poppler's pdftoppm and pdftotext).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../dist/store/index.js";
import { archives, withStore, type Archive } from "./archives.js";
import { chromiumPath, haveChromium } from "./chromium.mjs";
import { sitrep } from "./run-cli.js";

const run = promisify(execFile);

/** Reports of two weeks in March 2026, and two in the fortnight before. */
const DOCS = [
  { id: "k1", url: "https://wire.example/k1", title: "Checkpoint attack in Kandahar", published: "2026-03-03", text: "Rebel fighters attacked a police checkpoint in Kandahar on Monday, killing four officers, the interior ministry said." },
  { id: "k2", url: "https://daily.example/k2", title: "Kandahar checkpoint stormed", published: "2026-03-03", text: "Taliban insurgents stormed a police checkpoint in Kandahar on Monday and killed nine officers, provincial governor Ahmad Wali told reporters." },
  { id: "g1", url: "https://wire.example/g1", title: "Shelling near Gao", published: "2026-03-06", text: "Government troops shelled a village near Gao on Thursday, killing twelve civilians, security sources said." },
  { id: "m1", url: "https://radio.example/m1", title: "Villagers killed in Mopti", published: "2026-03-12", text: "Armed men killed five villagers in Mopti on Wednesday, security sources said." },
  { id: "h1", url: "javascript:alert(1)", title: "<script>alert('title')</script>", published: "2026-03-11", text: "Gunmen <script>alert('x')</script> attacked a bus in Herat on Tuesday, killing two passengers, the provincial governor said." },
  { id: "p1", url: "https://wire.example/p1", title: "Protest in Mosul", published: "2026-02-20", text: "Hundreds of residents protested in Mosul on Thursday against power cuts, the city council said." },
  { id: "p2", url: "https://wire.example/p2", title: "Ambush near Aleppo", published: "2026-02-24", text: "Gunmen ambushed an army convoy near Aleppo on Monday, killing two soldiers, the defence ministry said." },
];
const PERIOD = ["--since", "2026-03-01", "--until", "2026-03-14"];

let dir: string;
let list: Archive[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-report-"));
  await writeFile(join(dir, "reports.jsonl"), DOCS.map((d) => JSON.stringify(d)).join("\n"));
  list = archives(dir);
  for (const archive of list) {
    const ingest = await sitrep(["ingest", ...archive.args, "reports.jsonl"], dir, archive.env);
    expect([archive.name, ingest.status, ingest.stderr]).toEqual([archive.name, 0, ""]);
  }
}, 120_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** The headline figures as the archive's own events give them: reports of one type, day and place are one incident. */
function expected(events: readonly StoredEvent[]): { events: number; low: number; high: number } {
  const incidents = new Map<string, { low: number; high: number }>();
  events.forEach((e, k) => {
    const key = e.dateStart && (e.place || e.admin1) ? `${e.type}|${e.dateStart}|${e.admin1}|${e.place}` : `#${k}`;
    if (e.fatalitiesLow === null) return;
    const had = incidents.get(key);
    const high = e.fatalitiesHigh ?? e.fatalitiesLow;
    incidents.set(key, had ? { low: Math.min(had.low, e.fatalitiesLow), high: Math.max(had.high, high) } : { low: e.fatalitiesLow, high });
  });
  const sum = (f: (x: { low: number; high: number }) => number): number => [...incidents.values()].reduce((n, x) => n + f(x), 0);
  return { events: events.length, low: sum((x) => x.low), high: sum((x) => x.high) };
}

/** The table row of the headline figures that starts with `label`, its cells. */
function row(markdown: string, label: string): string[] {
  const line = markdown.split("\n").find((l) => l.startsWith(`| ${label}`)) ?? "";
  return line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, ""));
}

describe("sitrep report", { timeout: 120_000 }, () => {
  it("writes Markdown with the archive's figures, actors, quoted sources and what is contested, on each store", async () => {
    for (const archive of list) {
      const got = await sitrep(["report", ...archive.args, ...PERIOD], dir, archive.env);
      expect([archive.name, got.status]).toEqual([archive.name, 0]);
      const md = got.stdout;
      const [now, before] = await withStore(archive.location, async (store) => [
        expected(await store.events({ since: "2026-03-01", until: "2026-03-14", limit: 1000 })),
        expected(await store.events({ since: "2026-02-15", until: "2026-02-28", limit: 1000 })),
      ]);
      expect(now?.events).toBeGreaterThan(4);
      expect(row(md, "Events reported").slice(1, 3)).toEqual([String(now?.events), String(before?.events)]);
      expect(row(md, "Fatalities")[1]).toBe(now?.high === now?.low ? String(now?.low) : `${now?.low}–${now?.high}`);
      expect(row(md, "Fatalities")[2]).toBe(String(before?.low));
      expect(got.stderr).toBe(`report of 2026-03-01 to 2026-03-14: ${now?.events} events, ${md.match(/\| Incidents \S* [^|]*\| (\d+)/)?.[1]} incidents; md written\n`);
      // Actors, and a source quoted with its speaker and document.
      expect(md).toMatch(/^\| Taliban \| /m);
      expect(md).toContain("> “Taliban insurgents stormed a police checkpoint in Kandahar on Monday and killed”");
      expect(md).toContain("— provincial governor Ahmad Wali (named official), toll 9 · [Kandahar checkpoint stormed](https://daily.example/k2), 2026-03-03");
      // The two Kandahar tolls disagree; the Mopti killing rests only on security sources.
      const contested = md.slice(md.indexOf("## What is contested"), md.indexOf("## Map"));
      expect(contested).toMatch(/### Tolls that disagree \(1\)\n\n\*\*ASSAULT 2026-03-02 at Kandahar/);
      expect(contested).toMatch(/> \*\*⚠\*\* Anonymous sources only: \*\*ASSAULT 2026-03-11 at Mopti, MLI\*\*/);
      expect(contested).not.toMatch(/Anonymous sources only: \*\*ASSAULT 2026-03-02/);
      // Figures inline as data: URIs when written to stdout.
      expect(md.match(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,/g)).toHaveLength(3);
    }
  });

  it("keeps document text as text in Markdown and HTML, and links only http(s) addresses", async () => {
    const [archive] = list;
    if (!archive) throw new Error("no archive");
    const md = (await sitrep(["report", ...archive.args, ...PERIOD], dir)).stdout;
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain("Gunmen &lt;script&gt;alert('x')&lt;/script&gt; attacked a bus");
    expect(md).toContain("*&lt;script&gt;alert('title')&lt;/script&gt;* (javascript:alert(1))");
    expect(md).not.toContain("](javascript:");
    const html = await sitrep(["report", ...archive.args, ...PERIOD, "--format", "html"], dir);
    expect(html.status).toBe(0);
    expect(html.stdout).not.toMatch(/<script|href="javascript/i);
    expect(html.stdout).toContain("Gunmen &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; attacked a bus");
    // Self-contained: figures inline, nothing loaded from elsewhere.
    expect(html.stdout.match(/<svg /g)).toHaveLength(3);
    expect(html.stdout).not.toMatch(/(src|href)="(https?:)?\/\/(?!(wire|daily|radio)\.example\/)/);
    expect(html.stdout).toMatch(/<td class="n">\d+<\/td>/);
  });

  it("chooses the last 30 days of the matching events when no period is given, and writes Markdown figures beside the file", async () => {
    const [archive] = list;
    if (!archive) throw new Error("no archive");
    const got = await sitrep(["report", ...archive.args, "--country", "MLI", "-o", "mali.md"], dir);
    expect(got.status).toBe(0);
    const md = await readFile(join(dir, "mali.md"), "utf8");
    expect(md).toMatch(/^# Situation report: MLI, 2026-02-10 to 2026-03-11\n/);
    expect(md).toContain("the last 30 days of the archive's matching events, up to the latest event date");
    for (const name of ["network", "map", "timeline"]) {
      expect(md).toContain(`](mali-${name}.svg)`);
      expect(await readFile(join(dir, `mali-${name}.svg`), "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^]*<\/svg>$/);
    }
    expect(md).not.toContain("Kandahar");
    const bad = await sitrep(["report", ...archive.args, "--format", "docx"], dir);
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/^sitrep: --format: expected one of md, html, pdf, got "docx"/)]);
  });
});

const havePoppler = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");
if (!haveChromium() || !havePoppler) {
  const message = `chromium (${chromiumPath()}) or poppler-utils (pdftoppm, pdftotext) missing: the report's PDF test is SKIPPED.`;
  if (process.env["CI"]) throw new Error(message);
  process.stderr.write(`\n!!! ${message}\n\n`);
}

/** An RGB image from pdftoppm's PPM (P6) output. */
function readPpm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
  if (!header?.[1] || !header[2]) throw new Error("not a PPM image");
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** How many pixels are within a few steps of a colour. */
function countColour(image: { pixels: Buffer }, [r, g, b]: [number, number, number]): number {
  let n = 0;
  for (let i = 0; i + 2 < image.pixels.length; i += 3) {
    if (Math.abs((image.pixels[i] ?? 0) - r) < 12 && Math.abs((image.pixels[i + 1] ?? 0) - g) < 12 && Math.abs((image.pixels[i + 2] ?? 0) - b) < 12) n += 1;
  }
  return n;
}

describe.skipIf(!haveChromium() || !havePoppler)("sitrep report --format pdf", { timeout: 180_000 }, () => {
  it("prints pages holding the text and the three figures", async () => {
    const [archive] = list;
    if (!archive) throw new Error("no archive");
    const got = await sitrep(["report", ...archive.args, ...PERIOD, "-o", "brief.pdf"], dir, { SITREP_CHROMIUM: chromiumPath() });
    expect([got.status, got.stderr]).toEqual([0, expect.stringMatching(/; pdf written to brief\.pdf\n$/)]);
    const pdf = join(dir, "brief.pdf");
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await run("pdftotext", ["-layout", pdf, "-"])).stdout;
    for (const words of ["Situation report", "Headline figures", "Main actors and relations", "Taliban", "Kandahar checkpoint stormed", "Resting only on anonymous sources", "<script>alert('x')</script>"]) {
      expect(text).toContain(words);
    }
    await run("pdftoppm", ["-r", "40", pdf, join(dir, "page")]);
    const pages = (await readdir(dir)).filter((f) => /^page-\d+\.ppm$/.test(f)).sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const images = await Promise.all(pages.map(async (f) => readPpm(await readFile(join(dir, f)))));
    // Every page has something on it; each figure shows its own colours: the map's sea, the
    // network's nodes, the timeline's and map's red marks.
    for (const image of images) expect(countColour(image, [255, 255, 255])).toBeLessThan(image.width * image.height * 0.995);
    const total = (rgb: [number, number, number]): number => images.reduce((n, image) => n + countColour(image, rgb), 0);
    expect(total([0xdf, 0xe9, 0xf3])).toBeGreaterThan(2000);
    expect(total([0x34, 0x49, 0x5e])).toBeGreaterThan(50);
    expect(total([0xc0, 0x39, 0x2b])).toBeGreaterThan(50);
  });
});
