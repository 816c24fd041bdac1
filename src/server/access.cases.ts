/**
 * The API's access, writes and corrections, over real HTTP on loopback, run whole by
 * api.test.ts for each driver: open-demo mode, each role (401/403/200), tokens over the API,
 * rate limits, ingest over HTTP, corrections applied on read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractor } from "../extract/index.js";
import type { Store } from "../store/index.js";
import { seedViews } from "../store/views.contract.js";
import { createApp, listen, newSecret, storeAccess, tokenHash, type Listening } from "./index.js";
import * as schemas from "./responses.js";

interface Answer { status: number; headers: Headers; json: unknown }

/** A server over a fresh seeded archive, started before and stopped after the tests of the describe it is called in. */
function serving(open: () => Promise<Store>, before: (store: Store) => Promise<void> = async () => undefined) {
  const state = {} as { store: Store; server: Listening; app: ReturnType<typeof createApp> };
  beforeAll(async () => {
    state.store = await open();
    await seedViews(state.store);
    await before(state.store);
    const extractor = createExtractor();
    state.app = createApp({
      store: state.store, access: storeAccess(state.store), version: "1", dashboard: null, log: () => undefined,
      extractor: () => extractor, writeLimit: { requests: 20, seconds: 60 },
    });
    state.server = await listen(state.app, "127.0.0.1", 0);
  });
  afterAll(async () => {
    await state.server?.close();
    await state.store?.close();
  });
  const call = async (method: string, path: string, token: string | null, body?: unknown, type = "application/json"): Promise<Answer> => {
    const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = type;
    const init = { method, headers, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) };
    const response = await fetch(`${state.server.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text === "" ? null : JSON.parse(text) };
  };
  return { state, call };
}

const message = (answer: Answer) => schemas.ERROR.parse(answer.json).error.message;

export function accessCases(name: string, open: () => Promise<Store>): void {
  describe(`HTTP API in open-demo mode on ${name}`, { timeout: 60_000 }, () => {
    const { state, call } = serving(open);

    it("is open to loopback clients and closed to others while no token exists", async () => {
      expect(schemas.HEALTH.parse((await call("GET", "/api/health", null)).json).mode).toBe("open-demo");
      expect((await call("GET", "/api/events", null)).status).toBe(200);
      // The same app, asked by a client from elsewhere (the socket's address is all it trusts).
      const remote = { incoming: { socket: { remoteAddress: "203.0.113.9", remotePort: 50000, remoteFamily: "IPv4" } } };
      for (const path of ["/api/events", "/", "/api/health"]) {
        const answer = await state.app.request(path, { headers: { "X-Forwarded-For": "127.0.0.1" } }, remote);
        expect(answer.status, path).toBe(403);
      }
    });
  });

  describe(`HTTP API with tokens on ${name}`, { timeout: 60_000 }, () => {
    const secrets: Record<"reader" | "analyst" | "admin", string> = { reader: newSecret(), analyst: newSecret(), admin: newSecret() };
    const { state, call } = serving(open, async (store) => {
      for (const role of ["reader", "analyst", "admin"] as const) {
        await store.createToken({ name: `${role} desk`, role, hash: tokenHash(secrets[role]), createdAt: new Date().toISOString() });
      }
    });

    it("asks for a token once one exists, and gives each role its routes (401, 403, 200)", async () => {
      expect(schemas.HEALTH.parse((await call("GET", "/api/health", null)).json).mode).toBe("tokens");
      const none = await call("GET", "/api/events", null);
      expect([none.status, message(none)]).toEqual([401, "no token: send Authorization: Bearer TOKEN"]);
      expect((await call("GET", "/api/events", "sitrep_not-a-token")).status).toBe(401);
      expect((await call("GET", "/api/events?colour=red", null)).status).toBe(401); // the role first, then the schema
      const grid: Array<[string, string, unknown, Record<"reader" | "analyst" | "admin", number>]> = [
        ["GET", "/api/events", undefined, { reader: 200, analyst: 200, admin: 200 }],
        ["GET", "/api/corrections", undefined, { reader: 403, analyst: 200, admin: 200 }],
        ["POST", "/api/corrections", { kind: "alias", actor: "Border Police", alias: "BP" }, { reader: 403, analyst: 201, admin: 201 }],
        ["GET", "/api/tokens", undefined, { reader: 403, analyst: 403, admin: 200 }],
      ];
      for (const [method, path, body, expected] of grid) {
        for (const role of ["reader", "analyst", "admin"] as const) {
          expect((await call(method, path, secrets[role], body)).status, `${role} ${method} ${path}`).toBe(expected[role]);
        }
      }
      expect(message(await call("GET", "/api/tokens", secrets.analyst))).toBe("this needs the admin role; the token's is analyst");
      expect((await call("GET", "/api/health", null)).status).toBe(200);
      expect((await call("GET", "/openapi.json", null)).status).toBe(200);
    });

    it("lets an admin make and revoke tokens; the secret is shown once and kept hashed", async () => {
      const made = await call("POST", "/api/tokens", secrets.admin, { role: "reader", name: "night shift" });
      expect(made.status).toBe(201);
      const token = schemas.NEW_TOKEN.parse(made.json);
      expect(token).toMatchObject({ role: "reader", name: "night shift", revokedAt: null });
      expect((await call("GET", "/api/events", token.secret)).status).toBe(200);
      const listed = (await call("GET", "/api/tokens", secrets.admin)).json as { items: unknown[] };
      expect(schemas.TOKEN.array().parse(listed.items).map((t) => t.name)).toContain("night shift");
      expect(JSON.stringify(listed)).not.toContain(token.secret);
      expect((await state.store.tokenByHash(tokenHash(token.secret)))?.id).toBe(token.id);
      expect((await call("DELETE", `/api/tokens/${token.id}`, secrets.admin)).status).toBe(200);
      expect((await call("GET", "/api/events", token.secret)).status).toBe(401);
      expect((await call("DELETE", `/api/tokens/${token.id}`, secrets.admin)).status).toBe(404);
      expect((await call("POST", "/api/tokens", secrets.admin, { role: "owner" })).status).toBe(400);
    });

    it("ingests posted documents as sitrep ingest does: extracted, once each, a bad one rejected", async () => {
      const text = "Protesters blocked the main road into Kisumu on Tuesday, demanding lower fuel prices, police said.";
      const answer = await call("POST", "/api/documents", secrets.analyst, {
        documents: [{ id: "kisumu-1", published: "2026-03-04", title: "Road blocked", text }, { id: "blank", text: "  " }, { text: 42 }],
      });
      expect(answer.status).toBe(201);
      expect(schemas.INGEST_SUMMARY.parse(answer.json)).toEqual({
        new: 1, unchanged: 0, nearDuplicates: 0,
        rejected: [{ id: "blank", reason: 'empty "text"' }, { id: "api:3", reason: '"text" is not a string (number)' }],
      });
      const again = schemas.INGEST_SUMMARY.parse((await call("POST", "/api/documents", secrets.analyst, { documents: [{ text }] })).json);
      expect([again.new, again.unchanged]).toEqual([0, 1]);
      const events = schemas.pageOf(schemas.EVENT).parse((await call("GET", "/api/events?text=blocked", secrets.reader)).json);
      expect(events.items.map((e) => e.document.title)).toContain("Road blocked");
      expect((await call("POST", "/api/documents", secrets.reader, { documents: [{ text }] })).status).toBe(403);
      expect((await call("POST", "/api/documents", secrets.analyst, "text=1", "application/x-www-form-urlencoded")).status).toBe(415);
      expect((await call("POST", "/api/documents", secrets.analyst, "{not json")).status).toBe(400);
      expect((await call("POST", "/api/documents", secrets.analyst, { documents: [] })).status).toBe(400);
    });

    it("applies corrections made over the API on every read", async () => {
      const page = schemas.pageOf(schemas.EVENT);
      const [protest] = page.parse((await call("GET", "/api/events?type=PROTEST&country=PAK", secrets.reader)).json).items;
      expect((await call("POST", "/api/corrections", secrets.admin, { kind: "alias", actor: "Border Police", alias: "Frontier Guard" })).status).toBe(201);
      const made = await call("POST", "/api/corrections", secrets.analyst, { kind: "event-wrong", eventId: protest?.id, note: "staged" });
      expect(schemas.CORRECTION.parse(made.json)).toMatchObject({ kind: "event-wrong", eventType: "PROTEST", note: "staged", createdBy: "analyst desk" });
      expect(page.parse((await call("GET", "/api/events?type=PROTEST&country=PAK", secrets.reader)).json).items).toEqual([]);
      expect(page.parse((await call("GET", "/api/events?actor=frontier%20guard", secrets.reader)).json).items.length).toBe(2);
      const merge = await call("POST", "/api/corrections", secrets.analyst, { kind: "merge-actors", from: "Border Police", into: "Hill Front" });
      expect(merge.status).toBe(201);
      const network = schemas.NETWORK.parse((await call("GET", "/api/network", secrets.reader)).json);
      expect(network.nodes.map((n) => n.name)).not.toContain("Border Police");
      expect((await call("POST", "/api/corrections", secrets.analyst, { kind: "event-wrong", eventId: 999999 })).status).toBe(404);
      expect((await call("POST", "/api/corrections", secrets.analyst, { kind: "merge-actors", from: "A", into: "a" })).status).toBe(400);
      expect((await call("POST", "/api/corrections", secrets.analyst, { kind: "rename", actor: "A" })).status).toBe(400);
    });

    it("limits each caller's writes, with a 429 and Retry-After", async () => {
      const token = newSecret();
      await state.store.createToken({ name: "burst", role: "analyst", hash: tokenHash(token), createdAt: new Date().toISOString() });
      const statuses: number[] = [];
      let last: Answer | null = null;
      for (let i = 0; i < 22; i++) {
        last = await call("POST", "/api/corrections", token, { kind: "alias", actor: "Hill Front", alias: `front ${i}` });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([...Array<number>(20).fill(201), 429, 429]);
      expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(message(last as Answer)).toMatch(/^too many writes: try again in \d+ s$/);
      expect((await call("GET", "/api/events", token)).status).toBe(200); // reads are not limited
    });
  });
}
