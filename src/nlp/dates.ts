/**
 * Dates in text resolved against the published date, as intervals no coarser than the text
 * allows: "on Thursday" is a day, "last month" a month, "in 2025" a year, "since January" runs
 * from January to the reference date. Relative expressions without a reference date are dropped.
 */
// English only: the package's main entry loads every locale chrono knows, four times the start-up
import * as chronoEn from "chrono-node/en";
import type { Component } from "chrono-node";
import type { DateInterval } from "../core/index.js";
import { quickDates, type DateReading } from "./date-patterns.js";

export interface DateMention {
  start: number;
  end: number;
  text: string;
  interval: DateInterval;
}

/** A count of time units ("two years", "a few days", "18 months"). */
const DURATION = /\b(?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|\w+teen|\w+ty)(?:\s+\w+)?\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\b/;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const day = (d: Date): DateInterval => ({ start: iso(d), end: iso(d) });
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A word without which chrono's English parsers find no date that {@link toInterval} keeps: a
 * numeric date, a month or weekday name, a casual day or part of day, a unit of time ("three days ago",
 * "within hours", "last month"). This is chrono's vocabulary, not the analyst's: a sentence with
 * none of it is not handed to chrono, whose forty parsers would scan it for nothing.
 */
const DATE_CUE_SOURCE =
  // an all-number date ("2025-03-04", "2025 3 4", "4-3-2025", "4/3/25"); a year alone ("in 2025",
  // "the first quarter of 2025") chrono dates only beside a month, weekday or unit of time, which
  // are cues of their own, and other numbers date nothing. (One leading digit for all three, and
  // the look-behind only after it: a look-behind that opens an alternative is tried at every character.)
  String.raw`\d(?:\d{3}(?=[-./\s]\d\d?[-./\s]\d)|[/.]\d|(?<=\d-\d)\d{3})|` +
  String.raw`\b(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|` +
  // ("now" alone, "the second", "a decade", "a quarter" date nothing chrono gives that toInterval keeps;
  // "two weeks from now", "a decade ago" have another cue)
  String.raw`today|tonight|tomorrow|tmrw?|yesterday|noon|midnight|morning|afternoon|evening|night|ago|minute|hour|day|week|fortnight|month|year|centur)`;

/** A stretch of a text: [start, end) offsets, as a sentence has. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Characters read on either side of a cue: wide enough for the longest expression chrono knows around it. */
const CUE_REACH = 40;
const CUE_GLOBAL = new RegExp(DATE_CUE_SOURCE, "gi");

/**
 * The stretches of `text` chrono reads: around every {@link DATE_CUE_SOURCE} of the given sentences,
 * {@link CUE_REACH} characters each side cut back to a space and kept inside the sentence, and
 * stretches that touch merged; the whole text when no sentences are given.
 */
function dateStretches(text: string, sentences: readonly TextSpan[] | undefined): TextSpan[] {
  if (!sentences) return [{ start: 0, end: text.length }];
  const stretches: { start: number; end: number }[] = [];
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    let open: { start: number; end: number } | null = null;
    // (exec, not matchAll: matchAll copies the expression for every sentence)
    CUE_GLOBAL.lastIndex = 0;
    for (let m = CUE_GLOBAL.exec(sentence); m; m = CUE_GLOBAL.exec(sentence)) {
      // "may" in lowercase is the modal verb, not the month
      if (m[0] === "may") continue;
      let start = Math.max(0, m.index - CUE_REACH);
      while (start > 0 && !isSpace(sentence.charCodeAt(start - 1))) start--;
      let end = Math.min(sentence.length, m.index + m[0].length + CUE_REACH);
      while (end < sentence.length && !isSpace(sentence.charCodeAt(end))) end++;
      if (open && s.start + start <= open.end) open.end = s.start + end;
      else stretches.push(open = { start: s.start + start, end: s.start + end });
    }
  }
  return stretches;
}

/** chrono's reference when the report has no date: what it finds then is kept only with a year. */
const EPOCH = new Date(0);

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** A year after a space (" 2024"), and the preposition before it, with the character before that. */
const YEAR_AFTER_SPACE = /\s(?:19|20)\d\d\b(?![-\/]\d)/g;
const YEAR_PREPOSITION = /(?:^|\W)(in|during|of|since|by|until|throughout)$/i;

/**
 * Every date expression in `text` (offsets relative to `text`), resolved against `published`.
 * Given the text's `sentences`, chrono reads only those that could hold a date.
 */
export function findDates(text: string, published: string | null, sentences?: readonly TextSpan[]): DateMention[] {
  const ref = published ? new Date(`${published}T12:00:00Z`) : null;
  const out: DateMention[] = [];
  for (const stretch of dateStretches(text, sentences)) {
    const read = text.slice(stretch.start, stretch.end);
    // the commonest expressions are read without chrono, with the same results
    const results = quickDates(read, ref ?? EPOCH) ?? chronoEn.casual.parse(read, ref ? { instant: ref, timezone: 0 } : new Date(0), { forwardDate: false });
    for (const r of results) {
      const interval = toInterval(r, ref, text, stretch.start);
      if (!interval) continue;
      let start = stretch.start + r.index;
      const end = start + r.text.length;
      // "since January" / "since October 17": from then to the reference date
      const before = text.slice(Math.max(0, start - 6), start).toLowerCase();
      if (/since\s$/.test(before) && ref) {
        start -= 6;
        out.push({ start, end, text: text.slice(start, end), interval: { start: interval.start, end: iso(ref) } });
        continue;
      }
      out.push({ start, end, text: r.text, interval });
    }
  }
  // "the 2020-2022 war", "in 2014–16": a span of years
  for (const m of text.matchAll(/\b((?:19|20)\d\d)\s?[-–]\s?((?:19|20)\d\d|\d\d)\b(?![-\/]\d)/g)) {
    const from = Number(m[1]);
    const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    const s = m.index ?? 0;
    if (to <= from || to - from > 30 || out.some((d) => d.start < s + m[0].length && s < d.end)) continue;
    out.push({ start: s, end: s + m[0].length, text: m[0], interval: { start: `${from}-01-01`, end: `${to}-12-31` } });
  }
  // "in 2024", "since 2019": a year after a preposition, sought from the year (the prepositions are everywhere)
  YEAR_AFTER_SPACE.lastIndex = 0;
  for (let m = YEAR_AFTER_SPACE.exec(text); m; m = YEAR_AFTER_SPACE.exec(text)) {
    const s = m.index + 1;
    let q = s;
    while (q > 0 && /\s/.test(text[q - 1] as string)) q--;
    const preposition = YEAR_PREPOSITION.exec(text.slice(Math.max(0, q - 11), q));
    if (!preposition) continue;
    const y = Number(m[0].slice(1));
    if (out.some((d) => d.start <= s && s < d.end)) continue;
    const since = (preposition[1] as string).toLowerCase() === "since";
    out.push({ start: s, end: s + 4, text: String(y), interval: { start: `${y}-01-01`, end: since && ref ? iso(ref) : `${y}-12-31` } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `r`'s interval; `offset` is where in `text` the stretch chrono read begins. */
function toInterval(r: DateReading, ref: Date | null, text: string, offset: number): DateInterval | null {
  const c = r.start;
  const known = (k: Component) => c.isCertain(k);
  const lower = r.text.toLowerCase();
  // a bare number or time of day is no date
  if (!known("year") && !known("month") && !known("day") && !known("weekday") && !/\b(today|yesterday|tonight|week|month|year)\b/.test(lower)) return null;
  if (!ref && (!known("year") || !/\d{4}/.test(r.text))) return null;
  // "ten days after the raid" counts from another event, not from the reference date
  if (/\b(after|before|later|earlier)$/.test(lower) || /\b(next|following|same) day\b/.test(lower)) return null;
  // "for 99 years", "after two years of fighting", "over three days": a length of time, not when
  if (/^(for|after|over)\s/.test(lower) && DURATION.test(lower) && !/\b(19|20)\d\d\b/.test(lower)) return null;
  // "has now stepped in": discourse, not a date
  if (/^(now|right now|just now)$/.test(lower)) return null;
  if (/\bweek\b/.test(lower)) {
    const day = r.start.date();
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 864e5);
    return { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 864e5)) };
  }
  let y = c.get("year") ?? 0;
  // a news report's "March 2" without a year is the last March 2 up to a few days after publication
  if (ref && !known("year") && (known("month") || known("day")) && utc(y, c.get("month") ?? 1, c.get("day") ?? 1).getTime() > ref.getTime() + 3 * 864e5) y -= 1;
  const m = c.get("month") ?? 1;
  const d = c.get("day") ?? 1;
  // a bare weekday in a report is the last such day, not the next one
  if (ref && known("weekday") && !known("day") && !/\bnext\b/.test(lower) && iso(r.start.date()) > iso(ref)) {
    return day(new Date(r.start.date().getTime() - 7 * 864e5));
  }
  if (known("day") || known("weekday") || /\b(today|yesterday|tonight)\b/.test(lower)) {
    if (r.end) return { start: iso(utc(y, m, d)), end: iso(r.end.date()) };
    return { start: iso(utc(y, m, d)), end: iso(utc(y, m, d)) };
  }
  if (known("month") || /\bmonth\b/.test(lower)) return { start: iso(utc(y, m, 1)), end: iso(utc(y, m, lastDay(y, m))) };
  if (known("year") || /\byear\b/.test(lower)) {
    // "2024" alone inside a longer number or a score is not a year: require word boundaries
    if (/^\d{4}$/.test(r.text) && /\d/.test(text[offset + r.index + 4] ?? "")) return null;
    return { start: `${y}-01-01`, end: `${y}-12-31` };
  }
  return null;
}
