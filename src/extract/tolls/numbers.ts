/**
 * Counts as tolls state them: numerals ("1,200", "30-40"), number words ("twenty-two", "two
 * hundred", "a dozen"), vague counts ("dozens", "several") and the qualifiers around them
 * ("at least", "more than", "between 30 and 40", "two or three").
 */
import type { Token } from "../../nlp/index.js";

/** A count: high is null when the text gives only a lower bound ("at least 12", "dozens"). */
export type Bound = { low: number; high: number | null };

// Maps, not objects: a property read with a token's string must first intern that string
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
}));
/** Words that multiply the count before them: "two hundred", "three dozen". */
const SCALES: ReadonlyMap<string, number> = new Map(Object.entries({ hundred: 100, thousand: 1000, dozen: 12 }));
/**
 * Vague counts, read as their least plausible value and left open: "dozens" is at least 24.
 * "Several" and "many" say more than one or two.
 */
const VAGUE: ReadonlyMap<string, Bound> = new Map(Object.entries({
  dozens: { low: 24, high: null }, scores: { low: 40, high: null }, hundreds: { low: 200, high: null },
  thousands: { low: 2000, high: null }, tens: { low: 20, high: null }, several: { low: 3, high: null }, many: { low: 2, high: null },
}));
/** What a number before them measures is no head count: ages, durations, distances. */
const NOT_PEOPLE = /^(year|years|month|months|week|weeks|day|days|hour|hours|minute|minutes|km|kilometres?|kilometers?|miles?|metres?|meters?|percent|%|am|pm|a\.m\.|p\.m\.|times)$/;

/** Every word {@link numberAt} may start a count with: the number words, the vague counts, "a" and "an". */
const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...VAGUE.keys(), "a", "an"]);

/** False when no count can start at token t: neither a digit first nor a number word (most tokens). */
export function mayStartNumber(t: Token): boolean {
  const c0 = t.text.charCodeAt(0);
  return (c0 >= 48 && c0 <= 57) || NUMBER_WORDS.has(t.lower);
}

/** Parse a number word or numeral at token k: value and the number of tokens it used. */
export function numberAt(tokens: Token[], k: number): { value: Bound; used: number } | null {
  const t = tokens[k];
  if (!t) return null;
  // numerals start with a digit; most tokens do not, and skip straight to the words
  const c0 = t.text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const digits = t.text.replace(/,/g, "");
    if (/^\d+$/.test(digits) && (t.text === digits || /^\d{1,3}(,\d{3})+$/.test(t.text))) return { value: { low: Number(digits), high: Number(digits) }, used: 1 };
    // "30-40 people"
    const range = /^(\d+)[-–](\d+)$/.exec(t.text);
    if (range) return { value: { low: Number(range[1]), high: Number(range[2]) }, used: 1 };
  }
  const vague = VAGUE.get(t.lower);
  if (vague) return { value: vague, used: 1 };
  if (t.lower === "a" || t.lower === "an") {
    const next = tokens[k + 1]?.lower;
    if (next === "dozen" || next === "hundred") return { value: { low: UNITS.get(next) as number, high: UNITS.get(next) as number }, used: 2 };
    return null;
  }
  let n = UNITS.get(t.lower);
  if (n === undefined) return null;
  let used = 1;
  // "twenty two", "twenty-two"
  const unitAt = (j: number): number | undefined => { const u = UNITS.get(tokens[j]?.lower ?? ""); return u !== undefined && u < 10 ? u : undefined; };
  if (n >= 20 && n < 100) {
    const joined = tokens[k + 1]?.text === "-" ? unitAt(k + 2) : undefined;
    const spaced = unitAt(k + 1);
    if (joined !== undefined) { n += joined; used = 3; } else if (spaced !== undefined) { n += spaced; used = 2; }
  }
  const scale = n < 100 ? SCALES.get(tokens[k + used]?.lower ?? "") : undefined;
  if (scale) { n *= scale; used++; }
  return { value: { low: n, high: n }, used };
}

const MONTH = /^(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/;

/**
 * A head count at token j, or null where the number measures years, days or distance ("a
 * 25-year-old", "three days"), is a date ("October 7", "7 March") or a year ("the 2016 accord"
 * is none; "2000 people" is one).
 */
export function headCountAt(tokens: Token[], j: number): { value: Bound; used: number } | null {
  const n = numberAt(tokens, j);
  if (!n) return null;
  let after = j + n.used;
  if (tokens[after]?.text === "-") after++;
  const next = tokens[after]?.lower ?? "";
  if (NOT_PEOPLE.test(next) || MONTH.test(next) || MONTH.test(tokens[j - 1]?.lower ?? "")) return null;
  if (/^(19|20)\d\d$/.test(tokens[j]?.text ?? "") && !/^(people|persons|civilians|soldiers|troops|residents|refugees|migrants)$/.test(next)) return null;
  return n;
}

/** The count at j with its qualifier: "at least 12" is open, "up to 12" and "nearly 12" are 12, "12 to 15" a range. */
export function qualify(tokens: Token[], j: number, n: { value: Bound; used: number }): Bound {
  const v = n.value;
  const w1 = tokens[j - 1]?.lower ?? "";
  const w2 = tokens[j - 2]?.lower ?? "";
  if ((w2 === "at" && w1 === "least") || w1 === "over" || (w2 === "more" && w1 === "than") || (w2 === "upwards" && w1 === "of")) return { low: v.low, high: null };
  if ((w2 === "up" && w1 === "to") || w1 === "nearly" || w1 === "almost") return { low: v.low, high: v.low };
  const next = tokens[j + n.used]?.lower;
  if (next === "to" || next === "-" || next === "or") {
    const hi = numberAt(tokens, j + n.used + 1);
    if (hi && hi.value.low > v.low) return { low: v.low, high: hi.value.high ?? hi.value.low };
  }
  return v;
}

/** "between 30 and 40" starting at token j. */
export function betweenAt(tokens: Token[], j: number): Bound | null {
  if (tokens[j]?.lower !== "between") return null;
  const a = numberAt(tokens, j + 1);
  const b = a && tokens[j + 1 + a.used]?.lower === "and" ? numberAt(tokens, j + 2 + a.used) : null;
  return a && b ? { low: a.value.low, high: b.value.low } : null;
}

/** Counts joined in one phrase add up; an open count keeps the sum open. */
export function add(a: Bound, b: Bound): Bound {
  return { low: a.low + b.low, high: a.high === null || b.high === null ? null : a.high + b.high };
}
