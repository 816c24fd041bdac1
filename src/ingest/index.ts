/**
 * Ingest: inputs (paths, or `-` for stdin) in, `SourceDocument`s out, one at a time.
 * A bad document never stops the batch: it comes out as `{error: InputError}` in its place.
 *
 * @example
 * for await (const item of readInputs(["reports.jsonl", "note.txt"], { published: "2026-03-04" })) {
 *   if ("doc" in item) use(item.doc); else console.error(item.error.message);
 * }
 */
import { open, readdir, stat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../core/index.js";
import {
  describeFsError, looksLikeFeed, resolveOptions, tooBig,
  type IngestItem, type IngestOptions, type InputFormat, type ResolvedOptions,
} from "./common.js";
import { fetchInput, isUrl } from "./http-source.js";
import { readJsonl } from "./jsonl-file.js";
import { readBytes, readText, textFileId } from "./text-file.js";

export {
  DEFAULT_MAX_BYTES, INPUT_FORMATS, checkPublished, formatSize,
  type IngestItem, type IngestOptions, type InputFormat,
} from "./common.js";
export {
  NEAR_DUPLICATE_THRESHOLD, SIGNATURE_SIZE, bandKeys, contentHash, minHash, signatureBytes, signatureFromBytes, similarity,
} from "./fingerprint.js";
export { parseRecord, readJsonl, splitLines } from "./jsonl-file.js";
export { FETCH_TIMEOUT_MS, fetchInput, isUrl, MAX_REDIRECTS, type Fetched, type FetchOptions } from "./http-source.js";
export { HostPacer } from "./host-pacer.js";
export type { FeedItem } from "./feed-file.js";
export { DEFAULT_HOST_DELAY_MS } from "./common.js";
export { markdownText } from "./markdown.js";
export { readText, textFileId } from "./text-file.js";

/** The feed reader, loaded when a feed comes: its XML parser costs start-up time other inputs need not pay. */
export const loadFeedReader = () => import("./feed-links.js");

/** Reads every input in order; `-` is stdin. Yields `{doc}` or `{error}`, and never throws for bad input. */
export async function* readInputs(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const resolved = resolveOptions(options);
  for (const input of inputs) {
    const label = input === "-" ? "stdin" : input;
    try {
      if (input === "-") yield* readStream(label, "stdin", process.stdin, resolved);
      else if (isUrl(input)) yield* readUrl(input, resolved);
      else yield* readPath(input, resolved);
    } catch (error) {
      // File-system failures (a file deleted or unreadable mid-way) are this input's problem only.
      const reason = describeFsError(error);
      if (reason === null) throw error;
      yield { error: new InputError(label, null, reason, { cause: error }) };
    }
  }
}

/** A page or feed at an http(s) URL: by its content type, else by its content. */
async function* readUrl(url: string, options: ResolvedOptions): AsyncGenerator<IngestItem> {
  const fetched = await fetchInput(url, options);
  if ("reason" in fetched) return yield { error: new InputError(url, null, fetched.reason) };
  if ("notModified" in fetched) return yield { error: new InputError(url, null, "HTTP 304 Not Modified to a request that was not conditional") };
  const type = fetched.contentType.toLowerCase();
  const format: InputFormat = /html/.test(type) ? "html" : /(rss|atom|xml)/.test(type) ? "feed" : options.format === "auto" ? "auto" : options.format;
  const chunks = (async function* () { yield fetched.bytes; })();
  for await (const item of readStream(url, url, chunks, { ...options, format })) {
    // A page's own canonical URL wins; otherwise the URL it was fetched from.
    // (Feed items have their own links, and sources "URL: item N".)
    yield "doc" in item && item.source === url ? { ...item, doc: { ...item.doc, url: item.doc.url ?? fetched.url } } : item;
  }
}

async function* readPath(path: string, options: ResolvedOptions): AsyncGenerator<IngestItem> {
  const info = await stat(path);
  if (info.isDirectory()) {
    if (!options.folders) return yield { error: new InputError(path, null, "is a directory") };
    for (const file of await folderFiles(path)) yield* readPath(file, options);
    return;
  }
  const format = options.format === "auto" ? formatByName(path) : options.format;
  const size = info.isFile() ? info.size : null;
  const handle = await open(path, "r");
  try {
    yield* readStream(path, textFileId(path), fileChunks(handle), { ...options, format }, size);
  } finally {
    await handle.close();
  }
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A file's bytes in chunks read into one reused buffer: each chunk is valid only until the next
 * is asked for (readers copy what they keep). A stream would allocate a buffer per chunk, and
 * V8 collects those late (up to ~64 MB of garbage), which defeats skipping a huge line.
 */
async function* fileChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * One stream's documents: JSONL line by line, or the whole stream as one text. `size` (known for
 * regular files) rejects an oversized text before its bytes are read (after the first chunk
 * when the format had to be sniffed).
 */
async function* readStream(
  label: string,
  id: string,
  stream: AsyncIterable<Uint8Array>,
  options: ResolvedOptions,
  size: number | null = null,
): AsyncGenerator<IngestItem> {
  let source = stream;
  let format = options.format;
  if (format === "auto") ({ format, source } = await sniff(stream));
  if (format === "jsonl") yield* readJsonl(label, source, options);
  else if (size !== null && size > options.maxBytes) yield { error: new InputError(label, null, tooBig(size, options.maxBytes)) };
  else if (format === "feed") {
    const { readFeed } = await loadFeedReader();
    const read = await readBytes(source, options.maxBytes);
    if (typeof read === "number") yield { error: new InputError(label, null, tooBig(read, options.maxBytes)) };
    else yield* readFeed(label, read, options);
  } else if (format === "html") {
    // Imported when a page comes: the DOM and Readability cost start-up time that text does not need.
    const { htmlDocument } = await import("./html-file.js");
    yield await readText(label, id, source, options, htmlDocument);
  }
  else yield await readText(label, id, source, options);
}

/** Files a folder holds, recursively, in name order: those with a document extension, hidden ones left out. */
export async function folderFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await folderFiles(path)));
    else if (entry.isFile() && DOCUMENT_EXTENSION.test(entry.name)) files.push(path);
  }
  return files;
}

/** What a folder's files must end with to be read. */
const DOCUMENT_EXTENSION = /\.(jsonl|ndjson|txt|text|md|markdown|html?|xhtml|rss|atom)$/i;

function formatByName(path: string): InputFormat {
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.(txt|text|md|markdown)$/i.test(path)) return "text";
  if (/\.(html?|xhtml)$/i.test(path)) return "html";
  if (/\.(rss|atom)$/i.test(path)) return "feed";
  return "auto";
}

/**
 * Decides JSONL or text from the first chunk: JSONL when the first line is a JSON object (or,
 * when that line is longer than the chunk, when it opens like one: `{"`). Returns a source that
 * still starts with the chunk read.
 */
async function sniff(stream: AsyncIterable<Uint8Array>): Promise<{ format: InputFormat; source: AsyncIterable<Uint8Array> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Uint8Array = first.done ? new Uint8Array(0) : first.value;
  const source = (async function* () {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  const start = Buffer.from(head.subarray(0, 64 * 1024)).toString("utf8");
  const format = looksLikeJsonl(head) ? "jsonl" : looksLikeHtml(head) ? "html" : looksLikeFeed(start) ? "feed" : "text";
  return { format, source };
}

function looksLikeHtml(head: Uint8Array): boolean {
  return /^\uFEFF?\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(Buffer.from(head.subarray(0, 4096)).toString("utf8"));
}

function looksLikeJsonl(head: Uint8Array): boolean {
  const start = Buffer.from(head).toString("utf8").replace(/^\uFEFF?\s*/, "");
  if (!start.startsWith("{")) return false;
  const newline = start.indexOf("\n");
  if (newline === -1) return /^\{\s*("|\}\s*$)/.test(start);
  try {
    const value: unknown = JSON.parse(start.slice(0, newline));
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
