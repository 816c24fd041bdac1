/**
 * The HTTP application: the API routes, /openapi.json and /api/docs, and the dashboard's files,
 * with security headers on every answer and errors as JSON.
 */
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { Extractor } from "../extract/index.js";
import type { Shapes } from "../report/index.js";
import type { Store } from "../store/index.js";
import { isLoopback, clientAddress, type Access } from "./access.js";
import { DOCS_STYLE, docsPage } from "./docs-page.js";
import { errorResponse, HttpError } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { HEALTH } from "./responses.js";
import { register, route, type Route } from "./route.js";
import { archiveRoutes } from "./routes/archive.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { reportRoutes } from "./routes/report.js";
import { viewRoutes } from "./routes/views.js";
import { DEFAULT_WRITE_LIMIT, RateLimiter, type RateLimit } from "./rate-limit.js";
import { writeRoutes } from "./routes/writes.js";
import { staticFile } from "./static-files.js";

export interface AppOptions {
  store: Store;
  access: Access;
  version: string;
  /** The built dashboard's folder (real path), or null when it is not built. */
  dashboard: string | null;
  /** Where errors a client must not see are written. */
  log: (line: string) => void;
  /** The extractor for POST /api/documents, loaded on first use. */
  extractor: () => Promise<Extractor>;
  /** Writes each caller may make (default 30 a minute). */
  writeLimit?: RateLimit;
  /** The map outlines of /api/report, loaded on first use (default: none, places only). */
  shapes?: () => Promise<Shapes | null>;
}

/** No inline script or style anywhere: the dashboard's code and styles come from its own files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sitrep</title></head><body>
<h1>Sitrep</h1><p>The dashboard is not built in this copy (dist/dashboard is missing). The API is here:
<a href="/api/docs">reference</a>, <a href="/openapi.json">OpenAPI document</a>, <a href="/api/health">health</a>.</p></body></html>`;

function healthRoute(options: AppOptions): Route {
  return route({
    method: "get", path: "/api/health", tag: "server", role: null, response: HEALTH,
    summary: "Whether the server is up, its version, driver, access mode, and the archive's counts",
  }, async () => {
    const { documents, events, actors, claims } = await options.store.counts();
    return { ok: true, version: options.version, driver: options.store.driver, mode: await options.access.mode(), counts: { documents, events, actors, claims } };
  });
}

/** The API's routes, in the order /openapi.json lists them. */
export function apiRoutes(options: AppOptions): Route[] {
  return [
    healthRoute(options), ...eventRoutes(options.store), ...exportRoutes(options.store),
    ...reportRoutes(options.store, once(options.shapes ?? (async () => null))), ...viewRoutes(options.store), ...archiveRoutes(options.store),
    ...writeRoutes(options.store, options.extractor),
  ];
}

/** `load` run on the first call only; later calls share its promise (a failure is retried). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const routes = apiRoutes(options);
  const document = openApiDocument(routes, options.version);
  const page = docsPage(document);

  app.use(compress());
  app.use(async (c, next) => {
    // Open demo mode answers loopback clients only, whatever the route (the dashboard included).
    if (!isLoopback(clientAddress(c)) && (await options.access.mode()) === "open-demo") {
      await options.access.authorize(c, "reader");
    }
    await next();
    // A route may answer with a stricter policy of its own (the report page: no script at all).
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
    if (c.req.path.startsWith("/api/") && !c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
  app.onError((error, c) => {
    const { status, body } = errorResponse(error, options.log);
    return c.json(body, status as 400);
  });

  const limiter = new RateLimiter(options.writeLimit ?? DEFAULT_WRITE_LIMIT);
  register(app, routes, {
    authorize: (c, role) => options.access.authorize(c, role),
    throttle: (key) => limiter.take(key),
    address: clientAddress,
  });
  app.get("/openapi.json", (c) => c.json(document));
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs.css", (c) => c.body(DOCS_STYLE, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.all("/api/*", () => {
    throw new HttpError(404, "no such API route (see /api/docs)", "ENOTFOUND");
  });
  app.on(["GET", "HEAD"], "*", async (c) => {
    if (options.dashboard === null) return c.req.path === "/" ? c.html(NOT_BUILT) : c.json({ error: { status: 404, code: "ENOTFOUND", message: "not found" } }, 404);
    const file = await staticFile(options.dashboard, c.req.path);
    if (file === null) throw new HttpError(404, "not found", "ENOTFOUND");
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.type,
      "Cache-Control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
  app.notFound((c) => c.json({ error: { status: 404, code: "ENOTFOUND", message: "not found" } }, 404));
  return app;
}
