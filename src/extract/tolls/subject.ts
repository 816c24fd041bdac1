/**
 * The count before a passive or intransitive toll word: its subject ("Seven guerrillas are
 * killed", "An Israeli soldier from the Golani Brigade is killed", "Six people, including two
 * children, have been killed", "Nine guards, three drivers and 14 raiders are killed").
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import { add, headCountAt, type Bound } from "./numbers.js";
import { isPersonNoun, isSingularPerson, oneOfSomething, onePersonAt } from "./people.js";
import { ALWAYS_SUBSET, countAt, nameEnd, PHRASE_POS } from "./phrases.js";

/** Words opening a remark on a subset: ", including two children,", ", most of them women,". */
const SUBSET = new Set([...ALWAYS_SUBSET, ...wordClass("subset-openers")]);
/** Words inside a subject noun phrase besides nouns, adjectives, numbers and determiners. */
const IN_PHRASE = wordClass("toll-subject-words");

/** Conjuncts of a subject phrase [from, to), right to left, leaving out subset remarks (", including two children") and the cuts. */
function conjuncts(tokens: Token[], from: number, to: number, cuts: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  const keep = (a: number, b: number): void => {
    const first = (tokens[a] as Token | undefined)?.lower ?? "";
    const afterComma = (tokens[a - 1] as Token | undefined)?.text === ",";
    if (a < b && !ALWAYS_SUBSET.has(first) && !(afterComma && SUBSET.has(first))) out.push([a, b]);
  };
  let end = to;
  for (let k = to - 1; k >= from; k--) {
    const t = tokens[k] as Token;
    const cut = cuts.find(([c0, c1]) => c0 <= k && k < c1);
    if (cut) { keep(cut[1], end); end = cut[0]; k = cut[0]; continue; }
    // "between 30 and 40 people" is one count
    if (t.lower === "and" && tokens[k - 2]?.lower === "between") continue;
    if (t.lower === "and" || t.text === ",") { keep(k + 1, end); end = k; }
    // "Eight civilians including five children": the remark has no comma of its own
    else if (ALWAYS_SUBSET.has(t.lower)) end = k;
  }
  keep(from, end);
  return out;
}

/** A word of a noun phrase, read leftwards: "Iran-backed" and "(PMF)" too. */
function inPhraseAt(tokens: Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (PHRASE_POS.has(t.pos) || IN_PHRASE.has(t.lower) || SUBSET.has(t.lower) || t.pos === "PART" || t.text === "(" || t.text === ")") return true;
  // "Iran-backed fighters", "the commanding officer": participles used as adjectives; a
  // capitalised word mistagged inside a name ("Ansar Dine fighters")
  return t.pos === "VERB" && (tokens[k - 1]?.text === "-" || tokens[k - 1]?.pos === "DET" || tokens[k - 1]?.pos === "ADV" ||
    (/^\p{Lu}/u.test(t.text) && tokens[k - 1]?.pos === "PROPN"));
}

/** True when a count starts at j: "two civilians", "a teacher", "dozens". */
const countStarts = (tokens: Token[], j: number): boolean => headCountAt(tokens, j) !== null || onePersonAt(tokens, j, j + 4) !== null;

/** The comma opening a remark that the comma at q closes, with only phrase words between; or null. */
function leftComma(tokens: Token[], s: Sentence, q: number): number | null {
  for (let c = q - 1; c > s.first && c > q - 16; c--) {
    const t = tokens[c] as Token;
    if (t.text === ",") return c;
    // "Ivo Brask, a campaigner for the protection of sea turtles, dies"
    if (!inPhraseAt(tokens, c) && t.pos !== "ADP" && !(t.pos === "VERB" && /ed$/.test(t.lower))) return null;
  }
  return null;
}

/** The comma opening ", who led the raid of October 7, 2023, …" that the comma at q closes, over commas inside it; or null. */
function relativeOpening(tokens: Token[], s: Sentence, q: number): number | null {
  for (let c = q - 1; c > s.first && c > q - 40; c--) {
    const t = tokens[c] as Token;
    if (t.text === ";" || t.text === ".") return null;
    if (t.text === "," && /^(who|which|whose)$/.test(tokens[c + 1]?.lower ?? "")) return c;
  }
  return null;
}

/**
 * The "who" or "which" opening the relative clause that holds token q, right after a noun; or
 * null. ("that" is left out: "the ministry reports that five people were killed" is no relative.)
 */
function relativeBefore(tokens: Token[], s: Sentence, q: number, end: number): number | null {
  for (let w = q; w > s.first && w > q - 15; w--) {
    const t = tokens[w] as Token;
    if ([",", ";", ".", ":"].includes(t.text)) return null;
    if (!/^(who|which)$/.test(t.lower)) continue;
    // the clause must run up to this verb group: "who were involved … are killed and two others are
    // injured" ends at "are killed", so the injured are not the ones it describes
    const ownVerbs = tokens.slice(w + 1, end).filter((x, i) => x.pos === "AUX" && i > 1).length;
    return ["NOUN", "PROPN"].includes(tokens[w - 1]?.pos ?? "") && ownVerbs === 0 ? w : null;
  }
  return null;
}

/** Where the modifiers of a toll noun begin: "an estimated six to 30 civilian casualties", "30 deaths". */
function modifiersStart(tokens: Token[], s: Sentence, end: number): number {
  let q = end - 1;
  while (q >= s.first && inPhraseAt(tokens, q) && !ALWAYS_SUBSET.has((tokens[q] as Token).lower) && (tokens[q] as Token).lower !== "and") q--;
  return q + 1;
}

/**
 * The subject phrase ending before token end: back to a verb, a clause word or a comma, stepping
 * over subset remarks set off by commas (", including nine from Ruritania and one from Vel,"),
 * which come back as cuts.
 */
function subjectPhrase(tokens: Token[], s: Sentence, end: number): { start: number; cuts: [number, number][] } {
  const cuts: [number, number][] = [];
  let q = end - 1;
  while (q >= s.first) {
    const t = tokens[q] as Token;
    // "Mohsin Atwah, 45, who is accused …, was killed": an age set off after a name counts no one
    if (t.text === "," && /^\d{1,3}$/.test(tokens[q + 1]?.text ?? "") && tokens[q - 1]?.pos === "PROPN" &&
      (tokens[q + 2]?.text === "," || cuts.some(([a]) => a === q + 2))) {
      cuts.push([q, q + 2]);
      q--;
      continue;
    }
    if (t.text === ",") {
      // look left, over phrase words and commas, for ", including" opening the remark this comma closes
      let c = q - 1;
      while (c > s.first && (inPhraseAt(tokens, c) || (tokens[c] as Token).text === ",") && !(ALWAYS_SUBSET.has((tokens[c] as Token).lower) && (tokens[c - 1] as Token).text === ",")) c--;
      // "Ali Rahimi, a commander of the unit, is killed", "Two aides, his lawyer and a driver,
      // are shot dead": an appositive after a name, or any remark closed right before the verb
      const opening = q === end - 1 ? relativeOpening(tokens, s, q) ?? leftComma(tokens, s, q) : leftComma(tokens, s, q);
      const appositive = tokens[opening === null ? -1 : opening - 1]?.pos === "PROPN" || q === end - 1;
      if (opening !== null && appositive && !ALWAYS_SUBSET.has((tokens[opening + 1] as Token).lower)) {
        cuts.push([opening, q + 1]);
        q = opening - 1;
        continue;
      }
      if (c > s.first && ALWAYS_SUBSET.has((tokens[c] as Token).lower) && (tokens[c - 1] as Token).text === ",") {
        // "killed, including a child, and 12 others are injured": the remark belongs to the clause before
        if (!inPhraseAt(tokens, c - 2)) break;
        // ", including six women, four boys, and a nurse are killed": a list's last item ends the remark
        const list = tokens.slice(c, q).some((w) => w.text === ",") && (tokens[q + 1] as Token | undefined)?.lower === "and";
        cuts.push([c - 1, list ? end : q + 1]);
        q = c - 2;
        continue;
      }
      // "Two people, including a child, are killed" read from the child's side: the comma opens the remark
      if (ALWAYS_SUBSET.has((tokens[q + 1] as Token | undefined)?.lower ?? "")) { q--; continue; }
      // "Eleven soldiers, two civilians and 22 gunmen are killed": a list of counts goes on
      // (closed by "and" before the verb; "According to a local leader, 102 people" is no list)
      const closed = tokens.slice(q + 1, end).some((w) => w.lower === "and");
      if (closed && countStarts(tokens, q + 1) && inPhraseAt(tokens, q - 1)) { q--; continue; }
      break;
    }
    // the head next to the verb, whatever its tag ("three suspects have been killed")
    if (inPhraseAt(tokens, q) || (q === end - 1 && t.pos === "VERB" && /s$/.test(t.lower))) { q--; continue; }
    // "He was stabbed to death"
    if (t.lower === "he" || t.lower === "she") { q--; break; }
    // "Three militants who took part in the raid are killed": over the relative clause to its noun
    const who = relativeBefore(tokens, s, q, end);
    if (who !== null) { cuts.push([who, end]); q = who - 1; continue; }
    break;
  }
  return { start: q + 1, cuts };
}

/**
 * The subject count before a passive or intransitive toll word whose verb group ends before
 * token end: "At least 82 Palestinians are killed", "fifteen civilians and all six attackers
 * killed" (21). With no number, a singular verb and a person make one ("A police officer is
 * shot dead", "IRGC spokesperson Ali Naini is killed"). A toll noun ("30 deaths", "six civilian
 * casualties") takes only its own modifiers.
 */
export function countBefore(tokens: Token[], s: Sentence, end: number, singular: boolean, noun = false): Bound | null {
  const { start, cuts } = noun ? { start: modifiersStart(tokens, s, end), cuts: [] } : subjectPhrase(tokens, s, end);
  if (start >= end) return null;
  let total: Bound | null = null;
  for (const [a, b] of conjuncts(tokens, start, end, cuts)) {
    let found: Bound | null = null;
    for (let j = a; j < b && !found; j++) found = countAt(tokens, j, b)?.value ?? null;
    // only people count and add up: "50 drones and 3 people are killed" counts 3; a bare number
    // ("three were killed"), "another" or a name stands for people
    const people = tokens.slice(a, b).some((t) => isPersonNoun(t) || /^(another|one|he|she)$/.test(t.lower)) ||
      tokens[b - 1]?.pos === "NUM" || numberEnds(tokens, a, b) || nameEnd(tokens, b - 2, b) === b;
    if (total === null) {
      // "the 2016 peace deal and …": a year counts no one
      if (found && (people || !yearAt(tokens, a, b))) total = found;
      // "a priest and leader of the movement … was killed": one person of two titles
      else if (singular && oneNamed(tokens, a, b)) return { low: 1, high: 1 };
      // "Two members of Hamas and Islamic Jihad": a conjunct naming no one belongs to the phrase before it
      else if (people) return null;
    } else if (found && people) total = add(total, found);
    else break;
  }
  return total;
}

/** True when the conjunct [a, b) holds a year ("the 2016 accord") and no noun for people. */
function yearAt(tokens: Token[], a: number, b: number): boolean {
  return tokens.slice(a, b).some((t) => /^(19|20)\d\d$/.test(t.text));
}

/** True when the conjunct [a, b) is a count alone ("three", "twenty - two", "a dozen"). */
function numberEnds(tokens: Token[], a: number, b: number): boolean {
  const n = headCountAt(tokens, a);
  return n !== null && a + n.used === b;
}

/** One person without a number: a singular person noun, a name, or "he"/"she". */
function oneNamed(tokens: Token[], a: number, b: number): boolean {
  const head = tokens.slice(a, b);
  const beforeOf = head.findIndex((t) => t.pos === "ADP");
  const own = beforeOf < 0 ? head : head.slice(0, beforeOf);
  if (own.some(isSingularPerson) || oneOfSomething(tokens, a, a + own.length)) return true;
  if (own.length === 1 && /^(he|she)$/.test((own[0] as Token).lower)) return true;
  // "Mara Delk", "environmentalist Mara Delk": a phrase ending in a name
  const last = own.slice(-2);
  return last.length === 2 && last.every((t) => t.pos === "PROPN" && /^\p{Lu}/u.test(t.text));
}
