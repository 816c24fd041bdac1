/**
 * Claims: who says so. Attribution frames ("X said", "…, said X, a …", "according to X",
 * "X denied/blamed/rejected the allegation", ", saying …" after the main clause), the speaker's
 * kind, the speaker's organisation as an actor, and hedging. A pronoun speaker ("he said") is the
 * person or organisation last speaking or named. Each claim covers its sentence: the facts read
 * from that sentence rest on it.
 */
import type { Claim, SpeakerKind, Span } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext } from "../context.js";
import { mentionAt } from "../context.js";
import { SpeakerKinds, type Speaking } from "./kind.js";
import { roleOf } from "./roles.js";
import { HEDGE_ADVERBS, HEDGES, INVERTING, lemmaOf, PARTICIPLES, reportingVerb } from "./lexicon.js";
import { CONTINUES, speakerAfter, speakerBefore, verbGroupStart, type Range, type SpeakerSpan } from "./speaker.js";

export interface FoundClaim extends Claim {
  sentence: number;
  /** Token region [first, last) whose facts rest on this claim. */
  first: number;
  last: number;
  /** Entity key of the speaker's organisation. */
  orgKey: string | null;
  /** Entity key of the person speaking, if named. */
  personKey?: string | null;
}

const NOT_AFTER = wordClass("hedge-blockers");

export class ClaimReader {
  readonly #ctx: DocContext;
  readonly #kinds: SpeakerKinds;
  readonly claims: FoundClaim[] = [];

  constructor(ctx: DocContext) {
    this.#ctx = ctx;
    this.#kinds = new SpeakerKinds(ctx);
  }

  readonly #named = (k: number): boolean => {
    const m = mentionAt(this.#ctx, k);
    return m !== null && (this.#ctx.entities.get(m.entity)?.named ?? false);
  };

  #tok(k: number): Token {
    return this.#ctx.a.tokens[k] as Token;
  }

  /** Find the claims of sentence `si`. */
  read(si: number): void {
    const s = this.#ctx.a.sentences[si] as Sentence;
    const tokens = this.#ctx.a.tokens;
    for (let k = s.first; k < s.last; k++) {
      const t = this.#tok(k);
      if (t.lower === "according" && tokens[k + 1]?.lower === "to") { this.#according(si, s, k); continue; }
      if (tokens[k - 1]?.text === "," && PARTICIPLES.has(t.lower)) { this.#participle(si, s, k); continue; }
      if (reportingVerb(tokens, s, k)) this.#frame(si, s, k);
    }
    if (!this.claims.some((c) => c.sentence === si)) this.#hedgedOnly(si, s);
  }

  #according(si: number, s: Sentence, k: number): void {
    let end = k + 2;
    while (end < s.last && ![",", ".", ";", "\"", "“", "”"].includes(this.#tok(end).text)) {
      if (this.#tok(end).text === "(") while (end < s.last - 1 && this.#tok(end).text !== ")") end++;
      end++;
    }
    if (end <= k + 2) return;
    this.#push(si, s, { core: [k + 2, end], asides: [], pronoun: null }, [[this.#tok(k).start, this.#tok(end - 1).end]]);
  }

  /** "X said", "…, X said", "…," said X, "X, a …, said", "… and said" (the clause's speaker). */
  #frame(si: number, s: Sentence, v: number): void {
    const verb = this.#tok(v);
    const after = INVERTING.has(lemmaOf(verb)) ? speakerAfter(this.#ctx.a.tokens, s, v) : null;
    if (after) {
      this.#push(si, s, after, [[verb.start, this.#tok(after.core[1] - 1).end]]);
      return;
    }
    const g = verbGroupStart(this.#ctx.a.tokens, s, v);
    const before = speakerBefore(this.#ctx.a.tokens, s, g, this.#named);
    if (before === CONTINUES) {
      if (!this.claims.some((c) => c.sentence === si)) this.#mainClause(si, s, v, [[verb.start, verb.end]]);
      return;
    }
    if (!before) return;
    const core = before.core;
    const coreSpan: Span = [this.#tok(core[0]).start, this.#tok(core[1] - 1).end];
    // an aside between speaker and verb stays out of the evidence: it may be a claim of its own
    const evidence: Span[] = core[1] === g ? [[coreSpan[0], verb.end]] : [coreSpan, [this.#tok(g).start, verb.end]];
    this.#push(si, s, before, evidence);
  }

  /** ", saying …", ", accusing X of …": a statement by the main clause's subject. */
  #participle(si: number, s: Sentence, k: number): void {
    if (this.claims.some((c) => c.sentence === si)) return;
    let end = k + 1;
    while (end < s.last && end < k + 6 && ![",", ".", ";"].includes(this.#tok(end).text)) end++;
    this.#mainClause(si, s, k, [[this.#tok(k).start, this.#tok(end - 1).end]]);
  }

  /** A claim whose speaker is the subject of the sentence's first verb before token k. */
  #mainClause(si: number, s: Sentence, k: number, evidence: Span[]): void {
    const tokens = this.#ctx.a.tokens;
    let j = s.first;
    // over an opening phrase: "In a statement on Friday, …"
    if (["ADP", "SCONJ", "ADV"].includes(this.#tok(j).pos)) while (j < k && this.#tok(j).text !== ",") j++;
    for (; j < k; j++) {
      const t = this.#tok(j);
      if ((t.pos === "VERB" || t.pos === "AUX") && !mentionAt(this.#ctx, j)) break;
    }
    if (j >= k) return;
    const sp = speakerBefore(tokens, s, verbGroupStart(tokens, s, j), this.#named);
    if (sp && sp !== CONTINUES) this.#push(si, s, sp, evidence);
  }

  /** "A video purportedly showing …": the writer's hedged word, no one else's. */
  #hedgedOnly(si: number, s: Sentence): void {
    for (let k = s.first; k < s.last; k++) {
      const t = this.#tok(k);
      if (!HEDGE_ADVERBS.has(t.lower) || NOT_AFTER.has(this.#tok(k - 1)?.lower ?? "")) continue;
      let start = k;
      while (start > s.first && this.#tok(start - 1).text !== ",") start--;
      const end = this.#tok(Math.min(k + 1, s.last - 1)).end;
      this.#add(si, s, { text: "", kind: "unattributed", organization: null, name: null }, null, null, [[this.#tok(start).start, end]]);
      return;
    }
  }

  #push(si: number, s: Sentence, sp: SpeakerSpan, evidence: Span[]): void {
    const text = this.#ctx.a.text;
    const ranges: Range[] = [sp.core, ...sp.asides];
    const first = Math.min(...ranges.map((r) => r[0]));
    const last = Math.max(...ranges.map((r) => r[1]));
    const speakerText = text.slice(this.#tok(first).start, this.#tok(last - 1).end).replace(/^[,\s]+|[,\s]+$/g, "");
    if (!speakerText) return;
    const who = sp.pronoun ? this.#resolve(sp.pronoun, sp.core[0]) : this.#kinds.classify(sp.core, sp.asides);
    if (!who) return;
    const speaker = { text: speakerText, kind: who.kind, organization: null, name: who.person?.name ?? null };
    this.#add(si, s, speaker, who.org?.entity ?? null, who.person?.key ?? null, evidence);
  }

  #add(si: number, s: Sentence, speaker: Claim["speaker"], orgKey: string | null, personKey: string | null, evidence: Span[]): void {
    this.claims.push({
      id: `c${this.claims.length + 1}`,
      speaker,
      hedged: HEDGES.test(this.#ctx.a.text.slice(s.start, s.end)),
      evidence,
      sentence: si, first: s.first, last: s.last,
      orgKey, personKey,
    });
  }

  /** A pronoun for a person no actor stands for: an official if a title precedes a name nearby. */
  #titledBefore(at: number): SpeakerKind {
    for (let k = at - 1; k >= 0 && k > at - 80; k--) {
      const t = this.#tok(k);
      if (/^\p{Lu}/u.test(t.text) && roleOf(t.lower) === "office" && this.#ctx.a.tokens[k + 1]?.pos === "PROPN") return "named_official";
    }
    return "named_person";
  }

  /** "he said": the person last named; "it said": the organisation last speaking. */
  #resolve(pronoun: string, at: number): Speaking | null {
    const start = this.#tok(at).start;
    // "it is important to …": no one speaks
    if (pronoun === "we" || /^(is|was|'s|would|will|seems|remains|appears)$/.test(this.#ctx.a.tokens[at + 1]?.lower ?? "")) return null;
    if (pronoun === "he" || pronoun === "she") {
      const m = [...this.#ctx.mentions].reverse().find((x) => x.end <= start && this.#ctx.entities.get(x.entity)?.kind === "person");
      const person = m ? this.#ctx.entities.get(m.entity) ?? null : null;
      const said = [...this.claims].reverse().find((c) => person ? c.personKey === person.key : PERSONAL.has(c.speaker.kind));
      if (!person) return { kind: said?.speaker.kind ?? this.#titledBefore(at), person: null, org: null };
      const kind: SpeakerKind = said?.speaker.kind ?? (this.#kinds.inOffice(person, []) ? "named_official" : "named_person");
      return { kind, person, org: null };
    }
    const recent = [...this.claims].reverse().find((c) => ORGANISED.has(c.speaker.kind) || pronoun === "they");
    if (recent) {
      const orgEntity = recent.orgKey ? this.#ctx.mentions.find((x) => x.entity === recent.orgKey) ?? null : null;
      return { kind: recent.speaker.kind, person: null, org: orgEntity };
    }
    return { kind: "organization", person: null, org: null };
  }
}

const PERSONAL: ReadonlySet<SpeakerKind> = new Set(["named_official", "named_person", "expert", "witness"]);
const ORGANISED: ReadonlySet<SpeakerKind> = new Set(["organization", "media"]);
