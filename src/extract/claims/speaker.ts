/**
 * Where the speaker of a reporting verb is written: the noun phrase before it ("An official,
 * speaking on condition of anonymity, said"), over time phrases and auxiliaries ("India's foreign
 * ministry on Thursday rejected"), over asides set off by commas ("X, a researcher at Y, said"),
 * through a relative pronoun ("Mondlane, who says"); or after it ("…, said Laila Hamdan, a …").
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";

export type Range = [number, number];

/** Is token k inside an actor's name ("Save the Children": no verb there)? */
export type InName = (k: number) => boolean;

export interface SpeakerSpan {
  /** The subject noun phrase proper, tokens [first, last). */
  core: Range;
  /** Asides and appositions around it ("a security analyst at …", "who spoke on condition …"). */
  asides: Range[];
  /** "he", "she", "it", "they" when the speaker is a pronoun. */
  pronoun: string | null;
}

/** The verb continues a clause whose subject is elsewhere ("… confirmed the attack but said …"). */
export const CONTINUES = "continues";

const HARD = wordClass("speaker-hard-breaks");
const SOFT = wordClass("speaker-soft-breaks");
const RELATIVE = wordClass("speaker-relatives");
const PRONOUNS = wordClass("speaker-pronouns");
const TIME_HEAD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|afternoon|evening|yesterday|today|overnight|earlier|later|previously|also|again|repeatedly|separately|jointly|publicly|privately|recently|already|now|then|once|\d+|jan\.?|feb\.?|march|april|may|june|july|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?|january|february|august|september|october|november|december|time|day|alone|too)$/;
const TIME_LEAD = /^(on|last|this|late|early|in|at|the|a|earlier|same|that|separately|,)$/;

const tok = (tokens: Token[], k: number) => tokens[k] as Token;

/** Where the verb group before token v starts, over auxiliaries, adverbs and time phrases. */
export function verbGroupStart(tokens: Token[], s: Sentence, v: number): number {
  let j = v - 1;
  while (j >= s.first) {
    const t = tok(tokens, j);
    if (t.pos === "AUX" || t.pos === "ADV" && !RELATIVE.has(t.lower) || t.lower === "not" || t.lower === "n't" || TIME_HEAD.test(t.lower) && t.lower !== "may") { j--; continue; }
    if (TIME_LEAD.test(t.lower) && t.text !== "," && j < v - 1 && TIME_HEAD.test(tok(tokens, j + 1).lower)) { j--; continue; }
    break;
  }
  return j + 1;
}

/** The speaker before the verb group that starts at g; CONTINUES after "and"/"but"; null if none. */
export function speakerBefore(tokens: Token[], s: Sentence, g: number, named: InName = () => false): SpeakerSpan | typeof CONTINUES | null {
  const prev = tokens[g - 1];
  if (!prev || g <= s.first) return null;
  if (prev.lower === "and" || prev.lower === "but" || prev.lower === "or") return CONTINUES;
  const segs = segments(tokens, s, g);
  const s0 = segs[0] as Range;
  if (s0[1] > s0[0]) {
    const cut = lastSoft(tokens, s0, named);
    if (cut >= 0) {
      const core: Range = [cut + 1, s0[1]];
      const word = tok(tokens, cut).lower;
      if (core[1] > core[0]) return subjectOk(tokens, core, false, named) ? span(tokens, core, []) : null;
      // "Mondlane, who says": the relative pronoun stands for the phrase before its comma
      if (RELATIVE.has(word) && tok(tokens, cut - 1)?.text === "," && segs[1]) {
        const ante = phraseBefore(tokens, segs[1]);
        return ante ? span(tokens, ante, [[cut, cut + 1]]) : null;
      }
      return word === "and" || word === "but" ? CONTINUES : null;
    }
    if (!asideLike(tokens, s0)) return withList(tokens, segs, s0, named);
    // "…, with heavy clashes reported": an absolute phrase; its noun is no speaker's
    if (/^(with|amid|after|despite)$/.test(tok(tokens, s0[0]).lower)) return null;
  }
  // ", said": the phrase before the comma is an aside when a subject stands before it
  const asides: Range[] = s0[1] > s0[0] ? [s0] : [];
  for (let i = 1; i < segs.length && i <= 3; i++) {
    const seg = segs[i] as Range;
    const before = segs[i + 1];
    if (before && nounPhrase(tokens, before, named) && (asides.length < 2 || asideLike(tokens, seg))) { asides.push(seg); continue; }
    return nounPhrase(tokens, seg, named) ? span(tokens, seg, asides) : null;
  }
  return null;
}

/** The speaker after an inverted verb ("…," said X, a …), up to the end of the clause. */
export function speakerAfter(tokens: Token[], s: Sentence, v: number): SpeakerSpan | null {
  const before = tokens[v - 1];
  if (!before || !(before.text === "," || /^["”’]$/.test(before.text))) return null;
  const first = tokens[v + 1];
  if (!first || first.lower === "that" || PRONOUNS.has(first.lower) && v + 2 < s.last && tok(tokens, v + 2).pos === "VERB") return null;
  if (first.pos === "VERB" || first.pos === "ADP" || first.pos === "AUX") return null;
  let end = v + 1;
  while (end < s.last && !/^[.;"“”]$/.test(tok(tokens, end).text) && end < v + 30) end++;
  let coreEnd = v + 1;
  while (coreEnd < end && tok(tokens, coreEnd).text !== "," && !RELATIVE.has(tok(tokens, coreEnd).lower) && tok(tokens, coreEnd).lower !== "whose") {
    // "…, said the attackers had been trained": a reported clause, not a speaker
    const t = tok(tokens, coreEnd);
    if ((t.pos === "VERB" || t.pos === "AUX") && tok(tokens, coreEnd - 1).text !== "-") return null;
    coreEnd++;
  }
  if (coreEnd === v + 1) return null;
  const asideStart = tok(tokens, coreEnd)?.text === "," ? coreEnd + 1 : coreEnd;
  return span(tokens, [v + 1, coreEnd], asideStart < end ? [[asideStart, end]] : []);
}

/** Comma-separated stretches before token g, nearest first, back to the clause's hard start. */
function segments(tokens: Token[], s: Sentence, g: number): Range[] {
  const out: Range[] = [];
  let end = g;
  for (let n = 0; n < 5; n++) {
    let k = end - 1;
    while (k >= s.first && tok(tokens, k).text !== "," && !HARD.has(tok(tokens, k).text)) {
      // "(ENDF)": a parenthesis belongs to the phrase it follows
      if (tok(tokens, k).text === ")") while (k > s.first && tok(tokens, k).text !== "(") k--;
      k--;
    }
    out.push([k + 1, end]);
    if (k < s.first || tok(tokens, k).text !== ",") break;
    end = k;
  }
  return out;
}

/** The last subordinator, relative pronoun or finite verb inside r, or -1. */
function lastSoft(tokens: Token[], r: Range, named: InName): number {
  for (let k = r[1] - 1; k >= r[0]; k--) {
    const t = tok(tokens, k);
    if (SOFT.has(t.lower) && !(t.lower === "and" && k > r[0] && k < r[1] - 1 && coordinatesNouns(tokens, k))) return k;
    if ((t.pos === "VERB" || t.pos === "AUX") && !/(ed|en|ing)$/.test(t.lower) && k > r[0] && tokens[k - 1]?.text !== "-" && !named(k)) return k;
  }
  return -1;
}

/** The noun phrase that ends a stretch: "… was backed by deputy minister X" → "deputy minister X". */
function phraseBefore(tokens: Token[], r: Range): Range | null {
  let k = r[1] - 1;
  while (k >= r[0] && ["PROPN", "NOUN", "ADJ", "DET", "NUM"].includes(tok(tokens, k).pos) || k >= r[0] && /^('s|-|\.)$/.test(tok(tokens, k).text)) k--;
  return k + 1 < r[1] ? [k + 1, r[1]] : null;
}

/** "The US and British embassies", "residents and health workers": "and" inside a noun phrase. */
function coordinatesNouns(tokens: Token[], k: number): boolean {
  const a = tok(tokens, k - 1);
  const b = tok(tokens, k + 1);
  const nominal = (t: Token) => ["NOUN", "PROPN", "ADJ", "NUM", "DET"].includes(t.pos) || t.text === "." || t.text === ")";
  return nominal(a) && nominal(b);
}

/** Starts like an aside: a participle, a preposition, a relative pronoun. */
function asideLike(tokens: Token[], r: Range): boolean {
  const t = tok(tokens, r[0]);
  return t.pos === "ADP" || t.pos === "VERB" && t.text === t.lower || RELATIVE.has(t.lower) || t.lower === "whose" || t.lower === "also" || t.lower === "speaking";
}

/** A subject-like phrase: has a noun or name, no finite verb, does not open with a preposition. */
function nounPhrase(tokens: Token[], r: Range, named: InName = () => false): boolean {
  if (r[1] <= r[0] || r[1] - r[0] > 14) return false;
  const first = tok(tokens, r[0]);
  // "Shipping industry sources", "Save the Children": a capital verb form may open a name
  if (first.pos === "ADP" || first.pos === "SCONJ" || first.pos === "AUX" || first.pos === "VERB" && first.text === first.lower) return false;
  let noun = false;
  for (let k = r[0]; k < r[1]; k++) {
    const t = tok(tokens, k);
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON" || t.pos === "NUM" || named(k)) noun = true;
    if ((t.pos === "VERB" || t.pos === "AUX") && !/(ed|en|ing)$/.test(t.lower) && tokens[k - 1]?.text !== "-" && !named(k)) return false;
  }
  return noun;
}

/** "Save the Children, the Norwegian Refugee Council and CARE said": a list ending in s0. */
function withList(tokens: Token[], segs: Range[], s0: Range, named: InName): SpeakerSpan | null {
  let first = s0[0];
  const hasAnd = tokens.slice(s0[0], s0[1]).some((t) => t.lower === "and");
  for (let i = 1; hasAnd && i < segs.length; i++) {
    const seg = segs[i] as Range;
    const words = tokens.slice(seg[0], seg[1]);
    if (seg[1] - seg[0] > 5 || !/^[A-Z]/.test(tok(tokens, seg[0]).text) || words.some((t) => SOFT.has(t.lower) || t.pos === "VERB" && t.lower === t.text)) break;
    first = seg[0];
  }
  const core: Range = [first, s0[1]];
  return subjectOk(tokens, core, true, named) ? span(tokens, core, []) : null;
}

/**
 * A subject phrase: a noun phrase, where a pronoun speaks alone and only where it opens its
 * clause ("He said", "…," she said), not inside one ("photographs of rifles it said").
 */
function subjectOk(tokens: Token[], core: Range, open: boolean, named: InName): boolean {
  if (!nounPhrase(tokens, core, named)) return false;
  // "This explains …", "No one has claimed …", "I don't believe …": no speaker of ours
  if (core[1] - core[0] === 1 && /^(this|that|these|those|there|which|what|who)$/.test(tok(tokens, core[0]).lower)) return false;
  if (/^(no one|nobody|none)\b/i.test(tokens.slice(core[0], core[1]).map((t) => t.text).join(" "))) return false;
  if (tokens.slice(core[0], core[1]).some((t) => /^(i|you)$/.test(t.lower))) return false;
  const pronoun = tokens.slice(core[0], core[1]).findIndex((t) => PRONOUNS.has(t.lower));
  if (pronoun < 0) return true;
  return core[1] - core[0] === 1 && open;
}

function span(tokens: Token[], core: Range, asides: Range[]): SpeakerSpan {
  const one = core[1] - core[0] === 1 ? tok(tokens, core[0]).lower : "";
  return { core, asides, pronoun: PRONOUNS.has(one) ? one : null };
}
