/**
 * Word units for dictionary matching. A token such as "al-Shabaab" or "IS-K" holds several words
 * and "'s" is a word of its own, so an alias written "Islamic State-Khorasan" or "People's Front"
 * matches the text however wink-nlp split it. Keys are lowercase ASCII letters and digits.
 */
import type { AnalyzedText, Token } from "./analyze.js";

export interface Word {
  key: string;
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** Index of the token the word belongs to. */
  token: number;
  /** {@link keyHash} of the key, computed once per word for the dictionaries' quick rejection. */
  hash?: number;
}

/**
 * A 16-bit hash of a word key. A dictionary keeps a bit per hash of the words its phrases start
 * with, so for most words of a text it says "no phrase starts here" from a bit held in cache
 * instead of a look-up in a map of thousands of keys.
 */
export function keyHash(key: string): number {
  let h = 0;
  for (let k = 0; k < key.length; k++) h = (Math.imul(h, 31) + key.charCodeAt(k)) | 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

/** Normalise one piece of text to a matching key: accents stripped, lowercase, letters and digits. */
export function keyOf(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

const SPLIT = /[-–—/\s]+|(?=['’]s\b)/;

/** The word keys of a dictionary phrase, split the way `words()` splits text. */
export function phraseKeys(phrase: string): string[] {
  return phrase.split(SPLIT).map(keyOf).filter(Boolean);
}

/**
 * {@link keyHash} of `s` lowercased when `s` is one or more ASCII letters and digits only (what
 * `/^[A-Za-z0-9]+$/` tests), else -1: the test and the hash of a plain token in one pass over it.
 */
function plainKeyHash(s: string): number {
  if (s.length === 0) return -1;
  let h = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    // `c | 32` folds A-Z onto a-z and maps nothing else there
    const lc = c | 32;
    if (lc >= 97 && lc <= 122) h = (Math.imul(h, 31) + lc) | 0;
    else if (c >= 48 && c <= 57) h = (Math.imul(h, 31) + c) | 0;
    else return -1;
  }
  return (h ^ (h >>> 16)) & 0xffff;
}

/** Word units of an analysed text, in order. */
export function words(a: AnalyzedText): Word[] {
  const out: Word[] = [];
  const tokens = a.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // Most tokens are plain ASCII words or numbers: one word whose key is the token lowercased.
    const hash = plainKeyHash(t.text);
    if (hash >= 0) {
      out.push({ key: t.lower, text: t.text, start: t.start, end: t.end, token: i, hash });
      continue;
    }
    // one ASCII character that is not plain is a mark ("," "." "("): no letter or digit, no word
    if (t.text.length === 1 && t.text.charCodeAt(0) < 128) continue;
    if (!/[\p{L}\p{N}]/u.test(t.text)) continue;
    let offset = 0;
    for (const part of t.text.split(/(?<=[^-–—/])(?=[-–—/])|(?<=[-–—/])(?=[^-–—/])/)) {
      const s = t.start + offset;
      offset += part.length;
      const key = keyOf(part);
      if (key) out.push({ key, text: part, start: s, end: s + part.length, token: i, hash: keyHash(key) });
    }
  }
  return out;
}
