/**
 * Sentences, tokens, parts of speech and lemmas over wink-nlp, with the UTF-16 offset of every
 * token: wink-nlp keeps no character offsets, so they are recovered here by walking the text.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

export interface Token {
  /** [start, end) UTF-16 offsets of the token in the text. */
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  lower: string;
  /** Lemma (lowercase base form) from wink-nlp. */
  lemma: string;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADP, DET, NUM, PUNCT, ...). */
  pos: string;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Tokens [first, last) of the sentence. */
  first: number;
  last: number;
  /** Index of the paragraph (blank-line separated block) holding the sentence. */
  paragraph: number;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

// Tagging only: wink-nlp's own sentence splitter ("sbd") is not asked for, since sentences are
// split below from the tokens and the line breaks (the tagger does not read sentences).
const nlp = winkNLP(model, ["pos"]);
const its = nlp.its;

/**
 * Tokenise, tag and split `text`; every token satisfies `text.slice(start, end) === token.text`.
 * `abbreviations` are the lowercase abbreviations whose full stop does not end a sentence
 * (the lexicon's "abbreviations" class).
 */
export function analyze(text: string, abbreviations: ReadonlySet<string>): AnalyzedText {
  // wink-nlp splits a word at a letter beyond Latin-1 ("Erdo|ğ|an", "Adomavi|č|ius"): it reads a
  // copy where each such letter is its base letter, of the same length, so offsets still hold
  const read = WIDE_LETTER.test(text) ? text.replace(WIDE_LETTERS, baseLetter) : text;
  const doc = nlp.readDoc(read);
  // three whole-collection reads: wink-nlp's `out` maps a collection in one tight loop, far cheaper
  // than visiting tokens one by one (`each` builds an item object per token)
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as Parameters<typeof all.out>[0]) as string[];
  const same = read === text;
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    const c = value.charCodeAt(0);
    // line breaks come through as tokens of their own; the sentence splitter reads the gaps instead.
    // A token starting with a visible ASCII character (most) is not blank without trimming it.
    if (!(c > 32 && c < 127) && value.trim() === "") continue;
    // Step over the blanks before the token first: a token not starting with one cannot be found
    // earlier, so this is where `indexOf` would find it, without searching.
    let at = cursor;
    if (c > 32) while (read.charCodeAt(at) <= 32) at++;
    if (!read.startsWith(value, at)) at = read.indexOf(value, at);
    // wink-nlp may normalise a token (rare); keep the offsets monotone and skip what isn't found.
    if (at < 0) continue;
    cursor = at + value.length;
    const written = same ? value : text.slice(at, cursor);
    const lower = written.toLowerCase();
    const lemma = written === value ? lemmas[i] ?? value : written;
    tokens.push({
      start: at, end: cursor, text: written, lower,
      lemma: lemma === written ? lower : lemma.toLowerCase(), pos: pos[i] ?? "X", sentence: 0,
    });
  }
  return { text, tokens, sentences: splitSentences(text, tokens, abbreviations) };
}

/** Letters past Latin-1 in the Basic Multilingual Plane ("ğ", "č", "Ł", "ș"). */
const WIDE_LETTER = /[\u0100-\uffff]/;
const WIDE_LETTERS = /[\u0100-\uffff]/g;
/** The letter without its marks when that is one ASCII letter ("ğ" → "g"), else "x"; other characters as they are. */
function baseLetter(c: string): string {
  if (!/\p{L}/u.test(c)) return c;
  const base = c.normalize("NFKD")[0] ?? "x";
  return /[A-Za-z]/.test(base) ? base : c === c.toUpperCase() && c !== c.toLowerCase() ? "X" : "x";
}

/** Sentence boundaries: wink-nlp's splitter misses line breaks, so breaks at newlines are added. */
function splitSentences(text: string, tokens: Token[], abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let first = 0;
  const close = (last: number) => {
    if (last <= first) return;
    const a = tokens[first];
    const b = tokens[last - 1];
    if (!a || !b) return;
    for (let k = first; k < last; k++) (tokens[k] as Token).sentence = sentences.length;
    sentences.push({ start: a.start, end: b.end, first, last, paragraph });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (prev) {
      let nl = prev.end;
      while (nl < t.start && text.charCodeAt(nl) !== 10) nl++;
      if (nl < t.start) {
        close(i);
        if (/\n\s*\n/.test(text.slice(nl, t.start))) paragraph++;
      }
    }
    if (isSentenceEnd(t, tokens[i + 1], abbreviations)) close(i + 1);
  }
  close(tokens.length);
  return sentences;
}

function isSentenceEnd(t: Token, next: Token | undefined, abbreviations: ReadonlySet<string>): boolean {
  if (!next) return false;
  // only a token ending in a stop can end a sentence: most are rejected on their last character
  const last = t.text.charCodeAt(t.text.length - 1);
  if (last !== 46 && last !== 63 && last !== 33) return false;
  const endsWithStop = t.text === "." || t.text === "?" || t.text === "!" ||
    (t.text.endsWith(".") && t.text.length > 1 && !abbreviations.has(t.lower) && !/^[A-Z]\.$/.test(t.text));
  if (endsWithStop) return /^[A-Z"“‘'(0-9]/.test(next.text);
  // a closing quote after a stop: "... ended." She said
  if ((t.text === "\"" || t.text === "”") && next && /^[A-Z]/.test(next.text)) return false;
  return false;
}
