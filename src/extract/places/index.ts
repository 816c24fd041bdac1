/**
 * Places: every toponym in a text, resolved against the offline gazetteer.
 *
 * @example
 * const gaz = loadGazetteer();
 * findPlaces("Gunmen attacked a checkpoint in Konar, Afghanistan.", gaz);
 * // [{ name: "Kunar", country: "AFG", admin1: "Kunar", precision: "admin1", mentions: [[32, 37]], ... },
 * //  { name: "Afghanistan", country: "AFG", precision: "country", mentions: [[39, 50]], ... }]
 */
import type { Place, Precision, Span } from "../../core/index.js";
import type { GazEntry, Gazetteer } from "../../rules/gazetteer.js";
import { recognise } from "./recognise.js";
import { resolve } from "./resolve.js";

export interface PlaceHints {
  /** ISO 3166-1 alpha-3 codes of countries the story is known to be about (its feed, its desk). */
  countries?: string[];
}

function precisionOf(e: GazEntry): Precision {
  switch (e.kind) {
    case "city": return "point";
    case "admin2": return "admin2";
    case "admin1": return "admin1";
    case "country": return "country";
    // A region inside one country is about as coarse as a division; one across borders, a
    // continent or a sea, no finer than a country.
    case "region": return e.country !== null && e.feature !== "sea" ? "admin1" : "country";
  }
}

/** Recognises and resolves the place names of `text`; each place once, with all its mentions. */
export function findPlaces(text: string, gaz: Gazetteer, hints: PlaceHints = {}): Place[] {
  const resolved = resolve(recognise(text, gaz), gaz, hints.countries ?? []);
  return resolved.map(({ entry: e, mentions }) => ({
    name: e.name,
    country: e.country,
    admin1: e.kind === "country" ? null : e.admin1,
    admin2: e.admin2,
    lat: e.lat,
    lon: e.lon,
    precision: precisionOf(e),
    mentions: mentions.map((m): Span => [m.start, m.end]),
  }));
}

const RANK: Readonly<Record<Precision, number>> = { point: 3, admin2: 2, admin1: 1, country: 0 };

const within = (m: Span, outer: Span): boolean => m[0] >= outer[0] && m[1] <= outer[1];

function mostSpecific(places: readonly Place[], outer: Span): Place | null {
  let best: Place | null = null;
  let bestAt = Infinity;
  for (const p of places) {
    const at = p.mentions.find((m) => within(m, outer));
    if (!at) continue;
    // The most specific wins; between equals, the one named first.
    if (!best || RANK[p.precision] > RANK[best.precision] || (RANK[p.precision] === RANK[best.precision] && at[0] < bestAt)) {
      best = p;
      bestAt = at[0];
    }
  }
  return best;
}

/**
 * The place named inside `span` (an event's evidence), else inside `sentence`, the most
 * specific first (point > admin2 > admin1 > country); null when neither names one.
 *
 * @example
 * placeForSpan(places, [120, 160], [100, 210]);   // the town in the clause, else the sentence's province
 */
export function placeForSpan(places: readonly Place[], span: Span, sentence: Span): Place | null {
  return mostSpecific(places, span) ?? mostSpecific(places, sentence);
}
