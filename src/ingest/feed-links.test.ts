import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../core/index.js";
import { followedDocument, feedItems, FULL_TEXT_MIN, type FeedItem } from "./feed-links.js";
import { HostPacer } from "./host-pacer.js";

let server: Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? "");
    if (request.url === "/data") response.writeHead(200, { "content-type": "application/json" }).end('{"casualties": 3}');
    else if (request.url === "/slow") {
      response.writeHead(200, { "content-type": "text/html" }).write("<html>");
      request.on("close", () => response.destroy());
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The one item of a feed whose item XML is `inner`. */
function item(inner: string): FeedItem {
  const items = feedItems("wire.rss", Buffer.from(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>${inner}</item></channel></rss>`));
  if (items instanceof InputError || items[0] === undefined) throw new Error("no item");
  return items[0];
}

describe("link-following", { timeout: 20_000 }, () => {
  const warnings: string[] = [];
  const options = { maxBytes: 64 * 1024, pacer: new HostPacer(0), warn: (m: string) => { warnings.push(m); } };

  it("keeps an item's own full text and fetches nothing", async () => {
    const full = "The river port reopened to barges after a week of fighting in the valley. ".repeat(8);
    expect(full.length).toBeGreaterThanOrEqual(FULL_TEXT_MIN);
    const got = await followedDocument("wire.rss", item(`<guid>a</guid><link>${base}/never</link><content:encoded>${full}</content:encoded>`), null, options);
    expect(got !== null && "doc" in got && got.doc.text).toBe(full.trim());
    expect(asked).not.toContain("/never");
  });

  it("keeps the summary of a link to something that is not a page, and says so", async () => {
    const got = await followedDocument("wire.rss", item(`<guid>b</guid><link>${base}/data</link><description>Three people died in the flood.</description>`), null, options);
    expect(got !== null && "doc" in got && got.doc.text).toBe("Three people died in the flood.");
    expect(warnings.at(-1)).toBe(`wire.rss: item 1: link ${base}/data: not an HTML page (application/json); kept the summary`);
  });

  it("rejects an item with no text of its own whose link fails, naming both", async () => {
    const got = await followedDocument("wire.rss", item(`<title>Photos</title><link>${base}/gone</link>`), null, options);
    expect(got !== null && "error" in got && got.error.message).toBe(`wire.rss: item 1: no text of its own, and its link ${base}/gone failed: HTTP 404 Not Found`);
  });

  it("gives up the item in hand when stopped", async () => {
    const stop = new AbortController();
    const pending = followedDocument("wire.rss", item(`<guid>c</guid><link>${base}/slow</link><description>Short.</description>`), null, { ...options, signal: stop.signal });
    setTimeout(() => stop.abort(), 100);
    expect(await pending).toBeNull();
  });
});
