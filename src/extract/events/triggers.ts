/**
 * Event triggers in a sentence: verbs whose lemma (and following words) code a PLOVER type, and
 * nouns that name an event ("the attack on", "clashes between"). A light verb with an event noun
 * as object ("carried out attacks", "launched an offensive") is one trigger, typed by the noun.
 */
import type { PloverType } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { Word } from "../../nlp/words.js";
import type { EventRules, NounRule, VerbPhrase, VerbRule } from "../../rules/events.js";
import { wordClass } from "../../rules/lexicon.js";
import { mentionAt, type DocContext } from "../context.js";

export interface Trigger {
  /** Head token of the trigger. */
  head: number;
  /** Tokens [first, last) of the trigger words. */
  first: number;
  last: number;
  type: PloverType;
  mode: string | null;
  nominal: boolean;
  twoSided: boolean;
  /** A light or reporting verb that carries the noun ("launched", "claimed", "denied"). */
  carrier: number | null;
  /** Set on a verb's phrase that disowns the act an event noun after it names ({@link VerbPhrase.disowns}). */
  disowns?: boolean;
  /** Set when the verb or phrase codes only between armed sides ({@link VerbRule.armedSides}). */
  armedSides?: boolean;
  /** Set when the verb codes only what a crowd does ({@link VerbRule.crowd}). */
  crowd?: boolean;
  /** Set on an event noun whose "of" names those who act ({@link NounRule.ofDoer}): the preposition of its target. */
  ofDoer?: string;
}

/** Verbs that only carry an event noun: their subject is the noun's actor. */
export const LIGHT_VERBS = wordClass("light-verbs");
const CLAUSE_STOP = wordClass("clause-end-marks");
const POSSESSIVE = wordClass("trigger-possessives");

function phraseMatches(tokens: Token[], from: number, to: number, after: string[]): number {
  // each word must follow within three tokens of the previous one; returns the last token + 1
  let at = from;
  for (const word of after) {
    let found = -1;
    for (let k = at; k < Math.min(to, at + 4); k++) {
      const t = tokens[k] as Token;
      if (CLAUSE_STOP.has(t.text)) break;
      if (t.lower === word || t.lemma === word) { found = k; break; }
    }
    if (found < 0) return -1;
    at = found + 1;
  }
  return at;
}

/** Per verb rule, the positions in `phrases` of the phrases starting with each word. */
const phrasesByFirst = new WeakMap<VerbRule, Map<string, number[]>>();

function byFirstWord(rule: VerbRule): Map<string, number[]> {
  const known = phrasesByFirst.get(rule);
  if (known) return known;
  const index = new Map<string, number[]>();
  rule.phrases.forEach((p, i) => {
    const first = p.after[0];
    if (first === undefined) return;
    const list = index.get(first);
    if (list) list.push(i);
    else index.set(first, [i]);
  });
  phrasesByFirst.set(rule, index);
  return index;
}

/**
 * The phrases of `rule` that may match after token `t`, in their order in the rule: those whose
 * first word is one {@link phraseMatches} can find (within four tokens, before a clause stop).
 * Some verbs have hundreds of phrases; a verb's few next words select a handful of them.
 */
function candidatePhrases(tokens: Token[], rule: VerbRule, t: number, s: Sentence): readonly number[] {
  const index = byFirstWord(rule);
  if (index.size === 0) return NONE;
  // one list found is already in order and without repeats: it is returned as it is, uncopied
  let one: number[] | null = null;
  let many: number[] | null = null;
  for (let k = t + 1; k < Math.min(s.last, t + 5); k++) {
    const tok = tokens[k] as Token;
    if (CLAUSE_STOP.has(tok.text)) break;
    for (let n = 0; n < 2; n++) {
      const list = n === 0 ? index.get(tok.lower) : tok.lemma === tok.lower ? undefined : index.get(tok.lemma);
      if (!list) continue;
      if (!one) one = list;
      else (many ??= [...one]).push(...list);
    }
  }
  if (many) return [...new Set(many)].sort((x, y) => x - y);
  return one ?? NONE;
}
const NONE: readonly number[] = [];

function verbTrigger(ctx: DocContext, rule: VerbRule, t: number, s: Sentence): Trigger | null {
  const tokens = ctx.a.tokens;
  for (const i of candidatePhrases(tokens, rule, t, s)) {
    const p = rule.phrases[i] as VerbPhrase;
    const end = phraseMatches(tokens, t + 1, s.last, p.after);
    // a phrase with no type ("fired the coach") says the verb codes nothing here
    if (end > 0 && !p.type) return null;
    if (end > 0 && p.type) {
      const trigger: Trigger = { head: t, first: t, last: end, type: p.type, mode: p.mode ?? rule.mode, nominal: false, twoSided: false, carrier: null };
      if (p.disowns) trigger.disowns = true;
      if (p.armedSides) trigger.armedSides = true;
      return trigger;
    }
  }
  if (!rule.type) return null;
  const trigger: Trigger = { head: t, first: t, last: t + 1, type: rule.type, mode: rule.mode, nominal: false, twoSided: false, carrier: null };
  if (rule.armedSides) trigger.armedSides = true;
  if (rule.crowd) trigger.crowd = true;
  return trigger;
}

/** All triggers of sentence `s`, in text order. */
export function findTriggers(ctx: DocContext, rules: EventRules, s: Sentence, wordIndex: Int32Array): Trigger[] {
  const { tokens } = ctx.a;
  const out: Trigger[] = [];
  const taken = new Uint8Array(s.last - s.first);
  // nouns first: multi-word names of events ("car bomb", "drone strike")
  for (let t = s.first; t < s.last; t++) {
    const tok = tokens[t] as Token;
    if (taken[t - s.first] || (tok.pos !== "NOUN" && tok.pos !== "PROPN" && tok.pos !== "VERB" && tok.pos !== "ADJ")) continue;
    const wi = wordIndex[t] ?? -1;
    if (wi < 0) continue;
    const m = rules.nouns.longestAt(ctx.words, wi);
    if (!m) continue;
    const lastTok = (ctx.words[m.last - 1] as Word).token + 1;
    const headTok = tokens[lastTok - 1] as Token;
    // a noun rule read as a verb ("they attack") is left to the verb rules
    if (headTok.pos === "VERB" || headTok.pos === "AUX") continue;
    if (lastTok > s.last) continue;
    const rule = m.values[0] as NounRule;
    // "the Joint Operations Command", "Operation Sindoor": an event word inside a name names no event
    if (t > s.first && /^\p{Lu}/u.test(tok.text) && tok.pos === "PROPN") { t = lastTok - 1; continue; }
    // "riot police", "protest leaders": an event word that qualifies an actor's noun names no event
    const holder = mentionAt(ctx, t);
    if (holder && holder.via === "agent" && holder.last > lastTok) { t = lastTok - 1; continue; }
    out.push({ head: lastTok - 1, first: t, last: lastTok, type: rule.type, mode: rule.mode, nominal: true, twoSided: rule.twoSided, carrier: null,
      ...(rule.ofDoer === undefined ? {} : { ofDoer: rule.ofDoer }) });
    for (let k = t; k < lastTok; k++) taken[k - s.first] = 1;
    t = lastTok - 1;
  }
  let verbSeen = false;
  /** A verb the tagger misread was read as an event's before this token. */
  let actSeen = false;
  for (let t = s.first; t < s.last; t++) {
    const tok = tokens[t] as Token;
    if (taken[t - s.first]) { verbSeen ||= tok.pos === "VERB"; continue; }
    const prev = tokens[t - 1];
    const lemma = tok.pos === "VERB" ? verbLemma(rules, tok) :
      mistaggedVerb(rules, tok, prev, tokens[t + 1], verbSeen, tokens[t + 2], verbSeen || actSeen);
    if (tok.pos === "VERB") verbSeen = true;
    if (!lemma) continue;
    const rule = rules.verbs.get(lemma);
    // a verb with no rule triggers nothing unless it carries an event noun: most are passed by here
    if (!rule && !LIGHT_VERBS.has(lemma)) continue;
    // "Iran-backed", "the outlawed group": a participle used as an adjective reports no event
    const prefixed = prev?.text === "-" && /^(re|co|pre|de|un)$/i.test(tokens[t - 2]?.text ?? "");
    if (prev && (prev.text === "-" || prev.pos === "DET") && t > s.first && !prefixed) continue;
    // "the sons of jailed kingpin X", "aid for displaced families": a participle between a preposition and its noun describes
    // "Palestinian armed groups", "Rapid Support Forces": a word inside an actor's name of several words is no verb
    const named = mentionAt(ctx, t);
    if (named && named.last - named.first > 1) continue;
    // "his alleged part": after a possessive too
    if ((prev?.pos === "ADP" || POSSESSIVE.has(prev?.lower ?? "")) && /ed$/.test(tok.lower) && ["NOUN", "PROPN"].includes(tokens[t + 1]?.pos ?? "")) continue;
    // "heavily armed men": a participle between an adverb and its noun describes; after "has"
    // ("has already imposed sanctions") it is a perfect tense
    const beforeAdverb = tokens[t - 2];
    if (prev?.pos === "ADV" && /ed$/.test(tok.lower) && ["NOUN", "PROPN", "ADJ"].includes(tokens[t + 1]?.pos ?? "") && beforeAdverb?.lemma !== "have" &&
      (!beforeAdverb || ["DET", "ADJ", "NUM", "ADP", "PUNCT", "VERB", "AUX", "CCONJ"].includes(beforeAdverb.pos))) continue;
    // "speaking on condition of anonymity to discuss …": the speaker's terms, not an event
    if (anonymityBefore(tokens, t, s.first)) continue;
    // a phrase of the verb itself wins ("denied the allegation" is a REJECT); event nouns inside it are its words
    const phrased = rule ? verbTrigger(ctx, rule, t, s) : null;
    if (phrased && phrased.last > t + 1) {
      // "denied any role in the attack": the act disowned is the event, carried by the denial
      const disowned = phrased.disowns ? out.find((n) => n.nominal && n.carrier === null && n.first >= phrased.last &&
        n.first - phrased.last <= 4 && !hasStop(tokens, phrased.last, n.first) && !tokens.slice(phrased.last, n.first).some((x) => x.pos === "VERB")) : undefined;
      if (disowned) { disowned.carrier = t; continue; }
      for (let k = out.length - 1; k >= 0; k--) {
        const n = out[k] as Trigger;
        if (n.nominal && n.first > t && n.first < phrased.last) out.splice(k, 1);
      }
      out.push(phrased);
      actSeen = true;
      continue;
    }
    // a light verb hands its subject to the event noun it governs
    if (LIGHT_VERBS.has(lemma)) {
      // the nearest light verb carries the noun: "ordered to carry out attacks" is carried by "carry"
      const noun = out.find((n) => n.nominal && n.carrier === null && n.first > t && n.first - t <= 5 && !hasStop(tokens, t, n.first) &&
        !tokens.slice(t + 1, n.first).some((x) => x.pos === "VERB"));
      if (noun) { noun.carrier = t; continue; }
    }
    if (phrased) { out.push(phrased); actSeen = true; }
  }
  return out.sort((x, y) => x.head - y.head);
}

/** True when one of the three tokens before t (from `first` on) is "anonymity". */
function anonymityBefore(tokens: Token[], t: number, first: number): boolean {
  for (let k = Math.max(first, t - 3); k < t; k++) if ((tokens[k] as Token).lower === "anonymity") return true;
  return false;
}

/** The coded lemma of a verb, seeing through a prefix wink-nlp keeps ("re-designated" → designate). */
function verbLemma(rules: EventRules, tok: Token): string {
  if (rules.verbs.has(tok.lemma)) return tok.lemma;
  // "retook": an irregular past form the lemmatiser does not know
  const listed = rules.pastForms.get(tok.lower);
  if (listed) return listed;
  // "staged", "waged": wink-nlp cuts "-ed" whole (stag, wag) where the verb ends in "e"
  if (tok.lemma.length + 2 === tok.lower.length && tok.lower.endsWith("ed")) {
    const e = `${tok.lemma}e`;
    if (rules.verbs.has(e) || LIGHT_VERBS.has(e)) return e;
  }
  // British and American spellings: "mobilised" → mobilize, "criticized" → criticise
  const other = /ise$/.test(tok.lemma) ? `${tok.lemma.slice(0, -3)}ize` : /ize$/.test(tok.lemma) ? `${tok.lemma.slice(0, -3)}ise` : "";
  if (other && rules.verbs.has(other)) return other;
  if (!tok.lemma.includes("-")) return tok.lemma;
  const w = tok.lower.slice(tok.lower.lastIndexOf("-") + 1);
  return stems(w).find((x) => rules.verbs.has(x)) ?? tok.lemma;
}

/** The stems an inflected form may have: "looted" → looted, loote, loot; "stopped" → stop. */
export function stems(w: string): string[] {
  return [w, w.slice(0, -1), w.slice(0, -2), /(.)\1ed$/.test(w) ? w.slice(0, -3) : "", /ie[ds]$/.test(w) ? `${w.slice(0, -3)}y` : ""].filter(Boolean);
}

/**
 * wink-nlp tags some past forms as adjectives or nouns ("residents alleged that", "gunmen abducted"):
 * after a subject or an auxiliary, an -ed word whose stem is a coded verb, or an irregular past
 * form a verb rule lists ("shot"), is read as that verb.
 */
/** Nouns plural in sense though not in form, which a headline's bare verb may follow ("Police fire tear gas"). */
const COLLECTIVE = wordClass("collective-nouns");

function mistaggedVerb(rules: EventRules, tok: Token, prev: Token | undefined, next: Token | undefined, verbBefore: boolean, after?: Token, actBefore = verbBefore): string | null {
  if ((tok.pos !== "ADJ" && tok.pos !== "NOUN") || !prev) return null;
  // every reading below needs an "-ed" or "-s" form, a coded verb or a listed past form: most words are none
  const end = tok.lower.charCodeAt(tok.lower.length - 1);
  if (end !== 100 /* d */ && end !== 115 /* s */ && !rules.verbs.has(tok.lower) && !rules.pastForms.has(tok.lower)) return null;
  // "residents alleged", "gunmen abducted"; in headlines also "troops advance", "Iran launches"
  // "looted the market and abducted 15 civilians": after "and", a second verb of the clause with its object
  const past = /ed$/.test(tok.lower) && (["NOUN", "PROPN", "PRON", "AUX", "ADV"].includes(prev.pos) ||
    (prev.lower === "and" && actBefore && next !== undefined && (next.pos === "NUM" || next.pos === "DET")));
  // "Rebel drones kill six guards": a plural noun that a verb follows is that verb's subject, not a verb
  // a headline's verb is its first: "Britain mobilized reservists while UN arms inspectors said …" has one already
  const present = tok.pos === "NOUN" && /s$/.test(tok.lower) && (prev.pos === "PROPN" || (prev.pos === "NOUN" && /s$/.test(prev.lower))) &&
    next?.pos !== "VERB" && next?.pos !== "AUX" && !verbBefore;
  // "Taliban fighters and Pakistani troops exchange fire", "Troops shell villages": a headline's plural
  // subject takes the verb's bare form
  // "fire tear gas": a noun's modifier the tagger read as a verb still begins the object
  const object = next !== undefined && (["NOUN", "DET", "ADP", "NUM", "ADJ"].includes(next.pos) ||
    (next.pos === "VERB" && !/(?:s|ed|ing)$/.test(next.lower) && after?.pos === "NOUN"));
  const bare = tok.pos === "NOUN" && !/(s|ed)$/.test(tok.lower) && (/s$/.test(prev.lower) || COLLECTIVE.has(prev.lower)) &&
    (prev.pos === "PROPN" || prev.pos === "NOUN") && !verbBefore && object;
  if (bare && rules.verbs.has(tok.lower)) return tok.lower;
  // "Security guards open fire on civilians": a bare form read as an adjective, before the word its verb's phrase goes on with
  const phrased = tok.pos === "ADJ" && next !== undefined && !verbBefore && (/s$/.test(prev.lower) || COLLECTIVE.has(prev.lower)) && (prev.pos === "NOUN" || prev.pos === "PROPN") &&
    (rules.verbs.get(tok.lower)?.phrases.some((p) => p.type !== null && p.after[0] === next.lower) ?? false);
  if (phrased) return tok.lower;
  // "Gunmen shot dead a village chief", "Rebels fought the army": an irregular past form with its
  // object; "one employee shot dead" is a headline's passive, which names no one who shot
  const irregular = rules.pastForms.get(tok.lower);
  const objectAt = (w: Token | undefined) => w !== undefined && ["DET", "NUM", "NOUN", "PROPN", "PRON", "ADJ"].includes(w.pos);
  const particle = next !== undefined && /^(dead|down|back)$/.test(next.lower);
  if (irregular && ["NOUN", "PROPN", "PRON", "AUX", "ADV"].includes(prev.pos) && (particle ? objectAt(after) : objectAt(next))) return irregular;
  if (!past && !present) return null;
  return stems(tok.lower).slice(1).find((x) => rules.verbs.has(x)) ?? null;
}

const MODALS = wordClass("trigger-modals");

/**
 * The verb whose object an event noun is ("tighten [the naval] blockade"), or the noun itself when
 * it stands where a verb would ("they would blockade Paris", wink-nlp reading a verb as a noun).
 */
export function governingVerb(tokens: Token[], first: number, stopAt: number): number | null {
  if (MODALS.has(tokens[first - 1]?.lower ?? "")) return first;
  let k = first - 1;
  while (k > stopAt && ["DET", "ADJ", "NUM"].includes((tokens[k] as Token).pos)) k--;
  return (tokens[k] as Token | undefined)?.pos === "VERB" ? k : null;
}

function hasStop(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CLAUSE_STOP.has((tokens[k] as Token).text) || (tokens[k] as Token).text === ",") return true;
  return false;
}
