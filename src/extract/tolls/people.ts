/**
 * Who a toll counts: nouns for people ("soldier", "civilians", "Palestinians"), and one person
 * named or described without a number ("a police officer", "IRGC spokesperson Ali Naini",
 * "his wife").
 */
import type { Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";

/** Lemmas of nouns for a person: "killed a commander and two of his guards" counts the commander. */
const PERSON = wordClass("person-nouns");
/** Words of PERSON that name more than one. */
const PLURAL = wordClass("plural-person-nouns");
/** Nouns for a group: "a family is killed" gives no count. */
const GROUP = wordClass("group-nouns");

/**
 * True when the phrase [a, b) names one thing that can die without saying who: "a 25-year-old
 * courier", "the driver" — an article or possessive with a singular noun that is no group.
 */
export function oneOfSomething(tokens: Token[], a: number, b: number): boolean {
  const first = tokens[a];
  if (!first || !ONE.has(first.lower) || first.lower === "another") return false;
  const nouns = tokens.slice(a + 1, b).filter((t) => t.pos === "NOUN" || t.pos === "PROPN");
  const head = nouns[nouns.length - 1];
  return head !== undefined && head.lower === head.lemma && !GROUP.has(head.lemma) && !PLURAL.has(head.lower) && !/s$/.test(head.lower);
}

/** Possessives and articles that make "his wife", "a soldier", "the commander" one person. */
const ONE = wordClass("one-person-determiners");

/** True when token t is a noun for people: "soldiers", "civilian", "Palestinians", "others". */
export function isPersonNoun(t: Token | undefined): boolean {
  if (!t) return false;
  if (PERSON.has(t.lemma) || PERSON.has(t.lower)) return true;
  // plural demonyms and peoples: "Palestinians", "Israelis", "Yemenis", "Sudanese"
  return /^\p{Lu}/u.test(t.text) && /(ans|is|ese|ers)$/.test(t.text);
}

/** True when t is a person noun in the singular ("soldier", not "soldiers"; "others" is never one). */
export function isSingularPerson(t: Token | undefined): boolean {
  return Boolean(t && PERSON.has(t.lower) && !PLURAL.has(t.lower));
}

/**
 * One person at token j: "a (senior) commander", "his wife", "another", "an Israeli" — an
 * article or possessive with a singular person noun within three tokens, or a capitalised
 * word standing alone after "a"/"an". Returns the tokens used, or null.
 */
export function onePersonAt(tokens: Token[], j: number, to: number): number | null {
  const t = tokens[j];
  if (!t || !ONE.has(t.lower)) return null;
  // "another" alone: "one is killed and another injured"; "another 20" is a count, read elsewhere
  if (t.lower === "another" && !/^(NUM)$/.test(tokens[j + 1]?.pos ?? "")) {
    const next = tokens[j + 1];
    if (!next || !["NOUN", "PROPN", "ADJ", "NUM"].includes(next.pos) || isSingularPerson(next)) return 1;
  }
  for (let k = j + 1; k < Math.min(to, j + 6); k++) {
    const w = tokens[k] as Token;
    if (isSingularPerson(w)) return k - j + 1;
    // "a security officer", "an aid worker": nouns before the person noun name its trade
    if (!["ADJ", "NOUN", "PROPN", "ADV"].includes(w.pos) && w.text !== "-" && !(w.pos === "VERB" && /ed$/.test(w.lower))) break;
  }
  // "an Israeli", "a Palestinian": a demonym standing for a person
  const next = tokens[j + 1];
  const after = tokens[j + 2];
  if ((t.lower === "a" || t.lower === "an") && next && /^\p{Lu}/u.test(next.text) && (!after || ["PUNCT", "ADP", "CCONJ", "VERB", "AUX"].includes(after.pos))) return 2;
  return null;
}
