/**
 * Longest-match lookup of dictionary phrases over word units. Phrases are stored in a trie of
 * their words' keys, so a look-up walks only as far as some phrase goes; a phrase marked `exact`
 * matches only with the same letters in the same case ("IS" the group, not "is" the verb).
 */
import { keyHash, keyOf, phraseKeys, type Word } from "../nlp/words.js";

interface Entry<T> {
  value: T;
  /** Case-sensitive letters of each word, for exact phrases. */
  exact: string[] | null;
}

export interface PhraseMatch<T> {
  /** Words [first, last) of the match. */
  first: number;
  last: number;
  values: T[];
}

/** The letters and digits of a word as written; for ASCII, without decomposing it first. */
const caseKey = (s: string): string => {
  if (ALNUM.test(s)) return s;
  return ASCII.test(s) ? s.replace(/[^A-Za-z0-9]/g, "") : s.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");
};
const ALNUM = /^[A-Za-z0-9]*$/;
const ASCII = /^[\x00-\x7f]*$/;

/** A trie node: the phrases ending after the words that lead here, and the words that go on. */
interface Node<T> {
  entries: Entry<T>[] | null;
  next: Map<string, Node<T>> | null;
}

const node = <T>(): Node<T> => ({ entries: null, next: null });

export class PhraseMatcher<T> {
  /** Word keys in sequence, one trie level per word. */
  readonly #root = node<T>();
  /** A bit per {@link keyHash} of the first words of the phrases: most words start none, and are turned away here. */
  readonly #firstHashes = new Int32Array(0x10000 / 32);
  /** A bit per {@link keyHash} of the phrases of one word. */
  readonly #soloHashes = new Int32Array(0x10000 / 32);
  /**
   * A bit per hash of the first two words of the longer phrases, made at the first look-up: most
   * words that start a phrase ("the", "a") start none with the word after them, and are turned
   * away here before the trie's maps are read.
   */
  #pairHashes: Int32Array | null = null;
  #pairShift = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Add a phrase; returns false when it has no letters or digits. */
  add(phrase: string, value: T, exact = false): boolean {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return false;
    const h = keyHash(keys[0] as string);
    this.#firstHashes[h >>> 5]! |= 1 << (h & 31);
    if (keys.length === 1) this.#soloHashes[h >>> 5]! |= 1 << (h & 31);
    this.#pairHashes = null;
    let at = this.#root;
    for (const k of keys) {
      at.next ??= new Map();
      let child = at.next.get(k);
      if (!child) at.next.set(k, (child = node<T>()));
      at = child;
    }
    const exactWords = exact ? phrase.split(/[-–—/\s]+|(?=['’]s\b)/).map(caseKey).filter(Boolean) : null;
    (at.entries ??= []).push({ value, exact: exactWords });
    this.#size++;
    return true;
  }

  /** True when some phrase starts with this word key. */
  starts(key: string): boolean {
    return this.#root.next?.has(key) ?? false;
  }

  /**
   * The longest phrase starting at word `i` and ending before word `limit`, or null.
   * `accept` may refuse a match (for example one with no capital letter).
   */
  longestAt(words: readonly Word[], i: number, limit = words.length, accept?: (first: number, last: number) => boolean): PhraseMatch<T> | null {
    if (i >= limit) return null;
    const w0 = words[i];
    if (!w0) return null;
    const h = w0.hash ?? keyHash(w0.key);
    if ((this.#firstHashes[h >>> 5]! & (1 << (h & 31))) === 0) return null;
    const w1 = i + 1 < limit ? words[i + 1] : undefined;
    const pair = w1 !== undefined && this.#pairMay(h, w1.hash ?? keyHash(w1.key));
    if (!pair && (this.#soloHashes[h >>> 5]! & (1 << (h & 31))) === 0) return null;
    const first = this.#root.next?.get(w0.key);
    if (!first) return null;
    // Walk the trie along the words, keeping the nodes passed; then try the lengths at which
    // some phrase ends, longest first.
    let path: Array<Node<T>> | null = null;
    for (let at = first, n = 1; pair && at.next && i + n < limit; n++) {
      const w = words[i + n];
      const child = w && at.next.get(w.key);
      if (!child) break;
      (path ??= [first]).push((at = child));
    }
    for (let n = path ? path.length : 1; n >= 1; n--) {
      const entries = (path ? path[n - 1]! : first).entries;
      if (!entries) continue;
      const values: T[] = [];
      for (const e of entries) {
        if (!e.exact || e.exact.every((w, k) => caseKey((words[i + k] as Word).text) === w)) values.push(e.value);
      }
      if (values.length === 0) continue;
      if (accept && !accept(i, i + n)) continue;
      return { first: i, last: i + n, values };
    }
    return null;
  }

  /** False when no phrase starts with the words of hashes h0 and h1 (true may be a collision). */
  #pairMay(h0: number, h1: number): boolean {
    const bits = this.#pairHashes ?? this.#makePairHashes();
    const b = Math.imul((h0 << 16) | h1, 0x9e3779b1) >>> this.#pairShift;
    return (bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  #makePairHashes(): Int32Array {
    const pairs: number[] = [];
    for (const [k0, n0] of this.#root.next ?? []) {
      const h0 = keyHash(k0);
      for (const k1 of n0.next?.keys() ?? []) pairs.push((h0 << 16) | keyHash(k1));
    }
    // some 16 bits a pair keep collisions few; at least 1024 bits
    let log = 10;
    while (1 << log < pairs.length * 16 && log < 24) log++;
    this.#pairShift = 32 - log;
    const bits = new Int32Array((1 << log) / 32);
    for (const p of pairs) {
      const b = Math.imul(p, 0x9e3779b1) >>> this.#pairShift;
      bits[b >>> 5]! |= 1 << (b & 31);
    }
    return (this.#pairHashes = bits);
  }

  /** Values of the phrase equal to `phrase` (case-insensitive), ignoring `exact` marks. */
  lookup(phrase: string): T[] {
    let at: Node<T> | undefined = this.#root;
    for (const k of phraseKeys(phrase)) at = at?.next?.get(k);
    return at && at !== this.#root ? (at.entries ?? []).map((e) => e.value) : [];
  }
}

export { keyOf };
