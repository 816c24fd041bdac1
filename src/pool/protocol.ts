/** The messages between the extraction pool and its worker threads. */
import type { SourceDocument } from "../core/index.js";

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup {
  /** URL of the module whose `createExtractor(options)` the worker calls once. */
  module: string;
  options: unknown;
}

/** A document to extract; `id` pairs it with its reply. `signed`: reply with the text's MinHash signature too. */
export interface WorkerRequest { id: number; doc: SourceDocument; signed: boolean }

export type WorkerReply =
  | { kind: "ready"; version: string }
  /** The extractor could not be loaded; `code` is a SitrepError's, when it was one. */
  | { kind: "failed"; message: string; code: string | null }
  /** The record as JSON: cheaper to pass between threads than the object, and the text the store writes. */
  | { kind: "record"; id: number; json: string; signature: Uint32Array | null }
  | { kind: "error"; id: number; message: string };
