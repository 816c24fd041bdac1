import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveOptions } from "./common.js";
import { fetchInput } from "./http-source.js";
import { readInputs } from "./index.js";

const PAGE = `<!doctype html><html><head><title>Dam breach | Delta News</title>
<meta property="og:title" content="Dam breach floods farms"></head><body><nav>Home World</nav>
<article><h1>Dam breach floods farms</h1><p>A dam on the upper river gave way on Saturday, flooding farms across three districts and cutting the main road, the water authority said.</p>
<p>Crews worked through the night to shore up a second dam downstream.</p></article></body></html>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Delta</title>
<item><title>One</title><link>https://delta.example/1</link><description>Boats evacuated families from the flooded islands.</description></item>
<item><title>Two</title><link>https://delta.example/2</link><description>Schools stayed shut for a third day after the flood.</description></item>
</channel></rss>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/page") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (path === "/feed") response.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED);
    else if (path === "/moved") response.writeHead(301, { location: "/page" }).end();
    else if (path.startsWith("/loop")) response.writeHead(302, { location: `/loop${path.length}` }).end();
    else if (path === "/dated") {
      const fresh = request.headers["if-none-match"] === '"d1"' || request.headers["if-modified-since"] === "Mon, 02 Mar 2026 09:00:00 GMT";
      response.writeHead(fresh ? 304 : 200, { "content-type": "application/rss+xml", etag: '"d1"', "last-modified": "Mon, 02 Mar 2026 09:00:00 GMT" }).end(fresh ? undefined : FEED);
    } else if (path === "/elsewhere") response.writeHead(302, { location: `http://localhost:1/page` }).end();
    else if (path === "/ftp") response.writeHead(302, { location: "ftp://files.example/x" }).end();
    else if (path === "/endless") {
      response.writeHead(200, { "content-type": "text/plain" });
      const block = "The river kept rising. ".repeat(1000);
      const pump = () => { while (response.write(block)); };
      response.on("drain", pump);
      pump();
      request.on("close", () => response.destroy());
    } else if (path === "/slow") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("Half an answer");
      request.on("close", () => response.destroy()); // never ends until the client goes
    } else response.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = resolveOptions({ maxBytes: 64 * 1024 });

describe("http(s) inputs", { timeout: 20_000 }, () => {
  it("read a page's main text and metadata, following a redirect, and a feed's items", async () => {
    const items = [];
    for await (const item of readInputs([`${base}/moved`, `${base}/feed`], options)) items.push(item);
    const docs = items.flatMap((i) => ("doc" in i ? [i.doc] : []));
    expect(docs.map((d) => [d.title, d.url])).toEqual([
      ["Dam breach floods farms", `${base}/page`],
      ["One", "https://delta.example/1"],
      ["Two", "https://delta.example/2"],
    ]);
    expect(docs[0]?.text).toMatch(/^A dam on the upper river gave way on Saturday.*\n\nCrews worked/);
    expect(docs[0]?.text).not.toContain("Home World");
  });

  it("give a one-line reason for a 404, a redirect loop, a redirect off http, an endless body and a slow answer", async () => {
    const reason = async (path: string, timeout?: number) => {
      const got = await fetchInput(`${base}${path}`, options, timeout);
      return "reason" in got ? got.reason : "fetched";
    };
    expect(await reason("/missing")).toBe("HTTP 404 Not Found");
    expect(await reason("/loop")).toBe("more than 5 redirects");
    expect(await reason("/ftp")).toBe("redirected to a ftp: URL");
    expect(await reason("/endless")).toMatch(/^document of [\d.]+ KB exceeds the 64 KB limit$/);
    const started = Date.now();
    expect(await reason("/slow", 500)).toBe("no complete answer within 0.5 s");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await reason("/page")).toBe("fetched");
  });

  it("report a server that is not there as an input error, and go on", async () => {
    const items = [];
    for await (const item of readInputs(["http://127.0.0.1:1/x", `${base}/page`], options)) items.push(item);
    expect("error" in items[0]! && items[0].error.message).toMatch(/^http:\/\/127\.0\.0\.1:1\/x: cannot fetch \(/);
    expect("doc" in items[1]!).toBe(true);
  });

  it("send the validators of an earlier answer and take a 304 as not modified", async () => {
    const first = await fetchInput(`${base}/dated`, options);
    expect(first).toMatchObject({ status: 200, etag: '"d1"', lastModified: "Mon, 02 Mar 2026 09:00:00 GMT" });
    expect(await fetchInput(`${base}/dated`, { ...options, etag: '"d1"' })).toEqual({ notModified: true, url: `${base}/dated` });
    expect(await fetchInput(`${base}/dated`, { ...options, lastModified: "Mon, 02 Mar 2026 09:00:00 GMT" })).toMatchObject({ notModified: true });
    expect(await fetchInput(`${base}/dated`, { ...options, etag: '"old"' })).toMatchObject({ status: 200 });
  });

  it("refuse a redirect to another host when told to, and say 'stopped' when stopped", async () => {
    expect(await fetchInput(`${base}/elsewhere`, { ...options, sameHost: true })).toEqual({ reason: "redirected to another host (localhost)" });
    const stop = new AbortController();
    const slow = fetchInput(`${base}/slow`, { ...options, signal: stop.signal });
    setTimeout(() => stop.abort(), 100);
    expect(await slow).toEqual({ reason: "stopped" });
  });
});
