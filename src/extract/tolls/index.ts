/**
 * Tolls from the phrasing: "killing three soldiers and wounding five", "At least 12 people are
 * killed", "An Israeli soldier is killed", "the death toll rises to 80", "between 30 and 40
 * dead", "dozens", "with no casualties" — as {low, high}; high is null when the text gives only
 * a lower bound ("at least 12", "more than 40", "dozens").
 */
import type { Range } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import { headCountAt, qualify, type Bound } from "./numbers.js";
import { countAfter } from "./phrases.js";
import { countBefore } from "./subject.js";

export { mayStartNumber, numberAt } from "./numbers.js";

export interface Tolls {
  fatalities: Range | null;
  injuries: Range | null;
}

type Kind = "f" | "i";
/** Verbs whose object is the count: "kills 14 people", "killing at least 26", "injures 35 others". */
const ACTIVE = wordClass("toll-active-verbs");
/** Participles: passive after "be" ("are killed"), active after "have" or a subject ("gunmen killed 12"). */
const PARTICIPLE = wordClass("toll-participles");
/** Words whose subject is the count: "Seven soldiers die", "three dead", "30 deaths", "12 casualties". */
const INTRANSITIVE = wordClass("toll-intransitive-words");
/** The toll words that count the dead. */
const FATAL = wordClass("toll-fatal-words");
/** "death sentence", "sentenced to death": no one died. */
const NOT_A_DEATH = wordClass("toll-not-a-death");
/** Words between a passive toll word and its subject: "are reportedly killed", "is shot dead", "was stabbed to death". */
const VERB_GROUP = new Set(["AUX", "ADV", "PART"]);
/** Verbs naming how someone was killed, before "dead" and "to death". */
const MANNER = wordClass("toll-manner-words");
/** A death toll's count follows one of these: "rises to 80", "stands at 12", "reaches 300". */
const TOLL_LINK = wordClass("toll-links");
/** "bringing the death toll to 52,000": a running total. */
const RUNNING_TOTAL = wordClass("toll-running-total");
const QUALIFIER = wordClass("toll-qualifiers");
/** Verbs that report a count ("announces that", "said that"): what follows "that" is the count's clause. */
const REPORTS = wordClass("claim-verbs-with-clause");
/** Every word that tells a toll. */
const TOLL_WORDS: ReadonlySet<string> = new Set([...FATAL, ...ACTIVE, ...PARTICIPLE, ...INTRANSITIVE]);
const isToll = (t: Token): boolean => TOLL_WORDS.has(t.lower);

/**
 * Fatalities and injuries stated in tokens [from, to) of sentence s. When the tokens run to the
 * end of the sentence, a next sentence that only reports the casualties ("Eight people are
 * killed and 95 others are injured.") gives what this one leaves unsaid, unless `withNext` is
 * false (the caller adds that sentence's count itself).
 */
export function tollsIn(tokens: Token[], s: Sentence, from: number, to: number, withNext = true): Tolls {
  const own = tollsOf(tokens, s, from, to);
  const next = to === s.last && withNext ? casualtyReportAfter(tokens, s) : null;
  if (!next) return own;
  // the injured-only rule is applied again once both sentences are read
  const fatalities = own.fatalities && (own.fatalities.low > 0 || next.fatalities === null) ? own.fatalities : next.fatalities ?? own.fatalities;
  return { fatalities, injuries: own.injuries ?? next.injuries };
}

/** Words that tell a sentence's count of another incident or a running total. */
const ELSEWHERE = wordClass("toll-elsewhere");

/** The tolls of the sentence after s, when it opens with its casualty count ("At least 13 people are killed"). */
function casualtyReportAfter(tokens: Token[], s: Sentence): Tolls | null {
  let first = s.last;
  const idx = tokens[first]?.sentence;
  // more than a space between the sentences is a new paragraph, which may tell another story
  if (idx === undefined || (tokens[first] as Token).start - (tokens[first - 1] as Token).end > 1) return null;
  let last = first;
  while (last < tokens.length && tokens[last]?.sentence === idx) last++;
  // "U.S. president Donald Trump announces that at least six people were killed": the count reported
  const reported = tokens.slice(first, Math.min(last, first + 10)).findIndex((t, k) => t.lower === "that" && REPORTS.has(tokens[first + k - 1]?.lemma ?? ""));
  if (reported > 0) first += reported + 1;
  const words = tokens.slice(first, last);
  if (words.some((t) => ELSEWHERE.has(t.lower))) return null;
  // "The death toll rose to 11.": a sentence that only updates the count
  // "Fatalities: 4.", a note's count
  if ((words[0]?.lower === "the" && words[1]?.lower === "death" && words[2]?.lower === "toll") ||
    (words[1]?.text === ":" && INTRANSITIVE.has(words[0]?.lower ?? ""))) return tollsOf(tokens, { ...s, first, last }, first, last);
  const cue = words.findIndex((t) => isToll(t) || t.lower === "no");
  if (cue < 0 || cue > 10) return null;
  // only the count's phrase and a verb group before the toll word: no subject of its own doing something
  const opening = words.slice(0, cue);
  const none = words[cue]?.lower === "no";
  if (!none && !opening.some((t) => t.pos === "NUM" || /^(a|an|one|dozens|several|many)$/.test(t.lower))) return null;
  if (opening.some((t) => t.pos === "VERB" && !/(ed|said|known)$/.test(t.lower) && t.lemma !== "have" && t.lemma !== "be")) return null;
  return tollsOf(tokens, { ...s, first, last }, first, last);
}

function tollsOf(tokens: Token[], s: Sentence, from: number, to: number): Tolls {
  const found: Record<Kind, Bound | null> = { f: null, i: null };
  const zero = { f: false, i: false };
  let toldDeaths = false;
  const note = (kind: Kind, v: Bound | null): void => {
    if (v) found[kind] = found[kind] && found[kind].low >= v.low ? found[kind] : v;
  };
  /** The toll word a "no one" / "no" before it counts as zero ("No one was killed"): it has no count of its own. */
  let zeroed = -1;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const z = readZero(tokens, k, zero);
    if (z >= 0) zeroed = z;
    if (t.lower === "toll" && tokens[k - 1]?.lower === "death") { note("f", deathToll(tokens, k, to)); continue; }
    if (!isToll(t) || combined(tokens, k) || k === zeroed) continue;
    const kind: Kind = FATAL.has(t.lower) ? "f" : "i";
    // "casualties" may be dead or wounded: counted with the injured, it leaves the dead unknown
    if (kind === "f" || t.lower === "casualties") toldDeaths = true;
    note(kind, countFor(tokens, s, k, to));
  }
  // a report that counts only the injured, or says no one was hurt, says no one was killed, unless
  // it tells of deaths it gives no count for ("Seven in Vel and three in Ost are killed")
  const fatalities = found.f ?? (zero.f || ((zero.i || found.i) && !toldDeaths) ? { low: 0, high: 0 } : null);
  const injuries = found.i ?? (zero.i ? { low: 0, high: 0 } : null);
  return { fatalities: fatalities && toRange(fatalities), injuries: injuries && toRange(injuries) };
}

/** The count a toll word at k governs, read after or before it as its grammar says. */
function countFor(tokens: Token[], s: Sentence, k: number, to: number): Bound | null {
  const t = tokens[k] as Token;
  const stop = (w: Token): boolean => isToll(w);
  // "Fatalities: 4", "Deaths: 12": a count after a colon
  if (tokens[k + 1]?.text === ":" && INTRANSITIVE.has(t.lower)) return countAfter(tokens, k + 1, to, stop);
  if (t.lower === "lives") {
    // "8 people lost their lives"
    if (/^(their|his|her)$/.test(tokens[k - 1]?.lower ?? "") && tokens[k - 2]?.lemma === "lose") return subjectCount(tokens, s, k - 2);
    // "claiming 10 lives", "cost 30 lives", "took five lives"
    if (/^(claim|cost|take)$/.test(tokens[k - 2]?.lemma ?? "") && tokens[k - 1]?.pos === "NUM") return countAfter(tokens, k - 2, to, stop);
  }
  if (t.lower === "death" || t.lower === "lives") {
    if (NOT_A_DEATH.has(tokens[k + 1]?.lower ?? "") || NOT_A_DEATH.has(tokens[k - 2]?.lower ?? "")) return null;
    // "the death of IRGC spokesperson Ali Naini", "claimed the lives of 12"
    if (tokens[k + 1]?.lower === "of") return countAfter(tokens, k + 1, to, stop) ?? (t.lower === "death" && namedAfter(tokens, k + 2, to) ? { low: 1, high: 1 } : null);
    // "stabbed to death", but not "sentences the leader to death"
    // "causing one death"
    if (t.lower === "death" && tokens[k - 1]?.pos === "NUM") return subjectCount(tokens, s, k);
    if (t.lower === "death" && tokens[k - 1]?.lower === "to") return tokens.slice(Math.max(s.first, k - 8), k).some((w) => /^(sentence|condemn)$/.test(w.lemma) || /^sentence/.test(w.lower)) ? null : subjectCount(tokens, s, k);
    return null;
  }
  if (tokens[k + 1]?.lower === "of" && /^(deaths|killing|killings)$/.test(t.lower)) return countAfter(tokens, k + 1, to, stop);
  if (ACTIVE.has(t.lower)) return countAfter(tokens, k, to, stop);
  if (PARTICIPLE.has(t.lower)) {
    if (tokens[k - 1]?.lemma === "be") return subjectCount(tokens, s, k);
    const object = countAfter(tokens, k, to, stop);
    if (object) return object;
    // "One civilian killed and another injured": a headline's passive without "is"
    const next = tokens[k + 1];
    return !next || !["DET", "NUM", "PROPN", "NOUN", "ADJ", "PRON"].includes(next.pos) ? subjectCount(tokens, s, k) : null;
  }
  // "Gunmen shot dead a village chief", "troops gunned dead three": active, the count is the object
  const before = tokens[k - 2];
  if (t.lower === "dead" && MANNER.has(tokens[k - 1]?.lower ?? "") && before && before.lemma !== "be" && before.lemma !== "have" && !VERB_GROUP.has(before.pos)) {
    const object = countAfter(tokens, k, to, stop);
    if (object) return object;
  }
  if (INTRANSITIVE.has(t.lower)) return subjectCount(tokens, s, k);
  return null;
}

/** The subject count of a passive or intransitive toll word at k, past its verb group ("are reportedly", "is shot", "was stabbed to"). */
function subjectCount(tokens: Token[], s: Sentence, k: number): Bound | null {
  let p = k - 1;
  let singular = tokens[k]?.lower === "dies";
  while (p >= s.first) {
    const w = tokens[p] as Token;
    const next = tokens[p + 1] as Token;
    // "are reported to have been killed", "is said to have died", "is shot and killed"
    const hedge = w.pos === "VERB" && /(ed|said|known|thought)$/.test(w.lower) && next.lower === "to";
    const manner = w.lower === "and" && MANNER.has(tokens[p - 1]?.lower ?? "") && next === tokens[k];
    if (VERB_GROUP.has(w.pos) || w.lemma === "have" || w.lemma === "be" || w.lower === "to" || MANNER.has(w.lower) || hedge || manner) {
      if (/^(is|was|has)$/.test(w.lower)) singular = true;
      p--;
      continue;
    }
    break;
  }
  return countBefore(tokens, s, p + 1, singular, /^(deaths?|fatalit(?:y|ies)|injur(?:y|ies)|casualt(?:y|ies))$/.test(tokens[k]?.lower ?? ""));
}

/** A person's name after "the death of": two capitalised words or more. */
function namedAfter(tokens: Token[], j: number, to: number): boolean {
  let n = 0;
  while (j + n < to && tokens[j + n]?.pos === "PROPN") n++;
  return n >= 2;
}

/** "killed or injured at least 188": one count of both kinds, so of neither. */
function combined(tokens: Token[], k: number): boolean {
  const next = tokens[k + 2];
  const prev = tokens[k - 2];
  return (tokens[k + 1]?.lower === "or" && next !== undefined && isToll(next)) || (tokens[k - 1]?.lower === "or" && prev !== undefined && isToll(prev));
}

/**
 * "The death toll from Friday's strike rises to at least 80": the count after a linking word.
 * A running total ("bringing the death toll to 52,000") is the war's, not this attack's.
 */
function deathToll(tokens: Token[], k: number, to: number): Bound | null {
  for (let b = k - 2; b >= Math.max(0, k - 5); b--) if (RUNNING_TOTAL.has((tokens[b] as Token).lower)) return null;
  for (let j = k + 1; j < to; j++) {
    const t = tokens[j] as Token;
    if ([".", ";"].includes(t.text)) break;
    const n = headCountAt(tokens, j);
    if (!n) continue;
    let b = j - 1;
    while (b > k && QUALIFIER.has((tokens[b] as Token).lower)) b--;
    if (TOLL_LINK.has((tokens[b] as Token).lower)) return qualify(tokens, j, n);
  }
  return null;
}

/** "no casualties", "no one was injured", "without casualties": a toll of zero. Returns the toll word's index, or -1. */
function readZero(tokens: Token[], k: number, zero: Record<Kind, boolean>): number {
  const t = tokens[k] as Token;
  if (t.lower !== "no" && t.lower !== "without" && t.lower !== "nobody") return -1;
  let j = k + 1;
  if (t.lower === "no" && tokens[j]?.lower === "one") j++;
  while (tokens[j]?.pos === "ADJ" || tokens[j]?.pos === "AUX" || tokens[j]?.pos === "ADV") j++;
  const w = tokens[j]?.lower ?? "";
  if (/^(casualties|casualty)$/.test(w)) { zero.f = true; zero.i = true; }
  else if (/^(deaths|fatalities|fatality|dead|killed|death)$/.test(w)) zero.f = true;
  else if (/^(injuries|injured|wounded|hurt|injury)$/.test(w)) zero.i = true;
  else return -1;
  return j;
}

function toRange(b: Bound): Range {
  return { low: b.low, high: b.high };
}
