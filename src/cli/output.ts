/**
 * Streaming writers of records: each record goes out as soon as it is extracted, waiting for
 * the stream to drain when it is full, so a large batch never piles up in memory.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { ExtractionRecord, SourceDocument } from "../core/index.js";
import { formatRecord } from "./format.js";

export const OUTPUT_FORMATS = ["text", "json", "jsonl"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RecordSink {
  write(record: ExtractionRecord, doc: SourceDocument): Promise<void>;
  /** Writes what closes the output (json's `]`); does not end the stream. */
  end(): Promise<void>;
}

/** A writer of records to `out` in one of the output formats. */
export function createSink(format: OutputFormat, out: Writable): RecordSink {
  let count = 0;
  const put = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  const render: Record<OutputFormat, (record: ExtractionRecord, doc: SourceDocument) => string> = {
    jsonl: (record) => `${JSON.stringify(record)}\n`,
    // A pretty array, streamed: `[`, then the records indented, separated by commas.
    json: (record) => `${count === 0 ? "[\n" : ",\n"}${JSON.stringify(record, null, 2).replace(/^/gm, "  ")}`,
    text: (record, doc) => `${count === 0 ? "" : "\n"}${formatRecord(record, doc.text)}`,
  };
  return {
    async write(record, doc) {
      const chunk = render[format](record, doc);
      count += 1;
      await put(chunk);
    },
    async end() {
      if (format === "json") await put(count === 0 ? "[]\n" : "\n]\n");
    },
  };
}
