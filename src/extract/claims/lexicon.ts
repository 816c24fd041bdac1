/**
 * The words that mark attribution in news English: reporting verbs and the conditions some of
 * them need to be statements rather than actions ("rejected the allegation" is a statement,
 * "rejected the proposal" an act; "put the toll at 30" reports a figure), the participles that
 * attach a statement to the main clause (", saying …"), and hedging adverbs.
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";

/** Verbs that report speech or a stated view, by lemma. */
const SAY = wordClass("claim-verbs");
/** Statements only with a clause or quote after them ("announced that …", not "announced a truce"). */
const WITH_CLAUSE = wordClass("claim-verbs-with-clause");
/** Statements only about a charge ("rejected the allegation", "dismissed the claims as …"). */
const ABOUT_CHARGE = wordClass("claim-verbs-about-charge");
const CHARGES = /^(allegations?|accusations?|claims?|charges?|reports?|accounts?|assertions?|suggestions?|criticism|findings|figures?|toll|any|that|as|the|these|those|such)$/;
/** Views ascribed with "as": "Turkey regards the YPG as …". */
const REGARD = wordClass("claim-verbs-of-regard");
/** Reports of a figure: "counted 1,800", "recorded 152 killings", "put the toll at 30". */
const COUNT = wordClass("claim-verbs-of-count");
const FIGURE_VERBS = wordClass("claim-verbs-of-figure");
const FIGURES = /^(figures?|toll|tolls|number|numbers|tally|estimates?|count|total|death)$/;
/** Verbs that take their speaker after them ("…," said X; "…," X added). */
export const INVERTING = wordClass("inverting-claim-verbs");
/** ", saying …": a statement attached to the main clause's subject. */
export const PARTICIPLES = wordClass("claim-participles");
/** Adverbs that make the writer's own statement a hedged, unattributed claim. */
export const HEDGE_ADVERBS = wordClass("hedge-adverbs");
export const HEDGES = /\b(reportedly|allegedly|likely|may|might|could|possibly|probably|apparently|suspected|believed|appears?|seems?|unconfirmed|purportedly|perhaps|condition of anonymity|not authori[sz]ed|could not be (independently )?verified)\b/i;
/** Adjectives a reporting verb's past participle takes when it only describes ("reported missing"). */
const STATES = /^(missing|dead|killed|wounded|injured|kidnapped|abducted|detained|displaced|arrested|captured|held)$/;

const POSSESSIVES = wordClass("claim-noun-possessives");
const isNumber = (t: Token | undefined) => t !== undefined && (/^\d[\d,.]*$/.test(t.text) || t.pos === "NUM");

/** Is token k, a form of a reporting verb, used as one here? (not a noun, a passive or an act) */
export function reportingVerb(tokens: Token[], s: Sentence, k: number): boolean {
  const t = tokens[k] as Token;
  const verb = t.pos === "VERB" || t.pos === "AUX";
  // a verb's lemma is what lemmaOf gives it: most verbs report nothing, and are turned away first;
  // most other words are no verb form either
  if (verb && !LEMMAS.has(t.lemma)) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!verb && !verbLike(t, next, prev)) return false;
  // "the claims", "a report", "his call": nouns; "to say", "declined to say": no statement made
  if (prev && k > s.first && (prev.pos === "DET" || prev.lower === "to" || prev.text === "'s" || POSSESSIVES.has(prev.lower) ||
    prev.pos === "ADP" || prev.pos === "ADJ" && t.pos !== "VERB")) return false;
  const lemma = lemmaOf(t);
  if (!LEMMAS.has(lemma)) return false;
  if (/ing$/.test(t.lower)) return false;
  // "a man described by the army", "is said to", "was reported": passives
  if (next?.lower === "by" || passive(tokens, s, k)) return false;
  if (STATES.test(next?.lower ?? "")) return false;
  // "eight people accused of …", "a suspect charged with …": participles, the accuser unnamed
  if (/ed$/.test(t.lower) && (next?.lower === "of" || next?.lower === "with") && prev?.pos === "NOUN") return false;
  // "a faction called La Mayiza": a name given, not a statement
  if (lemma === "call" && prev?.pos === "NOUN" && prev.lower === prev.text && (next?.pos === "PROPN" || /^["“]/.test(next?.text ?? ""))) return false;
  if (SAY.has(lemma)) return true;
  const after = tokens.slice(k + 1, Math.min(s.last, k + 8));
  if (WITH_CLAUSE.has(lemma)) return after.slice(0, 5).some((x) => x.lower === "that" || /^["“:]$/.test(x.text)) || [",", "."].includes(next?.text ?? "");
  if (ABOUT_CHARGE.has(lemma)) return CHARGES.test(next?.lower ?? "") && (next?.lower !== "the" || CHARGES.test(tokens[k + 2]?.lower ?? ""));
  if (REGARD.has(lemma)) return tokens.slice(k + 1, Math.min(s.last, k + 24)).some((x) => x.lower === "as") || lemma === "consider";
  if (COUNT.has(lemma)) return after.slice(0, 3).some(isNumber);
  if (FIGURE_VERBS.has(lemma)) return after.slice(0, 4).some((x) => FIGURES.test(x.lower));
  return false;
}

/**
 * A tagger's noun or adjective that is really a verb form ("Turkey regards the YPG as …",
 * "residents alleged that …"): lowercase, inflected, and followed by what a verb takes.
 */
function verbLike(t: Token, next: Token | undefined, prev: Token | undefined): boolean {
  // every form below ends in "s", "d" or "e" ("wrote"): the last letter turns most words away before the patterns run
  const end = t.lower.charCodeAt(t.lower.length - 1);
  if (end !== 115 /* s */ && end !== 100 /* d */ && end !== 101 /* e */) return false;
  if (t.text !== t.lower || !/(s|ed|said|told|wrote)$/.test(t.lower) || /ss$/.test(t.lower)) return false;
  // "…, NetBlocks reports.": a name, then the verb ends the clause
  if (next !== undefined && /^[.,]$/.test(next.text)) return prev?.pos === "PROPN";
  return next !== undefined && (["DET", "PRON", "PROPN", "NUM"].includes(next.pos) || /^(that|["“:])$/.test(next.lower));
}

/** Every lemma {@link reportingVerb} knows. */
const LEMMAS = new Set([...SAY, ...WITH_CLAUSE, ...ABOUT_CHARGE, ...REGARD, ...COUNT, ...FIGURE_VERBS]);

/** Lemma of a reporting verb form even where the tagger calls it a noun ("Turkey regards"). */
export function lemmaOf(t: Token): string {
  if (t.pos === "VERB" || t.pos === "AUX") return t.lemma;
  if (LEMMAS.has(t.lemma)) return t.lemma;
  const bare = t.lower.replace(/(ies)$/, "y").replace(/(ed|es|s)$/, "");
  if (LEMMAS.has(bare)) return bare;
  if (LEMMAS.has(`${bare}e`)) return `${bare}e`;
  const cut = t.lower.replace(/d$/, "");
  return LEMMAS.has(cut) ? cut : t.lemma;
}

function passive(tokens: Token[], s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= s.first && j >= k - 3; j--) {
    const t = tokens[j] as Token;
    if (t.pos === "ADV") continue;
    return t.lemma === "be" && t.lower !== "'s" || t.lower === "been" || t.lower === "being";
  }
  return false;
}
