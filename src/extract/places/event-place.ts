/**
 * Where an event happened: the most specific place named in its clause, else in its sentence,
 * else where the story was filed or what it is about. Names that only help name something else
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

function mostSpecific(found: readonly Mentioned[]): Place | null {
  let best: Mentioned | null = null;
  // The most specific wins; between equals, the one named first.
  for (const f of found) if (!best || rank(f.place) > rank(best.place) || (rank(f.place) === rank(best.place) && f.at[0] < best.at[0])) best = f;
  return best?.place ?? null;
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
 * The place of an event whose evidence is `span` inside `sentence`: the most specific place named
 * in the span (point > admin2 > admin1 > country > continent or sea), else in the sentence if it
 * lies in a country the story or the event's actors belong to, else the dateline's place, else the
 * story's main country; null when the document names no place.
 *
 * @example
 * placeForSpan(places, [120, 160], [100, 210], { text, actorSpans, countries: ["AFG"] });
 */
export function placeForSpan(places: readonly Place[], span: Span, sentence: Span, opts: EventPlaceOptions = {}): Place | null {
  const dateline = opts.text === undefined ? null : datelineMention(opts.text, places);
  const actorSpans = opts.actorSpans ?? [];
  const named = (outer: Span): Mentioned[] => places.flatMap((place) => place.mentions
    .filter((at) => within(at, outer) && !(dateline && within(at, dateline.span)) &&
      !actorSpans.some((a) => within(at, a) && a[1] - a[0] > at[1] - at[0]))
    .map((at) => ({ place, at })));
  const inSpan = mostSpecific(named(span));
  if (inSpan) return inSpan;
  const story = storyCountries(places);
  const onTopic = (p: Place): boolean => p.country === null || story.has(p.country) || (opts.countries ?? []).includes(p.country);
  const inSentence = mostSpecific(named(sentence).filter((f) => onTopic(f.place)));
  if (inSentence) return inSentence;
  if (dateline && onTopic(dateline.place)) return dateline.place;
  // The story's most named country, as a country.
  const main = [...story].sort((a, b) => b[1] - a[1])[0]?.[0];
  return places.find((p) => p.country === main && p.precision === "country") ?? dateline?.place ?? null;
}
