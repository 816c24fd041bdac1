/**
 * Actor mentions: dictionary names, a country combined with a generic agent ("Pakistani troops",
 * "Pakistan's military"), generic agents, references ("the group", "the regime") resolved to an
 * earlier actor, and unknown proper names, with acronyms defined in parentheses.
 */
import type { ActorKind, Place } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import type { Word } from "../../nlp/words.js";
import type { ActorEntry, AgentEntry, ActorRules } from "../../rules/actors.js";
import { wordClass } from "../../rules/lexicon.js";
import type { PhraseMatch } from "../../rules/phrase-matcher.js";
import type { DocContext, Entity, Mention, MentionVia } from "../context.js";
import { indexMentions } from "../context.js";
import { organisationHead, TITLE_WORDS, unknownName } from "./unknown.js";

export interface ActorLexicon {
  rules: ActorRules;
  /** ISO3 of the country whose demonym this word is ("Pakistani" → PAK), or null. */
  demonym: (word: string) => string | null;
  /** Display name of a country (PAK → Pakistan). */
  countryName: (iso3: string) => string;
  /** True when the words at [start, end) are a known place name that is not an actor, or lie inside one ("West [Bank]"). */
  isPlace: (start: number, end: number) => boolean;
  /** The resolved place whose mention starts at this offset, if any. */
  placeAt: (start: number) => Place | null;
  /** True for a one-word event noun ("clashes", "protests"), which names no people. */
  isEventWord: (key: string) => boolean;
  /** True for an irregular past form of a coded verb ("shot", "fought"), which the tagger may read as a noun. */
  isPastForm: (key: string) => boolean;
  /** ISO3 codes of the countries of the places the document names. */
  placeCountries: ReadonlySet<string>;
}

const LOCATIVE = wordClass("actor-locatives");
/** Kinds of the bodies a demonym may open the name of ("the Ethiopian Human Rights Commission"). */
const BODIES: ReadonlySet<ActorKind> = new Set(["government", "ngo", "political_party", "media", "business", "intelligence"]);
const NO_COUNTRIES: ReadonlySet<string> = new Set();
/** Locative words of motion: before people they name a source or a target, not a place. */
const DIRECTIONS = wordClass("actor-motion-locatives");
/** Kinds whose bare plural ("soldiers", "militants") usually means the force already named. */
const BARE_REFERENCE = new Set<ActorKind>(["military", "police", "armed_group"]);
/** Agent words that name people acting for a body, never the body itself. */
const PEOPLE = wordClass("acting-people");
/** Kinds of organised bodies, and of the generic agents that may be their members ("fighters of X"). */
const ORGANISED = new Set<ActorKind>(["armed_group", "military", "police", "political_party"]);
/** Day and month names, capitalised but naming no group ("on Friday rebels attacked"). */
const CALENDAR = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** The label of the agent words for people who back a body ("supporters", "loyalists"). */
const SUPPORTERS = "supporters";
/** Nouns for a person or people of a body, after which the body's word names it ("opposition member"). */
const MEMBERS = wordClass("member-nouns");
const POSSESSIVES = wordClass("actor-possessives");
/** Prepositions after an event noun that introduce its target ("strike on Gaza"). */
const TARGET_PREPOSITIONS = wordClass("object-prepositions");
/** "North", "Upper": words that begin place names. */
const COMPASS = wordClass("place-directions");
/** "Province", "Territory": a capitalised division word after a place name belongs to it. */
const DIVISION_WORDS = wordClass("division-words");
const DETERMINERS = wordClass("actor-determiners");
/** Agent labels that stand for no named group ("bandits" after ISWAP was named). */
const DISTINCT_LABELS = wordClass("distinct-agent-labels");
/** "dissidents of the FARC": words for people who split from a body, who belong to it as its members do. */
const SPLINTERS = wordClass("splinter-nouns");
/** "man", "woman": one person, a civilian after a demonym ("a Palestinian man"). */
const PERSON_NOUNS = wordClass("demonym-person-nouns");
/** "a Nigerian village": a settlement whose people a demonym before it names. */
const SETTLEMENT_NOUNS = wordClass("settlement-nouns");

/** Words that refer back to an actor of one of these kinds ("the outfit" → the last armed group). */
const REFERENCES: ReadonlyMap<string, readonly ActorKind[]> = new Map(Object.entries({
  group: ["armed_group", "political_party", "ngo"], outfit: ["armed_group"], organisation: ["armed_group", "igo", "ngo"],
  organization: ["armed_group", "igo", "ngo"], movement: ["armed_group", "political_party"], faction: ["armed_group"],
  militia: ["armed_group"], regime: ["government", "state"], junta: ["government", "military"],
  administration: ["government", "state"], attackers: ["armed_group"], assailants: ["armed_group"],
}));

function hasCapital(words: readonly Word[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (/\p{Lu}/u.test((words[k] as Word).text)) return true;
  return false;
}

/** "Gaza, health ministry says": a dictionary name runs over no comma, bracket or quote between its words. */
function unbroken(text: string, words: readonly Word[], first: number, last: number): boolean {
  for (let k = first + 1; k < last; k++) if (/[,;:()"“”]/.test(text.slice((words[k - 1] as Word).end, (words[k] as Word).start))) return false;
  return true;
}


export class MentionFinder {
  readonly #lex: ActorLexicon;
  readonly #ctx: DocContext;
  /** Short names defined in this document: "(PAFF)" after a name, a person's surname. */
  readonly #acronyms = new Map<string, string>();
  /** End of the dateline ("KABUL, March 4 (Reuters) —"): places named there are where the report was filed. */
  #datelineEnd = 0;
  /** A dictionary name: some capital in it, no break between its words (one function for every look-up). */
  /** True when a name the dictionary holds, of a body and not a person, starts at word k ("ADF" in "Suspected ADF rebels"). */
  readonly #knownBody = (k: number): boolean => {
    const body = this.#lex.rules.names.longestAt(this.#ctx.words, k, this.#ctx.words.length, this.#nameLike);
    return body !== null && body.values.every((e) => e.kind !== "person");
  };
  readonly #nameLike = (first: number, last: number): boolean =>
    hasCapital(this.#ctx.words, first, last) && unbroken(this.#ctx.a.text, this.#ctx.words, first, last);

  constructor(lex: ActorLexicon, ctx: DocContext) {
    this.#lex = lex;
    this.#ctx = ctx;
  }

  /** Find all mentions of the document and fill ctx.mentions / ctx.entities. */
  run(): void {
    const { words } = this.#ctx;
    this.#datelineEnd = datelineEnd(this.#ctx.a.text);
    const sentenceEnd = (i: number) => {
      const s = this.#ctx.a.sentences[this.#tok(i).sentence];
      let j = i;
      while (j < words.length && (words[j] as Word).token < (s?.last ?? 0)) j++;
      return j;
    };
    let limit = 0;
    for (let i = 0; i < words.length; ) {
      if (i >= limit) limit = sentenceEnd(i);
      const next = this.#at(i, limit);
      i = next > i ? next : i + 1;
    }
    this.#membersOf();
    indexMentions(this.#ctx);
  }

  /**
   * "Fighters of the outlawed BLA", "jihadists from ISWAP": a generic agent followed by the body its
   * people belong to is that body.
   */
  #membersOf(): void {
    const { mentions, entities, a } = this.#ctx;
    for (let k = 0; k + 1 < mentions.length; k++) {
      const m = mentions[k] as Mention;
      const n = mentions[k + 1] as Mention;
      const from = entities.get(m.entity);
      const to = entities.get(n.entity);
      // a generic agent, or a bare plural first read as the story's group ("militants from al-Shabaab")
      const generic = (m.via === "agent" && !from?.named) || m.via === "coref";
      if (!from || !to || from === to || !generic || !to.named) continue;
      // "dissidents of the former FARC": people who split from an organised body belong to it, though the word alone names civilians
      const splinter = SPLINTERS.has(a.text.slice(m.start, m.end).toLowerCase().split(/\s+/).at(-1) ?? "");
      if (!(ORGANISED.has(from.kind) || splinter) || !ORGANISED.has(to.kind) || (m.via === "agent" && from.country && to.country && from.country !== to.country)) continue;
      if (!/^\s+(?:of|from)\s+(?:the\s+)?(?:[a-z-]+\s+)?$/.test(a.text.slice(m.end, n.start))) continue;
      if ((a.tokens[m.first] as Token).sentence !== (a.tokens[n.first] as Token).sentence) continue;
      from.mentions = from.mentions.filter((x) => x !== m);
      from.surfaces = new Set(from.mentions.map((x) => a.text.slice(x.start, x.end)));
      m.entity = to.key;
      to.mentions.push(m);
      to.mentions.sort((x, y) => x.start - y.start);
      to.surfaces.add(a.text.slice(m.start, m.end));
      if (from.mentions.length === 0) entities.delete(from.key);
    }
  }

  /** For a name with entries of several countries: the countries the story is about so far (its places and the actors named before). */
  #storyCountries(entries: ActorEntry[]): ReadonlySet<string> {
    if (entries.length < 2 || new Set(entries.map((e) => e.country)).size < 2) return NO_COUNTRIES;
    const countries = new Set(this.#lex.placeCountries);
    for (const e of this.#ctx.entities.values()) if (e.country && e.named) countries.add(e.country);
    return countries;
  }

  #tok(i: number): Token {
    return this.#ctx.a.tokens[(this.#ctx.words[i] as Word).token] as Token;
  }

  /** Try every kind of mention at word i; returns the word after the mention (or i). */
  #at(i: number, limit: number): number {
    const { words } = this.#ctx;
    const { rules } = this.#lex;
    const w = words[i] as Word;
    // a possessive "'s" begins no name: "the military's Africa Command" is not "S. Africa"
    if (w.key === "s" && (w.text.startsWith("'") || w.text.startsWith("’"))) return i;
    const acronym = this.#acronyms.get(w.text);
    if (acronym) return this.#add(i, i + 1, acronym, "name");
    const residents = this.#placePeople(i, limit);
    if (residents) return residents;
    const named = rules.names.longestAt(words, i, limit, this.#nameLike);
    if (named) {
      // "North Darfur", "North Kivu", "the West [Bank]": a name that only begins a longer place name is that place
      const at = w.key === "the" && named.last - i > 1 ? words[i + 1] as Word : w;
      const place = this.#lex.placeAt(at.start);
      const span = place?.mentions.find(([x]) => x === at.start);
      if (span && span[1] > (words[named.last - 1] as Word).end) {
        let j = named.last;
        while (j < words.length && (words[j] as Word).end <= span[1]) j++;
        return j;
      }
      return this.#named(i, named.last, named.values, limit);
    }
    // "the South China Sea", "North Kivu Province": the words of a place name are no actor's name
    const placeEnd = this.#placeEnd(i, limit);
    if (placeEnd > i + 1) return placeEnd;
    const agent = rules.agents.longestAt(words, i, limit);
    const nameAfter = agent && rules.names.longestAt(words, agent.last, limit, this.#nameLike);
    // "President Mugabe", "Defence Minister Ali Karimi": a title before a name is the person's, not the government's
    const titled = agent && TITLE_WORDS.has((words[agent.last - 1] as Word).key) && /^\p{Lu}/u.test(words[agent.last]?.text ?? "") && !nameAfter;
    if (titled) return agent.last;
    // "the militia Kataib Hezbollah", "the group Hamas": the name that follows is the actor
    if (agent && nameAfter) return agent.last;
    // "rebel drones", "militant fighters": armed men or arms an armed group's word qualifies are that group's
    const own = agent && (agent.values[0] as AgentEntry).kind === "armed_group" && this.#adjacent(agent.last, agent.last)
      ? rules.agents.longestAt(words, agent.last, limit) : null;
    if (agent && own && (own.values[0] as AgentEntry).kind === "military") return this.#agent(i, own.last, agent.values[0] as AgentEntry, null);
    // "military aid", "police station": an agent word used as a modifier names no actor
    if (agent && agent.last - i === 1 && this.#modifier(agent.last)) return agent.last;
    if (agent) return this.#agent(i, agent.last, agent.values[0] as AgentEntry, null);
    const ref = REFERENCES.get(w.key);
    if (ref && i > 0 && (words[i - 1] as Word).key === "the") return this.#reference(i, ref);
    const people = this.#demonymPeople(i);
    if (people) return people;
    const unknown = unknownName(this.#ctx, i, limit, this.#lex.isPlace, this.#lex.isEventWord, this.#knownBody);
    // "Yoruba leaders", "Karen guerrillas": an unknown name before an agent names that group
    const members = unknown ? null : this.#namedGroup(i, limit);
    if (members) return this.#unknown(i, members.last, members.kind);
    if (unknown) return this.#unknown(i, unknown.last, unknown.kind);
    return i;
  }

  /**
   * The word after a place name of several words that starts at word i and any division word
   * after it ("North Kivu Province"), or i when none starts there or a longer name goes on.
   */
  #placeEnd(i: number, limit: number): number {
    const { words } = this.#ctx;
    const w = words[i] as Word;
    const placeEnd = (x: Word, countries: boolean) => {
      const place = this.#lex.placeAt(x.start);
      return place && (countries || place.precision !== "country" || place.country === null) ? place.mentions.find(([s]) => s === x.start)?.[1] ?? 0 : 0;
    };
    // "Western Chad", "North Kashmir": a direction before a place names a part of it; but a
    // country's own name ("the Kingdom of Morocco") is its state's, read word by word
    const next = words[i + 1];
    const end = placeEnd(w, false) || (COMPASS.has(w.key) && /^\p{Lu}/u.test(w.text) && next && i + 1 < limit && this.#adjacent(i + 1, i + 1) ? placeEnd(next, true) : 0);
    let j = i;
    while (j < limit && (words[j] as Word).end <= end) j++;
    const capital = (k: number) => k < limit && /^\p{Lu}/u.test((words[k] as Word).text) && this.#adjacent(k, k);
    if (j > i && capital(j) && DIVISION_WORDS.has((words[j] as Word).key)) j++;
    // "West Papua National Liberation Army": a place that opens a longer name is part of it
    return capital(j) ? i : j;
  }

  /** "Gaza's 2.1 million residents", "Herat women", "Kirkuk protesters": the people of a place. */
  #placePeople(i: number, limit: number): number | null {
    const { words, a } = this.#ctx;
    const w = words[i] as Word;
    const place = this.#lex.placeAt(w.start);
    if (!place || place.precision === "country") return null;
    let j = i;
    while (j < limit && (words[j] as Word).end <= (place.mentions.find(([s]) => s === w.start)?.[1] ?? 0)) j++;
    if ((words[j] as Word | undefined)?.key === "s") j++;
    // "Zamfara; 8 people lost their lives": a stop or comma between ends the phrase
    if (j < limit && !this.#adjacent(j, j)) return null;
    while (j < limit && (a.tokens[(words[j] as Word).token]?.pos === "NUM" || /^(million|thousand|hundred)$/.test((words[j] as Word).key))) j++;
    const agent = this.#lex.rules.agents.longestAt(words, j, limit);
    const entry = agent?.values[0] as AgentEntry | undefined;
    if (!agent || !entry || entry.kind !== "civilians") return null;
    const name = `${place.name} ${entry.label}`;
    const key = this.#entity(`place:${name.toLowerCase()}`, name, "civilians", place.country, null, false);
    return this.#add(i, agent.last, key, "agent");
  }

  /**
   * "Venezuela's communications minister", "Russia's deputy foreign minister": a government office
   * after a country's possessive and one or two lowercase words that qualify it.
   */
  #qualifiedOfficial(j: number, limit: number): PhraseMatch<AgentEntry> | null {
    const { words, a } = this.#ctx;
    for (let k = j; k < j + 2 && k < limit; k++) {
      const w = words[k] as Word;
      const pos = a.tokens[w.token]?.pos;
      if (w.text !== w.key || (pos !== "NOUN" && pos !== "ADJ") || !this.#adjacent(k, k)) return null;
      const agent = this.#lex.rules.agents.longestAt(words, k + 1, limit);
      // not a title before a person's name ("Lebanon's new President Elias Hrawi")
      const named = /^\p{Lu}/u.test(words[agent?.last ?? -1]?.text ?? "");
      if (agent && (agent.values[0] as AgentEntry).kind === "government" && this.#adjacent(k + 1, k + 1) && !named) return { ...agent, first: j };
    }
    return null;
  }

  /**
   * "a Palestinian man", "an Afghan teenager": one civilian after a demonym, read as the civilians
   * agent; not a person whose name follows ("an Israeli man, David Cohen", "Ohio man James Fields").
   */
  #personNoun(surface: string, j: number, limit: number): PhraseMatch<AgentEntry> | null {
    const { words } = this.#ctx;
    const w = words[j];
    if (!w || j >= limit || !this.#lex.demonym(surface)) return null;
    // "an attack on a Nigerian village", "a Somali market": the people of a settlement are its civilians
    // ("the Russian city" refers back to a city named, "the Russian city of Belgorod" names it)
    const civilians = (): PhraseMatch<AgentEntry> | null => {
      const entry = this.#lex.rules.agents.lookup("civilians")[0];
      return entry ? { first: j, last: j + 1, values: [entry] } : null;
    };
    if (SETTLEMENT_NOUNS.has(w.key)) {
      return /^\p{Lu}/u.test(words[j + 1]?.text ?? "") || words[j + 1]?.key === "of" || words[j - 2]?.key === "the" ? null : civilians();
    }
    if (!PERSON_NOUNS.has(w.key)) return null;
    const after = words[j + 1];
    if (after && /^\p{Lu}/u.test(after.text) && this.#adjacent(j + 1, j + 1)) return null;
    if (after && this.#ctx.a.text.slice(w.end, after.start) === ", " && /^\p{Lu}/u.test(after.text)) return null;
    return civilians();
  }

  /** "ethnic Albanians", "Afghans", "Turks": a people named by the plural of a country's demonym. */
  #demonymPeople(i: number): number | null {
    const w = this.#ctx.words[i] as Word;
    if (!/^\p{Lu}\p{Ll}+s$/u.test(w.text)) return null;
    const iso3 = this.#lex.demonym(w.text.slice(0, -1));
    if (!iso3 || this.#lex.isPlace(w.start, w.end)) return null;
    return this.#add(i, i + 1, this.#entity(`${iso3}:people`, w.text, "civilians", iso3, null, false), "agent");
  }

  /** A capitalised word the dictionary does not know, followed by an agent ("Hausa politicians"). */
  #namedGroup(i: number, limit: number): { last: number; kind: ActorKind } | null {
    const { words, a } = this.#ctx;
    const w = words[i] as Word;
    const tok = a.tokens[w.token] as Token;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w.text) || (tok.pos !== "PROPN" && tok.pos !== "ADJ") || a.sentences[tok.sentence]?.first === w.token) return null;
    let j = i + 1;
    while (j < limit && this.#ctx.a.tokens[(words[j] as Word).token]?.pos === "ADJ" && j < i + 3) j++;
    const agent = this.#lex.rules.agents.longestAt(words, j, limit);
    if (!agent || this.#lex.isPlace(w.start, w.end) || !this.#adjacent(i + 1, j) || CALENDAR.test(w.text)) return null;
    return { last: agent.last, kind: (agent.values[0] as AgentEntry).kind };
  }

  /** "Iraqi F-16 jets", "Israeli Apache helicopters": a type designation between a country and its forces. */
  #modelThenForce(j: number, limit: number): ReturnType<ActorRules["agents"]["longestAt"]> {
    const { words } = this.#ctx;
    for (let k = j; k < j + 2 && k < limit; k++) {
      const w = words[k] as Word;
      if (!/\d|^\p{Lu}/u.test(w.text) || this.#lex.rules.names.longestAt(words, k, limit)) return null;
      const agent = this.#lex.rules.agents.longestAt(words, k + 1, limit);
      if (agent && (agent.values[0] as AgentEntry).kind === "military" && this.#adjacent(j, k + 1)) return agent;
    }
    return null;
  }

  /** True when word `next` follows word `prev - 1` within one phrase: no comma, stop or bracket between ("Liberia, Defence Minister"). */
  #adjacent(prev: number, next: number): boolean {
    const { words } = this.#ctx;
    const a = words[prev - 1], b = words[next];
    return !a || !b || !/[,.;:()"“”]/.test(this.#ctx.a.text.slice(a.end, b.start));
  }

  #named(i: number, last: number, entries: ActorEntry[], limit: number): number {
    const { words } = this.#ctx;
    const e = pick(entries, this.#storyCountries(entries));
    const surface = this.#surface(i, last);
    // a country or its demonym followed by an agent: "Pakistani troops", "Pakistan's military"
    if (e.kind === "state" && e.country) {
      let j = last;
      if ((words[j] as Word | undefined)?.key === "s") j++;
      const agent = this.#lex.rules.agents.longestAt(words, j, limit) ?? this.#modelThenForce(j, limit) ?? this.#personNoun(surface, j, limit) ??
        (words[j - 1]?.key === "s" ? this.#qualifiedOfficial(j, limit) : null);
      if (agent && this.#adjacent(last, j) && !(words[j - 1]?.key === "s" && this.#lex.rules.names.longestAt(words, j, limit))) {
        // "Kenya Teachers Union", "Serbian Workers' Union": people named as the members of an organisation the dictionary lacks
        const head = words[agent.last];
        const kind = (agent.values[0] as AgentEntry).kind === "civilians" && head && agent.last < limit && /^\p{Lu}/u.test(head.text) &&
          /^\p{Lu}/u.test((words[agent.last - 1] as Word).text) && this.#adjacent(agent.last, agent.last) ? organisationHead(head.key) : null;
        if (kind) return this.#unknown(i, agent.last + 1, kind, e.country);
        return this.#agent(i, agent.last, agent.values[0] as AgentEntry, e.country);
      }
      // "Yemen's Houthis", "Iran's Revolutionary Guards": the country qualifies the actor named after it
      if (words[last]?.key === "s" && this.#adjacent(last, last) && this.#lex.rules.names.longestAt(words, last + 1, limit, this.#nameLike)) {
        return this.#add(i, last, this.#entity(e.id, e.name, e.kind, e.country, e.parent ?? null, true), "adjective");
      }
      const demonym = this.#lex.demonym(surface);
      // "Hungarian and Romanian officials": each demonym takes the agent after the last one
      if (demonym && words[last]?.key === "and") {
        const other = this.#lex.rules.names.longestAt(words, last + 1, limit, this.#nameLike);
        const agentAfter = other && this.#lex.rules.agents.longestAt(words, other.last, limit);
        if (other && agentAfter && this.#lex.demonym(this.#surface(last + 1, other.last))) {
          return this.#agent(i, last, agentAfter.values[0] as AgentEntry, e.country);
        }
        // "Ethiopian and Eritrean forces", where "Eritrean forces" is a name of its own
        const inner = other && other.last - last === 3 ? this.#lex.rules.agents.longestAt(words, other.last - 1, limit) : null;
        if (inner && inner.last === other?.last && this.#lex.demonym(this.#surface(last + 1, last + 2))) {
          return this.#agent(i, last, inner.values[0] as AgentEntry, e.country);
        }
      }
      // "an Indian proposal", "Israeli tanks": the country acts through the thing it modifies;
      // such a mention becomes an actor only when an event or relation uses it
      // "the Ethiopian Human Rights Commission", "the Montenegro Municipality Association": a body
      // the dictionary lacks, named with its country's adjective or name
      if (!/s$/.test(surface) && words[last - 1]?.key !== "s" && last < limit && this.#adjacent(last, last) &&
        !this.#lex.rules.names.longestAt(words, last, limit, this.#nameLike)) {
        const body = unknownName(this.#ctx, last, limit, this.#lex.isPlace, this.#lex.isEventWord);
        if (body && BODIES.has(body.kind) && body.last - last >= 2) return this.#unknown(i, body.last, body.kind, e.country);
      }
      if (demonym && !/s$/.test(surface)) {
        const next = words[last];
        const nt = next ? this.#ctx.a.tokens[next.token] : undefined;
        const hyphen = next && this.#ctx.a.text.slice((words[last - 1] as Word).end, next.start) === "-";
        // ("Russian shelling": an -ing event noun the tagger reads as a verb)
        const eventVerb = nt?.pos === "VERB" && /ing$/.test(nt.lower) && this.#lex.isEventWord(nt.lower);
        if (nt && (nt.pos === "NOUN" || nt.pos === "PROPN" || hyphen || eventVerb)) return this.#add(i, last, this.#entity(e.id, e.name, e.kind, e.country, e.parent ?? null, true), "adjective");
        return last;
      }
      if (demonym) return this.#add(i, last, this.#entity(`${e.country}:people`, `${surface}`, "civilians", e.country, e.id, false), "agent");
    }
    const key = this.#entity(e.id, e.name, e.kind, e.country, e.parent ?? null, true);
    // "Hamas fighters", "IDF soldiers": the members named by the group are the group
    // "Red Cross officials", "European Community foreign ministers": the body acting through its people
    const members = this.#lex.rules.agents.longestAt(words, (words[last] as Word | undefined)?.key === "s" ? last + 1 : last, limit);
    // "Kataib Hezbollah supporters", "Mondlane's followers": the body's name, then its backers
    const backers = this.#backers(members, last);
    if (backers !== null) {
      this.#add(i, last, key, "name");
      return this.#supporters(last, backers, key);
    }
    if (members && e.kind !== "person" && words[last]?.key !== "s" && this.#adjacent(last, last)) return this.#add(i, members.last, key, "name");
    const next = this.#add(i, last, key, "name");
    this.#defineAcronym(last, key);
    return next;
  }

  #agent(i: number, last: number, agent: AgentEntry, country: string | null): number {
    const { words } = this.#ctx;
    const prev = words[i - 1];
    // "junta supporters", "opposition loyalists": the people backing the body the agent word names
    const backers = agent.label !== SUPPORTERS ? this.#backers(this.#lex.rules.agents.longestAt(words, last, words.length), last) : null;
    if (backers !== null) {
      const name = `${this.#surface(i, last).replace(/^the\s+/i, "")} supporters`;
      const key = this.#entity(`:${name.toLowerCase()}`, name, "civilians", country, null, false);
      return this.#add(i, backers, key, "agent");
    }
    // "his supporters", "the militia's followers": the backers of the actor named before
    if (agent.label === SUPPORTERS && prev && (POSSESSIVES.has(prev.key) || prev.key === "s")) {
      const owner = prev.key === "s" ? this.#mentionEndingAt(prev.start) : null;
      const ownerKey = owner?.entity ?? (this.#owner(i)?.key ?? null);
      if (ownerKey) return this.#supporters(i, last, ownerKey);
    }
    // "the Syrian Democratic Forces (SDF), the U.S.-backed militia that …": an apposition names the body before it
    const named = country ? null : this.#apposed(i, agent.kind);
    if (named) return this.#add(i, last, named, "coref");
    const home = country ? null : this.#placeAfter(last, agent.kind);
    if (home?.country && (home.precision === "country" || agent.kind !== "civilians")) return this.#agent(i, last, agent, home.country);
    if (home) {
      const name = `${home.name} ${agent.label}`;
      return this.#add(i, last, this.#entity(`place:${name.toLowerCase()}`, name, "civilians", home.country, null, false), "agent");
    }
    if (country) {
      const state = this.#lex.rules.states.get(country);
      const name = `${this.#lex.countryName(country)} ${agent.label}`;
      const key = this.#entity(`${country}:${agent.label}`, name, agent.kind, country, state?.id ?? null, false);
      return this.#add(i, last, key, "agent");
    }
    // "the army", "its fighters": the last actor of that kind, when there is one;
    // "the official" is a person speaking, not the government named before
    if (prev && DETERMINERS.has(prev.key) && !PEOPLE.has(words[last - 1]?.key ?? "")) {
      const antecedent = this.#antecedent([agent.kind], i, false, agent.label);
      if (antecedent) return this.#add(i - 1, last, antecedent, "coref");
      // "Bosnian Serbs said their forces …": the forces of the owner named before in the sentence
      const owner = POSSESSIVES.has(prev.key) ? this.#owner(i) : null;
      if (owner?.kind === "state" && owner.country) return this.#agent(i, last, agent, owner.country);
      if (owner && owner.kind !== "person") return this.#add(i - 1, last, owner.key, "coref");
    }
    // bare "soldiers", "militants": the forces of the story, when one has been named;
    // "Russia has massed troops": else the forces of the state its clause names
    if (BARE_REFERENCE.has(agent.kind)) {
      const antecedent = this.#antecedent([agent.kind], i, true, agent.label);
      const state = agent.kind !== "armed_group" ? this.#stateInSentence(i) : null;
      // "Mexico has deployed 10,000 National Guard troops", after U.S. forces were named: the state
      // the sentence names moves its own forces
      const opening = agent.kind !== "armed_group" ? this.#openingState(i) : null;
      const elsewhere = antecedent !== null && opening !== null && this.#ctx.entities.get(antecedent)?.country !== opening;
      if (elsewhere) return this.#agent(i, last, agent, opening);
      if (antecedent) return this.#add(i, last, antecedent, "coref");
      if (state) return this.#agent(i, last, agent, state);
    }
    const key = this.#entity(`:${agent.label}`, agent.label, agent.kind, null, null, false);
    return this.#add(i, last, key, "agent");
  }

  /**
   * "the people of Afghanistan", "civilians in Gaza", "the army of Myanmar": the place a generic agent
   * belongs to, named right after it. People of or in a place are its people; a force is a country's
   * only with "of" and a country ("troops in Syria" are not Syria's).
   */
  #placeAfter(last: number, kind: ActorKind): Place | null {
    const { words, a } = this.#ctx;
    const prep = words[last];
    // "security forces in South Sudan", "police in Karachi" are that country's own; "troops in Syria" need not be
    const local = kind === "civilians" || kind === "police";
    if (!prep || (prep.key !== "of" && !(prep.key === "in" && local))) return null;
    let j = last + 1;
    if (words[j]?.key === "the") j++;
    const w = words[j];
    if (!w || a.text.slice(prep.end, w.start).trim() !== (j > last + 1 ? (words[last + 1] as Word).text : "")) return null;
    const place = this.#lex.placeAt(w.start);
    if (!place) return null;
    if (kind === "civilians") return place;
    return place.precision === "country" || (kind === "police" && place.country) ? place : null;
  }

  /** The mention just found whose words end right before offset `at` ("the militia['s]"), or null. */
  #mentionEndingAt(at: number): Mention | null {
    const m = this.#ctx.mentions[this.#ctx.mentions.length - 1];
    return m && m.end <= at && /^['’]?$/.test(this.#ctx.a.text.slice(m.end, at)) ? m : null;
  }

  /**
   * The end of the backers named right after a body whose words end at `last` ("junta supporters",
   * "Kataib Hezbollah['s] followers"), given the agent words found there; null when they name no
   * backers or a mark parts them from the body. People who back a body are not that body.
   */
  #backers(after: PhraseMatch<AgentEntry> | null, last: number): number | null {
    return after && (after.values[0] as AgentEntry).label === SUPPORTERS && this.#adjacent(last, last) ? after.last : null;
  }

  /** The backers of an actor ("X supporters"), an actor of their own with X's country. */
  #supporters(i: number, last: number, ownerKey: string): number {
    const owner = this.#ctx.entities.get(ownerKey) as Entity;
    const key = this.#entity(`${owner.key}:supporters`, `${owner.name} supporters`, "civilians", owner.country, null, false);
    return this.#add(i, last, key, "agent");
  }

  #reference(i: number, kinds: readonly ActorKind[]): number {
    const antecedent = this.#antecedent(kinds, i);
    return antecedent ? this.#add(i - 1, i + 1, antecedent, "coref") : i;
  }

  #unknown(i: number, last: number, kind: ActorKind, country: string | null = null): number {
    const name = this.#surface(i, last).replace(/^the\s+/i, "");
    const key = this.#entity(`?${name.toLowerCase()}`, name, kind, country, null, true);
    const next = this.#add(i, last, key, "unknown");
    this.#defineAcronym(last, key);
    // "Milorad Dodik … Dodik's actions": a person is later called by the surname
    const surname = (this.#ctx.words[last - 1] as Word).text;
    if (kind === "person" && last - i >= 2 && /^\p{Lu}\p{Ll}{2,}$/u.test(surname)) this.#acronyms.set(surname, key);
    return next;
  }

  /** "Name (ACR)": later uses of ACR mean the same actor. */
  #defineAcronym(last: number, key: string): void {
    const { words, a } = this.#ctx;
    const w = words[last];
    if (!w) return;
    const before = a.text.slice((words[last - 1] as Word).end, w.start);
    const after = a.text.slice(w.end, w.end + 1);
    if (/^\s*\($/.test(before) && after === ")" && /^[A-Z][A-Za-z0-9-]{1,9}$/.test(w.text) && /[A-Z].*[A-Z]/.test(w.text)) {
      this.#acronyms.set(w.text, key);
    }
  }

  /** The last actor named (not as a place) earlier in word i's sentence. */
  #owner(i: number): Entity | null {
    const { words, a } = this.#ctx;
    const sentence = a.sentences[(a.tokens[(words[i] as Word).token] as Token).sentence];
    for (let k = this.#ctx.mentions.length - 1; k >= 0 && sentence; k--) {
      const m = this.#ctx.mentions[k] as Mention;
      if (m.start < sentence.start) break;
      if (!m.locative && m.via !== "adjective") return this.#ctx.entities.get(m.entity) ?? null;
    }
    return null;
  }

  /** The organised body of this kind named right before ", the … " that opens the phrase ending at word i, or null. */
  #apposed(i: number, kind: ActorKind): string | null {
    const { words, a, mentions, entities } = this.#ctx;
    if (!ORGANISED.has(kind)) return null;
    let d = i - 1;
    while (d >= 0 && d >= i - 4 && !["the", "a", "an"].includes((words[d] as Word).key)) d--;
    const det = words[d];
    if (!det || d < i - 4 || /[,;:()"“”]/.test(a.text.slice(det.end, (words[i] as Word).start))) return null;
    const before = [...mentions].reverse().find((m) => m.end <= det.start);
    const e = before && entities.get(before.entity);
    if (!before || !e || e.kind !== kind || !e.named) return null;
    // "X (ABC), the …" or the short name in brackets itself, then the comma
    return /^\s*\)?\s*(\([^()]*\)\s*)?,\s*$/.test(a.text.slice(before.end, det.start)) ? e.key : null;
  }

  /** The country of the last state named (not as a place) earlier in word i's sentence. */
  #stateInSentence(i: number): string | null {
    const { words, a } = this.#ctx;
    const sentence = a.sentences[(a.tokens[(words[i] as Word).token] as Token).sentence];
    if (!sentence) return null;
    for (let k = this.#ctx.mentions.length - 1; k >= 0; k--) {
      const m = this.#ctx.mentions[k] as Mention;
      if (m.start < sentence.start) break;
      const e = this.#ctx.entities.get(m.entity);
      if (e?.kind === "state" && !m.locative && m.via !== "adjective") return e.country;
    }
    return null;
  }

  /** The country of the state that opens the sentence of word i as its subject, before word i ("Mexico has deployed …"). */
  #openingState(i: number): string | null {
    const { words, a } = this.#ctx;
    const sentence = a.sentences[(a.tokens[(words[i] as Word).token] as Token).sentence];
    if (!sentence) return null;
    const start = (words[i] as Word).start;
    // the sentence's subject: a mention that opens it, after a determiner at most
    const first = this.#ctx.mentions.find((m) => m.start >= sentence.start && m.start < start && !m.locative && m.first <= sentence.first + 1);
    const e = first && first.via !== "adjective" ? this.#ctx.entities.get(first.entity) : undefined;
    return e?.kind === "state" ? e.country : null;
  }

  /** The most recent entity of one of these kinds mentioned before word i (a named one if `named`). */
  #antecedent(kinds: readonly ActorKind[], i: number, named = false, label?: string): string | null {
    // the most salient fitting actor so far: most often mentioned, then most recent
    // ("the group" is the story's group, not an affiliation named once in passing)
    const start = (this.#ctx.words[i] as Word).start;
    const counts = new Map<string, number>();
    let best: string | null = null;
    for (const m of this.#ctx.mentions) {
      if (m.start >= start || m.locative) continue;
      const e = this.#ctx.entities.get(m.entity);
      if (!e || !kinds.includes(e.kind) || (named && !e.named && !e.country)) continue;
      // "the government" after "the prosecutor": a generic agent stands only for one of its own word
      // (and "bandits" never for a named group: they are not the jihadists named before them)
      if (label && (!e.named || DISTINCT_LABELS.has(label)) && !e.key.endsWith(`:${label}`)) continue;
      const n = (counts.get(e.key) ?? 0) + 1;
      counts.set(e.key, n);
      if (!best || n >= (counts.get(best) ?? 0)) best = e.key;
    }
    return best;
  }


  /** "military aid", "police station": a singular agent word before a noun; never "gunmen abducted". */
  #modifier(next: number): boolean {
    const w = this.#ctx.words[next];
    const agent = this.#ctx.words[next - 1] as Word;
    if (!w || /(s|men|people)$/.test(agent.key)) return false;
    const t = this.#ctx.a.tokens[w.token] as Token;
    // "Police fire tear gas", "Police arrest …": a headline's subject before its verb, which the tagger read as a noun
    const opens = this.#ctx.a.sentences[t.sentence]?.first === agent.token;
    const toks = this.#ctx.a.tokens;
    const objectAfter = toks[w.token + 1]?.pos === "VERB" && !/(?:s|ed|ing)$/.test(toks[w.token + 1]?.lower ?? "") && toks[w.token + 2]?.pos === "NOUN";
    if (opens && (this.#lex.isEventWord(w.key) || objectAfter)) return false;
    // "an opposition member", "a rebel commander": a person of the body is the body acting
    if (MEMBERS.has(w.key)) return false;
    // "Police shot a protester": a past form the tagger read as a noun is the agent's verb
    if (this.#lex.isPastForm(w.key)) return false;
    return t.pos === "NOUN" && !/ed$/.test(t.lower) && t.start === agent.end + 1 && !this.#lex.rules.agents.longestAt(this.#ctx.words, next);
  }

  /**
   * "in Afghanistan", "in eastern Baghdad", "across the whole of Gaza": a place, not an actor. People
   * ("Serbian authorities", "Kenyan troops") are no place to come from or go to: "autonomy from
   * Serbian authorities", "aid to Kenyan troops" name them as actors.
   */
  #locative(t: number, people = false): boolean {
    const tokens = this.#ctx.a.tokens;
    for (let k = t - 1; k >= 0 && k >= t - 3; k--) {
      const p = tokens[k] as Token;
      if (LOCATIVE.has(p.lower)) return !(people && DIRECTIONS.has(p.lower));
      if (p.pos !== "ADJ" && p.pos !== "DET" && p.lower !== "northern" && p.lower !== "southern") return false;
    }
    return false;
  }

  /** "in a Taliban ambush", "in an Israeli missile strike": a name before an event noun says whose act, not where. */
  #beforeEvent(t: number): boolean {
    const tokens = this.#ctx.a.tokens;
    const next = tokens[t];
    // "in Russian shelling": an -ing event noun the tagger reads as a verb
    if (!next || (next.pos !== "NOUN" && !(next.pos === "VERB" && /ing$/.test(next.lower)))) return false;
    return this.#lex.isEventWord(next.lower) || (tokens[t + 1]?.pos === "NOUN" && this.#lex.isEventWord((tokens[t + 1] as Token).lower));
  }

  /** True when the event noun at t (or t + 1) is followed by its target ("strike on Gaza", "attack against"). */
  #targetAfterEvent(t: number): boolean {
    const tokens = this.#ctx.a.tokens;
    const k = tokens[t + 1]?.pos === "NOUN" ? t + 2 : t + 1;
    const word = tokens[k]?.lower ?? "";
    // "with" and "of" name company or the thing, not a target, after a noun read as a place's
    return TARGET_PREPOSITIONS.has(word) && word !== "with" && word !== "of";
  }

  #surface(i: number, last: number): string {
    const { words, a } = this.#ctx;
    return a.text.slice((words[i] as Word).start, (words[last - 1] as Word).end);
  }

  #entity(key: string, name: string, kind: ActorKind, country: string | null, parent: string | null, named: boolean): string {
    if (!this.#ctx.entities.has(key)) {
      this.#ctx.entities.set(key, { key, name, kind, country, parent, named, surfaces: new Set(), mentions: [] });
    }
    return key;
  }

  #add(i: number, last: number, entity: string, via: MentionVia): number {
    const { words, a } = this.#ctx;
    const w0 = words[i] as Word;
    const w1 = words[last - 1] as Word;
    // "in Israeli strikes": a side of the event noun after it; but "in Niger ambush", "in a Kabul
    // blast": a country's or capital's name there says where
    // (unless a target follows, "in Israel strike on Gaza", or the name is written as an
    // adjective: "in the U.S. airstrike", "in a pro-Palestine protest")
    const before = a.tokens[w0.token - 1];
    const where = via === "name" && this.#ctx.entities.get(entity)?.kind === "state" && before !== undefined && LOCATIVE.has(before.lower) &&
      /\p{Ll}/u.test(a.text.slice(w0.start, w1.end)) && !this.#targetAfterEvent(w1.token + 1);
    const m: Mention = {
      start: w0.start, end: w1.end, first: w0.token, last: w1.token + 1, entity, via,
      locative: w0.start < this.#datelineEnd || (this.#locative(w0.token, via === "agent") && (where || !this.#beforeEvent(w1.token + 1))),
    };
    this.#ctx.mentions.push(m);
    const e = this.#ctx.entities.get(entity) as Entity;
    e.mentions.push(m);
    e.surfaces.add(a.text.slice(m.start, m.end));
    return last;
  }
}

/** Offset where a leading dateline ends ("SRINAGAR/NEW DELHI, Dec 23 —"), or 0 when there is none. */
export function datelineEnd(text: string): number {
  const m = /^\s*\p{Lu}[\p{Lu}.'’\/ -]{1,60}(?:,[^—–\n]{0,40})?\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--| - )/u.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The entry a name several entries share means: "AFP" is the Philippines' army in a story about the
 * Philippines, the news agency elsewhere. An entry of a country the story is about wins; then
 * states; then curated entries (short ids) before the Phoenix ones.
 */
function pick(entries: ActorEntry[], story: ReadonlySet<string>): ActorEntry {
  const rank = (e: ActorEntry) => (e.country !== null && story.has(e.country) ? 10 : 0) + score(e);
  return [...entries].sort((x, y) => rank(y) - rank(x))[0] as ActorEntry;
}
function score(e: ActorEntry): number {
  return (e.kind === "state" ? 2 : 0) + (e.kind === "person" ? -1 : 0) - e.id.length / 100;
}
