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

export { datelineMention, eventPlacer, placeForSpan, type EventPlaceOptions } from "./event-place.js";

export interface PlaceHints {
  /** ISO 3166-1 alpha-3 codes of countries the story is known to be about (its feed, its desk). */
  countries?: readonly string[];
  /** Countries of the actors the text names ("Houthi forces" → YEM), weighed as a demonym is. */
  actorCountries?: readonly string[];
}

/** A country a demonym or an actor of the text points to weighs half a country the caller names. */
const DEMONYM_WEIGHT = 0.5;
const CAPITALISED = /\p{Lu}[\p{L}\p{M}]*(?:['’]s)?/gu;

/**
 * Countries the text's demonyms name ("Israeli strikes", "North Korean troops"): who acts tells
 * where, though a demonym is never a toponym itself. Two words are tried before one, so that
 * "North Korean" is not read as "Korean".
 */
export function demonymCountries(text: string, gaz: Gazetteer): Set<string> {
  const out = new Set<string>();
  let prevWord = "";
  let prevEnd = -2;
  eachCapitalised(text, (word, at) => {
    const pair = prevEnd + 1 === at && gaz.beginsDemonym(prevWord) ? gaz.countryByDemonym(`${prevWord} ${word}`) : null;
    const c = pair ?? gaz.countryByDemonym(word);
    if (c) out.add(c.iso3);
    prevWord = word;
    prevEnd = at + word.length;
  });
  return out;
}

/**
 * Calls `f` with each match of {@link CAPITALISED} in `text` and where it starts, in order. Words
 * of ASCII letters are read without the pattern, which is left the rest.
 */
function eachCapitalised(text: string, f: (word: string, at: number) => void): void {
  const n = text.length;
  let k = 0;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if (c < 65 || c > 90) { k++; continue; }
      let j = k + 1;
      let d = j < n ? text.charCodeAt(j) : 0;
      while ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) d = ++j < n ? text.charCodeAt(j) : 0;
      if (d < 128) {
        // a possessive 's ends the word
        if (d === 39 && j + 1 < n && text.charCodeAt(j + 1) === 115) j += 2;
        f(text.slice(k, j), k);
        k = j;
        continue;
      }
    }
    // a letter, mark or quote beyond ASCII: the pattern decides, from here
    CAPITALISED.lastIndex = k;
    const m = CAPITALISED.exec(text);
    if (m === null) return;
    f(m[0], m.index);
    k = m.index + m[0].length;
  }
}

function hintWeights(text: string, gaz: Gazetteer, hints: PlaceHints): Map<string, number> {
  const weights = new Map<string, number>();
  for (const c of demonymCountries(text, gaz)) weights.set(c, DEMONYM_WEIGHT);
  for (const c of hints.actorCountries ?? []) weights.set(c, DEMONYM_WEIGHT);
  for (const c of hints.countries ?? []) weights.set(c, 1);
  return weights;
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

/** "Iranian airspace", "Polish territory", "North Korean waters": a country's space named by its demonym. */
const SPACE = /(\p{Lu}[\p{L}\p{M}]*(?: \p{Lu}[\p{L}\p{M}]*)?) (airspace|territorial waters|waters|territory|soil)\b/gu;
const SPACE_WORDS = / (?:airspace|territorial waters|waters|territory|soil)/;

/**
 * Countries named by a demonym and the space they own ("shot down in Iranian airspace"), as
 * country places: the event is there, though no toponym is written. Each joins the country's
 * place when the text also names it.
 */
function countrySpaces(text: string, gaz: Gazetteer, places: Place[]): void {
  // most texts name no such space: one scan for the words, not the pattern tried at every capital
  if (!SPACE_WORDS.test(text)) return;
  for (const m of text.matchAll(SPACE)) {
    const words = (m[1] as string).split(" ");
    // "North Korean" before "Korean"; a two-word match may start with a name that is no demonym
    const two = words.length === 2 ? gaz.countryByDemonym(words.join(" ")) : null;
    const c = two ?? gaz.countryByDemonym(words[words.length - 1] as string);
    if (!c) continue;
    const start = m.index + (two ? 0 : (m[1] as string).length - (words[words.length - 1] as string).length);
    const at: Span = [start, m.index + m[0].length];
    const own = places.find((p) => p.country === c.iso3 && p.precision === "country");
    if (own) own.mentions.push(at);
    else places.push({ name: c.name, country: c.iso3, admin1: null, admin2: null, lat: c.lat, lon: c.lon, precision: "country", mentions: [at] });
  }
}

/** Recognises and resolves the place names of `text`; each place once, with all its mentions. */
export function findPlaces(text: string, gaz: Gazetteer, hints: PlaceHints = {}): Place[] {
  const resolved = resolve(recognise(text, gaz), gaz, hintWeights(text, gaz, hints));
  const places = resolved.map(({ entry: e, mentions }): Place => ({
    name: e.name,
    country: e.country,
    admin1: e.kind === "country" ? null : e.admin1,
    admin2: e.admin2,
    lat: e.lat,
    lon: e.lon,
    precision: precisionOf(e),
    mentions: mentions.map((m): Span => [m.start, m.end]),
  }));
  countrySpaces(text, gaz, places);
  return places;
}
