/**
 * Ingest → extract → store, a batch at a time: the one place that knows the order. A document
 * already stored (same hash or URL) is counted unchanged before it costs an extraction; the
 * others are extracted and committed together, `batchSize` at a time or every `batchSeconds`.
 * With a pool of extraction threads, a few documents per thread are out at once; they come back
 * in input order, so the archive is the same whatever the number of threads (or of batches: a
 * batch's boundaries change no id or row), and the last ones in smaller batches.
 */
import { InputError, type ExtractionRecord, type SourceDocument } from "./core/index.js";
import { contentHash, minHash, NEAR_DUPLICATE_THRESHOLD, type IngestItem } from "./ingest/index.js";
import { inOrder } from "./pool/index.js";
import type { NewDocument, SaveOutcome, Store } from "./store/index.js";

/** What makes records: the extractor itself, or a pool of threads running it (`jobs` of them). */
export interface RecordSource {
  readonly version: string;
  extract(doc: SourceDocument): ExtractionRecord | Promise<ExtractionRecord>;
  /** The record and the text's MinHash signature, made together off the main thread (a pool's threads). */
  extractSigned?(doc: SourceDocument): Promise<{ record: ExtractionRecord; signature: Uint32Array }>;
  readonly jobs?: number;
}

/**
 * Documents out per extraction thread: enough that the threads keep extracting while the main
 * thread commits a batch (on SQLite a commit of 100 documents holds the main thread for as long
 * as the threads take to extract dozens), few enough that memory stays bounded (at most this
 * many × the size cap, of the order of the batch being filled).
 */
export const DOCUMENTS_PER_JOB = 32;

/** What became of a document before storing: rejected, already stored, or ready to store. */
type Step =
  | { kind: "rejected"; error: InputError; source: string }
  | { kind: "unchanged"; bytes: number }
  | { kind: "prepared"; doc: NewDocument; bytes: number };

/** What an ingest did so far. */
export interface IngestTally {
  new: number;
  unchanged: number;
  nearDuplicates: number;
  rejected: number;
  /** Rejections by reason ("not UTF-8 text": 2). */
  reasons: Map<string, number>;
  /** Documents read (every outcome above), and the bytes of their texts. */
  read: number;
  bytes: number;
}

export interface PipelineOptions {
  batchSize?: number;
  batchSeconds?: number;
  /** Called for each rejected document, with its one-line error. */
  onRejected?: (error: InputError, source: string) => void;
  /** Called after each committed batch and each unchanged document. */
  onProgress?: (tally: IngestTally) => void;
  /** The clock for `retrievedAt`, for tests. */
  now?: () => Date;
}

/** Default documents per transaction: large enough to amortise the commit, small enough to lose little. */
export const DEFAULT_BATCH_SIZE = 100;

/**
 * Once every document has been handed to the extraction threads, a batch commits at this share of
 * its size: it is written while the threads extract the last documents, rather than all of it
 * after they have nothing left to do.
 */
const DRAIN_SHARE = 4;

/** The short reason of a rejection, for the summary: the error's text after `file:line: `. */
function reasonOf(error: Error): string {
  const message = error.message;
  const cut = message.lastIndexOf(": ");
  return (cut === -1 ? message : message.slice(cut + 2)).replace(/\s*\(.*\)$/, "");
}

/** Reads `items`, extracts what is not stored yet, and commits it to `store` in batches. */
export async function ingestAll(items: AsyncIterable<IngestItem>, extractor: RecordSource, store: Store, options: PipelineOptions = {}): Promise<IngestTally> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchMs = (options.batchSeconds ?? 2) * 1000;
  const now = options.now ?? (() => new Date());
  const tally: IngestTally = { new: 0, unchanged: 0, nearDuplicates: 0, rejected: 0, reasons: new Map(), read: 0, bytes: 0 };
  const reject = (error: InputError, source: string): void => {
    tally.rejected += 1;
    tally.read += 1;
    const reason = reasonOf(error);
    tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
    options.onRejected?.(error, source);
  };
  let batch: NewDocument[] = [];
  let started = Date.now();
  const commit = async (): Promise<void> => {
    if (batch.length === 0) return;
    count(tally, await store.saveBatch(batch, { nearDuplicateThreshold: NEAR_DUPLICATE_THRESHOLD }));
    batch = [];
    started = Date.now();
    options.onProgress?.(tally);
  };
  const step = async (item: IngestItem): Promise<Step> => {
    if ("error" in item) return { kind: "rejected", error: item.error, source: item.error.file };
    const bytes = item.doc.text.length;
    const hash = contentHash(item.doc.text);
    if ((await store.findDocument(hash, item.doc.url ?? null)) !== null) return { kind: "unchanged", bytes };
    const prepared = await prepare(item.doc, item.source, hash, extractor, now());
    return prepared instanceof InputError ? { kind: "rejected", error: prepared, source: item.source } : { kind: "prepared", doc: prepared, bytes };
  };
  const jobs = extractor.jobs ?? 1;
  // Set once the last item has been read: every document left is already out to the threads.
  let drained = false;
  async function* reading(): AsyncGenerator<IngestItem> {
    yield* items;
    drained = true;
  }
  const drainSize = jobs > 1 ? Math.ceil(batchSize / DRAIN_SHARE) : batchSize;
  for await (const next of inOrder(reading(), step, jobs > 1 ? jobs * DOCUMENTS_PER_JOB : 1)) {
    if (next.kind === "rejected") {
      reject(next.error, next.source);
      continue;
    }
    tally.bytes += next.bytes;
    if (next.kind === "unchanged") {
      tally.unchanged += 1;
      tally.read += 1;
      options.onProgress?.(tally);
      continue;
    }
    batch.push(next.doc);
    if (batch.length >= (drained ? drainSize : batchSize) || Date.now() - started >= batchMs) await commit();
  }
  await commit();
  return tally;
}

function count(tally: IngestTally, outcomes: readonly SaveOutcome[]): void {
  for (const outcome of outcomes) {
    tally.read += 1;
    if (outcome.status === "new") tally.new += 1;
    else if (outcome.status === "unchanged") tally.unchanged += 1;
    else tally.nearDuplicates += 1;
  }
}

/** The document with its fingerprints and record, or the extraction's failure as a one-line error. */
async function prepare(doc: SourceDocument, source: string, hash: string, extractor: RecordSource, now: Date): Promise<NewDocument | InputError> {
  let record;
  let signature;
  try {
    if (extractor.extractSigned) ({ record, signature } = await extractor.extractSigned(doc));
    else record = await extractor.extract(doc);
  } catch (error) {
    return new InputError(source, null, `extraction failed (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return {
    key: doc.id,
    source,
    url: doc.url ?? null,
    title: doc.title ?? null,
    published: doc.published,
    retrievedAt: now.toISOString(),
    text: doc.text,
    contentHash: hash,
    signature: signature ?? minHash(doc.text),
    record,
  };
}
