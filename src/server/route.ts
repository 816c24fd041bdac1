/**
 * A route is declared once, with its schemas and the role it needs: `register` checks the
 * request against the schemas before the handler runs (a 400 naming the parameter otherwise),
 * and openapi.ts documents the same declaration.
 */
import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { StoredToken } from "../store/index.js";
import { HttpError } from "./errors.js";

export const ROLES = ["reader", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Method = "get" | "post" | "delete";

/** What a route answers besides JSON: CSV, HTML or a download whose type the request picks, described for the document. */
export interface OtherContent { contentType: "text/csv" | "text/html" | "application/octet-stream"; description: string }

export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** OpenAPI form: `/api/events/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** The least role that may call it; null for everyone. */
  role: Role | null;
  query?: Q;
  params?: P;
  body?: B;
  response: z.ZodType | OtherContent;
  /** Statuses besides 200 it answers on purpose, with why. */
  errors?: Record<number, string>;
}

export interface Input<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
  body: z.output<B>;
  /** The caller's token (null in open-demo mode and on public routes). */
  caller: StoredToken | null;
}

type Handler<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> = (input: Input<Q, P, B>, c: Context) => Promise<unknown>;

/** A declared route, its types erased for the route table. */
export interface Route {
  spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>;
  handle: (input: Input<z.ZodType, z.ZodType, z.ZodType>, c: Context) => Promise<unknown>;
}

/** Declares a route; the handler gets the parsed query, path parameters and body. */
export function route<Q extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<Q, P, B>, handle: Handler<Q, P, B>,
): Route {
  return { spec, handle: handle as Route["handle"] } as Route;
}

/** The first problem zod found, as one line naming where. */
function problem(where: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${where}: invalid`;
  const path = issue.path.map(String).join(".");
  const unknown = issue.code === "unrecognized_keys" ? `unknown ${issue.keys.length > 1 ? "parameters" : "parameter"} ${issue.keys.join(", ")}` : null;
  return `${where}${path ? ` ${path}` : ""}: ${unknown ?? issue.message}`;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: Record<string, string> | unknown, where: string): z.output<T> | undefined {
  if (schema === undefined) {
    const names = where === "query" && typeof value === "object" && value !== null ? Object.keys(value) : [];
    if (names.length > 0) throw new HttpError(400, `query: unknown parameter ${names.join(", ")}`);
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, problem(where, result.error));
  return result.data;
}

/** The request's query string as one value per name (a repeated name is a 400: every filter takes one value). */
function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries();
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) throw new HttpError(400, `query ${name}: given ${values.length} times, expected once`);
    out[name] = values[0] ?? "";
  }
  return out;
}

/** Largest JSON body accepted, in bytes. */
export const MAX_BODY = 5 * 1024 * 1024;

async function bodyOf(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, "body: expected Content-Type: application/json");
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > MAX_BODY) throw new HttpError(413, `body: ${length} bytes exceeds the ${MAX_BODY}-byte limit`);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY) throw new HttpError(413, `body: exceeds the ${MAX_BODY}-byte limit`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `body: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Hono's form of an OpenAPI path: `{id}` → `:id`. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1");

/** What `register` needs around the routes: who the caller is, and how often it may write. */
export interface Guards {
  authorize(c: Context, role: Role): Promise<StoredToken | null>;
  /** Counts a write by `key`; null when allowed, else the seconds to wait. */
  throttle(key: string): number | null;
  /** The caller's address, the key of an anonymous caller's writes. */
  address(c: Context): string | undefined;
}

/**
 * Adds `routes` to `app`. The role is checked first (so an anonymous caller learns nothing of a
 * route's parameters), then the rate of writes, then the request against the schemas.
 */
export function register(app: Hono, routes: readonly Route[], guards: Guards): void {
  for (const { spec, handle } of routes) {
    app.on(spec.method.toUpperCase(), honoPath(spec.path), async (c) => {
      const caller = spec.role === null ? null : await guards.authorize(c, spec.role);
      if (spec.method !== "get") {
        const wait = guards.throttle(caller === null ? `address:${guards.address(c) ?? "?"}` : `token:${caller.id}`);
        if (wait !== null) {
          c.header("Retry-After", String(wait));
          throw new HttpError(429, `too many writes: try again in ${wait} s`, "ERATE");
        }
      }
      const input = {
        query: parse(spec.query, queryOf(c), "query"),
        params: parse(spec.params, c.req.param(), "path"),
        body: spec.body === undefined ? undefined : parse(spec.body, await bodyOf(c), "body"),
        caller,
      };
      const result = await handle(input, c);
      return result instanceof Response ? result : c.json(result as object, spec.method === "post" ? 201 : 200);
    });
  }
}
