/**
 * A record's JSON text, written once: a record read from JSON (as the extraction threads hand
 * their records over) keeps the text it was read from, and the store writes that text rather than
 * serialising the record again. A record is not changed once made, so the text stays its own.
 */
import type { ExtractionRecord } from "./record.js";

const texts = new WeakMap<ExtractionRecord, string>();

/** The record `json` holds; `recordJson` of it is `json`. */
export function recordFromJson(json: string): ExtractionRecord {
  const record = JSON.parse(json) as ExtractionRecord;
  texts.set(record, json);
  return record;
}

/** `record` as JSON: the text it was read from, or a new one. */
export function recordJson(record: ExtractionRecord): string {
  return texts.get(record) ?? JSON.stringify(record);
}
