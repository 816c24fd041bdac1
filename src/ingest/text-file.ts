/**
 * Plain-text inputs: a whole file (or stdin) is one document. Its size is checked before its
 * bytes are kept, so an oversized input costs no more memory than one read buffer.
 */
import { basename, extname } from "node:path";
import { InputError } from "../core/index.js";
import { decodeText, tooBig, type IngestItem, type ResolvedOptions } from "./common.js";
import { markdownText } from "./markdown.js";

/** The id of a text file's document: its basename without extension (`reports/a-1.txt` → `a-1`). */
export function textFileId(path: string): string {
  return basename(path, extname(path));
}

/**
 * Reads one text document from a byte stream. `label` names the input in errors ("stdin" or the
 * path). Past `maxBytes` the bytes are counted but dropped, so the message can give the full size.
 */
export async function readText(
  label: string,
  id: string,
  source: AsyncIterable<Uint8Array>,
  options: ResolvedOptions,
  build: (label: string, id: string, bytes: Uint8Array, published: string | null) => IngestItem = textDocument,
): Promise<IngestItem> {
  const read = await readBytes(source, options.maxBytes);
  if (typeof read === "number") return fail(label, tooBig(read, options.maxBytes));
  return build(label, id, read, options.published);
}

/** A stream's bytes, or (past `maxBytes`, the bytes counted but dropped) their full size. */
export async function readBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array | number> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(Buffer.from(chunk)); // the source may reuse `chunk`
  }
  return size > maxBytes ? size : Buffer.concat(chunks);
}

/** Checks a whole text document's bytes: binary, not UTF-8, or empty are errors. */
export function textDocument(
  label: string,
  id: string,
  bytes: Uint8Array,
  published: string | null,
): IngestItem {
  const noun = label === "stdin" ? "input" : "file";
  const text = decodeText(bytes, noun);
  if (typeof text !== "string") return fail(label, text.reason);
  if (text.trim() === "") return fail(label, `empty ${noun}`);
  if (/\.(md|markdown)$/i.test(label)) {
    const { body, title } = markdownText(text);
    if (body.trim() === "") return fail(label, "no text (only Markdown markup)");
    return { doc: { id, text: body, published, title }, source: label };
  }
  return { doc: { id, text, published }, source: label };
}

function fail(label: string, reason: string): IngestItem {
  return { error: new InputError(label, null, reason) };
}
