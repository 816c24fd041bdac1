/**
 * The count before a passive or intransitive toll word: its subject ("Seven guerrillas are
 * killed", "An Israeli soldier from the Golani Brigade is killed", "Six people, including two
 * children, have been killed", "Nine guards, three drivers and 14 raiders are killed").
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { add, headCountAt, type Bound } from "./numbers.js";
import { isPersonNoun, isSingularPerson, oneOfSomething, onePersonAt } from "./people.js";
import { ALWAYS_SUBSET, countAt, PHRASE_POS } from "./phrases.js";

/** Words opening a remark on a subset: ", including two children,", ", most of them women,". */
const SUBSET = new Set([...ALWAYS_SUBSET, "most", "many", "all", "of"]);
/** Words inside a subject noun phrase besides nouns, adjectives, numbers and determiners. */
const IN_PHRASE = new Set(["of", "from", "in", "at", "least", "more", "than", "up", "to", "and", "-", "'s", "’s", "another", "other", "others", "all", "some", "nearly", "almost", "over", "about", "around"]);

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
    if (t.text === ",") {
      // look left, over phrase words and commas, for ", including" opening the remark this comma closes
      let c = q - 1;
      while (c > s.first && (inPhraseAt(tokens, c) || (tokens[c] as Token).text === ",") && !(ALWAYS_SUBSET.has((tokens[c] as Token).lower) && (tokens[c - 1] as Token).text === ",")) c--;
      // "Ali Rahimi, a commander of the unit, is killed": an appositive after a name
      const opening = leftComma(tokens, s, q);
      if (opening !== null && tokens[opening - 1]?.pos === "PROPN" && !ALWAYS_SUBSET.has((tokens[opening + 1] as Token).lower)) {
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
    if (t.lower === "he" || t.lower === "she") q--;
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
    // only people add up: "50 drones and 3 people are killed" counts 3
    const people = tokens.slice(a, b).some((t) => isPersonNoun(t)) || tokens[b - 1]?.pos === "NUM";
    if (total === null) {
      if (found) total = found;
      else if (singular && oneNamed(tokens, a, b)) total = { low: 1, high: 1 };
      // "Two members of Hamas and Islamic Jihad": a conjunct naming no one belongs to the phrase before it
      else if (people) return null;
    } else if (found && people) total = add(total, found);
    else break;
  }
  return total;
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
