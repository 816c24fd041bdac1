/**
 * The modality of an event from the words before its trigger, within its clause: negated
 * ("did not attack", "denied carrying out"), hypothetical ("could", "if"), future ("will",
 * "plans to"), historical (past perfect "had halted"), else asserted.
 */
import type { Modality } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";

const NEGATORS = wordClass("negators");
const DENIALS = wordClass("denial-verbs");
const HYPOTHETICAL = wordClass("hypothetical-words");
const FUTURE_AUX = wordClass("future-auxiliaries");
const FUTURE_LEMMAS = wordClass("future-verbs");
const FUTURE_MODIFIERS = wordClass("future-modifiers");
/** Reporting verbs: "said it had arrested 14" is the past of the report (backshift), not background. */
const REPORTING = wordClass("modality-reporting-verbs");
/** Nouns between a denial and its clause: "rejected reports that …", "denied allegations that …". */
const DENIED_NOUNS = wordClass("denied-nouns");
const BOUNDARY = wordClass("modality-boundaries");

/** Modality of the trigger spanning tokens [first, …) in sentence s; `carrier` is its light verb. */
export function modalityOf(tokens: Token[], s: Sentence, first: number, carrier: number | null): Modality {
  // "denied carrying out the attack", "denied any role in the attack"
  if (carrier !== null && DENIALS.has((tokens[carrier] as Token).lemma)) return "negated";
  // "planned an attack on the base": the act is yet to come
  if (carrier !== null && FUTURE_LEMMAS.has((tokens[carrier] as Token).lemma) && !NEGATORS.has(tokens[carrier - 1]?.lower ?? "")) return "future";
  const start = Math.min(first, carrier ?? first);
  if (deniedClause(tokens, s, start)) return "negated";
  // "a planned visit", "the upcoming talks": the noun's own modifier, before any determiner
  for (let k = start - 1; k >= s.first && k >= start - 2; k--) {
    const t = tokens[k] as Token;
    if (FUTURE_MODIFIERS.has(t.lower)) return "future";
    if (t.pos !== "ADJ" && t.pos !== "NOUN") break;
  }
  let sawTo = false;
  for (let k = start - 1; k >= s.first && k >= start - 7; k--) {
    const t = tokens[k] as Token;
    if (BOUNDARY.has(t.lower) || t.text === "," && k < start - 2) break;
    // "not just terrorise … but also": no negation
    if (NEGATORS.has(t.lower) && !/^(just|only|merely|simply)$/.test(tokens[k + 1]?.lower ?? "")) return "negated";
    if (DENIALS.has(t.lemma) || DENIALS.has(t.lower)) return "negated";
    // "may" the modal, not "May" the month
    if (HYPOTHETICAL.has(t.lower) && (t.text !== "May" || t.pos === "AUX")) return "hypothetical";
    if (t.lower === "to") sawTo = true;
    if (FUTURE_AUX.has(t.lower)) return t.lower === "would" ? "hypothetical" : "future";
    if (sawTo && FUTURE_LEMMAS.has(t.lemma)) return "future";
    if (t.lower === "had" && (k === start - 1 || (tokens[k + 1] as Token).pos === "ADV")) return reported(tokens, s, k) ? "asserted" : "historical";
  }
  return "asserted";
}

/**
 * True when the clause holding token `start` is what someone denies: "denied that its troops
 * shelled …", "rejected reports that soldiers had killed …". The clause runs back to its "that".
 */
function deniedClause(tokens: Token[], s: Sentence, start: number): boolean {
  for (let k = start - 1; k >= s.first && k >= start - 12; k--) {
    const t = tokens[k] as Token;
    if (t.lower !== "that") {
      if (BOUNDARY.has(t.lower)) return false;
      continue;
    }
    let v = k - 1;
    if (v >= s.first && DENIED_NOUNS.has((tokens[v] as Token).lower)) v--;
    const verb = tokens[v];
    return v >= s.first && verb !== undefined && (DENIALS.has(verb.lemma) || DENIALS.has(verb.lower));
  }
  return false;
}

/** True when a reporting verb comes before token k in its sentence ("the army said it had …"). */
function reported(tokens: Token[], s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= s.first; j--) {
    const t = tokens[j] as Token;
    if ((t.pos === "VERB" && REPORTING.has(t.lemma)) || /^(said|alleged|claimed|reported|told|added|confirmed|announced)$/.test(t.lower)) return true;
  }
  return false;
}
