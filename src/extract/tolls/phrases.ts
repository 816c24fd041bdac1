/**
 * The count after a transitive toll verb: its object ("killing at least 26 Palestinians",
 * "kills opposition councillor Mara Delk"). Counts joined by "and" add up ("12 soldiers and
 * three civilians"); a subset after "including" or "of whom" is never added. The count before a
 * passive or intransitive one is read in subject.ts.
 */
import type { Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import { add, betweenAt, headCountAt, qualify, type Bound } from "./numbers.js";
import { isSingularPerson, oneOfSomething, onePersonAt } from "./people.js";

/** Words that may stand between a toll verb and its count: "killing at least", "kills all". */
const BEFORE_COUNT = wordClass("before-count-words");
/** Words opening a remark on a subset even without a comma: "Eight civilians including five children". */
export const ALWAYS_SUBSET = wordClass("always-subset");
/** "an unknown number of", "a number of": an untold quantity. */
const VAGUE = wordClass("vague-quantity-nouns");
export const PHRASE_POS = new Set(["DET", "NUM", "ADJ", "NOUN", "PROPN"]);

/** A count at j: a number, "between 30 and 40", or one person ("a commander"). */
export function countAt(tokens: Token[], j: number, to: number): { value: Bound; end: number } | null {
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
      // "a commander of the Iran-backed militia and two guards": a hyphenated participle is an adjective
      const adjective = t.pos === "VERB" && tokens[k - 1]?.text === "-";
      if ([".", ";", ",", ":"].includes(t.text) || (t.pos === "VERB" && !adjective) || t.pos === "AUX" || stop(t)) break;
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
    // "killed an unknown number of civilians": some, how many untold
    if (j === k + 1 && VAGUE.has(tokens[end - 1]?.lower ?? "") && tokens[end]?.lower === "of") return { low: 1, high: null };
    if (j === k + 1 && oneOfSomething(tokens, j, end)) return addJoined(tokens, end, to, { low: 1, high: 1 }, stop);
    // "killed Vel Brigade commanders Ivo Brask and Tomas Verin": names after their titles
    const named = nameEnd(tokens, j, to);
    if (named !== null && tokens.slice(k + 1, j).every((w) => w.pos !== "NUM" && w.pos !== "DET")) return addJoined(tokens, named, to, { low: 1, high: 1 }, stop);
    // "kills Hezbollah commander Ali Tabatabai", "killing the group's leader"
    if (isSingularPerson(t) && tokens.slice(k + 1, j).every((w) => ["PROPN", "ADJ", "PART", "NOUN"].includes(w.pos) || w.lower === "the")) return { low: 1, high: 1 };
    // "kills opposition councillor …": a noun before another noun names the trade
    const modifier = t.pos === "NOUN" && ["NOUN", "PROPN"].includes(tokens[j + 1]?.pos ?? "");
    // quotation marks: killed "more than 20 officials"
    const quote = /^["“”'‘’]$/.test(t.text);
    if (!BEFORE_COUNT.has(t.lower) && !modifier && !quote && t.pos !== "ADJ" && t.pos !== "PROPN" && t.pos !== "DET" && t.pos !== "PART") return null;
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
export function nameEnd(tokens: Token[], j: number, to: number): number | null {
  if (j < 0) return null;
  let e = j;
  while (e < to && tokens[e]?.pos === "PROPN" && /^\p{Lu}/u.test((tokens[e] as Token).text)) e++;
  const after = tokens[e];
  return e - j >= 2 && (!after || [",", ".", ";", "("].includes(after.text) || ["ADP", "CCONJ", "VERB", "AUX"].includes(after.pos)) ? e : null;
}
