/** `sitrep serve` end to end: the built CLI over an ingested archive, on a free loopback port. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sitrep, start } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  writeFileSync(join(dir, "reports.jsonl"), `${JSON.stringify({
    id: "r1", published: "2026-03-02", text: "Gunmen attacked a police post in Kandahar on Sunday, killing three officers, the provincial governor said.",
  })}\n`);
  const run = await sitrep(["ingest", "--db", "archive.db", "reports.jsonl"], dir);
  expect(run.status).toBe(0);
}, 60_000);

/** Waits until `text()` holds `pattern`; fails after `ms`. */
async function waitFor(text: () => string, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 50))) {
    const match = pattern.exec(text());
    if (match) return match;
  }
  throw new Error(`no ${pattern} within ${ms} ms in: ${text()}`);
}

describe("sitrep serve", { timeout: 60_000 }, () => {
  it("serves the archive on a free port, prints its URL, and stops cleanly on SIGTERM", async () => {
    let out = "";
    const { child, done } = start(["serve", "--db", "archive.db", "--port", "0"], dir);
    child.stdout?.on("data", (chunk: Buffer) => { out += chunk.toString(); });
    const [, url] = await waitFor(() => out, /at (http:\/\/127\.0\.0\.1:\d+)\//, 30_000);
    const health = await (await fetch(`${url}/api/health`)).json() as { mode: string; counts: { documents: number } };
    expect(health).toMatchObject({ mode: "open-demo", counts: { documents: 1 } });
    const events = await (await fetch(`${url}/api/events?country=AFG`)).json() as { items: Array<{ type: string }> };
    expect(events.items.map((e) => e.type)).toContain("ASSAULT");
    child.kill("SIGTERM");
    expect((await done).status).toBe(0);
  });

  it("refuses, in one line, to listen beyond loopback with no tokens, and a bad port", async () => {
    const open = await sitrep(["serve", "--db", "archive.db", "--host", "0.0.0.0"], dir);
    expect(open.status).toBe(1);
    expect(open.stderr.trim().split("\n")).toHaveLength(1);
    expect(open.stderr).toMatch(/^sitrep: --host 0\.0\.0\.0: no API tokens are configured/);
    const port = await sitrep(["serve", "--db", "archive.db", "--port", "70000"], dir);
    expect(port.stderr.trim()).toBe(`sitrep: --port: expected a port number from 0 to 65535, got "70000" (see 'sitrep serve --help')`);
  });

  it("says in one line that a port is taken", async () => {
    let out = "";
    const first = start(["serve", "--db", "archive.db", "--port", "0"], dir);
    first.child.stdout?.on("data", (chunk: Buffer) => { out += chunk.toString(); });
    const [, port] = await waitFor(() => out, /at http:\/\/127\.0\.0\.1:(\d+)\//, 30_000);
    const second = await sitrep(["serve", "--db", "archive.db", "--port", port ?? ""], dir);
    first.child.kill("SIGTERM");
    await first.done;
    expect([second.status, second.stderr.trim()]).toEqual([1, `sitrep: --port: port ${port} is in use (--port picks another)`]);
  });
});
