/**
 * Noun phrases around actor mentions, as relation patterns need them: the actor a slot names
 * ("the Pakistan-based Jaish-e-Mohammed" names Jaish-e-Mohammed, "the force known as ATMIS"
 * names ATMIS), the named actor a generic phrase stands for ("the SDF, the U.S.-backed militia"),
 * coordinated actors, and the subject of a clause across asides and relative pronouns.
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";

/** Words a slot may step over before its actor: articles and plain modifiers ("the powerful"). */
const LEAD = wordClass("relation-slot-lead");
/** Words that rename a phrase: "the force known as ATMIS", "a faction dubbed X". */
const RENAMERS = wordClass("renaming-words");
const RELATIVES = wordClass("relation-relatives");
/** Nouns that, after a country's name or adjective, still name its state. */
const ITSELF = /^(state|government|regime|authorities|administration|leadership)$/;
/** Time words after an actor end its phrase ("backed by Iran last year"). */
const TIME = /^(last|this|next|since|year|years|week|weeks|month|months|day|days|night|morning|evening|today|yesterday|decade|decades|ago|alone)$/;
const STOPS = wordClass("relation-stops");
const CLAUSE = wordClass("relation-clause-openers");
const PREPOSITIONS = wordClass("relation-prepositions");
/** Verbs whose own subject does what the infinitive after their object says ("sent troops to back Y"). */
const MEANS = wordClass("means-verbs");

export class Phrases {
  readonly #ctx: DocContext;
  constructor(ctx: DocContext) {
    this.#ctx = ctx;
  }

  #tok(k: number): Token | undefined {
    return this.#ctx.a.tokens[k];
  }

  #named(m: Mention): boolean {
    return this.#ctx.entities.get(m.entity)?.named ?? false;
  }

  /** The mention starting at or just after k (over articles and plain modifiers), or null. */
  startAt(k: number, s: Sentence): Mention | null {
    for (let j = k; j < s.last && j < k + 3; j++) {
      const m = mentionAt(this.#ctx, j);
      if (m) return m.first === j || j > k ? m : null;
      const t = this.#tok(j) as Token;
      // "the Kurdish administration", "opposition candidate X": modifiers and titles before a name
      if (!LEAD.has(t.lower) && t.pos !== "ADJ" && !(t.pos === "NOUN" && t.lower === t.text)) return null;
    }
    return null;
  }

  /**
   * The actor a noun phrase starting with mention m names: the last actor of the phrase
   * ("the Pakistan-based Jaish-e-Mohammed", "opposition candidate X"), renamed by "known as",
   * else m; a generic mention stands for the named actor it is set beside. Null when m only
   * modifies a common noun ("Iran-aligned factions", "Iran's plan", "Palestinian activists"):
   * the phrase names no actor.
   */
  head(m: Mention, s: Sentence): Mention | null {
    let best = m;
    let modifier = false;
    let k = m.last;
    while (k < s.last && k < m.last + 8) {
      const t = this.#tok(k) as Token;
      const next = mentionAt(this.#ctx, k);
      if (next && next !== best) { best = next; modifier = false; k = next.last; continue; }
      if (RENAMERS.has(t.lower)) {
        const after = this.#tok(k + 1)?.lower === "as" ? k + 2 : k + 1;
        const renamed = this.startAt(after, s);
        if (renamed) { best = renamed; modifier = false; k = renamed.last; continue; }
      }
      if (t.text === ")") { k++; continue; }
      if (t.text === "-" || t.text === "'s") { modifier = true; k++; continue; }
      if (t.pos === "VERB" && /ed$/.test(t.lower) && this.#tok(k - 1)?.text === "-") { k++; continue; }
      if (TIME.test(t.lower)) break;
      // "the Turkish state" is Turkey; "Palestinian activists" are not Palestine
      const noun = (x: Token | undefined) => x !== undefined && x.pos === "NOUN" && x.lower === x.text && !TIME.test(x.lower) && !ITSELF.test(x.lower);
      if (noun(t) || t.pos === "ADJ" && noun(this.#tok(k + 1))) { modifier = true; k++; continue; }
      break;
    }
    return modifier ? null : this.named(best, s);
  }

  /**
   * The named actor a generic mention stands for: "X, the militia,", "X, a network of militias
   * that …", "the militia X"; else itself. Not "X, the rebels are …": a new clause.
   */
  named(m: Mention, s: Sentence): Mention {
    if (this.#named(m)) return m;
    const after = mentionAt(this.#ctx, m.last);
    if (after && this.#named(after)) return after;
    const close = this.#tok(m.last);
    if (close && !/^[,);.:]$/.test(close.text) && !RELATIVES.has(close.lower) && m.last < s.last) return m;
    // leftwards over the phrase ("a loose network of Amhara militias") to the comma of an apposition
    for (let k = m.first - 1; k > s.first && k >= m.first - 10; k--) {
      const t = this.#tok(k) as Token;
      if (t.text === ",") {
        const before = mentionAt(this.#ctx, this.#tok(k - 1)?.text === ")" ? k - 2 : k - 1);
        return before && this.#named(before) ? before : m;
      }
      if (STOPS.has(t.text) || t.pos === "VERB" && t.text !== "-" && !/ed$/.test(t.lower) || RELATIVES.has(t.lower)) return m;
    }
    return m;
  }

  /** m and the named actors coordinated after it ("Iran and Russia", "X, Y and Z"). */
  coordinated(m: Mention, s: Sentence): Mention[] {
    const out = [m];
    const pending: Mention[] = [];
    let k = m.last;
    while (k < s.last) {
      const join = this.#tok(k) as Token;
      if (join.lower !== "and" && join.text !== "," && join.text !== "&") break;
      const next = this.startAt(k + 1, s);
      if (!next || out.includes(next) || pending.includes(next) || !this.#named(next)) break;
      // "X, Y and Z" is a list; "X, a U.S. ally" is not: commas count only once "and" closes them
      if (join.text === ",") pending.push(next);
      else out.push(...pending.splice(0), next);
      k = next.last;
    }
    return out;
  }

  /**
   * The subject of the clause whose verb group starts at token k: over adverbs and auxiliaries,
   * over an aside set off by commas ("Fano, a network of militias, took up arms"), through a
   * relative pronoun to its antecedent, and for "to support" the subject (or, after an object,
   * the object) of the verb it depends on. None inside a phrase ("an armed group") or after a
   * conjunction, where the subject is another verb's.
   */
  /** The first word of the verb group before the "and" at j ("[had] been trained … and were"), or null. */
  #joinedVerb(j: number, s: Sentence): number | null {
    for (let x = j - 1; x >= s.first && x > j - 12; x--) {
      const t = this.#tok(x) as Token;
      if (STOPS.has(t.text) || t.text === "," || t.lower === "and") return null;
      if (t.pos !== "VERB" && t.pos !== "AUX") continue;
      const before = this.#tok(x - 1);
      if (before && (before.pos === "VERB" || before.pos === "AUX" || before.pos === "ADV" || before.pos === "PART")) continue;
      return x;
    }
    return null;
  }

  subject(k: number, s: Sentence): Mention[] {
    let j = k - 1;
    while (j >= s.first && this.#skippable(this.#tok(j) as Token)) j--;
    const t0 = this.#tok(j);
    if (!t0 || j < s.first) return [];
    if (t0.lower === "to") return this.#controller(j, s);
    // "had been trained across the border and were backed by …": the subject of the verb joined before
    if (t0.lower === "and") {
      const v = this.#joinedVerb(j, s);
      return v === null ? [] : this.subject(v, s);
    }
    // "Musharraf-supporting": a compound modifier, not a clause
    if (t0.text === "-" || t0.pos === "VERB") return [];
    if (["DET", "ADP", "ADJ", "CCONJ", "SCONJ", "NUM"].includes(t0.pos) && !RELATIVES.has(t0.lower)) return [];
    for (let guard = 0; guard < 3 && j >= s.first; guard++) {
      const t = this.#tok(j) as Token;
      if (RELATIVES.has(t.lower)) {
        const ante = mentionAt(this.#ctx, this.#tok(j - 1)?.text === "," ? j - 2 : j - 1);
        return ante ? [this.named(ante, s)] : [];
      }
      if (t.text !== ",") break;
      // an aside ", a loose network …," or ", many of whom …,": continue before its opening comma
      let c = j - 1;
      while (c > s.first && (this.#tok(c) as Token).text !== "," && !STOPS.has((this.#tok(c) as Token).text)) c--;
      if (c < s.first || (this.#tok(c) as Token).text !== ",") return [];
      j = c - 1;
      if (this.#tok(j)?.text === ")") j--;
    }
    // the nearest actor leftwards in the clause that is not inside a prepositional phrase
    for (let x = j; x >= s.first && x > j - 10; x--) {
      const t = this.#tok(x) as Token;
      if (STOPS.has(t.text) || t.text === "," || CLAUSE.has(t.lower) || /^(what|whether|how|why)$/.test(t.lower)) return [];
      const m = mentionAt(this.#ctx, x);
      if (!m) {
        if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ") return [];
        continue;
      }
      // "Rouhani's new plan", "Pakistani-born Briton": the actor only modifies the subject
      const follow = this.#tok(m.last)?.text;
      if (m.last <= j && (follow === "'s" || follow === "-")) return [];
      x = m.first;
      if (m.locative || PREPOSITIONS.has(this.#tok(m.first - 1)?.lower ?? "")) continue;
      return this.#withCoordinated(this.named(m, s), s);
    }
    return [];
  }

  #skippable(t: Token): boolean {
    return t.pos === "ADV" || t.pos === "AUX" || /^["“”']$/.test(t.text) || /^(now|also|still|not|n't|already|long|reportedly|allegedly|openly|publicly|secretly|been|being)$/.test(t.lower);
  }

  /** "X keeps troops there to support Y": the subject of a means verb, else its object if any. */
  #controller(to: number, s: Sentence): Mention[] {
    for (let v = to - 1; v >= s.first && v > to - 8; v--) {
      const t = this.#tok(v) as Token;
      if (STOPS.has(t.text) || t.text === ",") return [];
      if (t.pos !== "VERB") continue;
      let object: Mention | null = null;
      for (let x = v + 1; x < to; x++) object ??= mentionAt(this.#ctx, x);
      return object && !MEANS.has(t.lemma) ? [this.named(object, s)] : this.subject(v, s);
    }
    return [];
  }

  /** "Iran and Russia back …", "X, Y and Z back …": the actors coordinated before m, and m. */
  #withCoordinated(m: Mention, s: Sentence): Mention[] {
    const out = [m];
    let cur = m;
    for (;;) {
      const join = this.#tok(cur.first - 1);
      // going leftwards a list closes with "and" first: "According to X, the rebels …" is no list
      if (!join || join.lower !== "and" && !(join.text === "," && out.length > 1)) break;
      const prev = mentionAt(this.#ctx, cur.first - 2);
      if (!prev || prev.first < s.first || out.includes(prev) || !this.#named(prev)) break;
      out.push(prev);
      cur = prev;
    }
    return out;
  }

}
