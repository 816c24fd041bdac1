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

describe("sitrep token, and corrections through sitrep reextract", { timeout: 120_000 }, () => {
  /** Serves `db` until `work` is done. */
  async function serving<T>(db: string, work: (url: string) => Promise<T>): Promise<T> {
    let out = "";
    const { child, done } = start(["serve", "--db", db, "--port", "0"], dir);
    child.stdout?.on("data", (chunk: Buffer) => { out += chunk.toString(); });
    const [, url] = await waitFor(() => out, /at (http:\/\/127\.0\.0\.1:\d+)\//, 30_000);
    try {
      return await work(url ?? "");
    } finally {
      child.kill("SIGTERM");
      await done;
    }
  }

  it("makes, lists and revokes tokens; a correction made over the API outlives re-extraction", async () => {
    expect((await sitrep(["ingest", "--db", "tokens.db", "reports.jsonl"], dir)).status).toBe(0);
    const made = await sitrep(["token", "create", "--role", "analyst", "--name", "desk", "--db", "tokens.db"], dir);
    expect(made.status).toBe(0);
    const secret = made.stdout.trim();
    expect(secret).toMatch(/^sitrep_[\w-]{43}$/);
    expect(made.stderr).toMatch(/^sitrep: token 1 \(analyst, desk\) made; its secret, above, is shown this once\n$/);
    const listed = await sitrep(["token", "list", "--db", "tokens.db"], dir);
    expect(listed.stdout).toMatch(/^id\s+name\s+role/);
    expect(listed.stdout).toContain("desk");
    expect(listed.stdout).not.toContain(secret);
    const auth = { Authorization: `Bearer ${secret}` };
    await serving("tokens.db", async (url) => {
      expect((await fetch(`${url}/api/events`)).status).toBe(401);
      const events = await (await fetch(`${url}/api/events?type=ASSAULT`, { headers: auth })).json() as { items: Array<{ id: number }> };
      expect(events.items.length).toBeGreaterThan(0);
      for (const event of events.items) {
        const posted = await fetch(`${url}/api/corrections`, {
          method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ kind: "event-wrong", eventId: event.id }),
        });
        expect(posted.status).toBe(201);
      }
    });
    const again = await sitrep(["reextract", "--all", "--db", "tokens.db"], dir);
    expect(again.stdout).toMatch(/^re-extracted 1 documents/);
    await serving("tokens.db", async (url) => {
      const events = await (await fetch(`${url}/api/events?type=ASSAULT`, { headers: auth })).json() as { items: unknown[] };
      expect(events.items).toEqual([]);
      const health = await (await fetch(`${url}/api/health`)).json() as { mode: string; counts: { events: number } };
      expect(health.mode).toBe("tokens");
      expect(health.counts.events).toBeGreaterThan(0); // the events are stored, and left out of the listings
    });
    expect((await sitrep(["token", "revoke", "1", "--db", "tokens.db"], dir)).stdout).toBe("revoked token 1\n");
    const twice = await sitrep(["token", "revoke", "1", "--db", "tokens.db"], dir);
    expect([twice.status, twice.stderr.trim()]).toEqual([1, "sitrep: token revoke: no live token 1 (see 'sitrep token --help')"]);
    const role = await sitrep(["token", "create", "--role", "owner", "--db", "tokens.db"], dir);
    expect(role.stderr.trim()).toBe(`sitrep: --role: expected one of reader, analyst, admin, got "owner" (see 'sitrep token --help')`);
  });

  it("listens beyond loopback once a token exists", async () => {
    expect((await sitrep(["ingest", "--db", "open.db", "reports.jsonl"], dir)).status).toBe(0);
    expect((await sitrep(["token", "create", "--role", "reader", "--db", "open.db"], dir)).status).toBe(0);
    let out = "";
    const { child, done } = start(["serve", "--db", "open.db", "--port", "0", "--host", "0.0.0.0"], dir);
    child.stdout?.on("data", (chunk: Buffer) => { out += chunk.toString(); });
    // The URL and the access mode are two writes: wait for both.
    const [, port] = await waitFor(() => out, /at http:\/\/0\.0\.0\.0:(\d+)\/[^]*Ctrl-C stops/, 30_000);
    expect(out).toContain("API tokens required");
    expect((await fetch(`http://127.0.0.1:${port}/api/events`)).status).toBe(401);
    child.kill("SIGTERM");
    expect((await done).status).toBe(0);
  });
});

