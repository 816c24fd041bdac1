/**
 * http(s) inputs: a page or feed fetched with the built-in fetch, politely and within bounds: a
 * time limit for the whole exchange, a size cap counted as the body streams in (a body that never
 * ends is cut at the cap or the time limit), at most MAX_REDIRECTS redirects and only to http(s).
 * A conditional GET (validators of an earlier answer) takes a 304 as "not modified". A pacer keeps
 * requests to one host apart. Every failure is a one-line reason; nothing throws.
 */
import { tooBig } from "./common.js";
import type { HostPacer } from "./host-pacer.js";

export const MAX_REDIRECTS = 5;
/** The whole exchange (redirects and body included) must end within this. */
export const FETCH_TIMEOUT_MS = 30_000;
const USER_AGENT = "sitrep (+https://github.com/sitrep; conflict-monitoring archive)";
const ACCEPT = "text/html, application/rss+xml, application/atom+xml, text/xml, text/plain;q=0.9, */*;q=0.5";

export type Fetched =
  | { bytes: Uint8Array; url: string; contentType: string; status: number; etag: string | null; lastModified: string | null }
  | { notModified: true; url: string }
  | { reason: string; status?: number };

/** How a fetch goes, beyond its size cap. */
export interface FetchOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Validators of an earlier answer: the request is conditional, and a 304 costs no body. */
  etag?: string | null;
  lastModified?: string | null;
  /** Ends the exchange early (the user stopping a watch); the reason is then "stopped". */
  signal?: AbortSignal;
  /** Waits for the host's turn before each request, redirects included. */
  pacer?: HostPacer;
  /** Refuse redirects to another host (links found in third-party content). */
  sameHost?: boolean;
}

/** Whether an input names a URL rather than a file. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Fetches `url`; resolves to its bytes, final URL, content type and validators, a 304, or a reason. */
export async function fetchInput(url: string, options: FetchOptions, timeoutMs = FETCH_TIMEOUT_MS): Promise<Fetched> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      await options.pacer?.wait(current, signal);
      const response = await fetch(current, { redirect: "manual", signal, headers: requestHeaders(options) });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { reason: `more than ${MAX_REDIRECTS} redirects` };
        const next = new URL(response.headers.get("location") ?? "", current);
        if (next.protocol !== "http:" && next.protocol !== "https:") return { reason: `redirected to a ${next.protocol} URL` };
        if (options.sameHost && next.hostname !== new URL(current).hostname) return { reason: `redirected to another host (${next.hostname})` };
        current = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { notModified: true, url: current };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`, status: response.status };
      }
      const declared = Number(response.headers.get("content-length") ?? NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        return { reason: tooBig(declared, options.maxBytes) };
      }
      const body = await readCapped(response, options.maxBytes);
      if (typeof body === "number") return { reason: tooBig(body, options.maxBytes) };
      const header = (name: string) => response.headers.get(name);
      return { bytes: body, url: current, contentType: header("content-type") ?? "", status: response.status, etag: header("etag"), lastModified: header("last-modified") };
    }
  } catch (error) {
    if (options.signal?.aborted) return { reason: "stopped" };
    if (timeout.aborted) return { reason: `no complete answer within ${timeoutMs / 1000} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return { reason: `cannot fetch (${cause ?? (error instanceof Error ? error.message : String(error))})` };
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT };
  // Only validators the server gave: a conditional GET must not guess.
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  return headers;
}

/** The body, or the byte count at which it passed `maxBytes` (the rest is not read). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | number> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return size;
    }
    chunks.push(value);
  }
}
