/**
 * Where an event happened: the most specific place named in its clause, else in its sentence,
 * else in the sentence before, else where the story was filed or what it is about. Names that only help name something else
 * ("the Islamic Resistance in Iraq", "condemnation from the United States") are passed over.
 */
import type { Place, Precision, Span } from "../../core/index.js";

export interface EventPlaceOptions {
  /** The document's text: tells a dateline ("KABUL, Dec 27 —") from the sentence after it. */
  text?: string;
  /** Spans of actor mentions: a place inside a longer one is part of a name ("Islamic Resistance in Iraq"). */
  actorSpans?: readonly Span[];
  /** Countries (ISO3) of the event's actors and recipients, null where unknown. */
  countries?: readonly (string | null)[];
}

const RANK: Readonly<Record<Precision, number>> = { point: 3, admin2: 2, admin1: 1, country: 0 };
/** A continent, sea or alliance ("European Union") says less than any one country. */
const rank = (p: Place): number => (p.country === null ? -1 : RANK[p.precision]);
const within = (m: Span, outer: Span): boolean => m[0] >= outer[0] && m[1] <= outer[1];

interface Mentioned { place: Place; at: Span }

/**
 * Words before a name that make it where something happened, not whose it is: "in Kharkiv",
 * "attacks Ukraine" (where "a U.S. fighter jet" or "Russia says" only names a side).
 */
const WHERE = /^(in|on|at|into|across|near|inside|outside|throughout|around|over|within|toward|towards|against|attacks?|attacked|attacking|strikes?|struck|striking|hits?|hitting|targets?|targeted|targeting|bombs?|bombed|bombing|shells?|shelled|shelling|invades?|invaded|invading|raids?|raided|raiding|enters?|entered|entering)$/;

/** True when the word before the mention at `at` (past "the") says where: {@link WHERE}. */
function located(text: string | undefined, at: Span): boolean {
  if (text === undefined) return false;
  // asked again for the same mentions by every event of a document: answers kept per text
  if (text !== locatedText) {
    locatedText = text;
    locatedAt.clear();
  }
  let where = locatedAt.get(at[0]);
  if (where === undefined) {
    const w = /([\p{L}]+)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, at[0] - 40), at[0]))?.[1];
    where = w !== undefined && WHERE.test(w.toLowerCase());
    locatedAt.set(at[0], where);
  }
  return where;
}
let locatedText: string | undefined;
const locatedAt = new Map<number, boolean>();

function mostSpecific(found: readonly Mentioned[], text?: string): Place | null {
  return best(found, text)?.place ?? null;
}

function best(found: readonly Mentioned[], text?: string): Mentioned | null {
  let top: Mentioned | null = null;
  let bestWhere = false;
  // The most specific wins; between equals, the one named as where something happened, then the first named.
  for (const f of found) {
    const where = located(text, f.at);
    const better = !top || rank(f.place) > rank(top.place) ||
      (rank(f.place) === rank(top.place) && (where && !bestWhere || (where === bestWhere && f.at[0] < top.at[0])));
    if (better) { top = f; bestWhere = where; }
  }
  return top;
}

/** "a Panama-flagged tanker", "an Iran-backed militia", "a London-based group": a name glued to a word that describes something else. */
function attributive(text: string | undefined, at: Span): boolean {
  return text !== undefined && /^[-‑][\p{Ll}]/u.test(text.slice(at[1], at[1] + 2));
}

/** "Gaza City", "the Quneitra Governorate": an actor span that is only the place and its division word. */
const DIVISION_ONLY = /^\s+(city|province|governorate|oblast|district|region|state|county|department|prefecture|municipality|territory|krai|raion)$/i;
function onlyDivision(text: string | undefined, at: Span, actor: Span): boolean {
  if (text === undefined) return false;
  return /^(the\s+)?$/i.test(text.slice(actor[0], at[0])) && DIVISION_ONLY.test(text.slice(at[1], actor[1]));
}

/** "KABUL, March 4 —", "SRINAGAR/NEW DELHI (Reuters) -": capitals opening the text, before a comma, bracket or dash. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’\/-]*[\p{Lu}.](?=\s*(?:,|\(|—|–|-\s))/u;

/** Where the report was filed: the first place named in the dateline, and the dateline's span. */
export function datelineMention(text: string, places: readonly Place[]): { place: Place; at: Span; span: Span } | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  const span: Span = [0, m[0].length];
  let first: Mentioned | null = null;
  for (const place of places) for (const at of place.mentions) if (within(at, span) && (!first || at[0] < first.at[0])) first = { place, at };
  return first ? { ...first, span } : null;
}

/**
 * Countries the story is mostly about: those named at least half as often as the most named one.
 * A sentence's place elsewhere ("drew condemnation from the United States") is a side remark
 * unless an actor of the event belongs there.
 */
function storyCountries(places: readonly Place[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of places) if (p.country !== null) counts.set(p.country, (counts.get(p.country) ?? 0) + p.mentions.length);
  const max = Math.max(0, ...counts.values());
  return new Map([...counts].filter(([, n]) => n * 2 >= max));
}

/**
 * The place of the story told just before `from` in its paragraph: the most specific place of
 * the nearest sentence before that names one ("Drones hit Kharkiv. Three people are killed." puts
 * the deaths in Kharkiv).
 */
function placeBefore(named: (outer: Span) => Mentioned[], text: string, from: number, onTopic: (p: Place) => boolean): Place | null {
  const paragraph = text.lastIndexOf("\n\n", from);
  const found = named([paragraph < 0 ? 0 : paragraph, from]).filter((f) => onTopic(f.place));
  const nearest = found.reduce<Mentioned | null>((a, f) => (!a || f.at[0] > a.at[0] ? f : a), null);
  if (!nearest) return null;
  // the sentence holding the nearest one: back to the full stop before it
  const start = Math.max(text.lastIndexOf(". ", nearest.at[0]), paragraph);
  return mostSpecific(found.filter((f) => f.at[0] > start), text);
}

/**
 * The place of an event whose evidence is `span` inside `sentence`: the most specific place named
 * in the span (point > admin2 > admin1 > country > continent or sea; between equals, one named
 * after "in", "on", "attacks" …), else in the sentence if it lies in a country the story or the
 * event's actors belong to, else in the nearest sentence before it in its paragraph, else the
 * dateline's place, else the story's main country; null when the document names no place.
 *
 * @example
 * placeForSpan(places, [120, 160], [100, 210], { text, actorSpans, countries: ["AFG"] });
 */
export function placeForSpan(places: readonly Place[], span: Span, sentence: Span, opts: EventPlaceOptions = {}): Place | null {
  const dateline = opts.text === undefined ? null : datelineMention(opts.text, places);
  const actorSpans = opts.actorSpans ?? [];
  const text = opts.text;
  const named = (outer: Span): Mentioned[] => places.flatMap((place) => place.mentions
    .filter((at) => within(at, outer) && !(dateline && within(at, dateline.span)) && !attributive(text, at) &&
      !actorSpans.some((a) => within(at, a) && a[1] - a[0] > at[1] - at[0] && !onlyDivision(text, at, a)))
    .map((at) => ({ place, at })));
  // a flag or a sponsor ("Panama-flagged", "Iran-backed") says nothing of what the story is about
  const story = storyCountries(places.filter((p) => p.mentions.some((at) => !attributive(text, at))));
  const onTopic = (p: Place): boolean => p.country === null || story.has(p.country) || (opts.countries ?? []).includes(p.country);
  const inSentenceFound = named(sentence).filter((f) => onTopic(f.place));
  const inSpan = best(named(span), text);
  if (inSpan) {
    // "shoot down a U.S. jet in Iranian airspace": a name in the clause that only says whose
    // gives way to one of its rank or finer that the sentence names as where
    const where = located(text, inSpan.at) ? inSpan
      : best(inSentenceFound.filter((f) => located(text, f.at) && rank(f.place) >= rank(inSpan.place)), text) ?? inSpan;
    // "… in Injar, Tillabéri Region, Niger, kills 30": a country in the clause closes an address
    // the sentence gives in full
    const finer = where.place.precision === "country" ? best(inSentenceFound.filter((f) => f.place.country === where.place.country && rank(f.place) > rank(where.place)), text) : null;
    return (finer ?? where).place;
  }
  const inSentence = mostSpecific(inSentenceFound, text);
  if (inSentence) return inSentence;
  const before = text === undefined ? null : placeBefore(named, text, sentence[0], onTopic);
  if (before) return before;
  if (dateline && onTopic(dateline.place)) return dateline.place;
  // The story's most named country, as a country.
  const main = [...story].sort((a, b) => b[1] - a[1])[0]?.[0];
  return places.find((p) => p.country === main && p.precision === "country") ?? dateline?.place ?? null;
}
