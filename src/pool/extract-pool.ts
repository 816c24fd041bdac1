/**
 * Extraction on several cores: a pool of worker threads, each loading the extractor once. The
 * caller posts documents and awaits their records; a document goes to the least busy thread. A
 * thread that dies (out of memory on a huge document) fails only the document it was working
 * on: the others it held go to the other threads, and a new thread takes its place.
 */
import { Worker } from "node:worker_threads";
import type { ExtractionRecord, SourceDocument } from "../core/index.js";
import { recordFromJson, SitrepError } from "../core/index.js";
import type { WorkerReply, WorkerSetup } from "./protocol.js";

/** An extractor behind an asynchronous call, on `jobs` threads. */
export interface ExtractPool {
  /** `name@version` of the extractor the threads run. */
  readonly version: string;
  readonly jobs: number;
  /** The record of `doc`; rejects with the extraction's error message. */
  extract(doc: SourceDocument): Promise<ExtractionRecord>;
  /** The record of `doc` and the MinHash signature of its text, both made on a thread. */
  extractSigned(doc: SourceDocument): Promise<SignedRecord>;
  /** Stops the threads; documents still out are failed. */
  close(): Promise<void>;
}

export interface PoolOptions {
  jobs: number;
  /** The module exporting `createExtractor(options)`; default the package's extractor. */
  module?: URL;
  /** What `createExtractor` is given (must survive structured cloning). */
  options?: unknown;
}

/** A record with the signature of its document's text (ingest/fingerprint.ts). */
export interface SignedRecord { record: ExtractionRecord; signature: Uint32Array }

interface Waiting { doc: SourceDocument; signed: boolean; resolve: (result: SignedRecord) => void; reject: (error: Error) => void }

interface Thread { worker: Worker; waiting: Map<number, Waiting> }

const WORKER = new URL("./extract-worker.js", import.meta.url);
/** The signature of a reply not asked to carry one. */
const EMPTY = new Uint32Array(0);

/** Starts `jobs` threads and resolves once each has loaded the extractor. */
export async function openExtractPool(options: PoolOptions): Promise<ExtractPool> {
  const setup: WorkerSetup = {
    module: (options.module ?? new URL("../extract/index.js", import.meta.url)).href,
    options: options.options ?? {},
  };
  const pool = new Pool(setup);
  try {
    const versions = await Promise.all(Array.from({ length: Math.max(1, options.jobs) }, () => pool.spawn()));
    pool.version = versions[0] ?? "";
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}

class Pool implements ExtractPool {
  version = "";
  readonly #setup: WorkerSetup;
  readonly #threads: Thread[] = [];
  #next = 0;
  #closed = false;

  constructor(setup: WorkerSetup) {
    this.#setup = setup;
  }

  get jobs(): number {
    return this.#threads.length;
  }

  /** Starts a thread; resolves with its extractor's version once loaded. */
  spawn(): Promise<string> {
    const worker = new Worker(WORKER, { workerData: this.#setup });
    const thread: Thread = { worker, waiting: new Map() };
    this.#threads.push(thread);
    return new Promise((resolve, reject) => {
      let loaded = false;
      worker.on("message", (reply: WorkerReply) => {
        if (reply.kind === "ready") {
          loaded = true;
          resolve(reply.version);
        } else if (reply.kind === "failed") {
          reject(reply.code === null ? new Error(reply.message) : new SitrepError(reply.code, reply.message));
        } else {
          const waiting = thread.waiting.get(reply.id);
          thread.waiting.delete(reply.id);
          if (reply.kind === "record") waiting?.resolve({ record: recordFromJson(reply.json), signature: reply.signature ?? EMPTY });
          else waiting?.reject(new Error(reply.message));
        }
      });
      const lost = (reason: string): void => {
        if (!this.#threads.includes(thread)) return; // "error" comes before "exit"; closed threads are gone
        if (!loaded) reject(new Error(`extraction thread stopped while loading (${reason})`));
        else if (!this.#closed) void this.spawn().catch(() => undefined);
        this.#drop(thread, `extraction thread stopped (${reason})`);
      };
      worker.on("error", (error) => lost(error.message));
      worker.on("exit", (code) => lost(`exit code ${code}`));
    });
  }

  /**
   * Removes a thread that ended. A thread extracts its documents in the order they were posted,
   * so the first one waiting is the one it died on: that one fails with `message`; the others
   * go to the remaining threads (none when the pool closes: they fail too).
   */
  #drop(thread: Thread, message: string): void {
    const at = this.#threads.indexOf(thread);
    if (at === -1) return;
    this.#threads.splice(at, 1);
    const [first, ...rest] = thread.waiting.values();
    thread.waiting.clear();
    first?.reject(new Error(message));
    for (const waiting of rest) {
      if (this.#closed) waiting.reject(new Error(message));
      else this.#post(waiting);
    }
  }

  async extract(doc: SourceDocument): Promise<ExtractionRecord> {
    return (await this.#out(doc, false)).record;
  }

  extractSigned(doc: SourceDocument): Promise<SignedRecord> {
    return this.#out(doc, true);
  }

  #out(doc: SourceDocument, signed: boolean): Promise<SignedRecord> {
    return new Promise((resolve, reject) => this.#post({ doc, signed, resolve, reject }));
  }

  #post(waiting: Waiting): void {
    const thread = this.#leastBusy();
    if (thread === undefined) {
      waiting.reject(new Error("no extraction thread is running"));
      return;
    }
    const id = this.#next++;
    thread.waiting.set(id, waiting);
    thread.worker.postMessage({ id, doc: waiting.doc, signed: waiting.signed });
  }

  #leastBusy(): Thread | undefined {
    let best: Thread | undefined;
    for (const thread of this.#threads) if (best === undefined || thread.waiting.size < best.waiting.size) best = thread;
    return best;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = [...this.#threads];
    await Promise.all(threads.map(async (thread) => {
      this.#drop(thread, "the extraction pool was closed");
      await thread.worker.terminate();
    }));
  }
}
