/**
 * Condemnation told as a judgement ("Hamas called the move 'cheap blackmail'", "the ministry said
 * the strike was a 'blatant assassination'"): PLOVER ACCUSE, mode disapprove, from the speaker to
 * the actor judged, or to whoever did the act judged.
 */
import type { Token } from "../../nlp/index.js";
import type { PhraseMatcher } from "../../rules/phrase-matcher.js";
import { mentionAt, type DocContext } from "../context.js";
import type { ArgumentReader } from "./arguments.js";
import type { DraftEvent } from "./index.js";

export interface DisapprovalRules {
  verbs: ReadonlySet<string>;
  words: PhraseMatcher<true>;
}

/** ACCUSE/disapprove drafts of sentence si; `earlier` are the document's events so far. */
export function readDisapproval(ctx: DocContext, rules: DisapprovalRules, args: ArgumentReader, si: number, wordIndex: Int32Array, taken: DraftEvent[], earlier: DraftEvent[]): DraftEvent[] {
  const s = ctx.a.sentences[si];
  if (!s) return [];
  const tokens = ctx.a.tokens;
  const out: DraftEvent[] = [];
  for (let v = s.first; v < s.last; v++) {
    const t = tokens[v] as Token;
    if (t.pos !== "VERB" || !rules.verbs.has(t.lemma) || taken.some((d) => d.trigger.first <= v && v < d.trigger.last)) continue;
    const end = Math.min(s.last, v + 16);
    let judged = -1;
    for (let k = v + 1; k < end && judged < 0; k++) {
      const wi = wordIndex[k] ?? -1;
      if (wi >= 0 && rules.words.longestAt(ctx.words, wi)) judged = k;
      if ([";"].includes((tokens[k] as Token).text)) break;
    }
    if (judged < 0) continue;
    // "said …" judges only in the speaker's own words: a quote before the judgement
    if ((t.lemma === "say" || t.lemma === "express") && !tokens.slice(v + 1, judged).some((x) => /^["“”]$/.test(x.text))) continue;
    // ", saying the guerrillas had committed war crimes": the main clause's subject speaks
    const speaker = args.doer(v, s);
    if (speaker.length === 0) continue;
    const actor = [...new Set(speaker.map((m) => m.entity))];
    // the judged: an actor named between the verb and the judgement, else the doer of the last act told
    let recipient: string[] = [];
    for (let k = v + 1; k < judged; k++) {
      const m = mentionAt(ctx, k);
      if (m && !actor.includes(m.entity) && !m.locative) { recipient = [m.entity]; break; }
    }
    if (recipient.length === 0) {
      const act = [...earlier, ...taken].reverse().find((e) => e.actor.length && !e.actor.some((k) => actor.includes(k)));
      if (act) recipient = [...act.actor];
    }
    const trigger = { head: v, first: v, last: judged + 1, type: "ACCUSE" as const, mode: "disapprove", nominal: false, twoSided: false, carrier: null };
    out.push({ type: "ACCUSE", mode: "disapprove", actor, recipient, place: [], modality: "asserted", sentence: si, trigger, first: Math.min(v, ...speaker.map((m) => m.first)), last: judged + 1 });
    break;
  }
  return out;
}
