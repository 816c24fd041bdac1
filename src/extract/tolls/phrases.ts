/**
 * The count a toll word governs. After a transitive verb the count is its object ("killing at
 * least 26 Palestinians"); before a passive or intransitive one, its subject ("Seven guerrillas
 * are killed", "An Israeli soldier from the Golani Brigade is killed", "Six people, including
 * two children, have been killed"). Counts joined by "and" add up ("12 soldiers and three
 * civilians"); a subset after "including" or "of whom" is never added.
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { add, betweenAt, headCountAt, qualify, type Bound } from "./numbers.js";
import { isPersonNoun, isSingularPerson, oneOfSomething, onePersonAt } from "./people.js";

/** Words that may stand between a toll verb and its count: "killing at least", "kills all". */
const BEFORE_COUNT = new Set(["at", "least", "more", "than", "over", "up", "to", "nearly", "almost", "about", "around", "some", "approximately", "roughly", "an", "estimated", "all", "another", "upwards", "of", "a", "further", "additional", "as", "many"]);
/** Words opening a remark on a subset: ", including two children,". */
const SUBSET = new Set(["including", "among", "mostly", "mainly", "most", "many", "all", "of"]);
/** Of those, the words that open a subset remark even without a comma: "Eight civilians including five children". */
const ALWAYS_SUBSET = new Set(["including", "among", "mostly", "mainly"]);
/** Words inside a subject noun phrase besides nouns, adjectives, numbers and determiners. */
const IN_PHRASE = new Set(["of", "from", "in", "at", "least", "more", "than", "up", "to", "and", "-", "'s", "’s", "another", "other", "others", "all", "some", "nearly", "almost", "over", "about", "around"]);
const PHRASE_POS = new Set(["DET", "NUM", "ADJ", "NOUN", "PROPN"]);

/** A count at j: a number, "between 30 and 40", or one person ("a commander"). */
function countAt(tokens: Token[], j: number, to: number): { value: Bound; end: number } | null {
  const b = betweenAt(tokens, j);
  if (b) return { value: b, end: j + 4 };
  const n = headCountAt(tokens, j);
  if (n) return { value: qualify(tokens, j, n), end: j + n.used };
  const one = onePersonAt(tokens, j, to);
  return one ? { value: { low: 1, high: 1 }, end: j + one } : null;
}

/** Words joining one more victim to a count: "and", "along with", "as well as", "together with". */
function joinerAt(tokens: Token[], k: number): number {
  const w = (i: number): string => (tokens[k + i] as Token | undefined)?.lower ?? "";
  if (w(0) === "and") return 1;
  if ((w(0) === "along" || w(0) === "together") && w(1) === "with") return 2;
  if (w(0) === "as" && w(1) === "well" && w(2) === "as") return 3;
  return 0;
}

/**
 * Counts after the first joined by "and" add up while the phrase goes on: "a commander and two
 * of his guards", "Ali Rahimi along with his wife and three children", names listed with commas.
 * "five people, two of them children" names a subset and adds nothing.
 */
function addJoined(tokens: Token[], from: number, to: number, first: Bound, stop: (t: Token) => boolean): Bound {
  let total = first;
  // names listed with commas only right after a name: "Ivo Brask, Tomas Verin and …"
  let afterName = nameEnd(tokens, from - 2, from) === from;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    // "kill five soldiers, including a major, and seven insurgents": over the subset to the next count
    const remark = t.text === "," && ALWAYS_SUBSET.has(tokens[k + 1]?.lower ?? "") ? remarkEnd(tokens, k + 1, to) : null;
    if (remark !== null && joinerAt(tokens, remark + 1) > 0) { k = remark; continue; }
    const join = joinerAt(tokens, k);
    const listed = t.text === "," && afterName ? nameEnd(tokens, k + 1, to) : null;
    if (!join && listed === null) {
      if ([".", ";", ",", ":"].includes(t.text) || t.pos === "VERB" || t.pos === "AUX" || stop(t)) break;
      afterName = false;
      continue;
    }
    const n = listed !== null ? { value: { low: 1, high: 1 }, end: listed } : victimAt(tokens, k + join, to);
    if (!n) break;
    if (tokens[n.end]?.lower === "of" && /^(them|whom|those)$/.test(tokens[n.end + 1]?.lower ?? "")) break;
    total = add(total, n.value);
    afterName = listed !== null || nameEnd(tokens, k + join, to) === n.end;
    k = n.end - 1;
  }
  return total;
}

/** The comma closing a subset remark that opens at j (", including a child,"), or null. */
function remarkEnd(tokens: Token[], j: number, to: number): number | null {
  for (let k = j + 1; k < Math.min(to, j + 12); k++) {
    const t = tokens[k] as Token;
    if (t.text === ",") return k;
    if ([".", ";", ":"].includes(t.text) || t.pos === "VERB" || t.pos === "AUX") return null;
  }
  return null;
}

/** A count or a named person at j. */
function victimAt(tokens: Token[], j: number, to: number): { value: Bound; end: number } | null {
  const n = countAt(tokens, j, to);
  if (n) return n;
  const e = nameEnd(tokens, j, to);
  return e === null ? null : { value: { low: 1, high: 1 }, end: e };
}

/**
 * The object count after a transitive toll verb at k: "killing at least 12 people", "kills
 * Hezbollah commander Ali Tabatabai" (one), "killing 12 soldiers and three civilians" (15).
 */
export function countAfter(tokens: Token[], k: number, to: number, stop: (t: Token) => boolean): Bound | null {
  for (let j = k + 1; j < Math.min(to, k + 6); j++) {
    const t = tokens[j] as Token;
    const n = countAt(tokens, j, to);
    if (n) return addJoined(tokens, n.end, to, n.value, stop);
    // "kills a rancher", "killing Ali Rahimi, …": what a killing verb takes is someone
    const end = phraseEnd(tokens, j, to);
    if (j === k + 1 && oneOfSomething(tokens, j, end)) return addJoined(tokens, end, to, { low: 1, high: 1 }, stop);
    // "killed Vel Brigade commanders Ivo Brask and Tomas Verin": names after their titles
    const named = nameEnd(tokens, j, to);
    if (named !== null && tokens.slice(k + 1, j).every((w) => w.pos !== "NUM" && w.pos !== "DET")) return addJoined(tokens, named, to, { low: 1, high: 1 }, stop);
    // "kills Hezbollah commander Ali Tabatabai", "killing the group's leader"
    if (isSingularPerson(t) && tokens.slice(k + 1, j).every((w) => ["PROPN", "ADJ", "PART", "NOUN"].includes(w.pos) || w.lower === "the")) return { low: 1, high: 1 };
    // "kills opposition councillor …": a noun before another noun names the trade
    const modifier = t.pos === "NOUN" && ["NOUN", "PROPN"].includes(tokens[j + 1]?.pos ?? "");
    if (!BEFORE_COUNT.has(t.lower) && !modifier && t.pos !== "ADJ" && t.pos !== "PROPN" && t.pos !== "DET" && t.pos !== "PART") return null;
  }
  return null;
}

/** "critically injured", "unarmed": adverbs and past participles inside a noun phrase. */
const participle = (t: Token): boolean => t.pos === "ADV" || (t.pos === "VERB" && /ed$/.test(t.lower));

/** The end of the noun phrase starting at j: its nouns, adjectives and determiners. */
function phraseEnd(tokens: Token[], j: number, to: number): number {
  let e = j;
  while (e < to && (PHRASE_POS.has((tokens[e] as Token).pos) || (tokens[e] as Token).text === "-" || participle(tokens[e] as Token))) e++;
  return e;
}

/** The end of a person's name at j: two or more capitalised words, then the end of the phrase ("Ali Rahimi, the …"); or null. */
function nameEnd(tokens: Token[], j: number, to: number): number | null {
  let e = j;
  while (e < to && (tokens[e] as Token).pos === "PROPN" && /^\p{Lu}/u.test((tokens[e] as Token).text)) e++;
  const after = tokens[e];
  return e - j >= 2 && (!after || [",", ".", ";", "("].includes(after.text) || ["ADP", "CCONJ", "VERB", "AUX"].includes(after.pos)) ? e : null;
}

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
