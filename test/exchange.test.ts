/**
 * End-to-end: `sitrep export` (and `import`, `compare`) run as the built CLI over an archive
 * holding the exchange fixture's documents.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeArchive } from "../src/export/exchange.fixture.js";
import { lines, sitrep } from "./run-cli.js";

let dir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const archive = await exchangeArchive();
  ({ dir, close } = archive);
  await archive.store.close(); // the CLI opens it
});
afterAll(async () => close());

describe("sitrep export", { timeout: 60_000, concurrent: true }, () => {
  it("writes the filtered events to stdout or to a file, and counts them on stderr", async () => {
    const run = await sitrep(["export", "--format", "acled", "--country", "afg"], dir);
    expect([run.status, run.stderr]).toEqual([0, "exported 2 rows\n"]);
    const rows = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r["sub_event_type"])).toEqual(["Armed clash", "Air/drone strike"]);
    const file = await sitrep(["export", "--format", "geojson", "-o", "events.geojson"], dir);
    expect([file.status, file.stdout, file.stderr]).toEqual([0, "", "exported 6 features to events.geojson\n"]);
    const collection = JSON.parse(await readFile(join(dir, "events.geojson"), "utf8")) as { features: unknown[] };
    expect(collection.features).toHaveLength(6);
    expect(existsSync(join(dir, "events.geojson.partial"))).toBe(false);
    const stix = await sitrep(["export", "--format", "stix", "--type", "PROTEST"], dir);
    const bundle = JSON.parse(stix.stdout) as { type: string; objects: Array<{ type: string }> };
    expect([stix.status, bundle.type, bundle.objects.filter((o) => o.type === "incident").length]).toEqual([0, "bundle", 2]);
    expect(stix.stderr).toBe(`exported ${bundle.objects.length} objects\n`);
  });

  it("says in one line what is wrong with the command line or the output file, leaving no file behind", async () => {
    const none = await sitrep(["export"], dir);
    expect([none.status, lines(none.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --format: expected one of acled, ucdp, geojson, plover, stix/)]]);
    const bad = await sitrep(["export", "--format", "xls"], dir);
    expect([bad.status, lines(bad.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --format: expected one of .* got "xls"/)]]);
    const day = await sitrep(["export", "--format", "acled", "--since", "last week"], dir);
    expect([day.status, lines(day.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --since: expected a day/)]]);
    const nowhere = await sitrep(["export", "--format", "plover", "-o", "missing/folder/out.jsonl"], dir);
    expect([nowhere.status, lines(nowhere.stderr)]).toEqual([1, ["sitrep: missing/folder/out.jsonl: cannot write (ENOENT)"]]);
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });
});

describe("sitrep import and compare", { timeout: 60_000 }, () => {
  it("imports an export back, refuses a bad file in one line, and compares", async () => {
    const exported = await sitrep(["export", "--format", "acled", "-o", "round.csv"], dir);
    expect(exported.status).toBe(0);
    await writeFile(join(dir, "broken.csv"), "event_id,event_date,event_type,actor1,country\nX1,2026-01-05,Battles,\"Army,Sudan\n");
    const run = await sitrep(["import", "--format", "acled", "round.csv", "broken.csv"], dir);
    expect([run.status, run.stdout, lines(run.stderr)]).toEqual([2, "imported 6 acled events from round.csv\n", ["sitrep: broken.csv:2: a quoted field is never closed"]]);
    const again = await sitrep(["import", "--format", "acled", "round.csv"], dir);
    expect([again.status, again.stdout]).toEqual([0, expect.stringMatching(/^round\.csv: already imported \(file \d+\), nothing done\n$/)]);
    const compare = await sitrep(["compare", "--with", "acled", "--format", "jsonl"], dir);
    const rows = lines(compare.stdout).map((line) => JSON.parse(line) as { status: string; event: string | null; imported: string | null });
    // Every event that happened is matched by its own exported row; the future request is only
    // in the dataset (Sitrep compares what happened), so it is a miss.
    expect(rows.map((r) => r.status)).toEqual(["match", "match", "match", "match", "match", "miss"]);
    expect(rows.filter((r) => r.status === "match").every((r) => r.event === r.imported)).toBe(true);
    expect(compare.status).toBe(0);
    expect(compare.stderr).toMatch(/^5 matches, 1 misses \(in acled, not in Sitrep\), 0 extras \(in Sitrep, not in acled\); Sitrep finds 83\.3% of acled's events, 100\.0% of its own are in acled\n$/);
    const usage = await sitrep(["compare", "--with", "gdelt"], dir);
    expect([usage.status, lines(usage.stderr)]).toEqual([1, [expect.stringMatching(/^sitrep: --with: expected one of acled, ucdp, got "gdelt"/)]]);
  });
});
