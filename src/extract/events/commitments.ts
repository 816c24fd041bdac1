/**
 * Statements of intent and demands, coded as PLOVER codes them: an actor announcing its own
 * future action promises (AGREE) when the action cooperates and threatens (THREATEN) when it
 * coerces; a speaker saying another actor "must" act requests it (REQUEST).
 */
import type { PloverType } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { FoundClaim } from "../claims/index.js";
import type { DocContext } from "../context.js";
import type { ArgumentReader } from "./arguments.js";
import type { DraftEvent } from "./index.js";
import { governingVerb } from "./triggers.js";

/** PLOVER's cooperative types: a promise to do one of these is an AGREE. */
const COOPERATIVE = new Set<PloverType>(["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"]);
const CONFLICTUAL = new Set<PloverType>(["ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "PROTEST"]);
const INTENT = wordClass("intent-words");
/** "could strike", "may retaliate": a possibility is the actor's threat only when its own side says so. */
const POSSIBLE = wordClass("possibility-modals");
const CONDITIONS = wordClass("condition-words");
const OBLIGATION = wordClass("obligation-modals");
const PLANS = wordClass("plan-verbs");

/** The word before the trigger that marks intent or obligation, looking back over adverbs and "to be". */
function marker(tokens: Token[], first: number, stopAt: number): string | null {
  // "must be ready to mediate": an obligation before a word of intent still makes it a demand
  let intent: string | null = null;
  for (let k = first - 1; k >= stopAt && k >= first - 5; k--) {
    const t = tokens[k] as Token;
    if (OBLIGATION.has(t.lower)) return t.lower;
    if (INTENT.has(t.lower)) { intent ??= t.lower; continue; }
    // "plans to impose", "decided to lift", "vowed to press on": an intent stated by the actor
    if (PLANS.has(t.lemma) && tokens[k + 1]?.lower === "to") return intent ?? "will";
    if (t.pos !== "ADV" && t.pos !== "PART" && t.lower !== "to" && t.lower !== "be" && t.pos !== "AUX") return intent;
  }
  return intent;
}

/** The entity that speaks in a claim: the first actor mentioned in its anchor. */
function speakerOf(ctx: DocContext, c: FoundClaim): string | null {
  const [s, e] = c.evidence[0] ?? [0, 0];
  return ctx.mentions.find((m) => m.start >= s && m.end <= e && m.via !== "pronoun")?.entity ?? c.orgKey;
}

/** "X said … after Y suggested that …": of a sentence's claims, the last one told before the act speaks for it. */
function claimOf(claims: FoundClaim[], sentence: number, at: number): FoundClaim | undefined {
  const own = claims.filter((c) => c.sentence === sentence);
  const before = own.filter((c) => (c.evidence[0]?.[0] ?? Infinity) <= at);
  return before.length ? before.reduce((a, b) => ((b.evidence[0]?.[0] ?? 0) > (a.evidence[0]?.[0] ?? 0) ? b : a)) : own[0];
}

/** A speaker of no known side ("its foreign minister") may be the actor's own. */
function sideKnown(ctx: DocContext, key: string): boolean {
  const e = ctx.entities.get(key);
  return Boolean(e && (e.named || e.country));
}

/** Kinds that act for a state: its rebels and opposition parties are not on its side. */
const STATE_SIDE = new Set(["state", "government", "military", "police", "intelligence"]);

function sameSide(ctx: DocContext, a: string, b: string, personSpeaks = false): boolean {
  if (a === b) return true;
  const x = ctx.entities.get(a);
  const y = ctx.entities.get(b);
  if (x?.parent === b || y?.parent === a) return true;
  if (!x?.country || x.country !== y?.country) return false;
  // "France is ready to contribute troops, Defence Minister Pierre Joxe said": a person may speak for their
  // country's side when announcing its intent
  if (personSpeaks && y.kind === "person") return true;
  return STATE_SIDE.has(x.kind) === STATE_SIDE.has(y.kind);
}

/** Recode the drafts of intent and obligation in place. */
export function recodeCommitments(ctx: DocContext, drafts: DraftEvent[], claims: FoundClaim[]): void {
  const tokens = ctx.a.tokens;
  for (const d of drafts) {
    if (d.actor.length === 0) continue;
    const s = ctx.a.sentences[d.sentence];
    if (!s) continue;
    // "would tighten the blockade", "would blockade Paris": the intent sits before the verb that governs the noun
    const from = d.trigger.nominal ? d.trigger.carrier ?? governingVerb(tokens, d.trigger.first, s.first) : d.trigger.first;
    if (from === null) continue;
    const word = marker(tokens, from, s.first);
    if (!word) {
      // "announced that it was suspending military operations": a retreat announced, not yet seen done, is conceded
      const announced = tokens.slice(s.first, from).some((t) => (t.lemma === "announce" || t.lemma === "declare") && t.pos === "VERB");
      if (d.type === "RETREAT" && d.modality === "asserted" && announced) { d.type = "CONCEDE"; d.mode = null; }
      continue;
    }
    const claim = claimOf(claims, d.sentence, (tokens[from] as Token).start);
    const speaker = claim ? speakerOf(ctx, claim) : null;
    if (OBLIGATION.has(word)) {
      // "X said China must drop barriers": X requests it of China
      if (!speaker || !sideKnown(ctx, speaker) || d.actor.some((a) => sameSide(ctx, a, speaker))) continue;
      d.recipient = d.actor;
      d.actor = [speaker];
      d.type = "REQUEST";
      d.mode = null;
      d.modality = "asserted";
      continue;
    }
    // "may halt mediation if cooperation founders": a harm made to hang on a condition threatens, whoever tells it
    const conditional = CONFLICTUAL.has(d.type) && tokens.slice(d.trigger.last, s.last).some((t) => CONDITIONS.has(t.lower));
    if (!conditional) {
      // a promise or threat is the actor's own word: unattributed, or said by its own side
      // "the minister will visit Tirana, the embassy said": a plain future is the actor's own plan, whoever reports it
      const plain = word === "will" && COOPERATIVE.has(d.type);
      if (!plain && speaker && sideKnown(ctx, speaker) && !d.actor.some((a) => sameSide(ctx, a, speaker, true))) continue;
      if (!speaker && word === "would") continue;
      if (POSSIBLE.has(word) && !(speaker && sideKnown(ctx, speaker) && d.actor.some((a) => sameSide(ctx, a, speaker, true)))) continue;
      // "announced it would prohibit all aid": a measure announced is taken, not threatened
      if (CONFLICTUAL.has(d.type) && tokens.slice(s.first, from).some((t) => t.lemma === "announce" && t.pos === "VERB")) continue;
    }
    // "would not negotiate", "will never accept": refusing a cooperative act is a REJECT
    const refused = d.modality === "negated" && COOPERATIVE.has(d.type);
    const type: PloverType | null = refused ? "REJECT" : COOPERATIVE.has(d.type) ? "AGREE" : CONFLICTUAL.has(d.type) ? "THREATEN" : null;
    if (!type || type === d.type) continue;
    // "more troops will be deployed": forces moved towards no one threaten no one
    const forces = d.actor.every((k) => ["military", "police"].includes(ctx.entities.get(k)?.kind ?? ""));
    if (type === "THREATEN" && d.type === "MOBILIZE" && d.recipient.length === 0 && forces) continue;
    d.type = type;
    d.mode = null;
    d.modality = "asserted";
  }
}

/**
 * "The EU said Serbia must withdraw", "Washington declared that China must drop barriers": a
 * speaker demanding that another actor act is a REQUEST, whatever the act demanded.
 */
export function readObligations(ctx: DocContext, args: ArgumentReader, si: number, drafts: DraftEvent[]): DraftEvent[] {
  const s = ctx.a.sentences[si];
  if (!s) return [];
  const tokens = ctx.a.tokens;
  const out: DraftEvent[] = [];
  for (let k = s.first + 1; k < s.last; k++) {
    if (!OBLIGATION.has((tokens[k] as Token).lower)) continue;
    // an act that is itself an event is recoded by recodeCommitments
    if (drafts.some((d) => d.sentence === si && d.trigger.first > k && d.trigger.first <= k + 4)) continue;
    const obliged = args.subject(k, s);
    const speaker = args.mainSubject(s);
    const who = speaker[0]?.entity;
    if (!obliged.length || !who || obliged.some((m) => m.entity === who || sameSide(ctx, m.entity, who))) continue;
    if (!sideKnown(ctx, who) || speaker[0]!.first >= obliged[0]!.first) continue;
    const trigger = { head: k, first: k, last: k + 1, type: "REQUEST" as const, mode: null, nominal: false, twoSided: false, carrier: null };
    out.push({
      type: "REQUEST", mode: null, actor: [who], recipient: [...new Set(obliged.map((m) => m.entity))], place: [],
      modality: "asserted", sentence: si, trigger, first: Math.min(speaker[0]!.first, k), last: k + 1,
    });
  }
  return out;
}
