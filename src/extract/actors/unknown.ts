/**
 * Proper names the dictionary does not know ("People's Anti-Fascist Front", "Mohammad Sadiq"):
 * a run of capitalised words, its kind read from its head word. Whether such a name becomes an
 * actor is decided later, by whether it does or says something.
 */
import type { ActorKind } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import type { Word } from "../../nlp/words.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext } from "../context.js";

const JOINERS = wordClass("name-joiners");
const NOT_NAMES = wordClass("not-actor-names");
export const TITLE_WORDS = wordClass("person-titles");
/** Words that begin place names ("North", "Upper"). */
const DIRECTIONS = wordClass("place-directions");
/** "Kouri village", "Zamzam camp": nouns that make the name before them a place. */
const SETTLEMENTS = wordClass("settlement-nouns");
/** "the Dera Ki Gali forest", "the Pir Panjal range": nouns of nature that make the name before them a place. */
const LANDFORMS = wordClass("landform-nouns");
/** "Rockets hit Sderot": arms a sentence opens with name no people. */
const WEAPONS = wordClass("weapon-nouns");

/** Words that begin names ("New America", "Free Syrian Army") even before a name the dictionary knows. */
const NAME_OPENERS = wordClass("name-opening-words");

/** Head words of names of texts, plans and events, which are no actors. */
const THINGS = wordClass("thing-name-heads");

/** Head words of organisation names and the kind they give, tried in this order ("group" is an armed group's before a firm's). */
const HEADS: [ReadonlySet<string>, ActorKind][] = (["military", "police", "intelligence", "government", "armed_group", "political_party", "media", "business", "ngo", "civilians"] as const)
  .map((kind): [ReadonlySet<string>, ActorKind] => [wordClass(`name-heads-${kind.replace("_", "-")}`), kind]);
const capitalised = (w: Word) => {
  const c = w.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w.text);
};
/** Kinds of the bodies whose units an ordinal names ("33rd Front", "5th Brigade"). */
const UNITS: ReadonlySet<ActorKind> = new Set(["military", "armed_group", "police"]);

/** The kind an organisation's head word gives its name ("Union" a union's, "Front" an armed group's), or null. */
export function organisationHead(key: string): ActorKind | null {
  for (const [heads, kind] of HEADS) if (kind !== "civilians" && heads.has(key)) return kind;
  return null;
}

/** An unknown proper name starting at word i, or null. */
export function unknownName(ctx: DocContext, i: number, limit: number, isPlace: (start: number, end: number) => boolean,
  isEventWord: (key: string) => boolean, isKnownBody: (k: number) => boolean = () => false): { last: number; kind: ActorKind } | null {
  const { words, a } = ctx;
  const w = words[i] as Word;
  // "the 33rd Front", "the 10th Mountain Division": an ordinal opens the name of a unit
  const c0 = w.text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && /^\d+(?:st|nd|rd|th)$/.test(w.text)) {
    const next = words[i + 1];
    if (!next || i + 1 >= limit || a.text.slice(w.end, next.start) !== " ") return null;
    const unit = unknownName(ctx, i + 1, limit, isPlace, isEventWord, isKnownBody);
    return unit && UNITS.has(unit.kind) ? unit : null;
  }
  if (!capitalised(w) || NOT_NAMES.has(w.key) || /^\d/.test(w.text)) return null;
  const tok = a.tokens[w.token] as Token;
  const sentence = a.sentences[tok.sentence];
  const initial = sentence && sentence.first === w.token;
  // "Prosper Avril resigned", "Lt. Gen. Prosper Avril": a capitalised word a tagger reads as a verb,
  // opening a sentence or after a title, before a proper noun, is a first name
  const next = words[i + 1];
  const firstName = tok.pos === "VERB" && next !== undefined && i + 1 < limit && capitalised(next) &&
    (a.tokens[next.token] as Token).pos === "PROPN" && /^\s$/.test(a.text.slice(w.end, next.start)) &&
    (initial || (words[i - 1] !== undefined && TITLE_WORDS.has((words[i - 1] as Word).key)));
  if (tok.pos !== "PROPN" && !(tok.pos === "NOUN" && !initial) && !firstName) return null;
  let last = i + 1;
  while (last < limit) {
    const n = words[last] as Word;
    const nt = a.tokens[n.token] as Token;
    // a name runs over spaces, hyphens and apostrophes only: "(", "," or a quote ends it,
    // unless the quote holds a nickname between the names ('Ismael "El Mayo" Zambada')
    if (!/^[\s'’-]*$/.test(a.text.slice((words[last - 1] as Word).end, n.start))) {
      const after = nicknameEnd(ctx, last, limit);
      if (after < 0) break;
      last = after;
      continue;
    }
    // "Alleged ADF rebels", "Yesterday ADF fighters": a word capitalised only as it opens the
    // sentence is no name with the body the dictionary knows after it
    if (initial && last === i + 1 && !NAME_OPENERS.has(w.key) && !DIRECTIONS.has(w.key) && isKnownBody(last)) return null;
    if (capitalised(n) && !NOT_NAMES.has(n.key) && (nt.pos === "PROPN" || nt.pos === "NOUN" || nt.pos === "ADJ")) { last++; continue; }
    const after = words[last + 1];
    if (JOINERS.has(n.key) && after && capitalised(after) && !NOT_NAMES.has(after.key) && last + 1 < limit) { last += 2; continue; }
    break;
  }
  if (isPlace(w.start, (words[last - 1] as Word).end)) return null;
  // "attacked Malam Fatori town", "in Kouri village": a settlement the gazetteer lacks
  if ((SETTLEMENTS.has(words[last]?.key ?? "") || LANDFORMS.has(words[last]?.key ?? "")) && /^\s+$/.test(a.text.slice((words[last - 1] as Word).end, words[last]?.start ?? 0))) return null;
  // "(East Gojjam, Amhara)": a division the gazetteer lacks, in an address that ends with a known place
  const end = (words[last - 1] as Word).end;
  const nextWord = words[last];
  if (/\($/.test(a.text.slice(Math.max(0, w.start - 2), w.start).trim()) && nextWord && /^,\s*$/.test(a.text.slice(end, nextWord.start)) &&
    isPlace(nextWord.start, nextWord.end)) return null;
  // "North Kashmir", "Upper Egypt": a direction before a place names a part of that place
  if (DIRECTIONS.has(w.key) && last - i >= 2 && isPlace((words[i + 1] as Word).start, (words[last - 1] as Word).end)) return null;
  // "Union of Teachers", "Front for the Liberation of Mozambique": the head is before "of" or "for"
  const joint = words.slice(i + 1, last).findIndex((x) => x.key === "of" || x.key === "for");
  const head = (words[joint >= 0 ? i + joint : last - 1] as Word).key;
  // "Free Trade Agreement", "Security Act": a name of a text or a plan acts in no event
  if (THINGS.has(head)) return null;
  for (const [heads, kind] of HEADS) if (heads.has(head)) return { last, kind };
  // a person: two or three capitalised words, or one after a title ("President Ruto")
  const prev = words[i - 1];
  const joined = words.slice(i, last).some((x) => x.key === "of" || x.key === "for" || x.key === "and");
  if (last - i >= 2 && last - i <= 4 && !joined) return { last, kind: "person" };
  if (prev && TITLE_WORDS.has(prev.key)) return { last, kind: "person" };
  // "Kurds", "Tamils", "Rohingyas": a people named in the plural
  // but "Clashes in Tripoli leave 8 dead": a headline's capital on an event noun makes no people
  if (last - i === 1 && /^\p{Lu}\p{Ll}{2,}s$/u.test(w.text) && tok.pos === "PROPN" && !isEventWord(w.key) && !WEAPONS.has(w.key)) return { last, kind: "civilians" };
  return null;
}

/**
 * The word after the name that follows a quoted nickname opening at word `k` ('Joaquín "El Chapo"
 * Guzmán': k is "El"), or -1 when the quote is no nickname between two names.
 */
function nicknameEnd(ctx: DocContext, k: number, limit: number): number {
  const { words, a } = ctx;
  if (!/^\s["“]$/.test(a.text.slice((words[k - 1] as Word).end, (words[k] as Word).start))) return -1;
  for (let j = k; j < limit && j < k + 3; j++) {
    const w = words[j] as Word;
    if (!capitalised(w)) return -1;
    const gap = a.text.slice(w.end, words[j + 1]?.start ?? w.end);
    if (/^\s$/.test(gap)) continue;
    const next = words[j + 1];
    return /^["”]\s$/.test(gap) && next && j + 1 < limit && capitalised(next) ? j + 2 : -1;
  }
  return -1;
}
