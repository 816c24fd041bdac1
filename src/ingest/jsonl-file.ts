/**
 * JSONL inputs: one `{id, published, text}` object a line (other fields, `gold` among them, are
 * never read). Lines are split from the byte stream here rather than by node:readline, because
 * readline keeps a whole line as a string before handing it over: a 50 MB line would cost
 * 50–100 MB. This splitter drops a line's bytes as soon as it passes the cap.
 */
import { InputError, type SourceDocument } from "../core/index.js";
import { checkPublished, decodeText, tooBig, type IngestItem, type ResolvedOptions } from "./common.js";

const NEWLINE = 0x0a;

/** A line's bytes, or null (with its size) when it was longer than the cap and dropped. */
interface Line { bytes: Uint8Array | null; size: number }

/**
 * Splits a byte stream into lines of at most `maxBytes`, keeping no bytes of longer ones.
 * Chunks may be reused by the source once the next is asked for, so kept pieces are copied.
 */
export async function* splitLines(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  const take = (piece: Uint8Array): void => {
    size += piece.length;
    if (size <= maxBytes) parts.push(Buffer.from(piece));
    else parts = [];
  };
  const flush = (): Line => {
    const line = { bytes: size <= maxBytes ? Buffer.concat(parts) : null, size };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of source) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, nl));
      yield flush();
      start = nl + 1;
    }
    take(chunk.subarray(start));
  }
  if (size > 0) yield flush();
}

/** Reads a JSONL stream: one item per non-blank line; "empty file" when there is none. */
export async function* readJsonl(
  label: string,
  source: AsyncIterable<Uint8Array>,
  options: ResolvedOptions,
): AsyncGenerator<IngestItem> {
  let lineNo = 0;
  let records = 0;
  for await (const line of splitLines(source, options.maxBytes)) {
    lineNo += 1;
    const fail = (reason: string): IngestItem => ({ error: new InputError(label, lineNo, reason) });
    if (line.bytes === null) {
      records += 1;
      yield fail(tooBig(line.size, options.maxBytes));
      continue;
    }
    const text = decodeText(line.bytes, "line");
    if (typeof text !== "string") {
      records += 1;
      yield fail(text.reason);
    } else if (text.trim() !== "") {
      records += 1;
      const result = parseRecord(text, `${label}:${lineNo}`, options.published);
      yield typeof result === "string" ? fail(result) : { doc: result, source: `${label}:${lineNo}` };
    }
  }
  if (records === 0) yield { error: new InputError(label, null, "empty file") };
}

/** One line's record as a document, or the reason it is not one. `fallbackId` is `file:line`. */
export function parseRecord(
  line: string,
  fallbackId: string,
  defaultPublished: string | null,
): SourceDocument | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON (${shortJsonError(error)})`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  const record = value as Record<string, unknown>;
  const { text, id } = record;
  if (text === undefined || text === null) return 'no "text" field';
  if (typeof text !== "string") return `"text" is not a string (${Array.isArray(text) ? "array" : typeof text})`;
  if (text.trim() === "") return 'empty "text"';
  if (id !== undefined && id !== null && typeof id !== "string" && typeof id !== "number") {
    return `"id" is not a string (${typeof id})`;
  }
  const published = checkPublished(record["published"]);
  if (published !== null && typeof published !== "string") return published.reason;
  const { url, title } = record;
  if (url !== undefined && url !== null && typeof url !== "string") return `"url" is not a string (${typeof url})`;
  return {
    id: id === undefined || id === null || id === "" ? fallbackId : String(id),
    text,
    published: published ?? defaultPublished,
    ...(typeof url === "string" && url.trim() !== "" ? { url: url.trim() } : {}),
    ...(typeof title === "string" && title.trim() !== "" ? { title: title.trim() } : {}),
  };
}

/**
 * JSON.parse's message cut to its first clause: Node 20 says "Unexpected token } in JSON at
 * position 0", Node 22 adds the offending text ("…, \"}\" is not valid JSON"); both become
 * "Unexpected token }" or "Unexpected token '}'".
 */
function shortJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/ in JSON at position|, ".*" is not valid JSON| is not valid JSON/)[0] ?? message;
}
