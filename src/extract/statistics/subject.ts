/**
 * Whose statistic a count is: the perpetrator of what is counted ("killed by security forces",
 * "the Houthis launched 130 attacks"), the force deployed ("10,000 National Guard troops"), or
 * the people counted themselves ("28.3 million Afghans will need aid"). A recorder ("the
 * prosecutor's office recorded 152 killings") is a source, not the subject.
 */
import type { ActorKind } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";
import type { ArgumentReader } from "../events/arguments.js";
import type { Phrases } from "../relations/phrases.js";

/** Verbs whose object is its victims: the subject of the count is their perpetrator. */
export const VICTIM_VERBS = /^(kill|neutrali[sz]e|abduct|kidnap|displace|arrest|detain|wound|injure|execute|capture|murder|uproot|massacre|shoot|slay|behead|miss|die|flee|evacuate|rescue|free|release)$/;
/** Verbs that put forces somewhere: the count is a deployment. */
export const DEPLOY_VERBS = /^(deploy|send|mass|mobilise|mobilize|dispatch|amass|rush|move|redeploy|station|commit|call)$/;
/** Verbs of those who record, not do, what is counted. */
const RECORDERS = /^(record|count|tally|document|register|report|say|estimate|put|verify|confirm|list|log|track|note|cite|put)$/;
const CLAUSE = wordClass("statistic-clause-breaks");
const ARMED: ReadonlySet<ActorKind> = new Set(["armed_group", "military", "police", "intelligence"]);

/** A victim verb in any form, tagged as verb or adjective ("abducted", "displaced"). */
export function isVictimVerb(t: Token): boolean {
  return [t.lemma, t.lower.replace(/ed$/, ""), t.lower.replace(/d$/, ""), t.lower.replace(/ied$/, "y")].some((w) => VICTIM_VERBS.test(w));
}

export class Subjects {
  readonly #ctx: DocContext;
  readonly #phrases: Phrases;
  readonly #args: ArgumentReader;

  constructor(ctx: DocContext, phrases: Phrases, args: ArgumentReader) {
    this.#ctx = ctx;
    this.#phrases = phrases;
    this.#args = args;
  }

  #tok(k: number): Token | undefined {
    return this.#ctx.a.tokens[k];
  }

  /** The verb the count is the object of, within its clause, or -1. */
  governingVerb(k: number, s: Sentence): number {
    for (let j = k - 1; j >= s.first && j > k - 8; j--) {
      const t = this.#tok(j) as Token;
      if (CLAUSE.has(t.lower) || CLAUSE.has(t.text)) return -1;
      if (t.pos === "VERB" && !mentionAt(this.#ctx, j)) return j;
      // had "neutralised": a quoted verb the tagger calls a noun
      const aux = this.#tok(j - 1)?.text === "\"" ? this.#tok(j - 2) : this.#tok(j - 1);
      if (/ed$/.test(t.text) && aux?.pos === "AUX") return j;
    }
    return -1;
  }

  /** The base form of the verb at v ("neutralised" → "neutralise"), as the tagger may not give it. */
  lemma(v: number): string {
    const t = this.#tok(v);
    return t ? this.lemmaOf(t) : "";
  }

  lemmaOf(t: Token): string {
    if (t.pos === "VERB") return t.lemma;
    return t.lower.replace(/ied$/, "y").replace(/ed$/, "e").replace(/ize$/, "ise");
  }

  /** The verb after the counted phrase that makes its people victims ("people … had been killed"). */
  victimVerbAfter(from: number, s: Sentence): number {
    for (let j = from; j < s.last && j < from + 10; j++) {
      const t = this.#tok(j) as Token;
      if (t.text === ";" || t.text === ".") return -1;
      // the tagger may call "abducted" a noun
      if (t.pos === "VERB" || t.pos === "ADJ" || /ed$/.test(t.text)) {
        if (isVictimVerb(t) || /^(missing|dead)$/.test(t.lower)) return j;
        if (t.pos === "VERB" && !/(ing|ed)$/.test(t.lower) && t.lemma !== "include") return -1;
      }
    }
    return -1;
  }

  isRecorder(v: number): boolean {
    return v >= 0 && RECORDERS.test((this.#tok(v) as Token).lemma);
  }

  /** "killed by security forces": the agent after "by", within a few words of `from`. */
  agent(from: number, s: Sentence): Mention | null {
    for (let j = from; j < s.last && j < from + 12; j++) {
      const t = this.#tok(j) as Token;
      if (t.text === ";" || t.text === ".") return null;
      if (t.lower !== "by") continue;
      const m = this.#phrases.startAt(j + 1, s);
      return m ? this.#phrases.named(m, s) : null;
    }
    return null;
  }

  /** The subject of the clause of verb v. */
  subjectOf(v: number, s: Sentence): Mention | null {
    const mine = this.#phrases.subject(v, s)[0];
    if (mine) return mine;
    return this.#args.subject(v, s)[0] ?? null;
  }

  /** The actor named in the counted phrase ("National Guard troops", "Afghans", "U.S. airstrike"). */
  counted(first: number, last: number): Mention | null {
    let any: Mention | null = null;
    for (let j = last - 1; j >= first; j--) {
      const m = mentionAt(this.#ctx, j);
      if (m && this.isNamed(m)) return m;
      any ??= m;
    }
    return any;
  }

  isNamed(m: Mention | null): boolean {
    return m !== null && (this.#ctx.entities.get(m.entity)?.named ?? false);
  }

  isState(m: Mention | null): boolean {
    return m !== null && this.#ctx.entities.get(m.entity)?.kind === "state";
  }

  isArmed(m: Mention | null): boolean {
    return m !== null && ARMED.has(this.#ctx.entities.get(m.entity)?.kind ?? "other");
  }

  /** The nearest named armed actor before token k in the sentence: whose war the dead are of. */
  armedBefore(k: number, s: Sentence): Mention | null {
    for (let j = k - 1; j >= s.first; j--) {
      const m = mentionAt(this.#ctx, j);
      if (m && !m.locative && this.isNamed(m) && this.isArmed(m)) return m;
    }
    return null;
  }
}
