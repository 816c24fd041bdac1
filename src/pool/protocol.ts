/** The messages between the extraction pool and its worker threads. */
import type { ExtractionRecord, SourceDocument } from "../core/index.js";

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup {
  /** URL of the module whose `createExtractor(options)` the worker calls once. */
  module: string;
  options: unknown;
}

/** A document to extract; `id` pairs it with its reply. */
export interface WorkerRequest { id: number; doc: SourceDocument }

export type WorkerReply =
  | { kind: "ready"; version: string }
  /** The extractor could not be loaded; `code` is a SitrepError's, when it was one. */
  | { kind: "failed"; message: string; code: string | null }
  | { kind: "record"; id: number; record: ExtractionRecord }
  | { kind: "error"; id: number; message: string };
