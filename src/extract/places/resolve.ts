/**
 * Choosing one place for each recognised name, and dropping names that are not places here.
 *
 * Every mention of the same name in a document means the same place (one sense per discourse),
 * so names are resolved as groups. A candidate's score is a prior from its rank (country >
 * region > admin1 > town by size > admin2) plus what the rest of the document says: the
 * countries and divisions its other names resolve to, "Town, State" pairs, hints, and a
 * division word after it ("Kunar Province").
 */
import type { GazEntry, Gazetteer } from "../../rules/gazetteer.js";
import { wordClass } from "../../rules/lexicon.js";
import type { Mention } from "./recognise.js";

export interface Resolved { entry: GazEntry; mentions: Mention[] }

/** Capitalised words that GeoNames also lists as towns but that never mean one in news text. */
const NEVER = wordClass("never-places");
/** Compass words name a division only with its generic word ("West Region", "North Province"). */
const COMPASS = wordClass("compass-words");
/**
 * Words and given names that are also towns: a place only after a locative word ("in Hamilton")
 * or before its state or country ("Hamilton, Ontario").
 */
const WEAK = wordClass("weak-place-names");
/** After a place name these make the whole a title or an institution ("New York Times", "UK Department
 * for International Development", "Fiji Health Ministry"); security forces are kept, since
 * "Jammu and Kashmir Police" does place what it does. */
const ORG_WORDS = wordClass("place-title-words");
/** Words after a name that make it a disease's, not a place ("West Nile virus", "Ebola fever"). */
const DISEASE_WORDS = wordClass("disease-words");
/** Words before a name that say it is a place. */
const LOCATIVE = wordClass("place-locatives");

function prior(e: GazEntry): number {
  switch (e.kind) {
    case "country": return 6;
    case "region": return e.country === null ? 5.5 : 4.5;
    case "admin1": return 4;
    case "admin2": return 1.5;
    case "city": {
      const size = Math.max(0, Math.min(4.5, Math.log10(e.population + 1) - 3));
      const seat = e.feature === "PPLC" ? 1.5 : e.feature === "PPLA" ? 0.7 : e.feature === "PPLA2" ? 0.3 : 0;
      return size + seat;
    }
  }
}

/** Countries and divisions the document's other names point to, each with a weight. */
interface Context {
  countries: Map<string, number>;
  admin1s: Map<string, number>;
  /** Where the other names were read and what they resolved to: the nearest weighs most. */
  near: Array<{ at: number; group: Mention[]; entry: GazEntry }>;
  /** Points of the places the story is surely about (countries, divisions, cities, hinted countries). */
  anchors: Array<{ group: Mention[] | null; entry: GazEntry }>;
  /** The towns the names were read as, in the last pass: neighbours vouch for each other. */
  towns: GazEntry[];
}
const emptyContext = (): Context => ({ countries: new Map(), admin1s: new Map(), near: [], anchors: [], towns: [] });

/** Towns named in one story this close together are the neighbours, not homonyms far apart. */
const NEIGHBOUR_KM = 40;

/**
 * Within this many km of a place the story is surely about, a candidate in another country is
 * a neighbour's place, not a homonym across the world: Gaza beside Israel rather than Gaza in
 * Mozambique, Georgia's Tbilisi beside Armenia.
 */
const NEAR_KM = 300;
const RAD = Math.PI / 180;
function km(a: GazEntry, b: GazEntry): number {
  const h = Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
/**
 * `km(a, b) <= limit`, without the trigonometry for places whose latitudes alone lie farther
 * apart (no path between them is shorter than a meridian's; a margin keeps rounding out of it).
 */
function withinKm(a: GazEntry, b: GazEntry, limit: number): boolean {
  if (Math.abs(b.lat - a.lat) * RAD * 6371 > limit * 1.01) return false;
  return km(a, b) <= limit;
}
/** True when `e` lies near a place another name (or a hint) of the story resolved to. */
function nearAnchor(e: GazEntry, group: Mention[], ctx: Context): boolean {
  return ctx.anchors.some((a) => a.group !== group && a.entry !== e && withinKm(a.entry, e, NEAR_KM));
}

/**
 * The resolved place, among those `ok` accepts, named nearest to (within 300 characters of) one
 * of the group's mentions.
 */
function nearest(group: Mention[], ctx: Context, ok: (e: GazEntry) => boolean): GazEntry | null {
  let best: GazEntry | null = null;
  let bestD = 300;
  for (const m of group) {
    for (const n of ctx.near) {
      if (n.group === group || !ok(n.entry)) continue;
      const d = Math.abs(n.at - m.start);
      if (d < bestD) { bestD = d; best = n.entry; }
    }
  }
  return best;
}

function addWeight(m: Map<string, number>, k: string | null, w: number): void {
  if (k !== null) m.set(k, (m.get(k) ?? 0) + w);
}

/** The places named nearest with a division and with a country: the same for every candidate of a group. */
interface Nearby {
  division: GazEntry | null;
  country: GazEntry | null;
}

function score(e: GazEntry, group: Mention[], ctx: Context, self: GazEntry | null, nearby: () => Nearby): number {
  let s = prior(e);
  const selfW = (key: string | null, map: Map<string, number>, ownKey: string | null): number =>
    key === null ? 0 : (map.get(key) ?? 0) - (ownKey === key ? 1 : 0);
  const cw = selfW(e.country, ctx.countries, self?.country ?? null);
  // A small town gains less from its country being named: otherwise "England" in a story about
  // the US would be England, Arkansas.
  const small = (e.kind === "city" && e.population < 100_000) || e.kind === "admin2";
  if (cw > 0) s += (2.5 + Math.min(cw, 4) * 0.5) * (small ? 0.5 : 1);
  else if (e.kind !== "country" && nearAnchor(e, group, ctx)) s += 1.5;
  const aw = selfW(e.admin1Code, ctx.admin1s, self?.admin1Code ?? null);
  if (aw > 0 && e.kind !== "admin1") s += 2;
  // Between two Monroe Counties, the one in the state named nearby ("in Michigan ... Monroe County").
  if (e.kind !== "country") {
    const { division: nearDivision, country: nearCountry } = nearby();
    if (nearDivision && nearDivision.admin1Code === e.admin1Code) s += 1;
    else if (nearCountry && nearCountry.country === e.country) s += 0.5;
  }
  // Of two divisions of one name, the one holding a large town of that name is the better known ("Gaza").
  const es = group[0]!.entries;
  if (e.kind === "admin1" && es.some((x) => x.kind === "admin1" && x.admin1Code !== e.admin1Code) &&
    es.some((x) => x.kind === "city" && x.admin1Code === e.admin1Code && x.population >= 100_000)) s += 0.5;
  // "the Sahel", "the Caucasus": with its article the name is the region, not a division of that name
  if (e.kind === "region" && group.every((m) => m.before === "the")) s += 3;
  // "Kunar Province" is the division; "Gaza City" is the town
  if (group.some((m) => m.generic === "city")) s += e.kind === "city" ? 4 : 0;
  else if (group.some((m) => m.generic !== "")) s += e.kind === "admin1" || e.kind === "admin2" ? 4 : e.kind === "city" ? -2 : 0;
  for (const m of group) {
    const n = m.next;
    if (!n) continue;
    if (n.entries.some((x) => x !== e && ((x.kind === "country" && x.country === e.country) ||
      (x.kind === "admin1" && x.admin1Code === e.admin1Code)))) { s += 6; break; }
  }
  return s;
}

function pick(group: Mention[], ctx: Context, prev: GazEntry | null): GazEntry | null {
  let best: GazEntry | null = null;
  let bestScore = -Infinity;
  let near: Nearby | null = null;
  const nearby = (): Nearby => (near ??= {
    division: nearest(group, ctx, (x) => x.admin1Code !== null),
    country: nearest(group, ctx, (x) => x.country !== null),
  });
  for (const e of group[0]!.entries) {
    let s = score(e, group, ctx, prev, nearby);
    // Equal scores go to the larger town, then to the first listed (the larger country).
    s += e.population / 1e10;
    if (s > bestScore) { best = e; bestScore = s; }
  }
  // A river or range is "the Dnipro"; "in Dnipro" without the article is the city of that name
  if (best && best.kind === "region" && best.feature === "feature" && group.every((m) => m.before !== "the")) {
    const town = group[0]!.entries.find((x) => x.kind === "city" && x.country === best!.country && x.population >= 100_000);
    if (town) best = town;
  }
  // A division's seat of the same name is the usual meaning ("Kabul", "Herat") unless a division
  // word says otherwise; the town is also the more precise location.
  if (best && best.kind === "admin1" && !group.some((m) => m.generic !== "")) {
    const seat = group[0]!.entries.find((x) => x.kind === "city" && x.admin1Code === best!.admin1Code &&
      (x.feature === "PPLA" || x.feature === "PPLC") && x.population >= 1_000_000);
    if (seat) best = seat;
  }
  return best;
}

/**
 * Whether the document supports `e` as the place of `group`. `counted`: `ctx` counts `e` itself
 * too, which is taken out, so that a place never vouches for itself.
 */
function supported(e: GazEntry, group: Mention[], ctx: Context, counted: boolean): boolean {
  const own = counted ? 1 : 0;
  const inCountry = e.country !== null && (ctx.countries.get(e.country) ?? 0) - own > 0;
  const inAdmin1 = e.admin1Code !== null && (ctx.admin1s.get(e.admin1Code) ?? 0) - own > 0;
  const near = e.kind !== "country" && e.kind !== "region" && (nearAnchor(e, group, ctx) ||
    (e.kind === "city" && e.population >= 10_000 && ctx.towns.some((t) => t !== e && t.population >= 10_000 && withinKm(t, e, NEIGHBOUR_KM))));
  const cue = group.some((m) => LOCATIVE.has(m.before));
  const placed = group.some((m) => m.dateline || m.generic !== "" ||
    m.next?.entries.some((x) => x.country === e.country && (x.kind === "country" || x.kind === "admin1")));
  if (e.kind === "country") return true;
  // Another spelling of a name ("Khan Younis") is a place where the story is nearby, or a large
  // one where the text says it is a place ("in Kostiantynivka"); never a word that folds alike.
  if (group.every((m) => m.folded) && !(placed || inCountry || inAdmin1 || near) &&
    !(cue && (e.kind !== "city" || e.population >= 50_000))) return false;
  if (e.kind === "region") return true;
  // "Tirah, Khyber Pakhtunkhwa": a town the named division or country does not hold is another
  // place of the same name, and the right one is missing from the gazetteer.
  if (e.kind !== "admin1" && group.some((m) => contradicted(e, m))) return false;
  // A division with few towns (the Isle of Man's "Michael") needs the document to point to it.
  if (e.kind === "admin1") return (e.size ?? 0) >= 30 || inCountry || near || cue || placed;
  // A division word alone ("the Catatumbo region") does not carry a district abroad: thousands of
  // districts share a name with a region next door.
  if (placed && (e.kind !== "admin2" || inCountry || inAdmin1 || group.some((m) => m.dateline || m.next))) return true;
  // "Kouri village (Bama, Houet)": a district named as where another place lies is placed by that
  if (e.kind === "admin2" && group.some((m) => m.afterComma)) return true;
  if (e.kind === "admin2") return inAdmin1 || ((inCountry || near) && (cue || / (county|district|parish)$/.test(group[0]!.key)));
  // Towns: a big one stands alone unless only ever at a sentence's start (a capitalised word);
  // a small one needs a locative word before it and its country or division in the story.
  if (e.population >= 100_000) return cue || group.some((m) => !m.sentenceStart);
  // a town of some size in a division the story names ("in Khan Yunis and Deir al-Balah")
  if (!cue) return inAdmin1 && e.population >= 20_000 && group.some((m) => !m.sentenceStart);
  // "Of" alone ("a gathering of Fano militiamen") places a mid-sized town abroad no more than a
  // name does; "in", "near", "from" do.
  const strongCue = group.some((m) => m.before !== "of" && LOCATIVE.has(m.before));
  return inAdmin1 || inCountry || near || (e.population >= 20_000 && strongCue);
}

function contradicted(e: GazEntry, m: Mention): boolean {
  // "Bama, Houet": a district after a comma names the division its town lies in, when it is in
  // another country than the town (in the same country it may be the next of a list) and nothing
  // after it contradicts it in turn ("Reading, Berkshire, UK" is no Berkshire County abroad)
  const next = m.next;
  const district = (x: GazEntry) => x.kind === "admin2" && next !== null && next.afterComma && x.country !== e.country &&
    e.population < 1_000_000 && !contradicted(x, next);
  const containers = next?.entries.filter((x) => x.kind === "country" || x.kind === "admin1" || district(x)) ?? [];
  // "Herat, Kandahar" lists towns; but a name that is a country's ("the Catatumbo region,
  // Colombia") is that country or a division, never a town placing the first
  const country = m.next?.entries.some((x) => x.kind === "country") ?? false;
  if (containers.length === 0 || (containers.length !== m.next!.entries.length && !country)) return false;
  return !containers.some((x) => x.country === e.country && (x.kind === "country" || x.admin1Code === e.admin1Code));
}

/** Drops mentions that are names of something else; keeps the rest, grouped by name. */
function candidates(mentions: Mention[], gaz: Gazetteer): Map<string, Mention[]> {
  // A name seen once as part of a person's or institution's name is that elsewhere too
  // ("David Paterson" ... "Paterson says").
  const names = new Set(mentions.filter((m) => m.leftName && !m.institution).map((m) => m.key));
  const groups = new Map<string, Mention[]>();
  const personal = new Set<Mention>();
  for (const m of mentions) {
    const verdict = judge(m, gaz, names, personal);
    if (verdict === "name") personal.add(m);
    if (verdict !== "place") continue;
    const list = groups.get(m.key);
    if (list) list.push(m);
    else groups.set(m.key, [m]);
  }
  return groups;
}

/**
 * Whether a mention is a place here, part of a person's or firm's name ("name"), or some other
 * word ("word"). `personal` holds the mentions already judged names.
 */
function judge(m: Mention, gaz: Gazetteer, names: Set<string>, personal: Set<Mention>): "place" | "name" | "word" {
  const key = m.key.toLowerCase();
  const townsOnly = m.entries.every((e) => e.kind === "city" || e.kind === "admin2");
  const noCountry = m.entries.every((e) => e.kind !== "country");
  if (NEVER.has(key) && !m.dateline && townsOnly) return "word";
  if (COMPASS.has(key) && m.generic === "") return "word";
  if (WEAK.has(key) && noCountry && !m.dateline && !LOCATIVE.has(m.before) && m.next === null) return "name";
  if (gaz.isDemonym(key) && noCountry) return "word";
  if (m.leftName && m.institution) return "word";
  if (m.leftName || (names.has(m.key) && townsOnly)) return "name";
  if (m.after[0] !== undefined && ORG_WORDS.has(m.after[0])) return "word";
  if (DISEASE_WORDS.has(m.nextWord)) return "word";
  // A small town's name before an unknown capitalised word is a person or a firm ("Hamilton Smith").
  if (m.after.length > 0 && m.entries.every((e) => e.kind === "city" && e.population < 1_000_000 || e.kind === "admin2")) return "name";
  // Right after a name judged no place ("John Lubbock", "USS George Washington"): the same name.
  if (m.prev !== null && personal.has(m.prev) && noCountry) return "name";
  // "Bissau-Guinean": half of a demonym.
  if (m.hyphenated !== "" && gaz.isDemonym(m.hyphenated)) return "word";
  return "place";
}

/**
 * Resolves recognised mentions to places. `hints` weigh countries the story is about by ISO3
 * code: 1 for one the caller knows, less for one only a demonym ("Israeli") suggests.
 */
export function resolve(mentions: Mention[], gaz: Gazetteer, hints: ReadonlyMap<string, number> = new Map()): Resolved[] {
  const groups = [...candidates(mentions, gaz).values()];
  const hinted = (ctx: Context): Context => {
    for (const [h, w] of hints) {
      addWeight(ctx.countries, h, w);
      const c = gaz.country(h);
      if (c) ctx.anchors.push({ group: null, entry: { kind: "country", name: c.name, country: c.iso3, admin1: null,
        admin1Code: null, admin2: null, lat: c.lat, lon: c.lon, population: 0, feature: "country" } });
    }
    return ctx;
  };
  // First pass: only unambiguous country-level evidence (country names, hints, divisions that
  // exist in one country only); second pass: what the first pass resolved.
  const ctx0 = hinted(emptyContext());
  for (const g of groups) {
    const es = g[0]!.entries;
    const country = es.find((e) => e.kind === "country");
    if (country) { addWeight(ctx0.countries, country.country, 1); continue; }
    const divisions = new Set(es.filter((e) => e.kind === "admin1" || e.kind === "region").map((e) => e.country));
    if (divisions.size === 1) addWeight(ctx0.countries, [...divisions][0] ?? null, 0.5);
  }
  let picks = groups.map((g) => pick(g, ctx0, null));
  for (let pass = 0; pass < 2; pass++) {
    const ctx = hinted(emptyContext());
    picks.forEach((e, i) => {
      if (!e) return;
      addWeight(ctx.countries, e.country, 1);
      addWeight(ctx.admin1s, e.admin1Code, 1);
      for (const m of groups[i]!) ctx.near.push({ at: m.start, group: groups[i]!, entry: e });
      if (anchoring(e)) ctx.anchors.push({ group: groups[i]!, entry: e });
    });
    picks = groups.map((g, i) => pick(g, ctx, picks[i] ?? null));
  }
  const ctx = hinted(emptyContext());
  picks.forEach((e, i) => {
    if (!e || !supportedAlone(e)) return;
    addWeight(ctx.countries, e.country, 1);
    addWeight(ctx.admin1s, e.admin1Code, 1);
    if (anchoring(e)) ctx.anchors.push({ group: groups[i]!, entry: e });
  });
  // every town picked: a group's own is passed over where towns vouch for each other
  const judged: Context = { ...ctx, near: [], towns: picks.filter((x): x is GazEntry => x !== null && x.kind === "city") };
  const out = new Map<GazEntry, Resolved>();
  groups.forEach((g, i) => {
    const e = picks[i];
    if (!e) return;
    if (!supported(e, g, judged, supportedAlone(e))) return;
    const r = out.get(e);
    if (r) r.mentions.push(...g);
    else out.set(e, { entry: e, mentions: [...g] });
  });
  for (const r of out.values()) r.mentions.sort((a, b) => a.start - b.start);
  return [...out.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Places that count as context for others without needing any themselves. */
function supportedAlone(e: GazEntry): boolean {
  return e.kind !== "city" && e.kind !== "admin2" || e.population >= 100_000;
}

/**
 * Places whose point says where the story is: countries, divisions, regions inside one country,
 * big towns; not continents, seas or regions across borders, whose points are only labels.
 */
function anchoring(e: GazEntry): boolean {
  if (e.kind === "region") return e.country !== null && e.feature !== "sea";
  return supportedAlone(e);
}

