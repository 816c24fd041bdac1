/** `sitrep extract`: inputs in, one record per document out, streamed in input order. */
import { parseArgs } from "node:util";
import type { Extractor } from "../extract/index.js";
import { checkPublished, readInputs, type IngestItem, type IngestOptions } from "../ingest/index.js";
import { parseByteSize, parseCommand } from "./args.js";
import { describeError, UsageError } from "./errors.js";
import { EXTRACT_HELP } from "./help.js";
import { createSink, OUTPUT_FORMATS, type RecordSink } from "./output.js";

/** What a batch did: documents extracted and documents skipped (bad input or failed extraction). */
export interface Tally { documents: number; skipped: number }

/** Runs `sitrep extract ARGS`; resolves to the exit status (0, or 2 when a document was skipped). */
export async function runExtract(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parseCommand("extract", () => parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      published: { type: "string" },
      "max-bytes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(EXTRACT_HELP);
    return 0;
  }
  const format = OUTPUT_FORMATS.find((name) => name === values.format);
  if (!format) throw new UsageError(`--format: expected text, json or jsonl, got "${values.format}"`, "extract");
  if (positionals.length === 0) throw new UsageError("no input: give one or more files, or - for stdin", "extract");
  const options = ingestOptions(values, "extract");
  const extractor = await loadExtractor();
  const sink = createSink(format, process.stdout);
  const tally = await extractAll(readInputs(positionals, options), extractor, sink, debug);
  await sink.end();
  return tally.skipped > 0 ? 2 : 0;
}

/** The extractor, its modules imported only now: usage errors and --help need not load them. */
export async function loadExtractor(): Promise<Extractor> {
  const { createExtractor } = await import("../extract/index.js");
  return createExtractor();
}

/** Ingest options from the `--published` and `--max-bytes` flags, checked. */
export function ingestOptions(values: { published?: string; "max-bytes"?: string }, command: string): IngestOptions {
  const published = checkPublished(values.published);
  if (published !== null && typeof published !== "string") throw new UsageError(`--published: ${published.reason}`, command);
  const maxBytes = values["max-bytes"] === undefined ? undefined : parseByteSize(values["max-bytes"], command);
  return { published, ...(maxBytes === undefined ? {} : { maxBytes }) };
}

/**
 * Extracts every document and writes its record as soon as it is done. A bad document, or one
 * the extractor fails on, is reported on stderr in one line and skipped: the batch goes on.
 */
export async function extractAll(
  items: AsyncIterable<IngestItem>,
  extractor: Extractor,
  sink: RecordSink,
  debug: boolean,
): Promise<Tally> {
  const tally: Tally = { documents: 0, skipped: 0 };
  for await (const item of items) {
    if ("error" in item) {
      tally.skipped += 1;
      process.stderr.write(`${describeError(item.error, debug)}\n`);
      continue;
    }
    let record;
    try {
      record = extractor.extract(item.doc);
    } catch (error) {
      // A bug in one document's extraction must not lose the others' records.
      tally.skipped += 1;
      const detail = debug ? `\n${describeError(error, true)}` : " (--debug for the stack)";
      process.stderr.write(`sitrep: ${item.doc.id}: extraction failed: ${String(error)}${detail}\n`);
      continue;
    }
    await sink.write(record, item.doc);
    tally.documents += 1;
  }
  return tally;
}
