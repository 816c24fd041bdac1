/**
 * The HTTP API's tests, over real HTTP on loopback (a server on port 0), run whole by api.test.ts
 * for each driver. `open` must return a store on an empty archive of the test's own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Store } from "../store/index.js";
import { seedViews } from "../store/views.contract.js";
import { apiRoutes, CONTENT_SECURITY_POLICY, createApp, dashboardRoot, listen, storeAccess, type Listening } from "./index.js";
import * as schemas from "./responses.js";
import { REPORT_CSP } from "./routes/report.js";

/** These tests ingest nothing over HTTP (api-access.cases.ts does). */
const noExtractor = () => Promise.reject(new Error("no extractor in these tests"));

interface Answer { status: number; headers: Headers; text: string; json: unknown }

/** A GET with the path sent as written (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(base: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end();
  });
}

export function apiCases(name: string, open: () => Promise<Store>): void {
  describe(`HTTP API on ${name}`, { timeout: 30_000 }, () => {
    let store: Store;
    let server: Listening;
    let dir: string;
    const logged: string[] = [];

    beforeAll(async () => {
      store = await open();
      await seedViews(store);
      dir = mkdtempSync(join(tmpdir(), "sitrep-api-"));
      mkdirSync(join(dir, "dashboard", "assets"), { recursive: true });
      writeFileSync(join(dir, "dashboard", "index.html"), "<!doctype html><title>dashboard</title>");
      writeFileSync(join(dir, "dashboard", "assets", "app-1a2b.js"), "console.log('dashboard');");
      writeFileSync(join(dir, "secret.txt"), "outside the dashboard");
      const dashboard = await dashboardRoot(join(dir, "dashboard"));
      const app = createApp({ store, access: storeAccess(store), version: "9.9.9", dashboard, log: (line) => logged.push(line), extractor: noExtractor });
      server = await listen(app, "127.0.0.1", 0);
    });
    afterAll(async () => {
      await server?.close();
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const get = async (path: string, init?: RequestInit): Promise<Answer> => {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, headers: response.headers, text, json };
    };
    /** GETs `path`, expects a 200 and an answer `schema` accepts, and returns it parsed. */
    const ok = async <T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> => {
      const answer = await get(path);
      expect(answer.status, `${path}: ${answer.text}`).toBe(200);
      return schema.parse(answer.json);
    };
    const page = schemas.pageOf(schemas.EVENT);

    it("says it is up, in open-demo mode, with the archive's counts", async () => {
      expect(await ok("/api/health", schemas.HEALTH)).toEqual({
        ok: true, version: "9.9.9", driver: store.driver, mode: "open-demo", counts: { documents: 2, events: 4, actors: 5, claims: 1 },
      });
    });

    it("lists events with every filter, sorted, and walks all pages by cursor exactly once", async () => {
      const first = await ok("/api/events?limit=1", page);
      expect(first.items.map((e) => e.type)).toEqual(["PROTEST"]);
      const seen: number[] = [];
      let next: string | null = null;
      for (let i = 0; i < 10; i++) {
        const answer: z.output<typeof page> = await ok(`/api/events?limit=1&sort=-fatalities${next ? `&cursor=${next}` : ""}`, page);
        seen.push(...answer.items.map((e) => e.fatalitiesLow ?? -1));
        next = answer.next;
        if (next === null) break;
      }
      expect(seen).toEqual([6, 2, 0, -1]);
      expect((await ok("/api/events?country=afg&type=ASSAULT", page)).items.map((e) => e.sentence)).toEqual(["Hill Front fighters raided Kala village"]);
      expect((await ok("/api/events?actor=HILL%20FRONT&sort=date", page)).items.map((e) => e.dateStart)).toEqual(["2026-01-12", "2026-01-13", null]);
      expect((await ok("/api/events?bbox=60,29,75,38&sort=id", page)).items.map((e) => e.country)).toEqual(["AFG", "AFG"]);
      expect((await ok("/api/events?bbox=170,-10,-170,10", page)).items).toEqual([]);
      expect((await ok("/api/events?since=2026-02-01&modality=asserted", page)).items.map((e) => e.type)).toEqual(["PROTEST"]);
      expect((await ok("/api/events?text=raiders", page)).items.map((e) => e.type)).toEqual(["COERCE"]);
    });

    it("shows one event with its context and claim, by id or as e12", async () => {
      const [assault] = (await ok("/api/events?type=ASSAULT&country=AFG", page)).items;
      const detail = await ok(`/api/events/e${assault?.id}`, schemas.EVENT_DETAIL);
      const [start, end] = detail.evidence[0] ?? [0, 0];
      expect(detail.context.text.slice(start - detail.context.start, end - detail.context.start)).toBe("Hill Front fighters raided Kala village");
      expect(detail.claimDetail).toMatchObject({ localId: "c1", speaker: "Police officials", speakerKind: "anonymous_official", hedged: false });
      expect((await ok(`/api/events/${assault?.id}`, schemas.EVENT_DETAIL)).id).toBe(assault?.id);
      expect((await get("/api/events/999999")).json).toEqual({ error: { status: 404, code: "ENOTFOUND", message: "no event e999999" } });
    });

    it("downloads the events in view as CSV, formulas disarmed", async () => {
      const answer = await get("/api/events.csv?country=AFG&sort=date");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const lines = answer.text.trimEnd().split("\r\n");
      expect(lines[0]?.split(",").slice(0, 4)).toEqual(["id", "date_start", "date_end", "type"]);
      expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["ASSAULT", "COERCE"]);
      expect((await get("/api/events.csv?limit=1")).text.trimEnd().split("\r\n")).toHaveLength(2);
    });

    it("exports the filtered events in the exchange formats, streamed", async () => {
      const acled = await get("/api/export?format=acled&country=AFG");
      expect([acled.status, acled.headers.get("content-type"), acled.headers.get("content-disposition")])
        .toEqual([200, "text/csv; charset=utf-8", 'attachment; filename="events.csv"']);
      const rows = acled.text.trimEnd().split("\r\n");
      expect(rows[0]?.split(",").slice(0, 6)).toEqual(["event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type"]);
      expect(rows).toHaveLength(3); // the header and AFG's two events
      const stix = await get("/api/export?format=stix&type=ASSAULT");
      const bundle = stix.json as { type: string; objects: Array<{ type: string; x_sitrep_plover_type?: string }> };
      expect([stix.status, stix.headers.get("content-type"), bundle.type]).toEqual([200, "application/stix+json;version=2.1", "bundle"]);
      const incidents = bundle.objects.filter((o) => o.type === "incident");
      expect(incidents.map((o) => o.x_sitrep_plover_type)).toEqual(["ASSAULT", "ASSAULT"]);
      const plover = await get("/api/export?format=plover&since=2026-02-01");
      expect(plover.text.trim().split("\n").map((line) => (JSON.parse(line) as { event: string[] }).event)).toEqual([["PROTEST"]]);
      const bad = await get("/api/export?format=xlsx");
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json)).toContain("query format");
    });

    it("writes the situation report as a page under a policy of its own, or as Markdown", async () => {
      const page = await get("/api/report?country=AFG&since=2026-01-01&until=2026-01-31");
      expect([page.status, page.headers.get("content-type"), page.headers.get("content-security-policy")])
        .toEqual([200, "text/html; charset=utf-8", REPORT_CSP]);
      expect(page.text).toContain("<h1>Situation report: AFG, 2026-01-01 to 2026-01-31</h1>");
      expect(page.text.match(/<svg /g)).toHaveLength(3);
      const afg = await store.events({ country: "AFG", since: "2026-01-01", until: "2026-01-31" });
      const md = await get("/api/report?format=md&country=AFG&since=2026-01-01&until=2026-01-31");
      expect([md.status, md.headers.get("content-type")]).toEqual([200, "text/markdown; charset=utf-8"]);
      expect(md.text).toContain(`| Events reported | ${afg.length} | 0 | +${afg.length} (none before) |`);
      expect((await get("/api/report?format=pdf")).status).toBe(400);
    });

    it("serves facets, network, claims, speakers and statistics", async () => {
      expect((await ok("/api/facets?country=AFG", schemas.FACETS)).countries.map((c) => c.code)).toEqual(["AFG", "PAK"]);
      const network = await ok("/api/network?limit=10", schemas.NETWORK);
      expect(network.edges.find((e) => e.kind === "directs")).toMatchObject({ source: "Valley Council", target: "Hill Front" });
      expect((await ok("/api/claims?hedged=false&country=AFG", schemas.pageOf(schemas.CLAIM))).items.map((c) => c.speaker)).toEqual(["Police officials"]);
      expect((await ok("/api/claims?hedged=true", schemas.pageOf(schemas.CLAIM))).items).toEqual([]);
      expect((await ok("/api/speakers", schemas.SPEAKERS)).items).toEqual([{ speaker: "Police officials", kind: "anonymous_official", claims: 1, hedged: 0 }]);
      expect((await ok("/api/statistics?measure=attacks", schemas.pageOf(schemas.STATISTIC))).items.map((s) => s.value)).toEqual([40]);
      const weekly = await ok("/api/timeseries?by=country&interval=week", schemas.TIMESERIES);
      expect(weekly.series.map((s) => [s.key, s.points])).toEqual([
        ["AFG", [{ period: "2026-01-12", events: 2, fatalities: 6 }]], ["PAK", [{ period: "2026-02-02", events: 1, fatalities: 0 }]],
      ]);
      expect((await ok("/api/timeseries?type=ASSAULT", schemas.TIMESERIES))).toEqual({
        interval: "week", by: "none", series: [{ key: "all", points: [{ period: "2026-01-12", events: 1, fatalities: 6 }] }],
      });
    });

    it("serves documents and actors, paged, and one of each", async () => {
      const docs = await ok("/api/documents?limit=1", schemas.pageOf(schemas.DOCUMENT));
      expect(docs.items.map((d) => d.key)).toEqual(["march"]);
      const rest = await ok(`/api/documents?limit=1&cursor=${docs.next}`, schemas.pageOf(schemas.DOCUMENT));
      expect([rest.items.map((d) => d.key), rest.next]).toEqual([["raid"], null]);
      const raid = await ok(`/api/documents/d${rest.items[0]?.id}`, schemas.DOCUMENT_DETAIL);
      expect(raid.text.startsWith("Hill Front fighters")).toBe(true);
      expect((raid.record as { events: unknown[] }).events).toHaveLength(2);
      const actors = await ok("/api/actors?limit=2", schemas.pageOf(schemas.ACTOR));
      const more = await ok(`/api/actors?limit=10&cursor=${actors.next}`, schemas.pageOf(schemas.ACTOR));
      expect(new Set([...actors.items, ...more.items].map((a) => `${a.name}/${a.kind}`)).size).toBe(4);
      expect(more.next).toBeNull();
      const actor = await ok("/api/actors/valley%20council", schemas.ACTOR_DETAIL);
      expect(actor.relations.map((r) => r.type)).toEqual(["directs"]);
      expect((await get("/api/actors/Nobody")).status).toBe(404);
    });

    it("answers a request that breaks the schema with a 400 naming the parameter", async () => {
      const cases: Array<[string, RegExp]> = [
        ["/api/events?type=BOMBING", /^query type: /],
        ["/api/events?since=2026-02-30", /^query since: not a calendar day$/],
        ["/api/events?limit=0", /^query limit: /],
        ["/api/events?limit=5000", /^query limit: /],
        ["/api/events?bbox=1,2,3", /^query bbox: expected minLon,minLat,maxLon,maxLat/],
        ["/api/events?bbox=0,50,10,40", /^query bbox: .*south not above north/],
        ["/api/events?sort=name", /^query sort: /],
        ["/api/events?cursor=bm90IGEgY3Vyc29y", /^cursor: not a cursor this server gave/],
        ["/api/events?country=AFG&country=PAK", /^query country: given 2 times, expected once$/],
        ["/api/events?colour=red", /^query: unknown parameter colour$/],
        ["/api/events/e12x", /^path id: expected an id such as e12 or 12$/],
        ["/api/claims?hedged=maybe", /^query hedged: /],
        ["/api/timeseries?interval=year", /^query interval: /],
        ["/api/health?x=1", /^query: unknown parameter x$/],
      ];
      for (const [path, message] of cases) {
        const answer = await get(path);
        expect(answer.status, path).toBe(400);
        const body = schemas.ERROR.parse(answer.json);
        expect(body.error.status).toBe(400);
        expect(body.error.message, path).toMatch(message);
      }
    });

    it("binds every filter: injection attempts find nothing or are refused", async () => {
      const attempts = [
        "country=AFG'%20OR%201=1--", "admin1=x'%20OR%20'1'='1", "actor=x%22)%20OR%201=1%20--", "text=shelled%22%20OR%20%22a",
        "text=*%20OR%20sentence%20MATCH%20*", "actor=%27%3B%20DROP%20TABLE%20events%3B--", "admin1=%25", "actor=%25",
      ];
      for (const attempt of attempts) {
        const answer = await get(`/api/events?${attempt}`);
        if (answer.status === 400) continue;
        expect(answer.status, attempt).toBe(200);
        expect(page.parse(answer.json).items, attempt).toEqual([]);
      }
      expect((await ok("/api/health", schemas.HEALTH)).counts.events).toBe(4);
    });

    it("publishes an OpenAPI 3.1 document listing every route, and a reference page without script", async () => {
      const doc = (await get("/openapi.json")).json as { openapi: string; paths: Record<string, Record<string, { responses: object; parameters: Array<{ name: string; in: string; schema: object }> }>> };
      expect(doc.openapi).toBe("3.1.0");
      expect((await get("/openapi.json", { headers: { "Accept-Encoding": "gzip" } })).headers.get("content-encoding")).toBe("gzip");
      const routes = apiRoutes({ store, access: storeAccess(store), version: "", dashboard: null, log: () => undefined, extractor: noExtractor });
      for (const { spec } of routes) {
        const operation = doc.paths[spec.path]?.[spec.method];
        expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
        expect(Object.keys(operation?.responses ?? {})).toContain(spec.method === "post" ? "201" : "200");
        for (const parameter of operation?.parameters ?? []) expect(["query", "path"]).toContain(parameter.in);
      }
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/events", "/api/events/{id}", "/api/events.csv", "/api/network", "/api/actors/{name}", "/api/timeseries"]));
      const events = doc.paths["/api/events"]?.["get"]?.parameters.map((p) => p.name);
      expect(events).toEqual(expect.arrayContaining(["country", "admin1", "since", "until", "type", "actor", "modality", "text", "bbox", "sort", "limit", "cursor"]));
      const docs = await get("/api/docs");
      expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
      expect(docs.text).toContain("/api/events/{id}");
      expect(docs.text).not.toMatch(/<script|<style|style=/i);
      expect((await get("/api/docs.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    });

    it("serves the dashboard's files with their types and a CSP, and nothing outside its folder", async () => {
      const index = await get("/");
      expect([index.status, index.headers.get("content-type"), index.text]).toEqual([200, "text/html; charset=utf-8", "<!doctype html><title>dashboard</title>"]);
      expect(index.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe/);
      const script = await get("/assets/app-1a2b.js");
      expect([script.status, script.headers.get("content-type"), script.headers.get("cache-control")])
        .toEqual([200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"]);
      expect((await get("/map/view")).text).toBe("<!doctype html><title>dashboard</title>"); // an app route
      for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%5csecret.txt", "/missing.js"]) {
        const answer = await rawGet(server.url, path);
        expect(answer.status, path).toBe(404);
        expect(answer.text, path).not.toContain("outside the dashboard");
      }
      expect((await get("/api/nothing")).json).toEqual({ error: { status: 404, code: "ENOTFOUND", message: "no such API route (see /api/docs)" } });
      expect(logged).toEqual([]);
    });
  });
}
