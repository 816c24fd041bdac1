/**
 * The extractor's closed word classes (data/patterns/lexicon.json): prepositions that end a
 * subject, verbs of speech, words that never name a place, ... Each class is a set of lowercase
 * words (or marks, or abbreviations written with their case) that the engine tests tokens against.
 *
 * The engine's modules take their classes once, as module constants, when they are imported:
 * a class name the file lacks fails at load, not silently at the first document. The file is
 * therefore the package's own (data/patterns/lexicon.json), read once per thread, whatever data
 * folder an extractor is later given.
 *
 * @example
 * const TIME_LINKS = wordClass("time-links");
 * if (TIME_LINKS.has(token.lower)) ...
 */
import { readFileSync } from "node:fs";
import { DataError } from "../core/index.js";

export interface Lexicon {
  /** Every class the file defines, in file order. */
  readonly names: readonly string[];
  /** The names asked for so far through {@link Lexicon.wordClass}. */
  readonly asked: ReadonlySet<string>;
  /** The words of one class; throws a DataError naming the file and the class when there is none. */
  wordClass(name: string): ReadonlySet<string>;
}

/** Class names read as the file's keys are written: kebab-case. */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function checkClass(file: string, name: string, raw: unknown): ReadonlySet<string> {
  if (!NAME.test(name)) throw new DataError(file, `word class "${name}": name is not kebab-case`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new DataError(file, `word class "${name}": expecting {"note", "words"}`);
  }
  const { note, words, ...rest } = raw as { note?: unknown; words?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new DataError(file, `word class "${name}": unknown field "${extra}"`);
  if (typeof note !== "string" || note.trim() === "") throw new DataError(file, `word class "${name}": expecting a "note" string`);
  if (!Array.isArray(words) || words.length === 0) throw new DataError(file, `word class "${name}": expecting a non-empty "words" array`);
  const bad = words.findIndex((w) => typeof w !== "string" || w === "" || w !== w.trim());
  if (bad >= 0) throw new DataError(file, `word class "${name}": word ${bad + 1} is not a trimmed, non-empty string (${JSON.stringify(words[bad])})`);
  return new Set(words as string[]);
}

/** Check the text of a lexicon file (`file` names it in errors) and index its classes. */
export function parseLexicon(file: string, text: string): Lexicon {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DataError(file, (e as Error).message, { cause: e });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new DataError(file, "expecting an object of word classes");
  }
  // JSON keeps the last of two keys alike: a class written twice would lose its first words unseen
  const seen = new Set<string>();
  for (const [, name] of text.matchAll(/"([^"\\]+)"\s*:\s*\{/g)) {
    if (seen.has(name as string)) throw new DataError(file, `word class "${name}" is defined twice`);
    seen.add(name as string);
  }
  const classes = new Map<string, ReadonlySet<string>>();
  for (const [name, raw] of Object.entries(data)) classes.set(name, checkClass(file, name, raw));
  const asked = new Set<string>();
  return {
    names: [...classes.keys()],
    asked,
    wordClass(name: string): ReadonlySet<string> {
      const words = classes.get(name);
      if (words === undefined) throw new DataError(file, `no word class "${name}"`);
      asked.add(name);
      return words;
    },
  };
}

/** Read and check a lexicon file. */
export function loadLexicon(file: URL): Lexicon {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DataError(file.pathname, (e as Error).message, { cause: e });
  }
  return parseLexicon(file.pathname, text);
}

const SHIPPED = new URL("../../data/patterns/lexicon.json", import.meta.url);
let shipped: Lexicon | null = null;

/** The package's own lexicon, read on first use (each worker thread reads its own). */
export function lexicon(): Lexicon {
  shipped ??= loadLexicon(SHIPPED);
  return shipped;
}

/** The words of a class of the package's lexicon. */
export function wordClass(name: string): ReadonlySet<string> {
  return lexicon().wordClass(name);
}
