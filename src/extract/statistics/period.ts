/**
 * The period a count covers: the date phrase nearest after it in its clause ("43 attacks in the
 * first half of 2023, down from 161 in the same period of 2022"), else one fronted before it
 * ("In 2024 alone, … 130 attacks"); "since X" runs from X to the report's date. A date that
 * modifies a noun ("last month's election") or that belongs to a later count is not the count's.
 */
import type { DateInterval } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { DateMention } from "../../nlp/dates.js";

export interface Period {
  interval: DateInterval;
  /** Character span of the date phrase. */
  start: number;
  end: number;
  /** A month or more, or open since a date: long enough for a count to be a statistic. */
  long: boolean;
  /** Runs from a date to the report ("since October 17"). */
  since: boolean;
}

const DAY = 864e5;
const days = (i: DateInterval) => (Date.parse(i.end) - Date.parse(i.start)) / DAY + 1;

/**
 * The period of the count spanning tokens [first, after) in sentence s; `counts` are the
 * starts of the other counts of the sentence.
 */
export function periodFor(tokens: Token[], s: Sentence, dates: DateMention[], first: number, after: number, counts: number[], published: string | null): Period | null {
  const startChar = (tokens[first] as Token).start;
  const endChar = (tokens[after - 1] as Token).end;
  const tokenAt = (char: number) => tokens.findIndex((t, i) => i >= s.first && i < s.last && t.start >= char);
  const inClause = dates.filter((d) => d.start >= s.start && d.end <= s.end && !(d.start < endChar && startChar < d.end) &&
    !/^['’]s\b/.test(textAfter(tokens, tokenAt(d.end))));
  const later = counts.filter((c) => c > first).map((c) => (tokens[c] as Token).start);
  const next = later.length ? Math.min(...later) : Infinity;
  const afterIt = inClause.filter((d) => d.start >= endChar && d.start < next && !semicolonBetween(tokens, s, after, tokenAt(d.start)));
  const beforeIt = inClause.filter((d) => d.end <= startChar && !semicolonBetween(tokens, s, tokenAt(d.end), first));
  const d = afterIt[0] ?? beforeIt[beforeIt.length - 1];
  if (!d) return null;
  const since = sinceBetween(tokens, s, d.start > startChar ? after : tokenAt(d.end), tokenAt(d.start));
  const interval = since && published && d.interval.start < published ? { start: d.interval.start, end: published } : d.interval;
  return { interval, start: d.start, end: d.end, long: since || days(interval) >= 27, since };
}

function textAfter(tokens: Token[], k: number): string {
  return k >= 0 ? tokens[k]?.text ?? "" : "";
}

function semicolonBetween(tokens: Token[], s: Sentence, a: number, b: number): boolean {
  for (let k = Math.max(a, s.first); k < b && k < s.last; k++) if ((tokens[k] as Token).text === ";") return true;
  return false;
}

/** "since the protests began on Oct 21", "since early September": the count runs from then. */
function sinceBetween(tokens: Token[], s: Sentence, a: number, dateToken: number): boolean {
  const from = Math.max(s.first, Math.min(a, dateToken - 3));
  for (let k = from; k < dateToken && k < s.last; k++) if ((tokens[k] as Token).lower === "since") return true;
  return false;
}
