/**
 * What every reader shares: the result type, the options, and the checks that turn bytes and
 * fields into a document or a one-line reason.
 */
import type { InputError, SourceDocument } from "../core/index.js";
import { HostPacer } from "./host-pacer.js";

/**
 * One input document and where it was read (`path`, `path:line`, `stdin`), or why one could not
 * be read; readers yield these and never throw.
 */
export type IngestItem = { doc: SourceDocument; source: string } | { error: InputError };

export const INPUT_FORMATS = ["auto", "text", "jsonl", "html", "feed"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface IngestOptions {
  /** Publication date of plain-text inputs (and of JSONL records without one); ISO date or null. */
  published?: string | null;
  /** Largest document accepted, in bytes (a JSONL line counts as one document). */
  maxBytes?: number;
  /** `auto` decides by extension (.jsonl, .ndjson, .txt, .md, .html), then by content. */
  format?: InputFormat;
  /** Whether a folder is read (its documents, recursively) rather than reported. */
  folders?: boolean;
  /** Whether a feed item with only a summary is read from the http(s) page it links to (default no). */
  follow?: boolean;
  /** Keeps requests to one host apart (default: one second). */
  pacer?: HostPacer;
  /** Told what went wrong but did not cost a document (a link that failed, its summary kept). */
  warn?: (message: string) => void;
}

/** Least time between two requests to one host, unless told otherwise: polite to small sites. */
export const DEFAULT_HOST_DELAY_MS = 1000;

export type ResolvedOptions = Required<IngestOptions>;

/** 5 MB: far above any news report, low enough to keep a batch's memory predictable. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Fills in the defaults. */
export function resolveOptions(options: IngestOptions): ResolvedOptions {
  return {
    published: options.published ?? null,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    format: options.format ?? "auto",
    folders: options.folders ?? false,
    follow: options.follow ?? false,
    pacer: options.pacer ?? new HostPacer(DEFAULT_HOST_DELAY_MS),
    warn: options.warn ?? (() => undefined),
  };
}

const KB = 1024;
const MB = 1024 * KB;

/** `812 bytes`, `3.4 KB`, `50.0 MB`: the size of what was read. */
export function formatSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The reason given for a document over the cap: "document of 50.0 MB exceeds the 5 MB limit". */
export function tooBig(bytes: number, limit: number): string {
  return `document of ${formatSize(bytes)} exceeds the ${formatSize(limit).replace(".0 ", " ")} limit`;
}

/**
 * Checks a publication date: null, undefined and "" mean unknown (null); `YYYY-MM-DD` (a
 * timestamp is cut to its date) must name a real day. Returns the date, or `{reason}`.
 */
export function checkPublished(value: unknown): string | null | { reason: string } {
  if (value === null || value === undefined || value === "") return null;
  const text = typeof value === "string" ? value : "";
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T\S*)?$/.exec(text);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) {
      return text.slice(0, 10);
    }
  }
  return { reason: `invalid published date ${JSON.stringify(value)} (expected YYYY-MM-DD)` };
}

const DECODER = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text, or `{reason}` for binary data (NUL bytes) or bytes that are not UTF-8. */
export function decodeText(bytes: Uint8Array, what: string): string | { reason: string } {
  if (bytes.includes(0)) return { reason: `binary ${what} (NUL bytes)` };
  try {
    return DECODER.decode(bytes);
  } catch {
    return { reason: `${what} is not UTF-8 text` };
  }
}

/** A file-system failure as a short reason ("no such file"), or null when it is not one. */
export function describeFsError(error: unknown): string | null {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (typeof code !== "string") return null;
  const known: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "is a directory",
    ENOTDIR: "no such file (a parent is not a directory)",
  };
  return known[code] ?? `cannot read (${code})`;
}

/** Whether the bytes open like a feed: an `<rss` or Atom `<feed` root near the start. */
export function looksLikeFeed(head: string): boolean {
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)*<(rss|feed)[\s>]/i.test(head);
}
