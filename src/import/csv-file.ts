/**
 * A CSV file read as records, streamed: bytes checked as UTF-8 as they come, then parsed by
 * csv-parse (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). Every problem
 * is an InputError naming the file and the line: bytes that are not UTF-8, a quote never closed
 * or closed in the middle of a field, a row with more or fewer fields than the header, a header
 * without the columns a format needs.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { InputError } from "../core/index.js";
import { unguardCell } from "../export/index.js";

export interface CsvRecord {
  /** The line of the record (its last, when a quoted field runs over several lines; 1 is the header). */
  line: number;
  /** Column name → cell (text cells with the export's formula guard taken off). */
  fields: Record<string, string>;
}

/** Passes text on, failing with the line of the first byte that is not UTF-8. */
class Utf8Text extends Transform {
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });
  readonly #file: string;
  #line = 1;

  constructor(file: string) {
    super({ decodeStrings: true, readableObjectMode: false });
    this.#file = file;
  }

  #pass(decode: () => string, chunk: Buffer | null, done: TransformCallback): void {
    let text: string;
    try {
      text = decode();
    } catch {
      // Where it broke: the text a lenient decoder reads up to its first replacement character.
      const before = chunk === null ? "" : new TextDecoder("utf-8").decode(chunk).split("\uFFFD")[0] ?? "";
      done(new InputError(this.#file, this.#line + (before.match(/\n/g)?.length ?? 0), "not UTF-8 text"));
      return;
    }
    this.#line += text.match(/\n/g)?.length ?? 0;
    done(null, text);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#pass(() => this.#decoder.decode(chunk, { stream: true }), chunk, done);
  }

  override _flush(done: TransformCallback): void {
    this.#pass(() => this.#decoder.decode(), null, done);
  }
}

/** csv-parse's error as one line of ours. */
function csvProblem(file: string, error: unknown, header: number): InputError {
  const e = error as { code?: string; lines?: number; record?: unknown[]; message?: string };
  const line = typeof e.lines === "number" ? e.lines : null;
  const reasons: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
    CSV_INVALID_CLOSING_QUOTE: "a quote closes a field in its middle (quotes inside a quoted field are doubled)",
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text after a closing quote",
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: `${Array.isArray(e.record) ? e.record.length : "a different number of"} fields, the header has ${header}`,
  };
  const reason = (e.code === undefined ? undefined : reasons[e.code]) ?? `not CSV (${(e.message ?? String(error)).split(/[.:]\s/)[0]})`;
  return new InputError(file, line, reason, { cause: error });
}

/**
 * The records of the CSV file at `path`, after its header. `required` lists the columns the
 * format needs, each as the names it may go by (`["event_id", "event_id_cnty"]`).
 */
export async function* csvRecords(path: string, required: readonly (readonly string[])[]): AsyncGenerator<CsvRecord> {
  const source = createReadStream(path);
  const text = new Utf8Text(path);
  const parser = parse({ bom: true, info: true, skip_empty_lines: true });
  source.on("error", (error: NodeJS.ErrnoException) => parser.destroy(new InputError(path, null, `cannot read (${error.code ?? error.message})`)));
  text.on("error", (error) => parser.destroy(error));
  source.pipe(text).pipe(parser);
  let header: string[] | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (header === null) {
        header = item.record.map((name) => name.trim().toLowerCase());
        const missing = required.filter((names) => !names.some((name) => header?.includes(name)));
        if (missing.length > 0) throw new InputError(path, 1, `not this format's columns: no ${missing.map((names) => names.join(" or ")).join(", ")}`);
        continue;
      }
      const fields: Record<string, string> = {};
      header.forEach((name, i) => { fields[name] = unguardCell(item.record[i] ?? ""); });
      yield { line: item.info.lines, fields };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw csvProblem(path, error, header?.length ?? 0);
  } finally {
    source.destroy();
  }
  if (header === null) throw new InputError(path, null, "empty file");
}

/** The SHA-256 of a file's bytes, hex, read as a stream. */
export async function fileHash(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new InputError(path, null, `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  return hash.digest("hex");
}
