/**
 * Longest-match lookup of dictionary phrases over word units. Phrases are stored under the
 * space-joined keys of their words; a phrase marked `exact` matches only with the same letters in
 * the same case ("IS" the group, not "is" the verb).
 */
import { keyOf, phraseKeys, type Word } from "../nlp/words.js";

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

const caseKey = (s: string) => s.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");

export class PhraseMatcher<T> {
  readonly #entries = new Map<string, Entry<T>[]>();
  readonly #longest = new Map<string, number>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Add a phrase; returns false when it has no letters or digits. */
  add(phrase: string, value: T, exact = false): boolean {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return false;
    const key = keys.join(" ");
    const list = this.#entries.get(key) ?? [];
    const exactWords = exact ? phrase.split(/[-–—/\s]+|(?=['’]s\b)/).map(caseKey).filter(Boolean) : null;
    list.push({ value, exact: exactWords });
    this.#entries.set(key, list);
    const first = keys[0] as string;
    this.#longest.set(first, Math.max(this.#longest.get(first) ?? 0, keys.length));
    this.#size++;
    return true;
  }

  /** True when some phrase starts with this word key. */
  starts(key: string): boolean {
    return this.#longest.has(key);
  }

  /**
   * The longest phrase starting at word `i` and ending before word `limit`, or null.
   * `accept` may refuse a match (for example one with no capital letter).
   */
  longestAt(words: readonly Word[], i: number, limit = words.length, accept?: (first: number, last: number) => boolean): PhraseMatch<T> | null {
    const w0 = words[i];
    if (!w0) return null;
    const max = this.#longest.get(w0.key);
    if (!max) return null;
    for (let n = Math.min(max, limit - i); n >= 1; n--) {
      let key = w0.key;
      for (let k = 1; k < n; k++) key += " " + (words[i + k] as Word).key;
      const list = this.#entries.get(key);
      if (!list) continue;
      const values = list.filter((e) => !e.exact || e.exact.every((w, k) => caseKey((words[i + k] as Word).text) === w)).map((e) => e.value);
      if (values.length === 0) continue;
      if (accept && !accept(i, i + n)) continue;
      return { first: i, last: i + n, values };
    }
    return null;
  }

  /** Values of the phrase equal to `phrase` (case-insensitive), ignoring `exact` marks. */
  lookup(phrase: string): T[] {
    return (this.#entries.get(phraseKeys(phrase).join(" ")) ?? []).map((e) => e.value);
  }
}

export { keyOf };
