/**
 * Tolls from the phrasing: "killing three soldiers and wounding five", "at least 12 people were
 * killed", "between 30 and 40 dead", "a dozen", "dozens" — as {low, high}; high is null when the
 * text gives only a lower bound ("at least 12", "more than 40", "dozens").
 */
import type { Range } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";

export interface Tolls {
  fatalities: Range | null;
  injuries: Range | null;
}

type Bound = { low: number; high: number | null };

const UNITS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};
const VAGUE: Record<string, Bound> = { dozens: { low: 24, high: null }, scores: { low: 40, high: null }, hundreds: { low: 200, high: null }, thousands: { low: 2000, high: null }, several: { low: 3, high: null }, many: { low: 2, high: null } };
const KILL = /^(kill|killed|killing|kills|dead|die|died|dying|dies|death|deaths|slain|slew|massacred|executed|lives|neutrali[sz]ed|neutrali[sz]ing)$/;
/** Nouns for a person: "killed a commander and two of his guards" counts the commander. */
const PERSON = /^(commander|leader|soldier|officer|policeman|civilian|man|woman|child|boy|girl|fighter|militant|member|guard|official|journalist|worker|student|resident|farmer|driver|passenger|teenager|chief|colonel|general|mayor|judge|cleric)$/;
const WOUND = /^(wound|wounded|wounding|wounds|injure|injured|injuring|injuries|hurt|casualties)$/;

/** Parse a number word or numeral at token k: value and the number of tokens it used. */
export function numberAt(tokens: Token[], k: number): { value: Bound; used: number } | null {
  const t = tokens[k];
  if (!t) return null;
  const digits = t.text.replace(/,/g, "");
  if (/^\d+$/.test(digits)) return { value: { low: Number(digits), high: Number(digits) }, used: 1 };
  const vague = VAGUE[t.lower];
  if (vague) return { value: vague, used: 1 };
  let n = UNITS[t.lower];
  if (n === undefined) return null;
  if (t.lower === "a" || t.lower === "an") {
    const next = tokens[k + 1]?.lower;
    if (next === "dozen") return { value: { low: 12, high: 12 }, used: 2 };
    return null;
  }
  let used = 1;
  const next = tokens[k + 1];
  if (next && n >= 20 && n < 100 && UNITS[next.lower] !== undefined && (UNITS[next.lower] ?? 0) < 10) { n += UNITS[next.lower] ?? 0; used++; }
  return { value: { low: n, high: n }, used };
}

/** The count before token k with its qualifier ("at least 12", "more than 40", "between 30 and 40"). */
function countBefore(tokens: Token[], s: Sentence, k: number): Bound | null {
  // "killing 12", "killed at least 12 people": the number follows the verb
  for (let j = k; j >= s.first && j >= k - 4; j--) {
    const n = numberAt(tokens, j);
    if (!n) continue;
    return qualify(tokens, j, n.value);
  }
  return null;
}

function qualify(tokens: Token[], j: number, v: Bound): Bound {
  const w1 = tokens[j - 1]?.lower ?? "";
  const w2 = tokens[j - 2]?.lower ?? "";
  if ((w2 === "at" && w1 === "least") || w1 === "over" || (w2 === "more" && w1 === "than") || w1 === "nearly" && false) return { low: v.low, high: null };
  if (w2 === "between") return v;
  if ((w2 === "up" && w1 === "to") || w1 === "nearly" || w1 === "almost") return { low: v.low, high: v.low };
  const and = tokens[j + 1]?.lower;
  if (tokens[j - 2] && tokens[j - 2]?.lower === "between") return v;
  if (and === "to" || and === "-") {
    const hi = numberAt(tokens, j + 2);
    if (hi) return { low: v.low, high: hi.value.low };
  }
  return v;
}

/** "a senior commander": one person. */
function single(tokens: Token[], j: number): { value: Bound; used: number } | null {
  if (!["a", "an", "one"].includes(tokens[j]?.lower ?? "")) return null;
  for (let k = j + 1; k < j + 4; k++) if (PERSON.test(tokens[k]?.lemma ?? "")) return { value: { low: 1, high: 1 }, used: 1 };
  return null;
}

/** "a commander … and two of his guards": the counts joined by "and" in one clause add up. */
function addCoordinated(tokens: Token[], j: number, to: number, first: Bound): Bound {
  let total = first;
  for (let k = j + 1; k < to; k++) {
    const t = tokens[k] as Token;
    if ([".", ";", ","].includes(t.text) || t.pos === "VERB") break;
    if (t.lower !== "and") continue;
    const n = numberAt(tokens, k + 1) ?? single(tokens, k + 1);
    if (!n || n.value.high === null || total.high === null) break;
    total = { low: total.low + n.value.low, high: total.high + (n.value.high ?? n.value.low) };
    k++;
  }
  return total;
}

function between(tokens: Token[], j: number): Bound | null {
  // "between 30 and 40"
  if (tokens[j]?.lower !== "between") return null;
  const a = numberAt(tokens, j + 1);
  const b = a && tokens[j + 1 + a.used]?.lower === "and" ? numberAt(tokens, j + 2 + a.used) : null;
  return a && b ? { low: a.value.low, high: b.value.low } : null;
}

/** Fatalities and injuries stated in tokens [from, to) of sentence s. */
export function tollsIn(tokens: Token[], s: Sentence, from: number, to: number): Tolls {
  let fatalities: Bound | null = null;
  let injuries: Bound | null = null;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const kind = KILL.test(t.lower) ? "f" : WOUND.test(t.lower) ? "i" : null;
    if (!kind) continue;
    let v: Bound | null = null;
    // "killing four soldiers", "killed at least 12 people", "left 5 dead"
    for (let j = k + 1; j < Math.min(to, k + 5); j++) {
      const b = between(tokens, j);
      if (b) { v = b; break; }
      const n = numberAt(tokens, j) ?? single(tokens, j);
      if (n) { v = addCoordinated(tokens, j, to, qualify(tokens, j, n.value)); break; }
      if ([".", ",", ";", "and", "in", "on"].includes((tokens[j] as Token).lower)) break;
    }
    // "12 people were killed", "at least 20 soldiers have been killed", "3 dead"
    if (!v) v = countBefore(tokens, s, k - 1);
    if (!v) continue;
    if (kind === "f") fatalities = fatalities ? merge(fatalities, v) : v;
    else injuries = injuries ? merge(injuries, v) : v;
  }
  return { fatalities: fatalities && toRange(fatalities), injuries: injuries && toRange(injuries) };
}

function merge(a: Bound, b: Bound): Bound {
  return a.low >= b.low ? a : b;
}
function toRange(b: Bound): Range {
  return { low: b.low, high: b.high };
}
