/**
 * Finding place names: capitalised token runs matched against the gazetteer, longest first,
 * with the facts about each match that the resolver weighs (what stands before and after it).
 */
import type { GazEntry, Gazetteer } from "../../rules/gazetteer.js";
import { normaliseName } from "../../rules/gazetteer.js";
import { wordClass } from "../../rules/lexicon.js";

/** A token; `end` leaves out a possessive 's that `fullEnd` keeps. */
export interface Token { start: number; end: number; fullEnd: number; text: string; word: boolean }

/** A matched name and its surroundings. `start`/`end` are UTF-16 offsets of the name as written. */
export interface Mention {
  start: number;
  end: number;
  key: string;
  entries: readonly GazEntry[];
  /** The word before, lowercased ("in", "near"), or "" at a sentence start or after punctuation. */
  before: string;
  /** The first word of its sentence. */
  sentenceStart: boolean;
  /** In a dateline ("KABUL, March 4 (Reuters) -"). */
  dateline: boolean;
  /** A generic division word follows ("Kunar Province", "Dallas County"): lowercased, or "". */
  generic: string;
  /** Where the name and its generic word end. */
  genericEnd: number;
  /** Capitalised words that follow in the same name ("Police", "Times"), lowercased. */
  after: string[];
  /** It ends a longer name: a capitalised non-place word, a title or "University of" before it. */
  leftName: boolean;
  /** The name it ends is an institution's ("University of Calgary"). */
  institution: boolean;
  /** The word right after it, lowercased, or "". */
  nextWord: string;
  /** The mention right before, separated by one space only ("John Lubbock"), or null. */
  prev: Mention | null;
  /** "Bissau-Guinean": the capitalised word glued after it by a hyphen, lowercased, or "". */
  hyphenated: string;
  /** The mention right after ", " ("Rockville, Maryland"), filled in by {@link recognise}. */
  next: Mention | null;
  /** It is the {@link next} of the mention before, after a comma ("Bama, Houet"): the division that one lies in, or the next of a list. */
  afterComma: boolean;
  /** Found only by its folded spelling ("Khan Younis" for "Khān Yūnis"): weaker evidence. */
  folded: boolean;
}

// Words, initialisms ("U.S.", "D.C."), numbers, single punctuation. A trailing 's is split off
// below so "Afghanistan's" yields "Afghanistan".
const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;

export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  let k = 0;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13)) {
      k++;
      continue;
    }
    let start = k;
    let end = asciiTokenEnd(text, k);
    if (end < 0) {
      // Something outside ASCII: the pattern itself finds the token (after any Unicode space).
      TOKEN.lastIndex = k;
      const m = TOKEN.exec(text);
      if (!m) break;
      start = m.index;
      end = start + m[0].length;
    }
    k = end;
    const s = text.slice(start, end);
    const word = startsWithLetter(s);
    // "Afghanistan's" is the name "Afghanistan"; the whole stays one token so that
    // "People's Republic of China" still reads as one name.
    const n = s.length;
    const possessive = word && n >= 3 && s.charCodeAt(n - 1) === 115 /* s */ && (s[n - 2] === "'" || s[n - 2] === "’");
    out.push({ start, end: possessive ? end - 2 : end, fullEnd: end, text: possessive ? s.slice(0, n - 2) : s, word });
  }
  return out;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The UTF-16 code at `j`, or 0 past the end. */
const codeAt = (text: string, j: number): number => (j < text.length ? text.charCodeAt(j) : 0);

/**
 * Where the token starting at `k` (not a space) ends, as TOKEN would match it, when that token
 * and the character after it are ASCII; -1 otherwise, for TOKEN to decide.
 */
function asciiTokenEnd(text: string, k: number): number {
  const c = codeAt(text, k);
  if (c >= 128) return -1;
  if (isDigit(c)) {
    let j = k + 1;
    while (isDigit(codeAt(text, j))) j++;
    return codeAt(text, j) >= 128 ? -1 : j;
  }
  if (!isLetter(c)) return k + 1;
  // "U.S.": two or more capitals, each with its full stop
  if (isUpper(c) && codeAt(text, k + 1) === 46) {
    let j = k;
    while (isUpper(codeAt(text, j)) && codeAt(text, j + 1) === 46) j += 2;
    if (codeAt(text, j) >= 128) return -1;
    if (j >= k + 4) return j;
  }
  // a word, and its parts after apostrophes ("Sana'a", "People's")
  let j = k + 1;
  while (isLetter(codeAt(text, j)) || isDigit(codeAt(text, j))) j++;
  for (;;) {
    const d = codeAt(text, j);
    if (d >= 128) return -1;
    if (d !== 39 || !isLetter(codeAt(text, j + 1))) return codeAt(text, j + 1) >= 128 && d === 39 ? -1 : j;
    j += 2;
    while (isLetter(codeAt(text, j))) j++;
  }
}

/** `/^\p{L}/u`, without the regular expression for ASCII. */
function startsWithLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^\p{L}/u.test(s);
}

/** Lowercase words allowed inside a name ("Gulf of Aden", "Port-au-Prince", "Rio de Janeiro"). */
const CONNECTORS = wordClass("place-name-connectors");
/** Abbreviations whose full stop belongs to the name ("St. Marc", "Ft. Worth"). */
const NAME_ABBREVIATIONS = wordClass("place-name-abbreviations");
/** Abbreviations whose full stop does not end a sentence. */
const NON_FINAL = wordClass("non-final-abbreviations");
/** Capitalised words that start sentences or headlines without being part of a name. */
export const FUNCTION_WORDS = wordClass("place-function-words");
/** Words that begin names ("North Kivu", "Upper Nile") as well as phrases. */
const DIRECTIONS = wordClass("place-directions");
/** "Mid-Jutland", "Trans-Dniester": prefixes that keep a hyphenated name a place. */
const PREFIXES = new Set([...DIRECTIONS, ...wordClass("place-prefixes")]);
/** Arabic articles written in lowercase before a name ("al-Mawasi", "el-Fasher"). */
const ARTICLES = wordClass("arabic-articles");
/** Titles before a person's name. */
const TITLES = wordClass("name-titles");
/** "X of <place>" names an institution, not the place ("University of Calgary"). */
const INSTITUTIONS = wordClass("institution-words");
export const GENERIC_WORDS = wordClass("division-words");

/** Division words that mark a division in lowercase too; "city" and "area" do not ("Kabul city"). */
const LOWER_GENERIC_WORDS = wordClass("lowercase-division-words");

const major = (e: GazEntry): boolean => e.kind !== "city" && e.kind !== "admin2" || e.population >= 1_000_000;
const isCapitalised = (t: Token): boolean => {
  if (!t.word) return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.text);
};
const isAllCaps = (t: Token): boolean => t.word && t.text.length > 1 && !hasLowercase(t.text);

/** `/\p{Ll}/u.test(s)`, without the regular expression while `s` is ASCII. */
function hasLowercase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) return /\p{Ll}/u.test(s);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** What stands between two names of one list: ", ", " and ", ", and ", " or ". */
const LIST = /^(?:,? (?:and|or) |, )$/;

/** Dateline ranges: capitals at the start of the text or a line, before a comma, "(" or a dash. */
function datelines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Capitals of any script ("BOGOTÁ", "SÃO PAULO"), not only ASCII ones.
  const re = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu} .'’\-\/]*[\p{Lu}.])(?=[ \t]*(?:,|\(|—|–|-[ \t]))/gu;
  for (const m of text.matchAll(re)) {
    const s = m.index + m[0].length - (m[1]?.length ?? 0);
    out.push([s, s + (m[1]?.length ?? 0)]);
  }
  return out;
}

function sentenceStartAt(tokens: Token[], i: number, text: string): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  const tok = tokens[i];
  if (tok && /\n/.test(text.slice(prev.fullEnd, tok.start))) return true;
  if (/^[!?:;"“”(\[]$/.test(prev.text)) return true;
  if (prev.text === ".") {
    const before = tokens[i - 2];
    return !(before && before.end === prev.start && NON_FINAL.has(before.text));
  }
  return false;
}

const NO_ENTRIES: readonly GazEntry[] = [];

interface Match { j: number; entries: readonly GazEntry[]; key: string; folded: boolean }

/** Capitalised words and division words ("Masisi territory") an unknown place's name may run over. */
const UNKNOWN_NAME_WORDS = 4;

/**
 * "in Masisi, North Kivu", "near Bulo Marer, Lower Shabelle": a division after a comma that
 * follows a place the gazetteer does not hold places that place, and shares the word before it,
 * as names of a list do. `comma` is the comma's token; returns that word lowercased, or "".
 */
function unknownPlaceBefore(tokens: Token[], comma: number, text: string, lastMatchEnd: number): string {
  if (tokens[comma]?.text !== ",") return "";
  let named = 0;
  let k = comma - 1;
  for (; k >= 0 && comma - k <= UNKNOWN_NAME_WORDS; k--) {
    const t = tokens[k]!;
    const next = tokens[k + 1]!;
    // "Tal Afar (Tal Afar, Ninewa)": a bracket after a word places what comes before it
    if (t.text === "(" && named > 0 && t.fullEnd === next.start && tokens[k - 1]?.word) return "(";
    // one name: words one space apart, on one line
    if (!t.word || next.start - t.fullEnd > 1 || /\n/.test(text.slice(t.fullEnd, next.start))) return "";
    if (isCapitalised(t)) named++;
    else if (!LOWER_GENERIC_WORDS.has(t.text.toLowerCase())) break;
  }
  const word = tokens[k];
  // a place the gazetteer holds opens a list that places the rest ("in Goma, North Kivu")
  // "the Department of Public Health, Michael Sicilia": "of" ties a name to what it belongs to
  if (named === 0 || !word?.word || isCapitalised(word) || word.text === "of" || tokens[comma - 1]!.end === lastMatchEnd) return "";
  return word.text.toLowerCase();
}

/** Scans `text` for gazetteer names, longest match first, left to right. */
export function recognise(text: string, gaz: Gazetteer): Mention[] {
  const tokens = tokenise(text);
  const dl = datelines(text);
  const inDateline = (t: Token): boolean => dl.some(([s, e]) => t.start >= s && t.end <= e);
  const maxSpan = gaz.maxWords * 2 + 1;
  const mentions: Mention[] = [];
  let lastMatchEnd = -1;

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!isCapitalised(first)) continue;
    // Only the look-ups that may find a name beginning with this word are made: most capitalised
    // words begin none. A possessive's longer runs are read with its 's ("People's Republic").
    const starts = gaz.nameStart(first.text);
    const startsFull = first.fullEnd > first.end ? gaz.nameStart(text.slice(first.start, first.fullEnd)) : starts;
    const mayName = starts.name || startsFull.name;
    const mayFold = starts.folded || startsFull.folded;
    if (!starts.exact && !mayName && !mayFold) continue;
    // "The US", "In Kabul": a name never starts with a function word ("The Hague" is keyed "hague").
    const low = first.text.toLowerCase();
    if (FUNCTION_WORDS.has(low) && !DIRECTIONS.has(low)) continue;
    const dateline = inDateline(first);
    let best: Match | null = null;
    let bestFolded: Match | null = null;
    let mixed = false;
    for (let j = i; j < tokens.length && j - i < maxSpan; j++) {
      const t = tokens[j]!;
      const prev = tokens[j - 1];
      // a name runs on over one space at most, never over a line break (gaps are whitespace)
      if (j > i && prev && (t.start - prev.fullEnd > 1 || (t.start > prev.fullEnd && text.charCodeAt(prev.fullEnd) === 10))) break;
      if (!t.word) {
        const glued = prev && prev.fullEnd === t.start;
        if (t.text === "-" || t.text === "&") continue;
        if (t.text === "." && glued && prev && NAME_ABBREVIATIONS.has(prev.text)) continue;
        break;
      }
      if (!isCapitalised(t)) {
        if (j > i && CONNECTORS.has(t.text)) continue;
        break;
      }
      if (!isAllCaps(t) || dateline) mixed = true;
      const surface = j === i ? first.text : text.slice(first.start, t.end);
      const exact = starts.exact ? gaz.lookupExact(surface) : NO_ENTRIES;
      if (exact.length > 0) { best = { j, entries: exact, key: surface, folded: false }; continue; }
      // Capitals alone outside a dateline are acronyms ("UN", "ISIS"), matched only through
      // `exact`; "DR Congo" mixes them with a name and is looked up.
      if (!mixed || (!mayName && !mayFold)) continue;
      const key = normaliseName(surface);
      const found = mayName ? gaz.lookup(key) : NO_ENTRIES;
      if (found.length > 0) best = { j, entries: found, key, folded: false };
      else if (mayFold && !GENERIC_WORDS.has(key) && !FUNCTION_WORDS.has(key)) {
        // another spelling of a name held ("Khan Younis", "Kostiantynivka")
        const folded = gaz.lookupFolded(key);
        if (folded.length > 0) bestFolded = { j, entries: folded, key, folded: true };
      }
    }
    if (bestFolded && (!best || bestFolded.j > best.j)) best = bestFolded;
    if (!best) continue;
    // "Beersheba, Southern Israel": a direction alone before a name is part of how that name is
    // placed, not a division called "Southern"
    const following = tokens[best.j + 1];
    if (best.j === i && DIRECTIONS.has(low) && following !== undefined && following.start - first.fullEnd <= 1 && isCapitalised(following) &&
      !GENERIC_WORDS.has(following.text.toLowerCase())) continue;

    const last = tokens[best.j]!;
    // "US$460 million", "HK$": a currency, not a place.
    if (text[last.fullEnd] === "$") { i = best.j; continue; }
    // "in al-Mawasi": a lowercase article glued before the name belongs to it
    const article = tokens[i - 1]?.text === "-" && tokens[i - 1]!.start === first.start - 1 && tokens[i - 2] !== undefined &&
      tokens[i - 2]!.fullEnd === first.start - 1 && ARTICLES.has(tokens[i - 2]!.text) ? 2 : 0;
    const prevTok = tokens[i - 1 - article];
    const sentenceStart = sentenceStartAt(tokens, i - article, text);
    const nameStart = article ? tokens[i - 2]!.start : first.start;
    const adjacent = prevTok !== undefined && nameStart - prevTok.fullEnd <= 1 && !/\n/.test(text.slice(prevTok.fullEnd, nameStart));
    // "Maru (Zamfara)", "Kamituga (Mwenga, Sud-Kivu)": a name in brackets after a word places what comes before it
    const bracketed = prevTok?.text === "(" && adjacent && (tokens[i - 2 - article]?.word ?? false);
    const division = best.entries.some((e) => e.kind !== "city");
    const before = prevTok && (prevTok.word || bracketed) && adjacent ? prevTok.text.toLowerCase()
      : division ? unknownPlaceBefore(tokens, i - 1, text, lastMatchEnd) : "";
    // A capitalised word just before, itself not a place nor capitalised only for opening its
    // sentence, makes this the tail of another name ("Kerry-Ann Hamilton", "Islamic State
    // Khorasan"); so does a title ("Mr. Clawson") or an institution ("University of Calgary").
    const prevWord = (k: number): string => (tokens[k]?.word ? tokens[k]!.text : "");
    const titled = TITLES.has(prevWord(i - 1)) || (prevTok?.text === "." && TITLES.has(prevWord(i - 2)));
    const institution = prevWord(i - 1) === "of" && INSTITUTIONS.has(prevWord(i - 2).toLowerCase());
    // "Oke-Ode": the tail of a hyphenated name that is not a place itself.
    const compound = !article && prevTok?.text === "-" && prevTok.start === first.start - 1 &&
      (tokens[i - 2]?.word ?? false) && tokens[i - 2]!.fullEnd === prevTok.start && tokens[i - 2]!.end !== lastMatchEnd &&
      !PREFIXES.has(tokens[i - 2]!.text.toLowerCase());
    const leftName = titled || institution || compound || (!sentenceStart && !dateline && prevTok !== undefined && adjacent &&
      isCapitalised(prevTok) && prevTok.end !== lastMatchEnd && prevTok.end === prevTok.fullEnd &&
      !FUNCTION_WORDS.has(prevTok.text.toLowerCase()) &&
      // A word capitalised only for opening its sentence ("Current Hong Kong law") is no name,
      // but before a town it more likely is ("Delcy Rodríguez said").
      !(sentenceStartAt(tokens, i - 1, text) && best.entries.some(major)));
    const nextTok = tokens[best.j + 1];
    const afterHyphen = tokens[best.j + 2];
    const hyphenated = nextTok?.text === "-" && nextTok.start === last.fullEnd && afterHyphen !== undefined &&
      afterHyphen.start === nextTok.end && isCapitalised(afterHyphen) ? afterHyphen.text.toLowerCase() : "";
    const nextWord = nextTok && nextTok.word && nextTok.start - last.fullEnd <= 1 ? nextTok.text.toLowerCase() : "";
    let generic = "";
    let genericEnd = last.end;
    const after: string[] = [];
    // "Hong Kong's Health Secretary": after a possessive, what follows is another name.
    for (let k = best.j + 1; k < tokens.length && after.length < 3 && last.fullEnd === last.end; k++) {
      const t = tokens[k]!;
      const p = tokens[k - 1]!;
      if (t.start - p.fullEnd > 1) break;
      const low = t.text.toLowerCase();
      // "Helmand province", "the Somme region": news writes the division word in lowercase too.
      if (after.length === 0 && generic === "" && (isCapitalised(t) ? GENERIC_WORDS : LOWER_GENERIC_WORDS).has(low)) {
        generic = low; genericEnd = t.end; continue;
      }
      if (!isCapitalised(t)) break;
      after.push(low);
    }
    // "The Hague", "The Gambia": the article belongs to the name as written.
    const start = prevTok !== undefined && /^the$/i.test(prevTok.text) && adjacent &&
      best.entries.some((e) => /^the /i.test(e.name)) ? prevTok.start : nameStart;
    const m: Mention = { start, end: last.end, key: best.key, entries: best.entries, before,
      sentenceStart, dateline, generic, genericEnd, after, leftName, institution, nextWord, prev: null, hyphenated,
      next: null, afterComma: false, folded: best.folded };
    mentions.push(m);
    lastMatchEnd = last.end;
    i = best.j;
  }
  // "Rockville, Maryland", "Poonch district of Jammu and Kashmir": the second name places the first.
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    const between = text.slice(a.genericEnd, b.start);
    // "Maru (Zamfara)", "Kamituga (Mwenga, Sud-Kivu)": a name in brackets places the one before it too
    if (/^(?:,\s?| ?\()$/.test(between) || (a.generic !== "" && /^ (?:of|in) (?:the )?$/.test(between))) a.next = b;
    if (/^,\s?$/.test(between)) b.afterComma = true;
    if (text.slice(a.end, b.start) === " ") b.prev = a;
  }
  // "in Nuseirat, Bureij and Beit Lahia": the names of a list share the word before the first
  for (let k = 1; k < mentions.length; k++) {
    const a = mentions[k - 1]!;
    const b = mentions[k]!;
    if (a.before !== "" && LIST.test(text.slice(a.genericEnd, b.start))) b.before = a.before;
  }
  return mentions;
}
