/**
 * Acts done by the words a speaker chooses. Condemnation told as a judgement ("Hamas called the move
 * 'cheap blackmail'", "the ministry said the strike was a 'blatant assassination'"): PLOVER ACCUSE,
 * mode disapprove. A threat told in the speaker's words ("the group said the killing would not go
 * unanswered", "warned that Kenya would pay a heavy price"): THREATEN. Either goes from the speaker
 * to the actor named, or to whoever did the last act told.
 */
import type { PloverType } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import type { Word } from "../../nlp/words.js";
import type { Judgements } from "../../rules/events.js";
import { wordClass } from "../../rules/lexicon.js";
import { mentionAt, type DocContext } from "../context.js";
import type { ArgumentReader } from "./arguments.js";
import type { DraftEvent } from "./index.js";

/** What a lexicon of judgements codes: its type and mode, and whether "said" needs the words quoted. */
export interface JudgementCoding {
  type: PloverType;
  mode: string | null;
  /** "said … 'blackmail'": with a plain reporting verb the words must be the speaker's own, in quotes. */
  quoted: boolean;
  /** How many tokens after the verb the words may come. */
  reach: number;
}

const MODALS = wordClass("judgement-modals");

export const DISAPPROVAL: JudgementCoding = { type: "ACCUSE", mode: "disapprove", quoted: true, reach: 16 };
/** Words of threat are few and plain, so they may stand further from the verb that carries them. */
export const WARNING: JudgementCoding = { type: "THREATEN", mode: null, quoted: false, reach: 28 };

/** Drafts of sentence si coded by a lexicon of judgements; `earlier` are the document's events so far. */
export function readJudgements(ctx: DocContext, rules: Judgements, coding: JudgementCoding, args: ArgumentReader, si: number, wordIndex: Int32Array, taken: DraftEvent[], earlier: DraftEvent[], voice: string | null, actNamed: (k: number) => PloverType | null = () => null): DraftEvent[] {
  const s = ctx.a.sentences[si];
  if (!s) return [];
  const tokens = ctx.a.tokens;
  const out: DraftEvent[] = [];
  for (let v = s.first; v < s.last; v++) {
    const t = tokens[v] as Token;
    if (t.pos !== "VERB" || !rules.verbs.has(t.lemma) || taken.some((d) => d.trigger.first <= v && v < d.trigger.last)) continue;
    const end = Math.min(s.last, v + coding.reach);
    let judged = -1;
    let through = -1;
    for (let k = v + 1; k < end && judged < 0; k++) {
      const wi = wordIndex[k] ?? -1;
      const words = wi >= 0 ? rules.words.longestAt(ctx.words, wi) : null;
      if (words) { judged = k; through = (ctx.words[words.last - 1] as Word).token; }
      if ((tokens[k] as Token).text === ";") break;
    }
    if (judged < 0) continue;
    // "said …" judges only in the speaker's own words: a quote before the judgement
    if (coding.quoted && (t.lemma === "say" || t.lemma === "express") && !tokens.slice(v + 1, judged).some((x) => /^["“”]$/.test(x.text))) continue;
    // ", saying the guerrillas had committed war crimes": the main clause's subject speaks
    // "a spokesman for the group said": the body the claim's speaker speaks for
    const speaker = args.doer(v, s);
    const actor = speaker.length ? [...new Set(speaker.map((m) => m.entity))] : voice ? [voice] : [];
    if (actor.length === 0) continue;
    // the judged: an actor named between the verb and the judgement, else the doer of the last act told;
    // "said Washington would not hesitate": the subject of the words spoken is the speaker's side, not the judged
    let recipient: string[] = [];
    for (let k = v + 1; k < judged; k++) {
      const m = mentionAt(ctx, k);
      if (m && !actor.includes(m.entity) && !m.locative && !MODALS.has(tokens[m.last]?.lower ?? "")) { recipient = [m.entity]; break; }
      if (m) k = m.last - 1;
    }
    if (recipient.length === 0) {
      // "said the strike was a 'blatant assassination'": the doer of the last act of the kind the words name
      let kind: PloverType | null = null;
      for (let k = v + 1; k < judged && !kind; k++) kind = actNamed(k);
      const act = [...earlier, ...taken].reverse().find((e) => e.actor.length && !e.actor.some((k) => actor.includes(k)) && (!kind || e.type === kind));
      if (act) recipient = [...act.actor];
    }
    const { type, mode } = coding;
    const trigger = { head: v, first: v, last: through + 1, type, mode, nominal: false, twoSided: false, carrier: null };
    out.push({ type, mode, actor, recipient, place: [], modality: "asserted", sentence: si, trigger, first: Math.min(v, ...speaker.map((m) => m.first)), last: through + 1 });
    break;
  }
  return out;
}
