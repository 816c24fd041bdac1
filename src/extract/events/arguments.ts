/**
 * Who initiates and who is the target of a trigger: the subject to the left (or the agent after
 * "by" in the passive), the object to the right, coordination ("X and Y"), pronouns resolved to
 * the last actor that did something, and the arguments of event nouns ("the attack on X by Y",
 * "a U.S. drone strike", "clashes between X and Y").
 */
import type { PloverType } from "../../core/index.js";
import type { AnalyzedText, Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";
import { LIGHT_VERBS, type Trigger } from "./triggers.js";

export interface Arguments {
  actor: string[];
  recipient: string[];
  /** Token span the arguments were read from. */
  first: number;
  last: number;
}

const PREPOSITIONS = wordClass("argument-prepositions");
const QUANTITIES = wordClass("quantity-nouns");
const REPORTING = wordClass("argument-reporting-verbs");
const PRONOUNS = wordClass("argument-pronouns");
const RELATIVES = wordClass("argument-relatives");
/** Adjectives of "it is … to/that", where "it" stands for what follows ("it is important to"), unlike "it is willing to". */
const IMPERSONAL = wordClass("impersonal-adjectives");
/** Words after which an "-ing" form has no subject of its own ("before withdrawing", "after shelling"). */
const TIME_LINKS = wordClass("time-links");
const OBJECT_PRONOUNS = wordClass("object-pronouns");
const STOPS = wordClass("clause-end-marks");
const OBJECT_PREPOSITIONS = wordClass("object-prepositions");
/** "X-backed Y": participles that make X a modifier of another actor. */
const MODIFIER_PARTICIPLES = wordClass("modifier-participles");
/** Words after which a mention is no longer the object of the trigger. */
const OBJECT_STOPS = wordClass("object-stops");
/** Nouns of deeds and decisions ("violations", "abuses", "decision", "policy"): a "by" after one names its doer. */
const DEEDS = /(?:tion|sion|ment|ance|ence|ure|ing|abuse|crime|polic(?:y|ie)|act|arrest|attack|raid|ban|move)s?$/;
/** "targets used by the militias": a participle that makes the agent after "by" the owner of the target before it. */
const OWNER_PARTICIPLES = wordClass("owner-participles");
/** "rockets fired by Hezbollah": arms, and the participles whose "by" names who used them. */
const WEAPONS = wordClass("weapon-nouns");
const WEAPON_PARTICIPLES = wordClass("weapon-participles");
/** Acts done by force or in the street: "with" after them names means or company, not the other side. */
const BY_FORCE = new Set<PloverType>(["ASSAULT", "COERCE", "PROTEST", "MOBILIZE"]);
/** Words before a place an actor is in ("in", "near"): the mention's `locative` mark (actors/mentions.ts). */
const LOCATIVES = wordClass("actor-locatives");
/** Participles of charging ("accused", "suspected") that, after a name and before "of", are passive. */
const CHARGE_PARTICIPLES = wordClass("charge-participles");
/** Verbs that always take an object: with none after them, a headline's subject is their target. */
const HEADLINE_PASSIVES = wordClass("object-verbs");
/** Parts of speech of the words before a name that qualify it ("the new", "three"). */
const MODIFIERS: ReadonlySet<string> = new Set(["DET", "ADJ"]);
const MODIFIERS_AND_COUNTS: ReadonlySet<string> = new Set(["DET", "ADJ", "NUM"]);
/** Parts of speech of a verb group before its verb ("had reportedly") and of a noun phrase. */
const VERB_GROUP = new Set(["AUX", "ADV", "PART"]);
const NOUN_PHRASE = new Set(["DET", "NUM", "ADJ", "NOUN", "PROPN"]);
/** Words that open a clause with a subject of its own ("after", "when", "because"). */
const CLAUSE_OPENERS = wordClass("clause-openers");
const ADVERBS = wordClass("argument-adverbs");
/** Kinds of actor that bear arms. */
export const ARMED_KINDS: ReadonlySet<string> = new Set(["military", "armed_group", "police", "intelligence"]);
/** "the army, backed by militias, attacked": participles whose doer after "by" acts with the subject. */
const JOINT_PARTICIPLES = wordClass("joint-participles");

/** The asides of each text, by its analysis (they depend on the tokens alone). */
const ASIDES = new WeakMap<AnalyzedText, Uint8Array>();

export class ArgumentReader {
  readonly #ctx: DocContext;
  /** The entities that last acted as subjects: what "it" and "they" most likely mean. */
  #lastSubjects: string[] = [];
  #lastPerson: string | null = null;

  /** Tokens inside asides (", which …,", "(…)"), which hold no subject of the main clause. */
  readonly #aside: Uint8Array;

  constructor(ctx: DocContext) {
    this.#ctx = ctx;
    // the events and the statistics of a document each read its arguments: the asides are found once
    let mask = ASIDES.get(ctx.a);
    if (!mask) ASIDES.set(ctx.a, (mask = asides(ctx)));
    this.#aside = mask;
  }

  #tok(t: number): Token {
    return this.#ctx.a.tokens[t] as Token;
  }

  #entityOf(m: Mention): string {
    return m.entity;
  }

  /** The token before a mention's determiners and modifiers ("by [the] ISI", "on [a small] outpost"). */
  #headStart(first: number, s: Sentence): number {
    let k = first - 1;
    while (k > s.first && ["DET", "ADJ", "NUM"].includes(this.#tok(k).pos)) k--;
    return k;
  }

  /** True when the verb at t is in the passive voice ("was attacked", "had been taken"). */
  passive(t: number, s: Sentence): boolean {
    const tok = this.#tok(t);
    // "the mission, endorsed by the Security Council, …": the noun before the aside is the target
    if (this.#reducedPassive(t, s) || this.describes(t, s)) return true;
    if (tok.pos !== "VERB" || /ing$/.test(tok.lower)) return false;
    for (let k = t - 1; k >= s.first && k >= t - 4; k--) {
      const p = this.#tok(k);
      if (p.lower === "been" || p.lower === "being") return true;
      if (ADVERBS.has(p.lower) || p.pos === "ADV") continue;
      if ((p.pos === "AUX" || p.lemma === "get") && (p.lemma === "be" || p.lemma === "get")) return true;
      break;
    }
    return this.#elidedPassive(t, s) || this.#headlinePassive(t, s);
  }

  /** "the couple abducted by militants", "a convoy ambushed by gunmen": a participle after its noun, with "by" its doer. */
  #reducedPassive(t: number, s: Sentence): boolean {
    const tok = this.#tok(t);
    const prev = this.#tok(t - 1);
    if (t <= s.first || !/ed$/.test(tok.lower) || !prev || !["NOUN", "PROPN"].includes(prev.pos)) return false;
    // "militants accused of bombings", "a man charged with murder": what the noun is charged with
    if (CHARGE_PARTICIPLES.has(tok.lower) && /^(of|with|over)$/.test(this.#tok(t + 1)?.lower ?? "") && mentionAt(this.#ctx, t - 1)) return true;
    const by = this.#tok(t + 1)?.lower === "by" ? t + 1 : -1;
    return by > 0 && (mentionAt(this.#ctx, by + 1) !== null || mentionAt(this.#ctx, by + 2) !== null);
  }

  /**
   * "12 militants killed in North Waziristan", "At least 9 killed in attack": a headline drops
   * "were"; a number counts the subject and no object follows the participle.
   */
  #headlinePassive(t: number, s: Sentence): boolean {
    const tok = this.#tok(t);
    if (!/ed$/.test(tok.lower)) return false;
    const next = this.#tok(t + 1);
    if (next && ["DET", "NUM", "NOUN", "PROPN", "PRON", "ADJ"].includes(next.pos)) return false;
    for (let k = t - 1; k >= s.first && k >= t - 4; k--) {
      const p = this.#tok(k);
      // "doctors from two aid groups donated …": a number after a preposition counts no subject
      if (p.pos === "NUM") return this.#tok(k - 1)?.pos !== "ADP";
      // "dozens of soldiers killed in attack": a count in words
      if (p.lower === "of" && QUANTITIES.has(this.#tok(k - 1)?.lower ?? "") && HEADLINE_PASSIVES.has(tok.lemma)) return this.#tok(k - 2)?.pos !== "ADP";
      if (!["NOUN", "PROPN", "ADJ"].includes(p.pos)) return false;
      // "Soldiers killed in Niger ambush": a headline opening with those a verb that needs an
      // object did something to, a place or a cause right after it
      if (k === s.first && HEADLINE_PASSIVES.has(tok.lemma) && next?.pos === "ADP" && next.lower !== "by") return true;
    }
    return false;
  }

  /** "eight were killed and five others injured": a participle whose "were" the passive before "and" gives it. */
  #elidedPassive(t: number, s: Sentence): boolean {
    if (!/ed$/.test(this.#tok(t).lower)) return false;
    for (let k = t - 1; k > s.first && k >= t - 4; k--) {
      const p = this.#tok(k);
      if (p.lower === "and") {
        const before = this.#tok(k - 1);
        return before.pos === "VERB" && /ed$/.test(before.lower) && this.passive(k - 1, s);
      }
      if (!["NUM", "NOUN", "ADJ", "DET"].includes(p.pos)) return false;
    }
    return false;
  }

  /** The subject mentions to the left of token t: [mentions], or [] when none. */
  subject(t: number, s: Sentence): Mention[] {
    /** A noun that is no actor stood between here and t: the clause's own subject, if a report opens it. */
    let bareNoun = false;
    /** "said … and denied", "X, who says …, has urged": t is no verb of the clause reported. */
    let crossed = false;
    /** "scare the people and warn them": past "and", a verb's object is not the next verb's subject. */
    let joined = false;
    for (let k = t - 1; k >= s.first; k--) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text)) break;
      if (tok.lower === "and" || tok.lower === "but") joined = true;
      // "the SDF said the strikes had targeted …": the clause reported has a subject of its own, not the speaker
      if (bareNoun && !crossed && tok.pos === "VERB" && REPORTING.has(tok.lemma)) return [];
      if (tok.text === "," || tok.lower === "and") crossed = true;
      if ((tok.pos === "NOUN" || tok.pos === "PROPN") && !mentionAt(this.#ctx, k)) bareNoun = true;
      // "one day after a Serbian army jet shot down …": a clause opened right before its own
      // subject, a noun that is no actor, does not take the main clause's
      if (bareNoun && CLAUSE_OPENERS.has(tok.lower) && this.#clauseSubject(k + 1, t)) return [];
      if (this.#aside[k] && !this.#aside[t]) continue;
      // "the PKK, which has waged an insurgency": a relative pronoun stands for the mention just before it
      if (RELATIVES.has(tok.lower)) {
        const m = mentionAt(this.#ctx, this.#tok(k - 1)?.text === "," ? k - 2 : k - 1);
        return m && !m.locative ? [m] : [];
      }
      if (PRONOUNS.has(tok.lower) && !mentionAt(this.#ctx, k)) {
        if (this.#expletive(k)) return [];
        // "X said it had …", "X said on Friday that they would …": the pronoun is the speaker
        const say = this.#reportBefore(k, s);
        if (say !== null) {
          const speaker = this.subject(say, s)[0];
          if (speaker) return [{ ...speaker, start: tok.start, end: tok.end, first: k, last: k + 1, via: "pronoun" }];
        }
        const resolved = this.#pronoun(tok.lower, k);
        return resolved ? [resolved] : [];
      }
      const m = mentionAt(this.#ctx, k);
      if (!m) continue;
      k = m.first;
      const before = this.#tok(this.#headStart(m.first, s));
      // "with the people rallying behind X": the absolute construction's subject follows "with"
      const absolute = before?.lower === "with" && /ing$/.test(this.#tok(t).lower);
      // "thousands of Kurds", "members of the union": the people counted are the subject
      const quantity = this.#headStart(m.first, s) - 1;
      let counted = before?.lower === "of" && QUANTITIES.has(this.#tok(quantity)?.lower ?? "");
      if (counted) {
        let governor = this.#headStart(quantity, s);
        // "tens of thousands of supporters", "hundreds of thousands of people": a count of a count
        while (this.#tok(governor)?.lower === "of" && QUANTITIES.has(this.#tok(governor - 1)?.lower ?? "")) governor = this.#headStart(governor - 1, s);
        counted = !PREPOSITIONS.has(this.#tok(governor)?.lower ?? "");
      }
      // "fired tear gas at protesters demanding …": a participle right after a noun says what that noun does
      const reduced = m.last === t && /ing$/.test(this.#tok(t).lower) && before?.lower !== "by" &&
        !["state", "other"].includes(this.#ctx.entities.get(m.entity)?.kind ?? "other");
      // "About 100 students demonstrated", "Up to 1,000 ethnic Turks began": a preposition that qualifies a count
      const approximate = before && this.#approximate(this.#headStart(m.first, s));
      // "withdrew after the rebels attacked": a clause's opener, not a preposition, right before its subject
      const opened = before !== undefined && CLAUSE_OPENERS.has(before.lower) && this.#verbGroup(m.last, t);
      if (m.first > s.first && before && PREPOSITIONS.has(before.lower) && !absolute && !counted && !reduced && !approximate && !opened) continue;
      if (m.locative) continue;
      // ("frightened" may be tagged as an adjective, yet it takes the object as a verb would)
      let g = m.first - 1;
      while (g > s.first && ["DET", "NUM"].includes(this.#tok(g).pos)) g--;
      const gov = this.#tok(g);
      const verbBefore = before?.pos === "VERB" || (g < m.first - 1 && gov?.pos === "ADJ" && /ed$/.test(gov.lower));
      const verb = before?.pos === "VERB" ? before : gov;
      if (joined && verbBefore && verb && verb.lemma !== "be" && !REPORTING.has(verb.lemma) && m.first > s.first) {
        // "wants X to not just terrorise the locals, but also lend …": an infinitive's subject is the one it was given
        const v = before?.pos === "VERB" ? this.#headStart(m.first, s) - 1 : g;
        if (this.#infinitive(v, s)) return this.subject(v, s);
        continue;
      }
      return this.#coordinated(m, s, -1);
    }
    return [];
  }

  /**
   * True when the verb at t opens its clause after a subject of its own, right after "after",
   * "when", "because" ("a day after a Peruvian navy patrol boat struck"): the main clause's
   * subject is not its doer.
   */
  ownClause(t: number, s: Sentence): boolean {
    let k = t - 1;
    while (k > s.first && (VERB_GROUP.has(this.#tok(k).pos) || NOUN_PHRASE.has(this.#tok(k).pos))) k--;
    return CLAUSE_OPENERS.has(this.#tok(k)?.lower ?? "") && this.#clauseSubject(k + 1, t);
  }

  /** True when tokens [from, to) are only auxiliaries, adverbs and particles ("had reportedly"), or none. */
  #verbGroup(from: number, to: number): boolean {
    // (an aside between stands outside the clause: "after the army, backed by ATMIS, launched")
    for (let k = from; k < to; k++) if (!VERB_GROUP.has(this.#tok(k).pos) && !(this.#aside[k] && !this.#aside[to])) return false;
    return true;
  }

  /**
   * True when tokens [from, to) are a clause's subject and its verb group: a noun phrase
   * (determiners, numbers, adjectives, nouns) naming something, then auxiliaries and adverbs
   * ("the NPFL had").
   */
  #clauseSubject(from: number, to: number): boolean {
    let k = to;
    while (k > from && VERB_GROUP.has(this.#tok(k - 1).pos)) k--;
    for (let j = from; j < k; j++) if (!NOUN_PHRASE.has(this.#tok(j).pos)) return false;
    return this.#ctx.a.tokens.slice(from, k).some((x) => x.pos !== "DET");
  }

  /** True when the verb at v is an infinitive: "to" before it, past adverbs ("to not just terrorise"). */
  #infinitive(v: number, s: Sentence): boolean {
    let k = v - 1;
    while (k > s.first && ADVERBS.has(this.#tok(k).lower)) k--;
    return this.#tok(k)?.lower === "to";
  }

  /** True when the word at k qualifies the number after it ("about 100", "up to 1,000", "more than 50"). */
  #approximate(k: number): boolean {
    const t = this.#tok(k);
    if (!t || this.#tok(k + 1)?.pos !== "NUM") return false;
    let first = k;
    if (t.lower === "to" || t.lower === "than") {
      if (!(t.lower === "to" ? ["up"] : ["more", "fewer", "less"]).includes(this.#tok(k - 1)?.lower ?? "")) return false;
      first = k - 1;
    } else if (!["about", "around", "over", "nearly", "almost", "approximately", "roughly", "some", "under"].includes(t.lower)) return false;
    // the count opens a clause ("About 100 students marched", ", and up to 50 …"), not a verb's object ("killed more than 50 hostages")
    const prev = this.#tok(first - 1);
    return !prev || prev.sentence !== t.sentence || prev.pos === "PUNCT" || prev.pos === "CCONJ" || prev.pos === "SCONJ";
  }

  /** "it is important to …", "it was likely that …": an "it" that stands for no actor. */
  #expletive(k: number): boolean {
    if (this.#tok(k).lower !== "it") return false;
    let j = k + 1;
    while (this.#tok(j)?.pos === "AUX" || this.#tok(j)?.pos === "ADV" || this.#tok(j)?.lower === "been") j++;
    if (j === k + 1 || !IMPERSONAL.has(this.#tok(j)?.lower ?? "")) return false;
    const after = this.#tok(j + 1)?.lower ?? "";
    return after === "to" || after === "that";
  }

  /** The first actor mentioned among tokens [from, to), not a place: the doer a phrase names inside it. */
  inside(from: number, to: number): Mention[] {
    for (let k = from; k < to; k++) {
      const m = mentionAt(this.#ctx, k);
      if (m && !m.locative && m.last <= to) return [m];
    }
    return [];
  }

  /** The doer of a verb at t: ", accusing Hamas of …", a participle after a comma, belongs to the main clause's subject. */
  doer(t: number, s: Sentence): Mention[] {
    if (trailingParticiple(this.#ctx.a.tokens, t, s.first)) return this.mainSubject(s);
    // "surrounded his house overnight before later withdrawing": a participle after a time word has the main clause's subject
    let k = t - 1;
    while (k > s.first && this.#tok(k).pos === "ADV") k--;
    if (/ing$/.test(this.#tok(t).lower) && TIME_LINKS.has(this.#tok(k)?.lower ?? "")) return this.mainSubject(s);
    return this.subject(t, s);
  }

  /**
   * True when the verb at t opens an aside that describes the noun before it (", backed by the
   * African Union, launched"): a description, which the relations read, not an act of its own.
   */
  describes(t: number, s: Sentence): boolean {
    return this.#tok(t - 1)?.text === "," && agentPhrase(this.#ctx.a.tokens, t - 1, s.last);
  }

  /** True when the verb at t is a joint-action participle ("backed") opening such an aside. */
  joins(t: number, s: Sentence): boolean {
    return JOINT_PARTICIPLES.has(this.#tok(t).lower) && this.describes(t, s);
  }

  /**
   * Those who act with the subject ending before t, named in an aside between them ("Somalia's
   * army, backed by ATMIS, launched …"): the doers after "by" of a joint-action participle.
   */
  jointDoers(subject: Mention[], t: number, s: Sentence): Mention[] {
    const last = subject[subject.length - 1];
    if (!last) return [];
    for (let k = last.last; k < t - 2; k++) {
      if (this.#tok(k).text !== "," || !JOINT_PARTICIPLES.has(this.#tok(k + 1).lower) || !agentPhrase(this.#ctx.a.tokens, k, s.last)) continue;
      return this.agent(k + 2, s).filter((m) => !subject.some((x) => x.entity === m.entity));
    }
    return [];
  }

  /**
   * The state or body named after "from" or "to" in the clause after token t: where envoys are
   * recalled from or to ("recalled its ambassador from Somalia"); [] when none.
   */
  leftFor(t: number, s: Sentence): Mention[] {
    for (let k = t; k < s.last && k < t + 8; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text) || tok.text === ",") return [];
      if (tok.lower !== "from" && tok.lower !== "to") continue;
      const m = this.#mentionPast(k + 1, s, 3, MODIFIERS);
      return m ? [m] : [];
    }
    return [];
  }

  /** True when a reporting verb stands between tokens `from` and `to` ("said … and accused"). */
  reportedBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.#tok(k).pos === "VERB" && REPORTING.has(this.#tok(k).lemma)) return true;
    return false;
  }

  /** The reporting verb just before token k ("said on Friday that they"), or null. */
  #reportBefore(k: number, s: Sentence): number | null {
    for (let j = k - 1; j >= s.first && j >= k - 5; j--) {
      const t = this.#tok(j);
      if (t.pos === "VERB") return REPORTING.has(t.lemma) ? j : null;
      if (STOPS.has(t.text)) return null;
    }
    return null;
  }

  /** The subject of the sentence's main clause: its first actor before the first verb. */
  mainSubject(s: Sentence, skipReport = false): Mention[] {
    let from = s.first;
    for (let k = s.first; k < s.last; k++) {
      const tok = this.#tok(k);
      // "the U.S.-backed militia": a hyphened participle describes
      if (tok.pos !== "VERB" || this.#tok(k - 1)?.text === "-") continue;
      // "An official said (that) the Taliban is …": the clause reported is what the sentence is about
      if (skipReport && REPORTING.has(tok.lemma) && k > from) { from = k + 1; continue; }
      return from > s.first ? this.#subjectBetween(from, k, s) : this.subject(k, s);
    }
    // no verb tagged after the report ("… said that the Taliban is too busy fighting"): its first actor
    for (let k = from; from > s.first && k < s.last; k++) {
      const m = mentionAt(this.#ctx, k);
      if (m && !PREPOSITIONS.has(this.#tok(m.first - 1)?.lower ?? "") && !m.locative) return [m];
    }
    return [];
  }

  #subjectBetween(from: number, to: number, s: Sentence): Mention[] {
    const found = this.subject(to, s);
    return found.filter((m) => m.first >= from);
  }

  /** The first object mention to the right of token t, within the clause. */
  object(t: number, s: Sentence, allowBy = false): Mention[] {
    for (let k = t; k < s.last && k < t + 12; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text) || (k > t && OBJECT_STOPS.has(tok.lower))) break;
      // "…, its foreign minister said": the speaker is no object
      if (k > t && tok.text === "," && this.#saysWithin(k + 1, s, 5)) break;
      if (k > t && (tok.lower === "said" || tok.lower === "says" || tok.lower === "and" && this.#verbAt(k + 1))) break;
      // "seized the town and the army shelled it": a new clause begins after "and"
      if (k > t && tok.lower === "and" && this.#clauseAfter(k + 1)) break;
      const m = mentionAt(this.#ctx, k);
      // "warn them against …": the object is the pronoun, whatever follows
      if (!m && k <= t + 1 && OBJECT_PRONOUNS.has(tok.lower) && tok.pos === "PRON" &&
        !(tok.lower === "her" && ["NOUN", "ADJ", "PROPN", "NUM"].includes(this.#tok(k + 1)?.pos ?? ""))) {
        const back = this.#objectAntecedent(t, s, tok.lower);
        return back ? [{ ...back, start: tok.start, end: tok.end, first: k, last: k + 1, via: "pronoun", locative: false }] : [];
      }
      if (!m) continue;
      const before = this.#tok(this.#headStart(m.first, s));
      if (m.locative && !OBJECT_PREPOSITIONS.has(before?.lower ?? "")) { k = m.last - 1; continue; }
      // "against abuses by the police": the doer of the deed objected to is the target; else "by" names an agent
      const deed = this.#tok(this.#headStart(m.first, s) - 1);
      if (!allowBy && before?.lower === "by" && !(deed?.pos === "NOUN" && DEEDS.test(deed.lower)) && !this.#ownerBy(this.#headStart(m.first, s), t)) { k = m.last - 1; continue; }
      // "Iran-backed", "Pakistan-based": a modifier of another actor, not the object
      // ("Israeli-linked ships", "Russian-flagged tankers" do name the target)
      if (this.#tok(m.last)?.text === "-" && MODIFIER_PARTICIPLES.has(this.#tok(m.last + 1)?.lower ?? "")) { k = m.last; continue; }
      // "Bosnian Serb leader Milorad Dodik", "Kenyan opposition leader Amani Odhiambo": a demonym or
      // an office before a person's name qualifies the person
      const person = m.via === "adjective" || m.via === "agent" ? this.#personAfter(m.last, s) : null;
      if (person) return this.#coordinated(person, s, 1);
      // "an offensive into northern Syria against the SDF": the land entered is no target when the
      // ones fought are named after "against"
      const against = before?.lower === "into" ? this.#againstAfter(m.last, s, t + 16) : null;
      return this.#coordinated(against ?? m, s, 1);
    }
    return [];
  }

  /** The side named after an "against" in the same phrase, from token `k` to `limit`, or null. */
  #againstAfter(k: number, s: Sentence, limit: number): Mention | null {
    for (; k + 1 < s.last && k < limit; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text) || tok.text === "," || tok.pos === "VERB" || tok.pos === "AUX") return null;
      if (tok.lower !== "against") continue;
      const m = this.#mentionPast(k + 1, s, 4, MODIFIERS_AND_COUNTS);
      return m && !m.locative ? m : null;
    }
    return null;
  }

  /**
   * The mention at token `from`, or after words of the given parts of speech ("the", "new",
   * "three"), at most `reach` tokens on; null when another word comes first.
   */
  #mentionPast(from: number, s: Sentence, reach: number, modifiers: ReadonlySet<string>): Mention | null {
    for (let j = from; j < s.last && j < from + reach; j++) {
      const m = mentionAt(this.#ctx, j);
      if (m) return m;
      if (!modifiers.has(this.#tok(j).pos)) return null;
    }
    return null;
  }

  /**
   * True when the "by" at `by` follows a target's owner participle, no further back than token t:
   * "positions held by Hezbollah", "targets used by the groups and by the Guards".
   */
  #ownerBy(by: number, t: number): boolean {
    for (let j = by - 1; j >= t && j >= by - 8; j--) {
      const tok = this.#tok(j);
      if (OWNER_PARTICIPLES.has(tok.lower)) return j > t && (["NOUN", "PROPN"].includes(this.#tok(j - 1)?.pos ?? "") || mentionAt(this.#ctx, j - 1) !== null);
      if (STOPS.has(tok.text) || tok.text === "," || tok.pos === "VERB" || tok.pos === "AUX") return false;
    }
    return false;
  }

  /**
   * The attacker named after "by" behind a weapon between tokens `from` and `to`: "rockets fired
   * by Hezbollah", "a roadside bomb planted by militants". [] when there is none.
   */
  weaponAgent(from: number, to: number, s: Sentence): Mention[] {
    for (let k = Math.max(from, s.first + 1); k < to && k + 1 < s.last; k++) {
      if (!WEAPON_PARTICIPLES.has(this.#tok(k).lower) || this.#tok(k + 1).lower !== "by") continue;
      let w = k - 1;
      while (w > k - 3 && w > s.first && !WEAPONS.has(this.#tok(w).lower)) w--;
      if (!WEAPONS.has(this.#tok(w).lower)) continue;
      const by = this.agent(k + 1, s);
      if (by.length) return by;
    }
    return [];
  }

  /** A person named within a few capitalised or title words after token k, in the same noun phrase. */
  #personAfter(k: number, s: Sentence): Mention | null {
    for (let j = k; j < s.last && j < k + 4; j++) {
      const m = mentionAt(this.#ctx, j);
      if (m) return this.#ctx.entities.get(m.entity)?.kind === "person" ? m : null;
      const tok = this.#tok(j);
      if (tok.pos !== "PROPN" && tok.pos !== "NOUN" && tok.pos !== "ADJ") return null;
    }
    return null;
  }

  /** True for a verb at k, not a bare form before a noun that the tagger misread ("and live ammunition"). */
  #verbAt(k: number): boolean {
    const t = this.#tok(k);
    return t?.pos === "VERB" && !(this.#tok(k + 1)?.pos === "NOUN" && !/(?:ed|ing)$/.test(t.lower));
  }

  /** True when a clause with its own subject begins at k ("… and the army shelled it"). */
  #clauseAfter(k: number): boolean {
    const m = mentionAt(this.#ctx, this.#tok(k)?.pos === "DET" ? k + 1 : k);
    const after = m ? this.#tok(m.last) : undefined;
    return Boolean(after && (after.pos === "VERB" || after.pos === "AUX") && !/ing$/.test(after.lower) && !MODIFIER_PARTICIPLES.has(after.lower));
  }

  /**
   * "scare the people and warn them", "arrested protesters and beat them": the object pronoun of the
   * verb at t means the nearest actor before it in the sentence that is not that verb's subject.
   */
  #objectAntecedent(t: number, s: Sentence, word: string): Mention | null {
    const subject = new Set(this.subject(t, s).map((m) => m.entity));
    // "Protesters gathered outside the parliament. Police used tear gas to disperse them.": the
    // sentence before, in the same paragraph, when this one names no one else
    const before = this.#ctx.a.sentences[this.#tok(s.first).sentence - 1];
    const from = before && before.paragraph === s.paragraph ? before.first : s.first;
    for (let k = t - 1; k >= from; k--) {
      const m = mentionAt(this.#ctx, k);
      if (!m) continue;
      k = m.first;
      const kind = this.#ctx.entities.get(m.entity)?.kind;
      if (m.locative || subject.has(m.entity) || kind === "state") continue;
      if ((word === "them") === (kind === "person")) continue;
      return m;
    }
    return null;
  }

  /** "took control of the district from the SDF", "recaptured the town from rebels": the side a place was taken from. */
  takenFrom(t: number, s: Sentence): Mention[] {
    for (let k = t; k < s.last && k < t + 16; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text) || (k > t && OBJECT_STOPS.has(tok.lower))) break;
      if (tok.lower !== "from") continue;
      // "from the Kurdish-led SDF": past the modifiers to the name they qualify
      for (let j = k + 1; j < s.last && j < k + 7; j++) {
        const m = mentionAt(this.#ctx, j);
        // ("from RSF" may read as where someone is from; an armed force is still the one it was taken from)
        const held = m && (!m.locative || ARMED_KINDS.has(this.#ctx.entities.get(m.entity)?.kind ?? "other"));
        if (m && this.#tok(m.last)?.text !== "-") return held ? this.#coordinated(m, s, 1) : [];
        if (m) { j = m.last; continue; }
        if (!["DET", "ADJ", "VERB", "PUNCT", "PROPN"].includes(this.#tok(j)?.pos ?? "") || STOPS.has(this.#tok(j)?.text ?? "")) break;
      }
      return [];
    }
    return [];
  }

  /** The subject of an "if" clause after token t ("… if the United States goes ahead"). */
  conditionSubject(t: number, s: Sentence): Mention[] {
    for (let k = t; k < s.last && k < t + 25; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text)) break;
      if (tok.lower !== "if" && tok.lower !== "unless") continue;
      for (let j = k + 1; j < s.last && j < k + 4; j++) {
        const m = mentionAt(this.#ctx, j);
        if (m) return m.locative ? [] : this.#coordinated(m, s, 1);
        if (this.#tok(j).pos === "VERB" || this.#tok(j).pos === "AUX") break;
      }
      break;
    }
    return [];
  }

  /** A place that stands for its government as target ("a curfew in Algiers", "aid to Iraq"). */
  placeObject(t: number, s: Sentence): Mention[] {
    for (let k = t; k < s.last && k < t + 14; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text) || (k > t && OBJECT_STOPS.has(tok.lower))) break;
      const m = mentionAt(this.#ctx, k);
      if (m?.locative && this.#ctx.entities.get(m.entity)?.kind === "state") return [m];
      if (m) k = m.last - 1;
    }
    return [];
  }

  #saysWithin(k: number, s: Sentence, n: number): boolean {
    for (let j = k; j < Math.min(s.last, k + n); j++) {
      const t = this.#tok(j);
      if (t.pos === "VERB" && (t.lemma === "say" || t.lemma === "tell" || t.lemma === "add")) return true;
    }
    return false;
  }

  /**
   * The agent after "by" (passive voice, event nouns), or after "from" when asked ("a proposal from X").
   * For an event noun (`ofNoun`), a deed named in between takes the agent: "protests against abuses by the police".
   */
  agent(t: number, s: Sentence, orFrom = false, ofNoun = false): Mention[] {
    for (let k = t; k < s.last && k < t + 8; k++) {
      const tok = this.#tok(k);
      if (STOPS.has(tok.text)) break;
      // "a video of the strike released by the White House": the agent of another verb
      if (!orFrom && tok.pos === "VERB" && !LIGHT_VERBS.has(tok.lemma)) break;
      if (ofNoun && k > t && tok.pos === "NOUN" && DEEDS.test(tok.lower) && !mentionAt(this.#ctx, k)) break;
      if (tok.lower !== "by" && !(orFrom && tok.lower === "from")) continue;
      // "by the morality police", "by heavily armed gunmen": past a determiner and modifiers to the agent
      for (let j = k + 1; j < s.last && j <= k + 4; j++) {
        const m = mentionAt(this.#ctx, j);
        if (m) return this.#coordinated(m, s, 1);
        const w = this.#tok(j);
        if (j > k + 1 && w.pos !== "ADJ" && w.pos !== "NOUN" && w.pos !== "ADV") break;
      }
    }
    return [];
  }

  /** "X and Y", "X, Y and Z": the mentions coordinated with m, in the given direction. */
  #coordinated(m: Mention, s: Sentence, dir: -1 | 1): Mention[] {
    const out = [m];
    let cur = m;
    for (;;) {
      // "both the Taliban and the army": a determiner stands between the join and the mention before it
      const joinAt = dir < 0 ? cur.first - (this.#tok(cur.first - 1)?.lower === "the" ? 2 : 1) : cur.last;
      const join = this.#tok(joinAt);
      if (!join || (join.lower !== "and" && join.text !== "," && join.text !== "&")) break;
      // "killing two people, rights groups said": a comma joins only inside a list that goes on ("X, Y and Z")
      if (join.text === "," && !this.#listGoesOn(cur, s, dir, out.length)) break;
      let k = dir < 0 ? joinAt - 1 : joinAt + 1;
      // "both X and Y", "X and the Y"
      if (dir > 0 && ["the", "both", "a", "an"].includes(this.#tok(k)?.lower ?? "")) k++;
      const next = mentionAt(this.#ctx, k);
      if (!next || next.first < s.first || next.last > s.last || next === cur) break;
      out.push(next);
      cur = next;
      k = dir < 0 ? next.first - 1 : next.last;
    }
    return out;
  }

  #listGoesOn(cur: Mention, s: Sentence, dir: -1 | 1, found: number): boolean {
    if (dir < 0) return found >= 2 || ["and", "&"].includes(this.#tok(cur.last)?.lower ?? "");
    const next = mentionAt(this.#ctx, this.#tok(cur.last + 1)?.lower === "the" ? cur.last + 2 : cur.last + 1);
    const after = next ? this.#tok(next.last) : undefined;
    return Boolean(next && next.last < s.last && after && (after.text === "," || ["and", "or", "&"].includes(after.lower)));
  }

  /** "it", "they", "he": the last entity that acted, of a fitting kind. */
  #pronoun(word: string, k: number): Mention | null {
    const person = word === "he" || word === "she";
    // "comments made by Netanyahu, where he accused …": with no person acting before, the person named nearest
    const key = person ? this.#lastPerson ?? this.#personBefore(k) : this.#lastSubjects[0] ?? null;
    if (!key) return null;
    const tok = this.#tok(k);
    return { start: tok.start, end: tok.end, first: k, last: k + 1, entity: key, via: "pronoun", locative: false };
  }

  /** The nearest person named before token k in its sentence, or null. */
  #personBefore(k: number): string | null {
    const sentence = this.#tok(k).sentence;
    for (let j = k - 1; j >= 0 && this.#tok(j).sentence === sentence; j--) {
      const m = mentionAt(this.#ctx, j);
      if (m && this.#ctx.entities.get(m.entity)?.kind === "person") return m.entity;
      if (m) j = m.first;
    }
    return null;
  }

  /** Record the subject of a clause for later pronouns; generic agents are never "it". */
  remember(ms: Mention[]): void {
    const keys = ms.map((m) => this.#entityOf(m)).filter((k) => {
      const e = this.#ctx.entities.get(k);
      return e && (e.named || e.country);
    });
    if (keys.length === 0) return;
    const first = this.#ctx.entities.get(keys[0] as string);
    if (first?.kind === "person") this.#lastPerson = first.key;
    else this.#lastSubjects = keys;
  }

  /** Arguments of an event noun: pre-modifier or possessive actor, "on/against X", "by Y", "between X and Y". */
  nominal(trig: Trigger, s: Sentence): { actor: Mention[]; recipient: Mention[] } {
    const actor: Mention[] = [];
    let placedSubject = false;
    // "a U.S. drone strike", "Israeli airstrikes", "the army's offensive"
    // "a Russian Shahed drone strike": a weapon's name may stand between
    let reach = 4;
    for (let k = trig.first - 1; k >= s.first && k >= trig.first - reach; k--) {
      const m = mentionAt(this.#ctx, k);
      // "Pakistani and Afghan forces clash": every side coordinated before the noun
      if (m) {
        if (!m.locative) actor.push(...this.#coordinated(m, s, -1));
        // "Security forces in South Sudan arrest X": a headline's subject placed before its verb read as a noun
        else {
          const at = this.#headStart(m.first, s);
          const subject = mentionAt(this.#ctx, at - 1);
          if (subject && !subject.locative && subject.first === s.first && subject.last === at && LOCATIVES.has(this.#tok(at).lower)) {
            actor.push(subject);
            placedSubject = true;
          }
        }
        break;
      }
      const tok = this.#tok(k);
      // "a Russian missile and drone attack": weapons joined by "and" before the noun
      const joinedNouns = tok.lower === "and" && k + 1 === trig.first && this.#tok(k - 1)?.pos === "NOUN" && this.#tok(k + 1)?.pos === "NOUN";
      if (joinedNouns) reach += 2;
      else if (tok.pos !== "ADJ" && tok.pos !== "DET" && tok.pos !== "NOUN" && tok.pos !== "NUM" && tok.pos !== "PROPN" && tok.text !== "'s") break;
    }
    let recipient: Mention[] = [];
    const next = this.#tok(trig.last);
    if (trig.twoSided && next && (next.lower === "between" || next.lower === "with" || next.lower === "involving")) {
      const sides = this.object(trig.last, s);
      return { actor: [...actor, ...sides], recipient: [] };
    }
    const nextText = next?.lower ?? "";
    // "the withdrawal of Ethiopian troops from Somalia": a noun whose "of" names those who act, and
    // its own preposition after them the target
    if (actor.length === 0 && nextText === "of" && trig.ofDoer !== undefined) {
      const sides = this.object(trig.last + 1, s);
      const end = sides.reduce((last, m) => Math.max(last, m.last), trig.last + 1);
      if (sides.length > 0) {
        // named right after the preposition (not an actor further on in the sentence)
        const target = this.#tok(end)?.lower === trig.ofDoer ? this.object(end + 1, s).filter((m) => m.first <= end + 3) : [];
        return { actor: sides, recipient: target.filter((m) => !sides.some((a) => a.entity === m.entity)) };
      }
    }
    // "talks with X", "the suspension of links with X" name the other side; "an attack with X" the means or the company
    const partner = nextText === "with" && !BY_FORCE.has(trig.type);
    if (OBJECT_PREPOSITIONS.has(nextText) && (nextText !== "with" || partner) || nextText === "targeting") recipient = this.object(trig.last + 1, s);
    // "members warning U.S. forces": an -ing form read as a noun that takes a direct object
    if (recipient.length === 0 && /ing$/.test(this.#tok(trig.head).lower) && mentionAt(this.#ctx, trig.last)) recipient = this.object(trig.last, s);
    // "Police arrest opposition leader": a headline's verb read as a noun right after its subject takes an object
    const subjectFirst = actor.length === 1 && actor[0]?.first === s.first && (actor[0].last === trig.first || placedSubject);
    if (recipient.length === 0 && subjectFirst && ["DET", "NOUN", "PROPN", "NUM", "ADJ"].includes(next?.pos ?? "")) recipient = this.object(trig.last, s);
    // "his threat to launch an offensive": the owner is the actor
    const owner = this.#tok(trig.first - 1);
    if (actor.length === 0 && owner && ["his", "her", "its", "their"].includes(owner.lower)) {
      const resolved = this.#pronoun(owner.lower === "his" || owner.lower === "her" ? "he" : "it", trig.first - 1);
      if (resolved) actor.push(resolved);
    }
    // "a suicide bomber killed 12": a noun that names the doer of the act is its actor
    const doer = actor.length === 0 ? mentionAt(this.#ctx, trig.head) : undefined;
    if (doer && !doer.locative && doer.last === trig.last) actor.push(doer);
    const by = this.agent(trig.last, s, false, true);
    // "Dodik's conviction by a state court", "the rebels' defeat by the army": with a doer after
    // "by", the owner is the one the act was done to
    const possessor = actor[actor.length - 1];
    const owned = possessor !== undefined && recipient.length === 0 && by.length > 0 &&
      this.#ctx.a.tokens.slice(possessor.last, trig.first).some((t) => /^['’]s?$/.test(t.text));
    if (owned) return { actor: by, recipient: actor };
    if (by.length) actor.push(...by);
    return { actor, recipient };
  }
}

/**
 * ", killing four soldiers", ", killing four and wounding nine": a participle after a comma, or
 * joined by "and" to one after a comma, tells the outcome of the clause before it.
 */
export function trailingParticiple(tokens: readonly Token[], t: number, stopAt: number): boolean {
  if (!/ing$/.test((tokens[t] as Token).lower)) return false;
  const prev = tokens[t - 1];
  if (prev?.text === ",") return true;
  if (prev?.lower !== "and") return false;
  for (let k = t - 2; k > stopAt && k >= t - 10; k--) {
    const tok = tokens[k] as Token;
    if (tok.pos === "VERB" && /ing$/.test(tok.lower)) return tokens[k - 1]?.text === ",";
    if (tok.pos === "VERB" || tok.pos === "AUX" || tok.text === "." || tok.text === ";") return false;
  }
  return false;
}

const ASIDE_OPENERS = wordClass("aside-openers");
const RELATIVE_WORDS = wordClass("relative-words");

/** ", al-Qaeda's affiliate in the Sahel, claimed": a verbless phrase between commas, right before a verb. */
function appositive(tokens: Token[], k: number, last: number): boolean {
  // "the U.S.-backed militia that leads the administration,": a relative clause inside the phrase has verbs of its own
  let relative = false;
  for (let j = k + 1; j < Math.min(last, k + 16); j++) {
    const t = tokens[j] as Token;
    if (j > k + 1 && RELATIVE_WORDS.has(t.lower)) relative = true;
    // "Algeria's leading rights activist": a participle before its noun describes it
    const attributive = t.pos === "VERB" && ((/(ing|ed)$/.test(t.lower) && ["PART", "DET", "ADJ"].includes(tokens[j - 1]?.pos ?? "")) || tokens[j - 1]?.text === "-") &&
      ["NOUN", "ADJ", "PROPN"].includes(tokens[j + 1]?.pos ?? "");
    if (((t.pos === "VERB" || t.pos === "AUX") && !attributive && !relative) || t.text === ";") return false;
    // ", a key ally of Washington, has refused": the verb after the closing comma may follow an auxiliary
    if (t.text === ",") return j > k + 1 && verbNext(tokens, j + 1);
  }
  return false;
}

/**
 * ", backed by the African Union force, launched": a participle and its doer after "by" between
 * commas, with a verb after the closing comma, describe the noun before them.
 */
function agentPhrase(tokens: Token[], k: number, last: number): boolean {
  const p = tokens[k + 1];
  if (!p || p.pos !== "VERB" || !/ed$/.test(p.lower) || tokens[k + 2]?.lower !== "by") return false;
  for (let j = k + 3; j < Math.min(last, k + 16); j++) {
    const t = tokens[j] as Token;
    if (t.text === ",") return verbNext(tokens, j + 1);
    if (t.text === ";" || t.pos === "AUX") return false;
  }
  return false;
}

/** True when a verb group starts at token j: a verb, or an auxiliary or adverb before one. */
function verbNext(tokens: Token[], j: number): boolean {
  for (let x = j; x < j + 3; x++) {
    const t = tokens[x];
    if (t?.pos === "VERB") return true;
    if (t?.pos !== "ADV" && t?.pos !== "AUX") return false;
  }
  return false;
}

/** Mark tokens of relative clauses and appositions set off by commas, and of parentheses. */
function asides(ctx: DocContext): Uint8Array {
  const tokens = ctx.a.tokens;
  const mask = new Uint8Array(tokens.length);
  for (const s of ctx.a.sentences) {
    for (let k = s.first; k < s.last; k++) {
      const t = tokens[k] as Token;
      const open = t.text === "(" || (t.text === "," && (ASIDE_OPENERS.has(tokens[k + 1]?.lower ?? "") || appositive(tokens, k, s.last) || agentPhrase(tokens, k, s.last)));
      if (!open) continue;
      const close = t.text === "(" ? ")" : ",";
      let j = k + 1;
      while (j < s.last && (tokens[j] as Token).text !== close) j++;
      if (j >= s.last && close === ",") continue;
      for (let x = k; x <= Math.min(j, s.last - 1); x++) mask[x] = 1;
      k = j;
    }
  }
  return mask;
}
