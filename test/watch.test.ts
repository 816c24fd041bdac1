/**
 * End-to-end: `sitrep watch` against feeds on a loopback server, into SQLite and PostgreSQL:
 * conditional GETs, what a restart reads again (nothing), failing feeds beside good ones, the
 * delay per host, and a SIGTERM in the middle of a poll. Reports are ours (test/reports.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store, StoreLocation } from "../dist/store/index.js";
import { archives, withStore } from "./archives.js";
import { feedServer, feedWithEtag, page, rss, servePage, type FeedServer, type Item } from "./feed-server.js";
import { report } from "./reports.js";
import { lines, sitrep, start } from "./run-cli.js";

let dir: string;
let server: FeedServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sitrep-watch-"));
  server = await feedServer();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Items with their full text, guids g<from>…, no links. */
const items = (from: number, count: number): Item[] => Array.from({ length: count }, (_, k) => ({
  guid: `g${from + k}`, title: `Report ${from + k}`, content: `<p>${report(from + k)}</p>`, pubDate: "Tue, 03 Mar 2026 10:00:00 GMT",
}));

/** A unique path on the server. */
const path = (name: string) => `/${name}-${randomBytes(3).toString("hex")}`;

const FAST = ["--host-delay", "0s"];

describe("sitrep watch", { timeout: 180_000 }, () => {
  it("is listed by sitrep help, has its own help, and says in one line what is wrong with its arguments", async () => {
    expect((await sitrep(["help"], dir)).stdout).toMatch(/^ {2}watch {5}poll RSS\/Atom feeds until stopped/m);
    const help = await sitrep(["watch", "--help"], dir);
    expect([help.status, help.stdout]).toEqual([0, expect.stringMatching(/^Usage: sitrep watch \[options\] FEED_URL\.\.\.\n[\s\S]*--no-follow/)]);
    const bad = async (...args: string[]) => {
      const run = await sitrep(["watch", ...args], dir);
      return [run.status, run.stderr];
    };
    expect(await bad()).toEqual([1, "sitrep: no feed: give the URL of one or more RSS or Atom feeds (see 'sitrep watch --help')\n"]);
    expect(await bad("feeds.rss")).toEqual([1, expect.stringMatching(/^sitrep: "feeds\.rss" is not an http\(s\) URL .*\n$/)]);
    expect(await bad("--every", "15", "http://127.0.0.1:1/rss")).toEqual([1, expect.stringMatching(/^sitrep: --every: expected a duration such as 30s, 15m or 1h \(at least 1s\), got "15" /)]);
  });


  it("sends back the validators, takes a 304 as nothing new, and reads only the new item when the feed changes", async () => {
    for (const archive of archives(dir)) {
      const feed = path("wire");
      let version = 1;
      server.route(feed, feedWithEtag(() => rss(items(0, 2 + version)), () => `"v${version}"`));
      const url = `${server.base}${feed}`;
      const first = await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env);
      expect([archive.name, first.status, first.stderr]).toEqual([archive.name, 0, ""]);
      expect(lines(first.stdout)).toEqual([
        expect.stringMatching(new RegExp(`^\\S+Z ${url}: 200, 3 items: 3 new, 0 unchanged$`)),
        expect.stringMatching(/^watched 1 round of 1 feed: ingested 3 documents in [\d.]+ s .*: 3 new, 0 unchanged, 0 near-duplicates, 0 rejected$/),
      ]);

      const second = await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env);
      expect(lines(second.stdout)[0]).toMatch(new RegExp(`^\\S+Z ${url}: 304 not modified$`));
      const asked = server.requests.filter((r) => r.path === feed);
      expect(asked.map((r) => [r.headers["if-none-match"], r.headers["if-modified-since"]])).toEqual([
        [undefined, undefined], ['"v1"', "Tue, 03 Mar 2026 10:00:00 GMT"],
      ]);

      version = 2;
      const third = await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env);
      expect(lines(third.stdout)[0]).toMatch(/: 200, 4 items: 1 new, 3 unchanged$/);
      const state = await withStore(archive.location, async (store) => ({ counts: await store.counts(), feed: await store.feedState(url) }));
      expect(state.counts.documents).toBe(4);
      expect(state.feed).toMatchObject({ etag: '"v2"', status: 200, error: null, failures: 0 });
    }
  });

  it("does not read again after a restart what it read before, even from a feed that ignores validators", async () => {
    for (const archive of archives(dir)) {
      const feed = path("plain");
      let edited = false;
      // No validators, and an item whose text is edited under the same guid: read once only.
      server.route(feed, (_request, response) => {
        const list = items(10, 3);
        if (edited && list[0]) list[0].content = `<p>${report(40)}</p>`;
        response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(list));
      });
      const url = `${server.base}${feed}`;
      expect(lines((await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env)).stdout)[0]).toMatch(/: 200, 3 items: 3 new, 0 unchanged$/);
      edited = true;
      const again = await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env);
      expect([archive.name, again.status, lines(again.stdout)[0]]).toEqual([archive.name, 0, expect.stringMatching(/: 200, 3 items: 0 new, 3 unchanged$/)]);
      expect(await withStore(archive.location, async (s) => (await s.counts()).documents)).toBe(3);
    }
  });

  it("reports each failing feed in one line, records its failure, and goes on with the others", async () => {
    const good = path("good");
    server.route(good, (_q, response) => response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(items(20, 2))));
    const hang = path("hang");
    server.route(hang, (request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" }).write("<rss><channel>");
      request.on("close", () => response.destroy());
    });
    const page = path("page");
    server.route(page, (_q, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html><body><p>Not a feed.</p></body></html>"));
    const away = path("away");
    server.route(away, (_q, response) => response.writeHead(302, { location: `http://localhost:1${good}` }).end());
    const loop = path("loop");
    server.route(loop, (_q, response) => response.writeHead(302, { location: loop }).end());
    const laughs = path("laughs");
    server.route(laughs, (_q, response) => response.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><item><guid>l1</guid><description>${report(30)} &c;</description></item></channel></rss>`));
    const missing = path("missing");
    const [archive] = archives(dir);
    if (archive === undefined) throw new Error("no archive");
    const feeds = [missing, hang, page, away, loop, laughs, good].map((p) => `${server.base}${p}`);
    const run = await sitrep(["watch", "--once", "--timeout", "2s", ...FAST, ...archive.args, ...feeds], dir, archive.env);
    expect(run.status).toBe(2);
    const next = "(1 failure in a row; next try in 15m)";
    expect(lines(run.stderr)).toEqual([
      `sitrep: ${feeds[0]}: HTTP 404 Not Found ${next}`,
      `sitrep: ${feeds[1]}: no complete answer within 2 s ${next}`,
      `sitrep: ${feeds[2]}: not an RSS or Atom feed ${next}`,
      `sitrep: ${feeds[3]}: redirected to another host (localhost) ${next}`,
      `sitrep: ${feeds[4]}: more than 5 redirects ${next}`,
    ]);
    expect(lines(run.stdout).slice(0, -1)).toEqual([
      expect.stringMatching(new RegExp(`^\\S+Z ${feeds[5]}: 200, 1 items: 1 new, 0 unchanged$`)),
      expect.stringMatching(new RegExp(`^\\S+Z ${feeds[6]}: 200, 2 items: 2 new, 0 unchanged$`)),
    ]);
    await withStore(archive.location, async (store) => {
      expect(await store.feedState(feeds[0] ?? "")).toMatchObject({ status: 404, error: "HTTP 404 Not Found", failures: 1, etag: null });
      expect(await store.feedState(feeds[1] ?? "")).toMatchObject({ status: null, failures: 1 });
      const [laughed] = await store.documents({ text: "report" });
      expect((await store.documents({})).length).toBe(3);
      expect(laughed).toBeDefined();
      const stored = await store.document((await store.documents({})).find((d) => d.key === "l1")?.id ?? -1);
      expect(stored?.text.length).toBeLessThan(report(30).length + 20); // &c; stays literal, not 4,000 a's
    });
  });

  it("keeps requests to one host apart by --host-delay", async () => {
    const feeds = [path("one"), path("two"), path("three")];
    for (const feed of feeds) server.route(feed, (_q, response) => response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(items(50, 1))));
    const [archive] = archives(dir);
    if (archive === undefined) throw new Error("no archive");
    const run = await sitrep(["watch", "--once", "--host-delay", "400ms", ...archive.args, ...feeds.map((f) => `${server.base}${f}`)], dir, archive.env);
    expect(run.status).toBe(0);
    const times = feeds.map((feed) => server.requests.find((r) => r.path === feed)?.at ?? NaN);
    // Loosely: the server's clock sees connection set-up and scheduling noise, never a gap far below the delay.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(300);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(300);
  });
});

describe("sitrep watch stopped by SIGTERM", { timeout: 300_000 }, () => {
  const COUNT = 150;

  it("finishes the batch in hand, exits 0 with its summary, and the next run reads the rest once", async () => {
    // Summary-only items whose pages are fetched 30 ms apart: a poll long enough to stop midway.
    const feed = path("big");
    const pages = path("art");
    server.route(`${pages}/*`, (request, response) => {
      const n = Number(request.url?.split("/").pop());
      response.writeHead(200, { "content-type": "text/html" }).end(page(report(n), { title: `Report ${n}` }));
    });
    const list = Array.from({ length: COUNT }, (_, i) => ({ guid: `g${100 + i}`, title: `Item ${100 + i}`, description: `Teaser ${i}.`, link: `${server.base}${pages}/${100 + i}` }));
    server.route(feed, feedWithEtag(() => rss(list), () => '"big"'));
    const url = `${server.base}${feed}`;
    for (const archive of archives(dir)) {
      const run = start(["watch", "--every", "1h", "--batch", "5", "--host-delay", "30ms", ...archive.args, url], dir, archive.env);
      let committed = 0;
      await withStore(archive.location, async (store) => {
        for (let tries = 0; tries < 3000 && committed < 10; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          committed = (await store.counts()).documents;
        }
      });
      run.child.kill("SIGTERM");
      const stopped = await run.done;
      expect([archive.name, stopped.status, stopped.stderr]).toEqual([archive.name, 0, ""]);
      const out = lines(stopped.stdout);
      expect(out[0]).toMatch(new RegExp(`: 200, ${COUNT} items: \\d+ new, 0 unchanged(, \\d+ near-duplicates)? \\(stopped before the last items; the next poll reads them\\)$`));
      expect(out[1]).toMatch(/^watched 0 rounds of 1 feed: ingested \d+ documents/);
      const before = await withStore(archive.location, whole);
      expect(before.length).toBeGreaterThanOrEqual(10);
      expect(before.length).toBeLessThan(COUNT);
      expect(out[1]).toMatch(new RegExp(`ingested ${before.length} documents in .*: \\d+ new, 0 unchanged, \\d+ near-duplicates, 0 rejected$`));

      const again = await sitrep(["watch", "--once", ...FAST, ...archive.args, url], dir, archive.env);
      expect(lines(again.stdout)[0]).toMatch(new RegExp(`: 200, ${COUNT} items: \\d+ new, ${before.length} unchanged(, \\d+ near-duplicates)?$`));
      const after = await withStore(archive.location, whole);
      expect(after.sort()).toEqual(list.map((item) => item.guid).sort());
    }
  });
});

describe("feed items that carry only a summary", { timeout: 180_000 }, () => {
  it("are read from the pages they link to; a link that fails is one warning and the summary is kept", async () => {
    const p = path("links");
    const at = (name: string) => `${server.base}${p}/${name}`;
    server.route(`${p}/full`, servePage(page(report(60), { title: "Convoy attacked on the highway", date: "2026-03-05" })));
    server.route(`${p}/bare`, servePage(page(report(61))));
    server.route(`${p}/away`, (_q, response) => response.writeHead(301, { location: `http://localhost:1${p}/full` }).end());
    server.route(`${p}/loop`, (_q, response) => response.writeHead(302, { location: `${p}/loop` }).end());
    server.route(`${p}/hang`, (request, response) => {
      response.writeHead(200, { "content-type": "text/html" }).write("<html><body><p>");
      request.on("close", () => response.destroy());
    });
    const long = `<p>${[62, 63, 64].map(report).join("</p><p>")}</p>`;
    const list: Item[] = [
      { guid: "s1", title: "Item one", description: "Teaser about a convoy.", link: at("full") },
      { guid: "s2", title: "Item two", description: "Teaser about arrests.", link: at("bare"), pubDate: "Wed, 04 Mar 2026 09:00:00 GMT" },
      { guid: "s3", title: "Item three", description: "Teaser.", content: long, link: at("never") },
      { guid: "s4", title: "Item four", description: "Fighting was reported near the river crossing.", link: at("away") },
      { guid: "s5", title: "Item five", description: "A curfew was imposed in the old town.", link: at("loop") },
      { guid: "s6", title: "Item six", description: "Shops reopened after a week of strikes.", link: at("hang") },
      { guid: "s7", title: "Item seven", description: "The ferry resumed service to the islands.", link: at("gone") },
    ];
    const feed = path("teasers");
    server.route(feed, (_q, response) => response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(list)));
    const url = `${server.base}${feed}`;
    for (const archive of archives(dir)) {
      const run = await sitrep(["watch", "--once", "--timeout", "2s", ...FAST, ...archive.args, url], dir, archive.env);
      expect([archive.name, run.status]).toEqual([archive.name, 0]);
      expect(lines(run.stderr)).toEqual([
        `sitrep: ${url}: item 4: link ${at("away")}: redirected to another host (localhost); kept the summary`,
        `sitrep: ${url}: item 5: link ${at("loop")}: more than 5 redirects; kept the summary`,
        `sitrep: ${url}: item 6: link ${at("hang")}: no complete answer within 2 s; kept the summary`,
        `sitrep: ${url}: item 7: link ${at("gone")}: HTTP 404 Not Found; kept the summary`,
      ]);
      expect(lines(run.stdout)[0]).toMatch(/: 200, 7 items: 7 new, 0 unchanged$/);
      const docs = await withStore(archive.location, async (store) => {
        const byKey = new Map<string, { title: string | null; published: string | null; url: string | null; text: string }>();
        for (const d of await store.documents({})) {
          const full = await store.document(d.id);
          byKey.set(d.key, { title: d.title, published: d.published, url: d.url, text: full?.text ?? "" });
        }
        return byKey;
      });
      expect(docs.get("s1")).toMatchObject({ title: "Convoy attacked on the highway", published: "2026-03-05", url: at("full") });
      expect(docs.get("s1")?.text).toMatch(new RegExp(`^${report(60).slice(0, 40)}.*\\n\\nOur correspondent`, "s"));
      expect(docs.get("s1")?.text).not.toMatch(/Home|Subscribe/);
      expect(docs.get("s2")).toMatchObject({ title: "Item two", published: "2026-03-04" });
      expect(docs.get("s2")?.text).toContain(report(61));
      expect(docs.get("s3")?.text).toContain(report(63));
      expect(["s4", "s5", "s6", "s7"].map((k) => docs.get(k)?.text)).toEqual(list.slice(3).map((item) => item.description));
    }
    expect(server.requests.filter((r) => r.path === `${p}/never`)).toEqual([]);
  });

  it("are followed by sitrep ingest, for a feed URL or a local feed file, unless --no-follow", async () => {
    const article = path("story");
    server.route(article, servePage(page(report(70), { title: "Bridge reopened" })));
    const feedXml = rss([{ guid: "f1", title: "Teaser", description: "Short teaser.", link: `${server.base}${article}` }]);
    const file = join(dir, `${randomBytes(3).toString("hex")}.rss`);
    await writeFile(file, feedXml);
    const feed = path("ingest-feed");
    server.route(feed, (_q, response) => response.writeHead(200, { "content-type": "application/rss+xml" }).end(feedXml));
    const textOf = async (location: StoreLocation) => withStore(location, async (store) => {
      const [doc] = await store.documents({});
      return (await store.document(doc?.id ?? -1))?.text;
    });
    for (const input of [file, `${server.base}${feed}`]) {
      const [followed, kept] = [archives(dir)[0], archives(dir)[0]];
      if (followed === undefined || kept === undefined) throw new Error("no archive");
      const asked = server.requests.filter((r) => r.path === article).length;
      const one = await sitrep(["ingest", ...followed.args, input], dir);
      expect([one.status, one.stderr]).toEqual([0, ""]);
      expect(await textOf(followed.location)).toContain(report(70));
      expect(server.requests.filter((r) => r.path === article).length).toBe(asked + 1);
      const two = await sitrep(["ingest", "--no-follow", ...kept.args, input], dir);
      expect(two.status).toBe(0);
      expect(await textOf(kept.location)).toBe("Short teaser.");
      expect(server.requests.filter((r) => r.path === article).length).toBe(asked + 1);
    }
  });
});

/** The keys of the stored documents, each checked whole: its record there, and its events all stored. */
async function whole(store: Store): Promise<string[]> {
  const docs = await store.documents({ limit: 100_000 });
  const broken = [];
  for (const doc of docs) {
    const record = await store.record(doc.id);
    if (doc.duplicateOf === null ? record?.id !== doc.key || record.events.length !== doc.events : record !== null) broken.push(doc.key);
  }
  expect(broken).toEqual([]);
  return docs.map((d) => d.key);
}
