/**
 * The offline gazetteer: data/gazetteer/ (built by scripts/build-gazetteer.mjs) loaded into one
 * index from normalised names to candidate places, plus country look-ups by name, demonym and code.
 *
 * @example
 * const gaz = loadGazetteer();
 * gaz.lookup("konar");              // [{ kind: "admin1", name: "Kunar", country: "AFG", ... }, ...]
 * countryByDemonym("Pakistani")?.iso3;   // "PAK"
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DataError } from "../core/index.js";

export const PLACE_KINDS = ["country", "region", "admin1", "admin2", "city"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** One candidate place. `admin1Code` is GeoNames' `CC.ADM1`; `country` ISO 3166-1 alpha-3. */
export interface GazEntry {
  readonly kind: PlaceKind;
  readonly name: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin1Code: string | null;
  readonly admin2: string | null;
  readonly lat: number;
  readonly lon: number;
  /** Inhabitants for towns, 0 for everything else. */
  readonly population: number;
  /** GeoNames feature code for towns (PPLC capital, PPLA admin1 seat, ...), else the kind. */
  readonly feature: string;
  /** For a division: how many towns of ≥ 1,000 it holds (a size prior); else 0. */
  readonly size?: number;
}

export interface Country {
  readonly iso2: string;
  readonly iso3: string;
  readonly name: string;
  readonly names: readonly string[];
  /** Acronyms matched only as written ("US", "DRC"). */
  readonly exact: readonly string[];
  readonly demonyms: readonly string[];
  readonly capital: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly region: string | null;
  readonly area: number;
}

export interface Gazetteer {
  /** Candidates for a key made by {@link normaliseName}; empty when none. */
  lookup(key: string): readonly GazEntry[];
  /**
   * Candidates whose folded spelling ({@link foldName}) matches that of a key made by
   * {@link normaliseName}: towns of some size, divisions and regions spelt another way ("Khan
   * Younis", "Kostiantynivka"). Empty for short keys, which fold into too many others.
   */
  lookupFolded(key: string): readonly GazEntry[];
  /** Candidates for a case-sensitive acronym ("US", "KPK", "DRC"); empty when none. */
  lookupExact(surface: string): readonly GazEntry[];
  /**
   * Which look-ups may find a name beginning with this word as written (a capitalised token:
   * "Khan", "St", "U.S."): every name that {@link lookupExact}, {@link lookup} or
   * {@link lookupFolded} finds for a run of words starting with it has a first word that the
   * answer says yes to, so a recogniser need not look up the runs of the others.
   */
  nameStart(word: string): NameStart;
  /** True when the normalised word is a demonym ("afghan", "pakistanis"): never a toponym. */
  isDemonym(key: string): boolean;
  /**
   * False when no demonym of several words ("North Korean", "Sri Lankan") begins with this word
   * as written: then `countryByDemonym(word + " " + next)` is null for any word `next`, and a
   * pair it opens need not be looked up.
   */
  beginsDemonym(word: string): boolean;
  country(iso3: string): Country | undefined;
  countryByName(name: string): Country | null;
  countryByDemonym(word: string): Country | null;
  readonly countries: readonly Country[];
  /** Longest key, in words: bounds the recogniser's look-ahead. */
  readonly maxWords: number;
}

/** What a {@link Gazetteer.nameStart} answer says may begin with a word. */
export interface NameStart {
  /** An acronym held as written ({@link Gazetteer.lookupExact}) begins with the word. */
  readonly exact: boolean;
  /** A normalised name ({@link Gazetteer.lookup}) begins with the word normalised. */
  readonly name: boolean;
  /** A folded name ({@link Gazetteer.lookupFolded}) begins with the word folded. */
  readonly folded: boolean;
}

/** The eight answers of {@link Gazetteer.nameStart}, by `exact | name << 1 | folded << 2`. */
const NAME_STARTS: readonly NameStart[] = Array.from({ length: 8 }, (_, k) =>
  Object.freeze({ exact: (k & 1) !== 0, name: (k & 2) !== 0, folded: (k & 4) !== 0 }));

const ABBREVIATIONS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  st: "saint", ste: "sainte", mt: "mount", ft: "fort", pt: "port", n: "north", s: "south",
});

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The words of an ASCII name as the general path of {@link normaliseName} splits them, in one
 * pass: lowercase letters and digits, apostrophes dropped, anything else a separator.
 */
function asciiWords(s: string): string[] {
  const low = s.toLowerCase();
  const words: string[] = [];
  let word = "";
  let from = -1;
  for (let k = 0; k <= low.length; k++) {
    const c = k < low.length ? low.charCodeAt(k) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (from < 0) from = k;
      continue;
    }
    if (from >= 0) {
      word += low.slice(from, k);
      from = -1;
    }
    if (c === 39 || c === 96) continue; // ' and ` vanish: "Sana'a" is "sanaa"
    if (word !== "") {
      words.push(word);
      word = "";
    }
  }
  return words;
}

/**
 * Lowercase, accents stripped, punctuation folded to spaces, a leading "the" dropped and
 * "St."/"Mt."/"Ft." spelt out, so that "St. Nicolas", "Saint-Nicolas" and "saint nicolas" meet.
 * Apostrophes vanish ("Sana'a" → "sanaa") because transliterations use them inconsistently.
 */
export function normaliseName(s: string): string {
  // One or two words of ASCII letters, the commonest names, cost less to spell out than to remember.
  const space = s.indexOf(" ");
  if (space < 0) return isAsciiWord(s, 0, s.length) ? abbreviated(s.toLowerCase()) : normalised(s);
  if (!isAsciiWord(s, 0, space) || !isAsciiWord(s, space + 1, s.length)) return normalised(s);
  const head = s.slice(0, space).toLowerCase();
  const tail = s.slice(space + 1).toLowerCase();
  // as below: "the" before a name dropped, and the last of several words never an abbreviation
  return head === "the" ? abbreviated(tail) : `${abbreviated(head)} ${tail}`;
}

/** True when `s` from `from` to `to` is a word of ASCII letters only. */
function isAsciiWord(s: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k) | 32; // lowercase, for letters
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The longest abbreviation: longer words need not be looked up as one. */
const ABBREVIATION_LENGTH = Math.max(...Object.keys(ABBREVIATIONS).map((a) => a.length));

/** A lowercase word spelt out when it is an abbreviation ("st" → "saint"). */
const abbreviated = (w: string): string => (w.length <= ABBREVIATION_LENGTH ? ABBREVIATIONS[w] ?? w : w);

/**
 * `f` with its answers kept, at most `limit` of them (all dropped when full): names are
 * normalised and folded again and again, every capitalised run of every text.
 */
function remembered<T>(f: (s: string) => T, limit: number): (s: string) => T {
  const answers = new Map<string, T>();
  return (s) => {
    let answer = answers.get(s);
    if (answer === undefined) {
      answer = f(s);
      if (answers.size >= limit) answers.clear();
      answers.set(s, answer);
    }
    return answer;
  };
}

const NAME_MEMO = 100_000;
const normalised = remembered(normaliseUncached, NAME_MEMO);

function normaliseUncached(s: string): string {
  // ASCII (most names in English news) has nothing to decompose and no letters beyond a-z.
  const words = ASCII.test(s) ? asciiWords(s) : s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[’'`ʼ]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ");
  if (words[0] === "the" && words.length > 1) words.shift();
  return words.map((w, i) => (i < words.length - 1 || words.length === 1 ? ABBREVIATIONS[w] ?? w : w))
    .filter((w) => w !== "").join(" ");
}

/** Arabic and other articles that transliterations write, drop or glue at will ("Al-Fashir", "El Fasher"). */
const ARTICLES = new Set(["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ad", "ed", "en", "er", "es", "et", "ez"]);
/** Marks a folded key in the key tables, so that it never meets a written one. */
export const FOLDED = "~";

/**
 * A coarse spelling key for a normalised name, so that the transliterations of one name meet:
 * articles dropped, vowels, y and j folded (e/i, o/u, y/j/i, ou/u), q to k, doubled letters
 * and digraphs single. "Khan Younis" and "Khān Yūnis", "Kostiantynivka" and "Kostyantynivka",
 * "Al-Fashir" and "El Fasher", "Odesa" and "Odessa" all fold alike. Coarse on purpose: only names
 * the gazetteer does not hold as written are looked up this way, and only among larger places.
 *
 * @example foldName("khan younis"); // "khan iunis", as foldName("khan yunis")
 */
export function foldName(key: string): string {
  const words = key.split(" ");
  const kept = words.filter((w) => !ARTICLES.has(w));
  return (kept.length > 0 ? kept : words).join(" ")
    .replace(/dzh/g, "j").replace(/ou|oo|o/g, "u").replace(/ee|e|y|j/g, "i").replace(/q/g, "k").replace(/ck/g, "k")
    .replace(/(zh|sh|kh|ch|th)\1/g, "$1").replace(/(.)\1+/g, "$1");
}

/**
 * {@link foldName}, remembered: every capitalised run the gazetteer does not hold as written is
 * folded, text after text, and eight replacements a key cost more than the look-up they serve.
 */
const foldedKey = remembered(foldName, NAME_MEMO);

const ALL_CAPS = /^[A-Z&.]+$/;
const DEFAULT_DIR = new URL("../../data/gazetteer/", import.meta.url);

function readData(dir: string, file: string): string {
  const path = `${dir.replace(/\/$/, "")}/${file}`;
  try {
    return readFileSync(path, "utf8");
  } catch (cause) {
    throw new DataError(path, "cannot read the gazetteer (run scripts/build-gazetteer.mjs)", { cause });
  }
}

function parseJson<T>(dir: string, file: string): T {
  const text = readData(dir, file);
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new DataError(`${dir}/${file}`, "not JSON", { cause });
  }
}

interface Admin1Row {
  code: string; country: string; name: string; ascii: string; variants: string[]; keys: string[]; lat: number; lon: number;
  size: number;
}
interface RegionRow {
  name: string; names: string[]; keys: string[]; country: string | null; admin1: string | null; kind: string; lat: number; lon: number;
}
/** A column-wise table with a sorted key → row list (`keys[i]` names row `refs[i]`). */
interface Columns {
  name: string[];
  /** Index into `codes` of the row's `CC.ADM1`. */
  admin1: number[];
  lat: number[];
  lon: number[];
  keys: Array<string | null>;
  refs: number[];
  codes: string[];
  maxWords: number;
}
interface TownColumns extends Columns {
  population: number[];
  /** Index into `codes` of the GeoNames feature code. */
  feature: number[];
  /** Index into `codes` of the town's admin2 name ("" when unknown); absent in older builds. */
  admin2?: number[];
}

/** A sorted key table's key at `i`. */
function keyAt(t: Columns, i: number): string {
  // A null key is the row's name lowercased (see scripts/build-gazetteer.mjs).
  return t.keys[i] ?? t.name[t.refs[i]!]!.toLowerCase();
}

/** Where `key` is, or would be, in a sorted key table: the first index whose key is not below it. */
function lowerBound(t: Columns, key: string): number {
  let lo = 0;
  let hi = t.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(t, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows a sorted key table lists under `key`, found by binary search. */
function rowsFor(t: Columns, key: string): number[] {
  const out: number[] = [];
  for (let i = lowerBound(t, key); i < t.keys.length && keyAt(t, i) === key; i++) out.push(t.refs[i]!);
  return out;
}

/**
 * True when a key of a sorted key table is `word` or begins with it and a space. Keys hold
 * letters, digits and spaces only (or a leading {@link FOLDED}), and a space sorts before any of
 * them, so the first key not below `word` is such a key if any is.
 */
function beginsKey(t: Columns, word: string): boolean {
  const i = lowerBound(t, word);
  if (i === t.keys.length) return false;
  const k = keyAt(t, i);
  return k.startsWith(word) && (k.length === word.length || k.charCodeAt(word.length) === 32);
}

/** A key's first word. */
function firstWord(key: string): string {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
}

/** Country tables and look-ups: small, so loaded on their own for stages that need no places. */
class CountryTable {
  readonly countries: readonly Country[];
  readonly #byIso3 = new Map<string, Country>();
  readonly #byIso2 = new Map<string, Country>();
  readonly #byName = new Map<string, Country>();
  readonly #byExact = new Map<string, Country>();
  readonly #byDemonym = new Map<string, Country>();
  /** The first words of the demonyms of several words ("north" of "north korean"). */
  readonly #demonymHeads = new Set<string>();
  /** Words already asked for by {@link countryByDemonym}. */
  readonly #demonymOf = new Map<string, Country | null>();

  constructor(countries: Country[]) {
    // Larger countries first, so a name two share ("Congo", "Congolese") goes to the larger.
    this.countries = [...countries].sort((a, b) => b.area - a.area);
    for (const c of this.countries) {
      this.#byIso3.set(c.iso3, c);
      this.#byIso2.set(c.iso2, c);
      for (const n of [c.name, ...c.names]) if (!this.#byName.has(normaliseName(n))) this.#byName.set(normaliseName(n), c);
      for (const e of c.exact) if (!this.#byExact.has(e)) this.#byExact.set(e, c);
      for (const d of c.demonyms) {
        const k = normaliseName(d);
        if (!this.#byDemonym.has(k)) this.#byDemonym.set(k, c);
        if (!k.endsWith("s") && !this.#byDemonym.has(`${k}s`)) this.#byDemonym.set(`${k}s`, c);
      }
    }
    for (const k of this.#byDemonym.keys()) if (k.includes(" ")) this.#demonymHeads.add(firstWord(k));
  }

  country(iso3: string): Country | undefined { return this.#byIso3.get(iso3.toUpperCase()); }
  byIso2(iso2: string): Country | undefined { return this.#byIso2.get(iso2); }

  /** By English name, variant, acronym as written ("U.S.", "DRC") or ISO code. */
  countryByName(name: string): Country | null {
    const trimmed = name.trim();
    const exact = this.#byExact.get(trimmed);
    if (exact) return exact;
    const byName = this.#byName.get(normaliseName(trimmed));
    if (byName) return byName;
    if (/^[A-Z]{3}$/.test(trimmed)) return this.#byIso3.get(trimmed) ?? null;
    if (/^[A-Z]{2}$/.test(trimmed)) return this.#byIso2.get(trimmed) ?? null;
    return null;
  }

  /** By demonym, singular or plural ("Afghan", "Afghans", "Pakistani") or a possessive name. */
  countryByDemonym(word: string): Country | null {
    let c = this.#demonymOf.get(word);
    if (c === undefined) {
      c = this.#byDemonym.get(normaliseName(word.replace(/['’]s$/, ""))) ?? null;
      // asked for every capitalised word of every text: remember the answers, within bounds
      if (this.#demonymOf.size >= DEMONYM_MEMO) this.#demonymOf.clear();
      this.#demonymOf.set(word, c);
    }
    return c;
  }

  isDemonym(key: string): boolean { return this.#byDemonym.has(key); }

  beginsDemonym(word: string): boolean {
    const key = normaliseName(word);
    // "the" is dropped before a name, and a word of several words or none is not read alone
    if (key === "" || key === "the" || key.includes(" ")) return true;
    return this.#demonymHeads.has(key);
  }
}

const DEMONYM_MEMO = 50_000;

function loadCountryTable(dir: string): CountryTable {
  return new CountryTable(parseJson<{ countries: Country[] }>(dir, "countries.json").countries);
}

const NONE: readonly GazEntry[] = [];
/** Folded keys shorter than this ("tur", "baku") meet too many other names to be looked up. */
const MIN_FOLDED = 5;
const GENERIC_SUFFIX = /\s+(province|state|region|governorate|department|county|oblast|district)$/i;

/**
 * The English name of a division: the curated first variant when there is one ("North Darfur"
 * for GeoNames' "Northern Darfur"), less a generic "Province"/"State" it may carry; an acronym
 * never stands as the name.
 */
function admin1Name(a: Admin1Row): string {
  const first = a.variants[0];
  if (first === undefined || ALL_CAPS.test(first.replace(/\s/g, ""))) return a.ascii;
  const bare = first.replace(GENERIC_SUFFIX, "");
  return bare === "" ? first : bare;
}

/**
 * Loads data/gazetteer/ (or `dir`). Countries, divisions and regions are indexed at once; towns
 * and admin2 stay in their parsed columns and become entries when first looked up.
 */
export function loadGazetteer(dir?: string): Gazetteer {
  const base = dir ?? fileURLToPath(DEFAULT_DIR);
  const table = loadCountryTable(base);
  const small = new Map<string, GazEntry[]>();
  const exact = new Map<string, GazEntry[]>();
  const push = (m: Map<string, GazEntry[]>, k: string, e: GazEntry): void => {
    const list = m.get(k);
    if (!list) m.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  const isAcronym = (n: string): boolean => ALL_CAPS.test(n.replace(/\s/g, "")) && n.length <= 6;

  for (const c of table.countries) {
    const e: GazEntry = { kind: "country", name: c.name, country: c.iso3, admin1: null, admin1Code: null, admin2: null,
      lat: c.lat, lon: c.lon, population: 0, feature: "country" };
    for (const n of [c.name, ...c.names]) {
      if (isAcronym(n)) push(exact, n, e);
      else push(small, normaliseName(n), e);
    }
    for (const x of c.exact) push(exact, x, e);
  }

  // Divisions and regions by folded spelling: only names not held as written are looked up so,
  // so this index is built at the first such look-up rather than at start-up.
  const toFold: Array<[readonly string[], GazEntry]> = [];
  let foldedSmall: Map<string, GazEntry[]> | null = null;
  /** The first words of the keys of {@link foldedIndex}. */
  const foldedFirst = new Set<string>();
  const foldedIndex = (): Map<string, GazEntry[]> => {
    if (foldedSmall) return foldedSmall;
    foldedSmall = new Map();
    for (const [keys, e] of toFold) {
      for (const k of keys) {
        const f = foldName(k);
        if (f.length >= MIN_FOLDED) {
          push(foldedSmall, f, e);
          foldedFirst.add(firstWord(f));
        }
      }
    }
    return foldedSmall;
  };

  const admin1Names = new Map<string, string>();
  for (const a of parseJson<{ admin1: Admin1Row[] }>(base, "admin1.json").admin1) {
    const name = admin1Name(a);
    admin1Names.set(a.code, name);
    const e: GazEntry = { kind: "admin1", name, country: a.country, admin1: name,
      admin1Code: a.code, admin2: null, lat: a.lat, lon: a.lon, population: 0, feature: "admin1", size: a.size };
    for (const k of a.keys) push(small, k, e);
    toFold.push([a.keys, e]);
    for (const v of a.variants) if (isAcronym(v)) push(exact, v, e);
  }
  const iso3Of = (admin1Code: string): string | null => table.byIso2(admin1Code.slice(0, 2))?.iso3 ?? null;
  const admin1Of = (code: string): string | null => admin1Names.get(code) ?? null;

  for (const r of parseJson<{ regions: RegionRow[] }>(base, "regions.json").regions) {
    const e: GazEntry = { kind: "region", name: r.name, country: r.country, admin1: r.admin1, admin1Code: null, admin2: null,
      lat: r.lat, lon: r.lon, population: 0, feature: r.kind };
    for (const k of r.keys) push(small, k, e);
    toFold.push([r.keys, e]);
    for (const n of r.names) if (isAcronym(n)) push(exact, n, e);
  }

  const admin2 = parseJson<Columns>(base, "admin2.json");
  const towns = parseJson<TownColumns>(base, "cities.json");
  const admin2Cache: Array<GazEntry | undefined> = [];
  const townCache: Array<GazEntry | undefined> = [];
  const admin2Entry = (i: number): GazEntry => {
    const code = admin2.codes[admin2.admin1[i]!]!;
    return (admin2Cache[i] ??= {
      kind: "admin2", name: admin2.name[i]!, country: iso3Of(code), admin1: admin1Of(code), admin1Code: code,
      admin2: admin2.name[i]!, lat: admin2.lat[i]!, lon: admin2.lon[i]!, population: 0, feature: "admin2",
    });
  };
  const townEntry = (i: number): GazEntry => {
    const code = towns.codes[towns.admin1[i]!]!;
    return (townCache[i] ??= {
      kind: "city", name: towns.name[i]!, country: iso3Of(code), admin1: admin1Of(code), admin1Code: code,
      admin2: towns.admin2 ? towns.codes[towns.admin2[i]!] || null : null,
      lat: towns.lat[i]!, lon: towns.lon[i]!, population: towns.population[i]!, feature: towns.codes[towns.feature[i]!]!,
    });
  };
  const lookupCache = new Map<string, readonly GazEntry[]>();
  const lookup = (key: string): readonly GazEntry[] => {
    const hit = lookupCache.get(key);
    if (hit) return hit;
    const found = [...(small.get(key) ?? NONE), ...rowsFor(admin2, key).map(admin2Entry), ...rowsFor(towns, key).map(townEntry)];
    const out = found.length === 0 ? NONE : found;
    lookupCache.set(key, out);
    return out;
  };
  const foldedCache = new Map<string, readonly GazEntry[]>();
  const lookupFolded = (key: string): readonly GazEntry[] => {
    const f = foldedKey(key);
    if (f.length < MIN_FOLDED) return NONE;
    const hit = foldedCache.get(f);
    if (hit) return hit;
    const found = [...(foldedIndex().get(f) ?? NONE), ...rowsFor(towns, FOLDED + f).map(townEntry)];
    const out = found.length === 0 ? NONE : found;
    foldedCache.set(f, out);
    return out;
  };
  // Most capitalised words of a text ("Minister", "Reuters") begin no name: the first words of
  // the keys and every beginning of an acronym tell which runs need no look-up at all.
  const smallFirst = new Set<string>();
  for (const k of small.keys()) smallFirst.add(firstWord(k));
  const exactPrefixes = new Set<string>();
  for (const k of exact.keys()) for (let n = 1; n <= k.length; n++) exactPrefixes.add(k.slice(0, n));
  const nameStart = remembered((word: string): NameStart => {
    const first = firstWord(normaliseName(word));
    // "the" is dropped before a longer name, and an article before a folded one: either may begin any
    if (first === "the") return NAME_STARTS[7]!;
    const name = smallFirst.has(first) || beginsKey(admin2, first) || beginsKey(towns, first);
    // folding keeps words apart, so a key's first word folded is its folded key's first word
    const f = foldedKey(first);
    const folded = ARTICLES.has(first) || (foldedIndex(), foldedFirst.has(f)) || beginsKey(towns, FOLDED + f);
    return NAME_STARTS[(exactPrefixes.has(word) ? 1 : 0) | (name ? 2 : 0) | (folded ? 4 : 0)]!;
  }, NAME_MEMO);

  let maxWords = Math.max(admin2.maxWords, towns.maxWords);
  for (const k of small.keys()) maxWords = Math.max(maxWords, k.split(" ").length);

  return {
    lookup,
    lookupFolded,
    lookupExact: (surface) => exact.get(surface) ?? NONE,
    nameStart,
    isDemonym: (key) => table.isDemonym(key),
    beginsDemonym: (word) => table.beginsDemonym(word),
    country: (iso3) => table.country(iso3),
    countryByName: (name) => table.countryByName(name),
    countryByDemonym: (word) => table.countryByDemonym(word),
    countries: table.countries,
    maxWords,
  };
}

let defaultCountries: CountryTable | null = null;
function defaults(): CountryTable {
  defaultCountries ??= loadCountryTable(fileURLToPath(DEFAULT_DIR));
  return defaultCountries;
}

/** The country a name, variant, acronym or ISO code names ("Burma" → MMR, "U.S." → USA), or null. */
export function countryByName(name: string): Country | null { return defaults().countryByName(name); }

/** The country of a demonym ("Pakistani", "Afghans" → PAK, AFG), or null. */
export function countryByDemonym(word: string): Country | null { return defaults().countryByDemonym(word); }

/** The usual English name of an ISO 3166-1 alpha-3 code ("COD" → "Democratic Republic of the Congo"), or null. */
export function countryName(iso3: string): string | null { return defaults().country(iso3)?.name ?? null; }
