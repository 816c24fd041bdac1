/**
 * Extraction beside the main thread: `openExtractPool` starts worker threads that each load the
 * extractor once; `inOrder` keeps a bounded number of documents out and hands back their results
 * in input order, so that what is stored does not depend on how many threads ran.
 */
import { availableParallelism } from "node:os";

export { openExtractPool, type ExtractPool, type PoolOptions, type SignedRecord } from "./extract-pool.js";
export { inOrder } from "./in-order.js";

/**
 * The default number of extraction threads: one per core, at most 8 (past that the single
 * writer, not extraction, sets the pace).
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}
