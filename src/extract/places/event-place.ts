/**
 * Where an event happened: the most specific place named in its clause, else in its sentence,
 * else in the sentence before, else where the story was filed or what it is about. Names that only help name something else
 * ("the Islamic Resistance in Iraq", "condemnation from the United States") are passed over.
 */
import type { Place, Precision, Span } from "../../core/index.js";
import { countryByDemonym, countryByName } from "../../rules/gazetteer.js";
import { wordClass } from "../../rules/lexicon.js";
import { FUNCTION_WORDS } from "./recognise.js";

export interface EventPlaceOptions {
  /** The document's text: tells a dateline ("KABUL, Dec 27 —") from the sentence after it. */
  text?: string;
  /** Spans of actor mentions: a place inside a longer one is part of a name ("Islamic Resistance in Iraq"). */
  actorSpans?: readonly Span[];
  /** Countries (ISO3) of the event's actors and recipients, null where unknown. */
  countries?: readonly (string | null)[];
  /**
   * The event is done where it lands (an attack, a deployment): a country named as one of its
   * sides gives way to a finer place of the sentence.
   */
  onSite?: boolean;
}

const RANK: Readonly<Record<Precision, number>> = { point: 3, admin2: 2, admin1: 1, country: 0 };
/**
 * A continent, sea or alliance ("European Union") says less than any one country; a region
 * across divisions ("Puntland", "Darfur") less than a division.
 */
const rank = (p: Place): number => (p.country === null ? -1 : p.precision === "admin1" && p.admin1 === null ? 0.5 : RANK[p.precision]);
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
    // the word starts a run of letters (or the slice): saying so spares trying every letter of every word
    // ("in northern Iraq", "in the south-eastern Donetsk region": a compass word between)
    const w = /(?<!\p{L})(\p{L}+)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$/u.exec(text.slice(Math.max(0, at[0] - 50), at[0]))?.[1];
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

function best(found: readonly Mentioned[], text?: string, own: readonly (string | null)[] = []): Mentioned | null {
  let top: Mentioned | null = null;
  let bestKey: [number, number, number] = [-Infinity, 0, 0];
  // The most specific wins; between equals, one in a country of the event's actors, then the one
  // named as where something happened, then the first named.
  for (const f of found) {
    const key: [number, number, number] = [rank(f.place), own.includes(f.place.country) ? 1 : 0, located(text, f.at) ? 1 : 0];
    const cmp = key[0] - bestKey[0] || key[1] - bestKey[1] || key[2] - bestKey[2];
    if (!top || cmp > 0 || (cmp === 0 && f.at[0] < top.at[0])) { top = f; bestKey = key; }
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

/**
 * "Gaza's 2.1 million residents", "Kharkiv's mayor": a town or division whose people or office
 * an actor's name holds still says where.
 */
function peopleOf(text: string | undefined, at: Span, actor: Span, place: Place): boolean {
  return text !== undefined && place.precision !== "country" && at[0] === actor[0] && /^['’]s\s/.test(text.slice(at[1], at[1] + 3));
}

/** Verbs of saying or wanting after a name that stands for its government: "Islamabad said", "Kyiv accused", "Moscow wants". */
const SAYS = /^\s+(?:has\s+|had\s+|have\s+)?(?:said|says|say|told|tells|announced|announces|accused|accuses|claimed|claims|denied|denies|warned|warns|stated|states|confirmed|confirms|blamed|blames|condemned|condemns|demanded|demands|vowed|vows|urged|urges|insisted|insists|rejected|rejects|responded|responds|replied|protested|summoned|summons|welcomed|welcomes|called|calls|wants|wanted|hopes|hoped|fears|feared|believes|believed|plans|planned|intends|intended|seeks|sought|expects|expected)\b/;

/**
 * A capital or country that acts as its government ("Islamabad said", "according to Moscow") is a
 * side, not where something happened.
 */
function speaks(text: string | undefined, at: Span): boolean {
  if (text === undefined) return false;
  return SAYS.test(text.slice(at[1], at[1] + 30)) || /according to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, at[0] - 20), at[0]));
}

const RAD = Math.PI / 180;
function km(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Infinity;
  const h = Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const BEARINGS: Readonly<Record<string, number>> = { north: 0, northeast: 45, east: 90, southeast: 135, south: 180,
  southwest: 225, west: 270, northwest: 315 };
/** "20 km north of", "30 kilometres south-east of", "12 miles west of" before a name. */
const OFFSET = /(\d+(?:[.,]\d+)?)[\s-]*(km|kms|kilometres|kilometers|kilometre|kilometer|mi|miles|mile)\s+(?:to\s+the\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:town|city|village|capital|district|province|region)\s+(?:of\s+)?)?$/i;

/**
 * "20 km north of Kabul": the point that far from the named place, with its division only when
 * the distance keeps it likely inside (≤ 25 km); null when no distance is written before it.
 */
function offsetPlace(text: string | undefined, f: Mentioned): Place | null {
  if (text === undefined) return null;
  const m = OFFSET.exec(text.slice(Math.max(0, f.at[0] - 60), f.at[0]));
  const { lat: lat0, lon: lon0 } = f.place;
  if (!m || f.place.country === null || lat0 === null || lon0 === null) return null;
  const dist = Number((m[1] as string).replace(",", ".")) * (/^mi/i.test(m[2] as string) ? 1.609 : 1);
  if (!(dist > 0 && dist <= 500)) return null;
  const dir = BEARINGS[(m[3] as string).toLowerCase().replace("-", "")] ?? 0;
  const lat = lat0 + (dist / 111.2) * Math.cos(dir * RAD);
  const lon = lon0 + (dist / (111.2 * Math.max(0.1, Math.cos(lat0 * RAD)))) * Math.sin(dir * RAD);
  const start = f.at[0] - m[0].length;
  const name = text.slice(start, f.at[1]);
  // from a division's middle an offset says little more than the division
  if (f.place.precision === "admin1" || f.place.precision === "admin2") {
    return { ...f.place, name, admin2: null, precision: "admin1", mentions: [[start, f.at[1]]] };
  }
  const inside = dist <= 25 && f.place.precision === "point";
  return { name, country: f.place.country, admin1: inside ? f.place.admin1 : null, admin2: null,
    lat: Math.round(lat * 100) / 100, lon: Math.round(lon * 100) / 100, precision: inside ? "point" : "country",
    mentions: [[start, f.at[1]]] };
}

/** "near the border with Burkina Faso", "along the Pakistani border": the named country is the other side. */
const BORDER_WITH = /\b(?:border|frontier|boundary)\s+with\s+(?:the\s+)?$/i;

/**
 * Where an event "near the border with X" happened: in the story's other country, in the division
 * of it named in the story that lies nearest X (the story names Tillabéri, Niger's side of the
 * border with Burkina Faso); null when the story names no other country.
 */
function borderPlace(text: string | undefined, f: Mentioned, places: readonly Place[], countries: readonly string[]): Place | null {
  if (text === undefined || f.place.precision !== "country" || !BORDER_WITH.test(text.slice(Math.max(0, f.at[0] - 40), f.at[0]))) return null;
  const other = countries.find((c) => c !== f.place.country);
  if (other === undefined) return null;
  // divisions, not towns: a capital named as where the report was filed lies anywhere
  const side = places.filter((p) => p.country === other && p.admin1 !== null && (p.precision === "admin1" || p.precision === "admin2"));
  const nearest = side.reduce<Place | null>((a, p) => (!a || km(p, f.place) < km(a, f.place) ? p : a), null);
  const home = places.find((p) => p.country === other && p.precision === "country");
  const base = nearest ?? home;
  if (!base) return null;
  return { name: base.admin1 ?? base.name, country: other, admin1: base.admin1, admin2: null, lat: base.lat, lon: base.lon,
    precision: nearest ? "admin1" : "country", mentions: [f.at] };
}

/** "KABUL, March 4 —", "SRINAGAR/NEW DELHI (Reuters) -": capitals opening the text, before a comma, bracket or dash. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’\/-]*[\p{Lu}.](?=\s*(?:,|\(|—|–|-\s))/u;

const DATELINE_REST = /^,[^\n.;:()—–]{1,40}?(?=\s*(?:\(|—|–|-\s))/u;

/** Where the report was filed: the first place named in the dateline, and the dateline's span. */
export function datelineMention(text: string, places: readonly Place[]): { place: Place; at: Span; span: Span } | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  // "GOMA, Congo (AP) —", "KABUL, March 4 (Reuters) -": the rest of the dateline up to its bracket or dash
  const rest = DATELINE_REST.exec(text.slice(m[0].length, m[0].length + 60));
  const span: Span = [0, m[0].length + (rest?.[0].length ?? 0)];
  let first: Mentioned | null = null;
  for (const place of places) for (const at of place.mentions) if (within(at, span) && (!first || at[0] < first.at[0])) first = { place, at };
  return first ? { ...first, span } : null;
}

/** How often the places of each country are named. */
function countryCounts(places: readonly Place[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of places) if (p.country !== null) counts.set(p.country, (counts.get(p.country) ?? 0) + p.mentions.length);
  return counts;
}

/**
 * Countries the story is mostly about: those named at least half as often as the most named one.
 * A sentence's place elsewhere ("drew condemnation from the United States") is a side remark
 * unless an actor of the event belongs there.
 */
function storyCountries(places: readonly Place[]): Map<string, number> {
  const counts = countryCounts(places);
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
  return eventPlacer(places, opts)(span, sentence, opts.countries ?? [], opts.onSite ?? false);
}

/**
 * {@link placeForSpan} for the events of one document: what does not depend on the event (the
 * dateline, the names that say where, the story's countries) is worked out once.
 */
export function eventPlacer(places: readonly Place[], opts: Omit<EventPlaceOptions, "countries" | "onSite"> = {}): (span: Span, sentence: Span, countries: readonly (string | null)[], onSite?: boolean) => Place | null {
  const dateline = opts.text === undefined ? null : datelineMention(opts.text, places);
  const actorSpans = opts.actorSpans ?? [];
  const text = opts.text;
  const saysWhere: Mentioned[] = places.flatMap((place) => place.mentions
    .filter((at) => !(dateline && within(at, dateline.span)) && !attributive(text, at) &&
      !speaks(text, at) && !actorSpans.some((a) => within(at, a) && a[1] - a[0] > at[1] - at[0] && !onlyDivision(text, at, a) &&
        !peopleOf(text, at, a, place)))
    .map((at) => ({ place, at })));
  const named = (outer: Span): Mentioned[] => saysWhere.filter((f) => within(f.at, outer));
  // a flag or a sponsor ("Panama-flagged", "Iran-backed") says nothing of what the story is about
  const story = storyCountries(places.filter((p) => p.mentions.some((at) => !attributive(text, at))));
  const storyOrder = [...story].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return (span, sentence, countries, onSite = false) => placeOf(places, span, sentence, countries, onSite, { text, dateline, named, story, storyOrder, actorSpans });
}

interface DocumentPlaces {
  text: string | undefined;
  dateline: { place: Place; at: Span; span: Span } | null;
  /** Mentions in `outer` that may say where, in the order of `places`. */
  named: (outer: Span) => Mentioned[];
  story: Map<string, number>;
  storyOrder: string[];
  actorSpans: readonly Span[];
}

function placeOf(places: readonly Place[], span: Span, sentence: Span, countries: readonly (string | null)[], onSite: boolean, doc: DocumentPlaces): Place | null {
  const { text, dateline, named, story, storyOrder, actorSpans } = doc;
  const onTopic = (p: Place): boolean => p.country === null || story.has(p.country) || countries.includes(p.country);
  // "near the border with Burkina Faso": the other side of it, whether or not the story is about that country
  const sides = [...storyOrder, ...countries.filter((c): c is string => c !== null)];
  const inSentenceNamed = named(sentence);
  const border = inSentenceNamed.map((f) => borderPlace(text, f, places, sides)).find((p) => p !== null) ?? null;
  // relative places: "20 km north of Kabul"
  const relative = (f: Mentioned): Place => {
    const p = offsetPlace(text, f) ?? f.place;
    return border && rank(border) >= rank(p) ? border : p;
  };
  const inSentenceFound = inSentenceNamed.filter((f) => onTopic(f.place));
  const inSpan = best(named(span), text);
  if (inSpan) {
    // "shoot down a U.S. jet in Iranian airspace": a name in the clause that only says whose
    // gives way to one of its rank or finer that the sentence names as where
    // "Pakistan launched an airstrike in the country's eastern Paktia Province": a name that is a
    // side of the event, not said as where, gives way to any finer place of the sentence
    const side = onSite && !located(text, inSpan.at) && actorSpans.some((a) => a[0] === inSpan.at[0] && a[1] === inSpan.at[1]);
    // ("an attack on a small U.S. outpost in Jordan": a place said as where right after the act's
    // words counts even in a country the story is not about)
    const near = (f: Mentioned): boolean => onTopic(f.place) || (onSite && f.at[0] >= span[1] && f.at[0] - span[1] <= 40);
    const where = located(text, inSpan.at) ? inSpan
      : best(inSentenceNamed.filter((f) => near(f) && located(text, f.at) && rank(f.place) >= rank(inSpan.place)), text) ??
        (side ? best(inSentenceFound.filter((f) => rank(f.place) > rank(inSpan.place)), text) : null) ?? inSpan;
    // "… in Injar, Tillabéri Region, Niger, kills 30": a country (or a region across divisions,
    // "… Bari Region of Puntland") in the clause closes an address the sentence gives in full
    const finer = rank(where.place) < 1 ? best(inSentenceFound.filter((f) => f.place.country === where.place.country && rank(f.place) > rank(where.place)), text) : null;
    return relative(finer ?? where);
  }
  // "killed in an attack on a base in northern Iraq": where the act's words end, said as where
  const right = onSite ? best(inSentenceNamed.filter((f) => !onTopic(f.place) && f.at[0] >= span[1] && f.at[0] - span[1] <= 40 && located(text, f.at)), text) : null;
  const inSentence = best(right ? [...inSentenceFound, right] : inSentenceFound, text, countries);
  if (inSentence) return relative(inSentence);
  if (border) return border;
  const before = text === undefined ? null : placeBefore(named, text, sentence[0], onTopic);
  if (before) return before;
  // the sentence after it in its paragraph ("Fighting went on for five days. The governor of
  // Norte de Santander said 80 were killed.")
  const after = text === undefined ? null : placeAfter(named, text, sentence[1], onTopic);
  if (after) return after;
  // what the lead says the story is about, before where it was filed
  const lead = text === undefined ? null : leadPlace(named, text, dateline?.span ?? null, onTopic);
  if (lead) return lead;
  if (dateline && onTopic(dateline.place)) return dateline.place;
  // The most named country of the story that the event's actors belong to, else the story's most
  // named one, as a country.
  const own = [...countryCounts(places)].sort((a, b) => b[1] - a[1]).map(([c]) => c).find((c) => countries.includes(c));
  const main = own ?? storyOrder[0];
  return places.find((p) => p.country === main && p.precision === "country") ?? dateline?.place ??
    (text === undefined ? null : demonymPlace(text, sentence, countries));
}

/** Words after a demonym that make its country the side that strikes ("Israeli airstrikes"). */
const STRIKERS = wordClass("striker-words");
/** Words after a demonym that make its country's people the ones struck ("Kenyan soldiers", "Serbian lawmakers"). */
const PEOPLE = wordClass("struck-people");
const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}]*/gu;
/** Capitalised words that open a sentence before a demonym ("Two Serbian lawmakers", "Former Iranian president"). */
const NUMBER_WORDS = wordClass("demonym-openers");

/**
 * With no place named in the story at all, the country whose people, posts or border a sentence's
 * demonym names ("kills three Kenyan soldiers near the Somali border" → Kenya, beside Somalia;
 * "Israeli airstrikes kill 78 Palestinians" → Palestine), else of any demonym not of a side that
 * struck ("Iranian defence minister … killed by Israeli strikes"): a demonym before "strikes",
 * "forces" and the like names who struck, not where. Null when the sentence says nothing of it.
 */
function demonymPlace(text: string, sentence: Span, countries: readonly (string | null)[]): Place | null {
  const part = text.slice(sentence[0], sentence[1]);
  const victims: Array<{ iso3: string; at: Span; border: boolean }> = [];
  let other: { iso3: string; at: Span } | null = null;
  for (const m of part.matchAll(CAPITALISED_WORD)) {
    const c = countryByDemonym(m[0]);
    // "Volker Türk": a capitalised word before it makes it a name
    const before = /(\p{Lu}[\p{L}\p{M}]*)\s+$/u.exec(part.slice(0, m.index))?.[1]?.toLowerCase();
    const named = before !== undefined && !FUNCTION_WORDS.has(before) && !NUMBER_WORDS.has(before);
    if (!c || named) continue;
    const after = /^\s+([\p{L}-]+)/u.exec(part.slice(m.index + m[0].length))?.[1]?.toLowerCase() ?? "";
    if (STRIKERS.has(after)) continue;
    // "Iranian defence minister … killed", "the Syrian government … clashes": a side that is not the striker
    other ??= { iso3: c.iso3, at: [sentence[0] + m.index, sentence[0] + m.index + m[0].length] };
    // "Kenyan soldiers", or the people themselves ("Palestinians", "Afghans")
    if (PEOPLE.has(after) || /[^s]s$/.test(m[0])) {
      victims.push({ iso3: c.iso3, at: [sentence[0] + m.index, sentence[0] + m.index + m[0].length], border: after === "border" });
    }
  }
  const first = victims.find((v) => !v.border) ?? (victims.length === 0 ? other : undefined);
  // "near the Somali border": the other side, the event's own country
  const border = victims.find((v) => v.border);
  const iso3 = first?.iso3 ?? (border ? countries.find((c): c is string => c !== null && c !== border.iso3) : undefined);
  const at = first?.at ?? border?.at;
  if (iso3 === undefined || at === undefined) return null;
  const c = countryByName(iso3);
  if (!c) return null;
  return { name: c.name, country: c.iso3, admin1: null, admin2: null, lat: c.lat, lon: c.lon, precision: "country", mentions: [at] };
}

/** The most specific place of the next sentence in the paragraph after `from`, if it names one. */
function placeAfter(named: (outer: Span) => Mentioned[], text: string, from: number, onTopic: (p: Place) => boolean): Place | null {
  const paragraphEnd = text.indexOf("\n\n", from);
  const end = paragraphEnd < 0 ? text.length : paragraphEnd;
  const stop = text.indexOf(". ", from + 1);
  const sentenceEnd = stop < 0 || stop > end ? end : stop + 1;
  if (sentenceEnd <= from) return null;
  return mostSpecific(named([from, sentenceEnd]).filter((f) => onTopic(f.place) && f.place.precision !== "country"), text);
}

/**
 * The place the story's first sentence names below the level of a country (the lead says where
 * the story happened), after any dateline.
 */
function leadPlace(named: (outer: Span) => Mentioned[], text: string, dateline: Span | null, onTopic: (p: Place) => boolean): Place | null {
  const from = dateline ? dateline[1] : 0;
  const stop = text.indexOf(". ", from);
  const para = text.indexOf("\n", from + 1);
  const end = [stop < 0 ? text.length : stop + 1, para < 0 ? text.length : para].reduce((a, b) => Math.min(a, b));
  return mostSpecific(named([from, end]).filter((f) => onTopic(f.place) && f.place.precision !== "country"), text);
}
