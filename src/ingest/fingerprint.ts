/**
 * Fingerprints of a document's text: an exact one (SHA-256) for "the same document again", and
 * a MinHash signature over word shingles for "the same story, lightly edited" (a syndicated copy).
 *
 * MinHash: the share of equal slots in two signatures estimates the Jaccard similarity of the
 * two shingle sets. For look-up the signature is cut into bands; two documents whose similarity
 * is s share at least one band with probability 1 - (1 - s^ROWS)^BANDS: with 16 bands of 4 rows,
 * 0.996 at s = 0.8 and below 0.0002 at s = 0.2.
 */
import { createHash } from "node:crypto";

/** Slots in a signature. */
export const SIGNATURE_SIZE = 64;
const ROWS_PER_BAND = 4;
/** Words per shingle: five words rarely repeat across unrelated reports, and survive light edits. */
const SHINGLE_WORDS = 5;

/** The SHA-256 of the text, hex: equal texts, equal hashes. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The 32-bit FNV-1a of the shingle starting at word `i`: of the UTF-16 units of its words joined
 * by single spaces, hashed word by word rather than joining a string for every shingle.
 */
function shingleHash(words: readonly string[], i: number): number {
  let hash = 0x811c9dc5;
  const end = Math.min(words.length, i + SHINGLE_WORDS);
  for (let w = i; w < end; w++) {
    if (w > i) hash = Math.imul(hash ^ 32, 0x01000193);
    const word = words[w] as string;
    for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser): each slot's hash is `mix(shingle ^ seed)`. */
function mix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Lower-cased words (letters and digits): punctuation, case and spacing edits do not count. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The MinHash signature of the text's word shingles (a text shorter than a shingle is one shingle). */
export function minHash(text: string): Uint32Array {
  const words = wordsOf(text);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count; i++) {
    const shingle = shingleHash(words, i);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(shingle ^ (SEEDS[k] as number));
      if (h < (signature[k] as number)) signature[k] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of two signatures: the share of equal slots. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same += 1;
  return same / SIGNATURE_SIZE;
}

/** The signature's band keys (`3:1a2b3c4d`): documents sharing one are candidates. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band * ROWS_PER_BAND < SIGNATURE_SIZE; band++) {
    let h = band;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix(h ^ (signature[band * ROWS_PER_BAND + r] as number));
    keys.push(`${band}:${h.toString(16).padStart(8, "0")}`);
  }
  return keys;
}

/** A signature as bytes for storage, and back. */
export function signatureBytes(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes); // aligned, and owned
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}

/** Near-duplicate threshold used by ingest: lightly edited copies of one story score above it. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;
