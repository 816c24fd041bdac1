/**
 * The kind of a speaker from the words of its phrase: a named person (an official when a title
 * of office goes with the name anywhere in the text, an expert or a witness by the apposition),
 * else the head noun (officials, analysts, residents, sources, a ministry), else the actor named
 * (an organisation, or the media), else a name of unknown kind.
 */
import type { SpeakerKind } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext, Entity, Mention } from "../context.js";
import { mentionAt } from "../context.js";
import { NOT_IN_OFFICE, OFFICIAL_QUALIFIERS, roleOf, SELF, VAGUE, type Role } from "./roles.js";
import type { Range } from "./speaker.js";

export interface Speaking {
  kind: SpeakerKind;
  /** The named person speaking, if any. */
  person: Entity | null;
  /** The organisation speaking or the speaker's organisation. */
  org: Mention | null;
}

const PREPS = wordClass("speaker-role-breaks");
const QUANTIFIERS = /^(one|some|many|several|most|none|all|each|both|any|two|three|four|five|dozens|hundreds|majority|half|members|one-third)$/;
const INDEFINITE = /^(a|an|one|another|two|three|four|five|six|several|some|many|\d+|other|senior|some)$/;
const PERSONAL_ROLES: ReadonlySet<Role> = new Set(["expert", "witness", "kin", "office", "official", "source"]);
/** Names of outlets: "Radio Okapi", "The Kyiv Post", "Tasnim News Agency". */
const MEDIA_NAME = /\b(radio|tv|television|news|times|post|press|journal|gazette|herald|tribune|telegraph|agency|broadcasting|daily)\b/i;
const ORGISH = /\b(rights|human|commission|council|forces|army|front|party|movement|union|organi[sz]ation|group|committee|agency|ministry|office|institute|centre|center|network|platform|court|command|brigades?|alliance|coalition)\b/i;

export class SpeakerKinds {
  readonly #ctx: DocContext;

  constructor(ctx: DocContext) {
    this.#ctx = ctx;
  }

  #tok(k: number): Token {
    return this.#ctx.a.tokens[k] as Token;
  }

  #mentions(r: Range): Mention[] {
    const out: Mention[] = [];
    for (let k = r[0]; k < r[1]; k++) {
      const m = mentionAt(this.#ctx, k);
      if (m && !out.includes(m)) out.push(m);
    }
    return out;
  }

  #isPerson(m: Mention): boolean {
    const e = this.#ctx.entities.get(m.entity);
    if (e?.kind !== "person") return false;
    const text = this.#ctx.a.text.slice(m.start, m.end);
    // "NetBlocks", "The Yomiuri Shimbun": no person has a capital inside a word or an article
    const before = this.#ctx.a.tokens[m.first - 1]?.lower;
    return !/^[A-Z]{2,}$/.test(text) && !ORGISH.test(text) && !MEDIA_NAME.test(text) && !/\p{Ll}\p{Lu}/u.test(text) && before !== "the";
  }

  /** The head noun of the phrase in r: the last noun before a preposition or relative word. */
  head(r: Range): number {
    let head = -1;
    for (let k = r[0]; k < r[1]; k++) {
      const t = this.#tok(k);
      if (PREPS.has(t.lower) && head >= 0) {
        // "one of the protesters", "two of the officials": the head is in the of-phrase
        if (t.lower === "of" && QUANTIFIERS.test(this.#tok(head).lower)) { head = -1; continue; }
        break;
      }
      // "residents and health workers": the first of a list speaks for its kind
      // "the protesters this newspaper interviewed": a new phrase opens a relative clause
      if (t.pos === "DET" && head >= 0 && head === k - 1 && this.#tok(head).pos === "NOUN") break;
      if (t.text === "," || t.text === "(" || (t.lower === "and" || t.lower === "or") && head >= 0 && PERSONAL_ROLES.has(roleOf(this.#tok(head).lower) ?? "org")) break;
      if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM" || t.pos === "PRON" || roleOf(t.lower)) head = k;
    }
    return head;
  }

  #role(k: number): Role | null {
    return k >= 0 ? roleOf(this.#tok(k).lower) : null;
  }

  /** Classify the speaker whose subject phrase is `core`, with its asides. */
  classify(core: Range, asides: Range[]): Speaking {
    const cm = this.#mentions(core);
    const first = asides[0];
    // "the group's leader, Abdul Malik al-Houthi": a name right after the comma is the speaker
    // (or after a title: ", US Army Colonel X")
    const am = first ? this.#mentions(first).filter((m) => this.#isPerson(m) && this.#ctx.a.tokens.slice(first[0], m.first).every((t) => /^\p{Lu}/u.test(t.text))) : [];
    const personM = cm.find((m) => this.#isPerson(m)) ?? am[0] ?? null;
    // "according to the ISKP": an actor opening the phrase speaks, whatever preposition led to it
    const org = cm.find((m) => !this.#isPerson(m) && (!m.locative || m.first <= core[0] + 1)) ?? null;
    const coreHead = this.head(core);
    const asideHead = first ? this.head(first) : -1;
    const inPerson = (k: number) => personM !== null && k >= personM.first && k < personM.last;
    // "Some of the protesters Wikinews interviewed": the first noun with a role, if the head has none
    const headRole = coreHead >= 0 && !inPerson(coreHead) ? this.#role(coreHead) : null;
    const inName = (k: number) => inPerson(k) || (this.#ctx.entities.get(mentionAt(this.#ctx, k)?.entity ?? "")?.named ?? false);
    const coreRole = headRole ?? this.#firstRole(core, inName);
    const asideRole = this.#role(asideHead);
    if (personM) {
      const person = this.#ctx.entities.get(personM.entity) ?? null;
      // "Professor X", "Government spokesman X": the title just before the name
      let title: Role | null = null;
      for (let k = Math.min(personM.first, core[1]) - 1; k >= core[0] && !title; k--) title = this.#role(k);
      const roles = [asideRole, title];
      // "the UN Office for Humanitarian Affairs": an office whose name ends in a person-like name
      if (asideRole === "org" || headRole === "org" || title === "org") return { kind: "organization", person: null, org: personM };
      if (title === "media") return { kind: "media", person: null, org: personM };
      if (roles.includes("expert")) return { kind: "expert", person, org };
      if (roles.includes("witness")) return { kind: "witness", person, org };
      const official = person ? this.inOffice(person, [core, ...asides]) : false;
      return { kind: official ? "named_official" : "named_person", person, org };
    }
    // "Ana Ruiz, a researcher at …": a name the actor stage did not know, placed by its apposition
    const name = /^\p{Lu}[\p{L}'.-]+( \p{Lu}[\p{L}'.-]+)+$/u.test(this.#text(core));
    const byAside: Partial<Record<Role, SpeakerKind>> = { expert: "expert", witness: "witness", kin: "named_person", office: "named_official" };
    const kind = asideRole ? byAside[asideRole] : undefined;
    if (name && kind && coreRole === null) return { kind, person: null, org: null };
    // "Lawmaker Ana Ruiz", "analyst Tomas Berg": a title before a name the actor stage did not know
    const titled = this.#titledName(core);
    if (titled) return { kind: titled, person: null, org: null };
    return { ...this.unnamed(core, coreHead, coreRole, org), person: null };
  }

  /** A role word followed by a capitalised name that ends the phrase: its kind, else null. */
  #titledName(r: Range): SpeakerKind | null {
    const tokens = this.#ctx.a.tokens;
    let k = r[1];
    while (k > r[0] && tokens[k - 1]?.pos === "PROPN" && /^\p{Lu}/u.test(tokens[k - 1]?.text ?? "") && !this.#role(k - 1)) k--;
    if (r[1] - k < 2 || k <= r[0]) return null;
    const role = this.#role(k - 1);
    const byTitle: Partial<Record<Role, SpeakerKind>> = { expert: "expert", witness: "witness", office: "named_official", official: "named_official", kin: "named_person", org: "organization", media: "media" };
    return role ? byTitle[role] ?? null : null;
  }

  #firstRole(r: Range, skip: (k: number) => boolean): Role | null {
    for (let k = r[0]; k < r[1]; k++) {
      const role = skip(k) ? null : this.#role(k);
      if (role && role !== "org" && role !== "document") return role;
    }
    return null;
  }

  /** Does the mention name an institution ("the German embassy"), beyond "a Western embassy"? */
  #properName(m: Mention): boolean {
    return this.#ctx.a.text.slice(m.start, m.end).split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !VAGUE.test(w.toLowerCase()) && !/^(A|An|The)$/.test(w));
  }

  #text(r: Range): string {
    return this.#ctx.a.text.slice(this.#tok(r[0]).start, this.#tok(r[1] - 1).end);
  }

  /** A speaker without a name: by the head noun, then by the actor named. */
  unnamed(core: Range, head: number, role: Role | null, org: Mention | null): { kind: SpeakerKind; org: Mention | null } {
    const words = this.#ctx.a.tokens.slice(core[0], head >= 0 ? head : core[1]).map((t) => t.lower);
    const plural = head >= 0 && /s$/.test(this.#tok(head).lower) && !/ss$/.test(this.#tok(head).lower);
    switch (role) {
      case "expert": return { kind: "expert", org };
      case "witness": return { kind: "witness", org };
      case "kin": return { kind: "witness", org };
      case "source": return { kind: words.some((w) => OFFICIAL_QUALIFIERS.test(w)) ? "anonymous_official" : "anonymous_source", org };
      case "official": return { kind: "anonymous_official", org };
      case "office": return { kind: plural || words.some((w) => INDEFINITE.test(w)) ? "anonymous_official" : "named_official", org };
      case "media": return { kind: "media", org };
      case "document": return this.#document(core, head, org);
      case "org":
        if (words[0] && /^(a|an)$/.test(words[0]) && words.some((w) => VAGUE.test(w)) && !(org && this.#properName(org))) return { kind: "anonymous_source", org };
        return { kind: "organization", org };
      default: break;
    }
    const e = org ? this.#ctx.entities.get(org.entity) : undefined;
    if (MEDIA_NAME.test(this.#text(core))) return { kind: "media", org };
    if (e) return { kind: e.kind === "media" ? "media" : "organization", org };
    const text = this.#ctx.a.text.slice(this.#tok(core[0]).start, this.#tok(core[1] - 1).end);
    if (ORGISH.test(text) || /^[A-Z]{2,}$/.test(text)) return { kind: "organization", org };
    // "Mondlane, who says": a surname alone, of a person named before or of no known actor
    if (/^[A-Z][\p{Ll}'-]+( [A-Z][\p{Ll}'-]+){0,3}$/u.test(text) && !/^(The|A|An|It|They|He|She)\b/.test(text)) return { kind: "named_person", org };
    if (/^\p{Lu}/u.test(text) && !/^(The|A|An)\b/.test(text)) return { kind: "organization", org };
    return { kind: "unattributed", org };
  }

  /** "a tally by the Pentagon", "the command's public statements", "data reviewed by this newspaper". */
  #document(core: Range, head: number, org: Mention | null): { kind: SpeakerKind; org: Mention | null } {
    const text = this.#ctx.a.text;
    for (let k = head + 1; k < core[1]; k++) {
      const t = this.#tok(k);
      if (t.lower !== "by" && t.lower !== "from" && t.lower !== "of") continue;
      let end = k + 1;
      while (end < core[1] && !["by", "from", "and", ",", "seen", "reviewed", "obtained", "verified"].includes(this.#tok(end).lower)) end++;
      if (end === k + 1) continue;
      const agent: Range = [k + 1, end];
      const phrase = text.slice(this.#tok(agent[0]).start, this.#tok(agent[1] - 1).end);
      if (SELF.test(phrase)) continue;
      const mentions = this.#mentions(agent);
      const h = this.head(agent);
      return { ...this.unnamed(agent, h, this.#role(h), mentions.find((m) => !m.locative) ?? null) };
    }
    if (/\b(this|the) (newspaper|paper|news agency|agency)\b/i.test(text.slice(this.#tok(core[0]).start, this.#tok(core[1] - 1).end))) return { kind: "media", org };
    const before = this.#ctx.a.tokens.slice(core[0], head).map((t) => t.lower);
    // "the command's public statements": the owner of the document
    const own = before.indexOf("'s");
    if (own > 0) {
      const owner: Range = [core[0], core[0] + own];
      const h = this.head(owner);
      return this.unnamed(owner, h, this.#role(h), org);
    }
    if (org) return { kind: this.#ctx.entities.get(org.entity)?.kind === "media" ? "media" : "organization", org };
    return { kind: before.some((w) => OFFICIAL_QUALIFIERS.test(w)) ? "anonymous_official" : "unattributed", org };
  }

  /**
   * Does a title of office go with this person: in the speaker phrase, or before or in apposition
   * to any mention of them ("President X", "X, the president of Y"), and not "former"?
   */
  inOffice(person: Entity, ranges: Range[]): boolean {
    const tokens = this.#ctx.a.tokens;
    const windows: Range[] = [...ranges];
    for (const m of person.mentions) {
      windows.push([Math.max(0, m.first - 3), m.last]);
      if (tokens[m.last]?.text === ",") windows.push([m.last + 1, Math.min(tokens.length, m.last + 6)]);
    }
    for (const [a, b] of windows) {
      for (let k = a; k < b; k++) {
        const t = tokens[k] as Token;
        // a named spokesman, lawmaker or official holds office too
        if (roleOf(t.lower) !== "office" && !/^(spokes(man|woman|person)|lawmaker|legislator|senator|mp|official|diplomat|negotiator)$/.test(t.lower)) continue;
        if (t.lower === "leader" || t.lower === "head" || t.lower === "chief") {
          if (NOT_IN_OFFICE.test(tokens[k - 1]?.lower ?? "")) continue;
        }
        if (NOT_IN_OFFICE.test(tokens[k - 1]?.lower ?? "") || NOT_IN_OFFICE.test(tokens[k - 2]?.lower ?? "")) continue;
        // "major" and "general" are titles only before a name
        if (/^(major|general|captain|speaker|head)$/.test(t.lower) && t.text === t.lower && tokens[k + 1]?.pos !== "PROPN" && tokens[k + 1]?.lower !== "of") continue;
        return true;
      }
    }
    return false;
  }
}
