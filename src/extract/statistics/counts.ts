/**
 * Counts of things as news states them: numerals with thousands separators and scale words
 * ("28.3 million", "4,500"), number words ("five", "a dozen"), ordinals ("the 11th airstrike"),
 * and the noun counted, sorted into what a statistic can count: events ("attacks", "times"),
 * forces ("troops", "warships") and people ("civilians", "Afghans").
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { mayStartNumber, numberAt } from "../tolls/index.js";

export type Counted = "event" | "force" | "people";

export interface Count {
  /** Token of the number and the token after the count ("28.3 million"). */
  first: number;
  after: number;
  value: number;
  ordinal: boolean;
}

export interface Measure {
  counted: Counted;
  /** Tokens [first, last) of the counted noun phrase; empty when the noun is understood. */
  first: number;
  last: number;
}

const SCALES: ReadonlyMap<string, number> = new Map(Object.entries({ thousand: 1e3, million: 1e6, billion: 1e9, m: 1e6, bn: 1e9 }));
const EVENT = /^(attacks?|incidents?|strikes?|airstrikes?|raids?|bombings?|operations?|assaults?|killings?|murders?|homicides?|deaths?|casualties|fatalities|ambush(es)?|kidnappings?|abductions?|arrests?|executions?|protests?|demonstrations?|clash(es)?|violations?|launch(es)?|rockets?|missiles?|drones?|bombs?|shells?|sorties?|missions?|flights?|patrols?|incursions?|shootings?|explosions?|blasts?|times|barrages?|salvos?|cases|events)$/;
const FORCE = /^(troops|soldiers|sailors|marines|personnel|policemen|police|officers|fighters|militants|terrorists|insurgents|rebels|members|reservists|guards|gunmen|jihadists|mercenaries|conscripts|recruits|warships|ships|vessels|aircraft|jets|planes|helicopters|tanks|vehicles|submarines|brigades|battalions|divisions)$/;
const PEOPLE = /^(people|civilians|children|women|men|migrants|refugees|residents|hostages|prisoners|detainees|journalists|workers|protesters|demonstrators|passengers|persons|villagers|students|families|households|asylum-seekers|displaced|victims|bodies)$/;
/** Demonyms in the plural: "Afghans", "Palestinians", "Israelis", "Yemenis". */
const DEMONYMS = /^[A-Z][a-z]+(ans|ians|is|ese)$/;
/** What a number before them measures is no count of things. */
const NOT_COUNTS = /^(-?year-?old|years?|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per|%|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|am|pm|a\.m\.|p\.m\.|dollars?|euros?|pounds?|degrees?|kg|tonnes?|tons?|square|acres?|hectares?)$/;

/** The count at token k, or null: no dates, ages, times, sums or vague "dozens". */
export function countAt(tokens: Token[], k: number): Count | null {
  const t = tokens[k];
  // every count below starts with a digit or a number word: most tokens are turned away here
  if (!t || !mayStartNumber(t)) return null;
  const prev = tokens[k - 1];
  if (prev && /^[$€£¥]$/.test(prev.text)) return null;
  const ord = /^(\d+)(st|nd|rd|th)$/.exec(t.lower);
  if (ord) return { first: k, after: k + 1, value: Number(ord[1]), ordinal: true };
  let value: number;
  let after: number;
  if (/^\d+(,\d{3})*(\.\d+)?$/.test(t.text)) {
    value = Number(t.text.replace(/,/g, ""));
    after = k + 1;
  } else {
    const n = numberAt(tokens, k);
    if (!n || n.value.high === null || n.value.high !== n.value.low) return null;
    value = n.value.low;
    after = k + n.used;
  }
  const scale = SCALES.get(tokens[after]?.lower ?? "");
  if (scale) { value = Math.round(value * scale); after++; }
  if (!Number.isInteger(value) || value <= 0) return null;
  const next = tokens[after];
  if (next && (NOT_COUNTS.test(next.lower) || next.text === "-" && NOT_COUNTS.test(tokens[after + 1]?.lower ?? "") || next.text === ":")) return null;
  return { first: k, after, value, ordinal: false };
}

/** The noun counted after a count: a head within three modifiers ("guided glide bombs"). */
export function measureAfter(tokens: Token[], s: Sentence, c: Count): Measure | null {
  for (let j = c.after; j < Math.min(s.last, c.after + 4); j++) {
    const t = tokens[j] as Token;
    const counted = classOf(t, c.ordinal);
    if (counted) {
      // "police officers", "drone strike": the head is the last of the nouns that count
      let last = j + 1;
      while (tokens[last] && classOf(tokens[last] as Token, c.ordinal)) last++;
      // "sailors and Marines": the counted phrase runs over a coordinated noun
      if (tokens[last]?.lower === "and" && tokens[last + 1] && classOf(tokens[last + 1] as Token, false)) last += 2;
      return { counted: classOf(tokens[last - 1] as Token, c.ordinal) ?? counted, first: c.after, last };
    }
    if (!["ADJ", "NOUN", "PROPN", "VERB"].includes(t.pos) && t.text !== "-") return null;
  }
  return null;
}

/** Which kind of thing a noun counts; an ordinal counts one of a series ("11th airstrike"). */
export function classOf(t: Token, singular: boolean): Counted | null {
  const w = singular ? `${t.lower.replace(/s$/, "")}s` : t.lower;
  if (EVENT.test(w) || singular && EVENT.test(t.lower)) return "event";
  if (FORCE.test(w)) return "force";
  if (PEOPLE.test(w) || DEMONYMS.test(t.text)) return "people";
  return null;
}
