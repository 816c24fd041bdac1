/**
 * What happens to each document of a batch, the same for both drivers: a document already
 * stored (same hash or URL) is unchanged; one whose MinHash signature is close to an earlier
 * first copy is stored as a near-duplicate linked to it, without a record; any other is new, with
 * its record's rows. Drivers supply the statements (`BatchWriter`) and the transaction around.
 */
import type { ExtractionRecord } from "../core/index.js";
import { bandKeys, signatureFromBytes, similarity } from "../ingest/index.js";
import { recordRows, type RecordRows } from "./rows.js";
import type { NewDocument, SaveOptions, SaveOutcome } from "./store.js";

/** The statements a driver runs inside a batch's transaction. */
export interface BatchWriter {
  /** The id of a stored document with this hash or URL. */
  existing(contentHash: string, url: string | null): Promise<number | null>;
  /** First copies (not near-duplicates themselves) sharing a band with the signature. */
  candidates(bands: string[]): Promise<Array<{ id: number; signature: Uint8Array }>>;
  /** Inserts the document; null when a unique hash or URL already holds it (another writer). */
  insertDocument(doc: NewDocument, duplicateOf: number | null): Promise<number | null>;
  insertBands(documentId: number, bands: string[]): Promise<void>;
  insertRecord(documentId: number, record: ExtractionRecord, rows: RecordRows, extractedAt: string): Promise<void>;
}

/** Saves one document through `writer`; runs inside the batch's transaction. */
export async function saveDocument(writer: BatchWriter, doc: NewDocument, options: SaveOptions): Promise<SaveOutcome> {
  const found = await writer.existing(doc.contentHash, doc.url);
  if (found !== null) return { status: "unchanged", id: found, duplicateOf: null };
  const bands = bandKeys(doc.signature);
  let duplicateOf: number | null = null;
  let best = options.nearDuplicateThreshold;
  for (const candidate of await writer.candidates(bands)) {
    const score = similarity(doc.signature, signatureFromBytes(candidate.signature));
    // The earliest stored copy wins a tie: it is the one the others are copies of.
    if (score > best || (score === best && (duplicateOf === null || candidate.id < duplicateOf))) {
      best = score;
      duplicateOf = candidate.id;
    }
  }
  const id = await writer.insertDocument(doc, duplicateOf);
  if (id === null) {
    const again = await writer.existing(doc.contentHash, doc.url);
    if (again === null) throw new Error(`document ${doc.key}: insert conflicted but no row holds it`);
    return { status: "unchanged", id: again, duplicateOf: null };
  }
  if (duplicateOf !== null) return { status: "near-duplicate", id, duplicateOf };
  await writer.insertBands(id, bands);
  if (doc.record !== null) await writer.insertRecord(id, doc.record, recordRows(doc.record, doc.text), doc.retrievedAt);
  return { status: "new", id, duplicateOf: null };
}

/** The tables holding a record's rows, emptied for a document when its record is replaced (records last: the others' rows come from it). */
export const RECORD_TABLES = ["events", "actors", "claims", "relations", "statistics", "records"] as const;

/** Lower-cased names an actor is found by: its name and each alias, once each. */
export function actorNames(name: string, aliases: string): string[] {
  const all = [name, ...(JSON.parse(aliases) as string[])].map((n) => n.toLowerCase());
  return [...new Set(all)];
}
