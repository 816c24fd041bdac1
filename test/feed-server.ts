/**
 * A loopback HTTP server for the feed tests: routes by path, every request logged (path, time,
 * headers), and feeds built from invented items.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Logged { path: string; at: number; headers: IncomingHttpHeaders }
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FeedServer {
  base: string;
  requests: Logged[];
  /** Sets (or replaces) what a path answers; a path ending in `*` answers every path it begins. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1; unrouted paths answer 404. */
export async function feedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: Logged[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, at: Date.now(), headers: request.headers });
    const handler = routes.get(path) ?? [...routes].find(([key]) => key.endsWith("*") && path.startsWith(key.slice(0, -1)))?.[1];
    if (handler) handler(request, response);
    else response.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    route: (path, handler) => { routes.set(path, handler); },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface Item { guid?: string; link?: string; title?: string; description?: string; content?: string; pubDate?: string }

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed of `items` (HTML in description and content escaped, as feeds carry it). */
export function rss(items: readonly Item[]): string {
  const body = items.map((item) => [
    "<item>",
    item.title === undefined ? "" : `<title>${escape(item.title)}</title>`,
    item.link === undefined ? "" : `<link>${escape(item.link)}</link>`,
    item.guid === undefined ? "" : `<guid isPermaLink="false">${escape(item.guid)}</guid>`,
    item.pubDate === undefined ? "" : `<pubDate>${item.pubDate}</pubDate>`,
    item.description === undefined ? "" : `<description>${escape(item.description)}</description>`,
    item.content === undefined ? "" : `<content:encoded>${escape(item.content)}</content:encoded>`,
    "</item>",
  ].join("")).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test wire</title>
${body}
</channel></rss>`;
}

/** Answers `body` as a feed with an ETag, and 304 to a request that sends it back. */
export function feedWithEtag(body: () => string, etag: () => string): Handler {
  return (request, response) => {
    if (request.headers["if-none-match"] === etag()) response.writeHead(304, { etag: etag() }).end();
    else response.writeHead(200, { "content-type": "application/rss+xml", etag: etag(), "last-modified": "Tue, 03 Mar 2026 10:00:00 GMT" }).end(body());
  };
}

/** A news page around `text`: menus and footer about it, its headline and date in its metadata when given. */
export function page(text: string, meta: { title?: string; date?: string } = {}): string {
  return `<!doctype html><html><head>${meta.title === undefined ? "" : `<title>${meta.title} | Test News</title><meta property="og:title" content="${meta.title}">`}
${meta.date === undefined ? "" : `<meta property="article:published_time" content="${meta.date}T08:00:00Z">`}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><p>${text}</p><p>Our correspondent in the region filed this report after speaking to residents and officials by telephone.</p></article>
<footer>Contact us. Terms of use. Subscribe to our newsletter.</footer></body></html>`;
}

/** Answers every request with `html` as a page. */
export const servePage = (html: string): Handler => (_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
};
