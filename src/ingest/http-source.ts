/**
 * http(s) inputs: a page or feed fetched with the built-in fetch, politely and within bounds: a
 * time limit for the whole exchange, a size cap counted as the body streams in (a body that never
 * ends is cut at the cap or the time limit), at most MAX_REDIRECTS redirects and only to http(s).
 * Every failure is a one-line reason; nothing throws.
 */
import { tooBig, type ResolvedOptions } from "./common.js";

export const MAX_REDIRECTS = 5;
/** The whole exchange (redirects and body included) must end within this. */
export const FETCH_TIMEOUT_MS = 30_000;
const USER_AGENT = "sitrep (+https://github.com/sitrep; conflict-monitoring archive)";

export type Fetched = { bytes: Uint8Array; url: string; contentType: string } | { reason: string };

/** Whether an input names a URL rather than a file. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Fetches `url`; resolves to its bytes, final URL and content type, or a reason. */
export async function fetchInput(url: string, options: ResolvedOptions, timeoutMs = FETCH_TIMEOUT_MS): Promise<Fetched> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, { redirect: "manual", signal, headers: { "user-agent": USER_AGENT, accept: "text/html, application/rss+xml, application/atom+xml, text/xml, text/plain;q=0.9, */*;q=0.5" } });
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { reason: `more than ${MAX_REDIRECTS} redirects` };
        const next = new URL(response.headers.get("location") ?? "", current);
        if (next.protocol !== "http:" && next.protocol !== "https:") return { reason: `redirected to a ${next.protocol} URL` };
        current = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
      }
      const declared = Number(response.headers.get("content-length") ?? NaN);
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        return { reason: tooBig(declared, options.maxBytes) };
      }
      const body = await readCapped(response, options.maxBytes);
      if (typeof body === "number") return { reason: tooBig(body, options.maxBytes) };
      return { bytes: body, url: current, contentType: response.headers.get("content-type") ?? "" };
    }
  } catch (error) {
    if (signal.aborted) return { reason: `no complete answer within ${timeoutMs / 1000} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return { reason: `cannot fetch (${cause ?? (error instanceof Error ? error.message : String(error))})` };
  }
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
