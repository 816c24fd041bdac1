/** `--jobs N`: how many threads extract (`ingest`, `reextract`); 1 extracts on the main thread. */
import type { RecordSource } from "../pipeline.js";
import { UsageError } from "./errors.js";
import { loadExtractor } from "./extract.js";

export const JOBS_OPTION = { jobs: { type: "string" } } as const;

/** The records' maker, with a `close` to stop its threads. */
export type ClosableSource = RecordSource & { close(): Promise<void> };

/** `--jobs`, checked; the default is one per core, at most 8. */
export async function parseJobs(value: string | undefined, command: string): Promise<number> {
  if (value === undefined) return (await import("../pool/index.js")).defaultJobs();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs: expected a whole number from 1 to 64, got "${value}"`, command);
  return jobs;
}

/** The extractor on this thread (`jobs` 1), or a pool of `jobs` threads each loading it once. */
export async function openRecordSource(jobs: number): Promise<ClosableSource> {
  if (jobs <= 1) {
    const extractor = await loadExtractor();
    return { version: extractor.version, jobs: 1, extract: (doc) => extractor.extract(doc), close: async () => undefined };
  }
  const { openExtractPool } = await import("../pool/index.js");
  return openExtractPool({ jobs });
}

/**
 * Opens the records' maker and the store together; when one fails, the other is closed (live
 * threads would keep the process from ending) and the failure thrown.
 */
export async function openBoth<S extends { close(): Promise<void> }>(source: Promise<ClosableSource>, store: Promise<S>): Promise<[ClosableSource, S]> {
  const [made, opened] = await Promise.allSettled([source, store]);
  if (made.status === "fulfilled" && opened.status === "fulfilled") return [made.value, opened.value];
  if (made.status === "fulfilled") await made.value.close();
  if (opened.status === "fulfilled") await opened.value.close();
  throw made.status === "rejected" ? made.reason : (opened as PromiseRejectedResult).reason;
}
