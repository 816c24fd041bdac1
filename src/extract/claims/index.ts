/**
 * Claims: who says so. Attribution frames ("X said", "said X", "according to X", "X told Y",
 * "officials say that …", "X claimed/alleged/denied/blamed …"), the speaker's kind, the speaker's
 * organisation as an actor, and hedging. Each claim covers a region of the sentence: the facts read
 * from that region rest on it.
 */
import type { Claim, SpeakerKind } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";

export interface FoundClaim extends Claim {
  sentence: number;
  /** Token region [first, last) whose facts rest on this claim. */
  first: number;
  last: number;
  /** Entity key of the speaker's organisation. */
  orgKey: string | null;
}

const SAY = new Set(["say", "tell", "state", "claim", "allege", "add", "confirm", "report", "announce", "insist", "assert", "describe", "note", "warn", "accuse", "blame", "deny", "reject", "call", "estimate", "believe", "suggest", "argue", "write", "tweet", "post", "declare", "acknowledge", "admit", "explain", "charge", "maintain", "contend", "condemn"]);
const OFFICIAL = /^(officials?|spokes(man|woman|person|people|men|women)|ministers?|minister|officers?|commanders?|diplomats?|envoy|ambassador|secretary|governor|mayor|president|premier|chancellor|chief|head|director|adviser|advisor|aide|lawmakers?|senators?|representatives?|authorities|generals?|colonel|police|military|leader|administrator)$/;
const EXPERT = /^(experts?|analysts?|researchers?|scholars?|professors?|academics?|observers?|specialists?|economists?|historians?|fellow)$/;
const WITNESS = /^(witness(es)?|residents?|villagers?|survivors?|eyewitness(es)?|locals?|onlookers?|neighbours?|neighbors?|relatives?|families|family)$/;
const SOURCE = /^(sources?|insiders?|people)$/;
const MEDIA = /^(media|newspaper|agency|television|tv|radio|broadcaster|outlet|daily|channel|reporters?|journalists?|correspondents?)$/;
const HEDGES = /\b(reportedly|allegedly|likely|may|might|could|possibly|probably|apparently|suspected|believed|appears?|seems?|unconfirmed|purportedly|perhaps|condition of anonymity|not authori[sz]ed|could not be (independently )?verified)\b/i;
const TITLES = /\b(president|minister|general|spokes(man|woman|person)|commander|leader|secretary|ambassador|governor|chief|head|director|colonel|major|mayor|king|prince|emir|envoy)\b/i;

export class ClaimReader {
  readonly #ctx: DocContext;
  readonly claims: FoundClaim[] = [];

  constructor(ctx: DocContext) {
    this.#ctx = ctx;
  }

  #tok(k: number): Token | undefined {
    return this.#ctx.a.tokens[k];
  }

  /** Find the claims of sentence `si`. */
  read(si: number): void {
    const s = this.#ctx.a.sentences[si] as Sentence;
    for (let k = s.first; k < s.last; k++) {
      const t = this.#tok(k) as Token;
      if (t.lower === "according" && this.#tok(k + 1)?.lower === "to") {
        this.#according(si, s, k);
        continue;
      }
      if (t.pos !== "VERB" || !SAY.has(t.lemma)) continue;
      // "are being warned", "insisting": not a speaker's own statement
      if (/ing$/.test(t.lower) && t.lower !== "saying" || this.#passive(k, s)) continue;
      this.#frame(si, s, k);
    }
  }

  #passive(k: number, s: Sentence): boolean {
    for (let j = k - 1; j >= s.first && j >= k - 3; j--) {
      const t = this.#tok(j) as Token;
      if (t.pos === "ADV") continue;
      return t.lemma === "be" || t.lower === "been" || t.lower === "being";
    }
    return false;
  }

  #according(si: number, s: Sentence, k: number): void {
    let end = k + 2;
    while (end < s.last && ![",", ".", ";"].includes((this.#tok(end) as Token).text)) end++;
    const first = k + 2;
    this.#push(si, s, k, end, first, end, s.first, k);
  }

  /** "X said (that) …" or "…, X said" or "…, said X, a …". */
  #frame(si: number, s: Sentence, v: number): void {
    const tokens = this.#ctx.a.tokens;
    // speaker after the verb: "…," said Mohammad Sadiq, whose …
    const before = this.#tok(v - 1);
    if (before && (before.text === "," || before.text === "\"" || before.text === "”" || before.text === "’") && this.#tok(v + 1)?.pos !== "DET" || (before?.pos === "PUNCT" && /["”]/.test(before.text))) {
      let end = v + 1;
      while (end < s.last && ![".", ";"].includes((tokens[end] as Token).text)) end++;
      if (end > v + 1) return this.#push(si, s, v, end, v + 1, end, s.first, v);
    }
    // speaker before the verb: from the clause start, over an aside such as
    // ", speaking on condition of anonymity," between the speaker and the verb
    let start = v - 1;
    if ((tokens[start] as Token | undefined)?.text === ",") {
      let c = start - 1;
      while (c > s.first && (tokens[c] as Token).text !== ",") c--;
      if ((tokens[c] as Token).text === "," && /^(speaking|who|citing|asking|requesting|declining)$/.test((tokens[c + 1] as Token).lower)) start = c - 1;
    }
    let commas = 0;
    while (start >= s.first) {
      const t = tokens[start] as Token;
      if ([";", ":", "\"", "“", "”"].includes(t.text)) break;
      if (t.text === ",") {
        // "An official, speaking on condition of anonymity, said": an aside inside the speaker
        commas++;
        const head = tokens[start - 1] as Token | undefined;
        if (commas > 2 || !head || (commas === 1 && !/^(speaking|who|citing|not|in|whose|a|an|the)$/.test((tokens[start + 1] as Token).lower))) break;
      }
      if (["that", "which", "who", "and", "but", "while"].includes(t.lower) && start < v - 1) break;
      start--;
    }
    start++;
    // drop a leading reported clause: "… would grab it, an official said" keeps only "an official"
    if (start >= v) return;
    const contentFirst = v + 1;
    const contentBefore = start > s.first;
    this.#push(si, s, start, v + 1, start, v, contentBefore ? s.first : contentFirst, contentBefore ? start : s.last);
  }

  /**
   * Record a claim: the anchor [a0, a1) is the evidence, the speaker is read from [sp0, sp1),
   * and the facts in [c0, c1) (plus the rest of the sentence) rest on it.
   */
  #push(si: number, s: Sentence, a0: number, a1: number, sp0: number, sp1: number, _c0: number, _c1: number): void {
    const tokens = this.#ctx.a.tokens;
    const text = this.#ctx.a.text;
    const f = tokens[sp0];
    const l = tokens[sp1 - 1];
    if (!f || !l || sp1 <= sp0) return;
    const speakerText = text.slice(f.start, l.end).replace(/^[,\s]+|[,\s]+$/g, "");
    if (!speakerText || /^(it|this|that|there)$/i.test(speakerText)) return;
    const mentions: Mention[] = [];
    for (let k = sp0; k < sp1; k++) {
      const m = mentionAt(this.#ctx, k);
      if (m && !mentions.includes(m)) mentions.push(m);
    }
    const { kind, name } = this.#kind(speakerText, mentions, sp0, sp1);
    const org = mentions.find((m) => this.#ctx.entities.get(m.entity)?.kind !== "person") ?? null;
    const person = mentions.find((m) => this.#ctx.entities.get(m.entity)?.kind === "person") ?? null;
    const sentenceText = text.slice(s.start, s.end);
    const e0 = (tokens[a0] as Token).start;
    const e1 = (tokens[a1 - 1] as Token).end;
    this.claims.push({
      id: `c${this.claims.length + 1}`,
      speaker: { text: speakerText, kind, organization: null, name: name ?? (person ? text.slice(person.start, person.end) : null) },
      hedged: HEDGES.test(sentenceText),
      evidence: [[e0, e1]],
      sentence: si, first: s.first, last: s.last,
      orgKey: org?.entity ?? null,
    });
  }

  #kind(speaker: string, mentions: Mention[], sp0: number, sp1: number): { kind: SpeakerKind; name: string | null } {
    const tokens = this.#ctx.a.tokens;
    const heads: string[] = [];
    for (let k = sp0; k < sp1; k++) heads.push((tokens[k] as Token).lower);
    const has = (re: RegExp) => heads.some((h) => re.test(h));
    const person = mentions.map((m) => this.#ctx.entities.get(m.entity)).find((e) => e?.kind === "person");
    if (has(EXPERT) || /think tank/i.test(speaker)) return { kind: "expert", name: person?.name ?? null };
    if (person) return { kind: TITLES.test(speaker) ? "named_official" : "named_person", name: person.name };
    if (has(WITNESS)) return { kind: "witness", name: null };
    if (has(OFFICIAL)) return { kind: "anonymous_official", name: null };
    if (has(MEDIA)) return { kind: "media", name: null };
    if (has(SOURCE)) return { kind: "anonymous_source", name: null };
    const org = mentions.map((m) => this.#ctx.entities.get(m.entity)).find(Boolean);
    if (org?.kind === "media") return { kind: "media", name: null };
    if (org) return { kind: "organization", name: null };
    if (/^[A-Z][a-z]+ [A-Z][a-z]+/.test(speaker)) return { kind: "named_person", name: null };
    return { kind: "unattributed", name: null };
  }
}
