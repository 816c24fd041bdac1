/**
 * The commonest date expressions of news text ("on Monday", "Tuesday night", "12 March 2025",
 * "March 12", "in March", "yesterday", "last week"), read the way chrono's English parsers read
 * them, without running its forty parsers and refiners over the stretch. A stretch is read here
 * only when every word chrono could make anything of is part of one of these expressions, and
 * nothing beside an expression could join it; otherwise {@link quickDates} declines and chrono
 * reads the stretch. The readings carry chrono's components (which are known, which only implied),
 * so the same interval rules turn both into dates.
 */
import type { Component, ParsedComponents } from "chrono-node";

/** What the interval rules read of a parse: chrono's result or a quick reading. */
export interface DateReading {
  readonly index: number;
  readonly text: string;
  readonly start: Pick<ParsedComponents, "isCertain" | "get" | "date">;
  readonly end?: Pick<ParsedComponents, "isCertain" | "get" | "date">;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const PART_OF_DAY = "morning|afternoon|evening|night";
const MONTH = MONTHS.join("|");
const WEEKDAY = WEEKDAYS.join("|");

/** How chrono's English parsers take a word (lowercase): see {@link quickDates}. */
type Kind = "weekday" | "month" | "casual" | "part" | "unit" | "ordinal" | "now" | "unitAbbr" | "afterNumber" | "other";
const WORDS = new Map<string, Kind>();
const kind = (k: Kind, words: readonly string[] | string) => {
  for (const w of typeof words === "string" ? words.split(" ") : words) WORDS.set(w, k);
};
// a unit's abbreviation, a unit after a number or modifier ("a few d", "last s"); after digits
// only, a meridiem, "o'clock" or an era ("5 a.m.", "2025 BC")
kind("unitAbbr", "s sec m min mins h hr hrs d w mo mos qtr y yr");
kind("afterNumber", "a p am pm o be ad bc bce ce");
kind("unit", "second seconds minute minutes hour hours day days week weeks month months quarter quarters year years");
kind("ordinal", "first third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth");
// what chrono reads that is not read here: abbreviated months and weekdays, the weekend, hours by name
kind("other", "jan feb mar apr jun jul aug sep sept oct nov dec sun mon tue tues wed thu thur thurs fri sat weekend weekday overmorrow tmr tmrw midnight midday noon");
kind("weekday", WEEKDAYS);
kind("month", MONTHS);
kind("casual", "today tonight tomorrow yesterday");
kind("part", PART_OF_DAY.split("|"));
kind("now", "now");
/** Words chrono reads glued to a date word ("onMonday", "lastweek", "thismorning", "lasts"). */
const GLUED = ["on", "in", "this", "last", "past", "next", "after"];
/**
 * The first letters and lengths of {@link WORDS}, alone or glued: most words are none of them,
 * told without a look-up.
 */
const OPENINGS = new Uint8Array(32 * 16);
const opening = (first: number, length: number) => (first & 31) * 16 + Math.min(length, 15);
for (const w of WORDS.keys()) {
  OPENINGS[opening(w.charCodeAt(0), w.length)] = 1;
  for (const p of GLUED) OPENINGS[opening(p.charCodeAt(0), p.length + w.length)] = 1;
}

/**
 * The expressions read here, tried at a word's start. Each follows the chrono parser that reads
 * it: its optional prefix ("on", "in", "last"), what it takes after ("Monday," "March of"), and
 * the merging of a weekday or casual day with a following part of day ("Monday night").
 */
const SHAPES = {
  // ENWeekdayParser (+ ENCasualTimeParser merged by ENMergeDateTimeRefiner)
  weekday: new RegExp(String.raw`(?:on\s+)?(?:(last|past|this)\s+)?(${WEEKDAY})(?:\s*,|\s+(?:${PART_OF_DAY}))?(?![\w])`, "iy"),
  // ENMonthNameLittleEndianParser: "on 12 March", "12 March 2025", "12 March, 2025"
  dayMonth: new RegExp(String.raw`(?:on\s{1,3})?(\d\d?)\s{1,3}(${MONTH})(?:,?\s{1,3}([1-9]\d{3}))?(?![\w])`, "iy"),
  // ENMonthNameMiddleEndianParser: "March 12", "March 12, 2025", "March 12 2025" (and, as there,
  // the spaces after a day before a non-word: "March 9 —")
  monthDay: new RegExp(String.raw`(${MONTH})\s+(\d\d?)\s*(?:(?:\s*,\s*|\s+)([1-9]\d{3}))?(?=\W|$)`, "iy"),
  // ENMonthNameParser: "in March", "March 2025", "March of 2025", "March," (its text leaves out "in")
  month: new RegExp(String.raw`(in\s*)?(${MONTH})\s*(?:(?:,|-|of)?\s*([1-9]\d{3})?)?(?=[^\s\w]|\s+[^0-9]|\s+$|$)`, "iy"),
  // ENCasualDateParser (+ a merged part of day)
  casual: new RegExp(String.raw`(today|tonight|yesterday|tomorrow|last\s+night)(?:\s+(?:${PART_OF_DAY}))?(?![\w])`, "iy"),
  // ENRelativeDateFormatParser
  relative: /(last|past|this)\s+(week|month|year)(?![\w])/iy,
  // ENCasualTimeParser alone: a part of day, which the interval rules never keep
  partOfDay: new RegExp(String.raw`(?:this\s{0,3})?(?:${PART_OF_DAY})(?![\w])`, "iy"),
};
type Shape = keyof typeof SHAPES;

/** A quick reading's components: those chrono knows for certain, the rest implied, dates in UTC. */
class Components {
  constructor(
    private readonly y: number,
    private readonly m: number,
    private readonly d: number,
    private readonly certain: readonly Component[],
  ) {}
  isCertain(c: Component): boolean {
    return this.certain.includes(c);
  }
  get(c: Component): number | null {
    return c === "year" ? this.y : c === "month" ? this.m : c === "day" ? this.d : c === "weekday" ? this.date().getUTCDay() : null;
  }
  date(): Date {
    return new Date(Date.UTC(this.y, this.m - 1, this.d, 12));
  }
}

const at = (d: Date, certain: readonly Component[]) => new Components(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), certain);
const plusDays = (d: Date, n: number) => {
  const x = new Date(d);
  x.setUTCDate(x.getUTCDate() + n);
  return x;
};

/** chrono's year for a month and day without one: the one closest to the reference (in its local time, as chrono reckons it). */
function closestYear(ref: Date, day: number, month: number): number {
  let date = new Date(ref);
  date.setMonth(month - 1);
  date.setDate(day);
  const next = new Date(date);
  next.setFullYear(next.getFullYear() + 1);
  const last = new Date(date);
  last.setFullYear(last.getFullYear() - 1);
  const gap = (d: Date) => Math.abs(d.getTime() - ref.getTime());
  if (gap(next) < gap(date)) date = next;
  else if (gap(last) < gap(date)) date = last;
  return date.getFullYear();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The components chrono gives a match of `shape`, or null where chrono would not give a plain date. */
function components(shape: Shape, m: RegExpExecArray, ref: Date): Components | null {
  const month = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;
  switch (shape) {
    case "weekday": {
      const weekday = WEEKDAYS.indexOf((m[2] as string).toLowerCase());
      const forward = (weekday - ref.getUTCDay() + 7) % 7;
      const backward = forward - 7;
      const modifier = m[1]?.toLowerCase();
      const days = modifier === "this" ? forward : modifier ? backward : forward < -backward ? forward : backward;
      return at(plusDays(ref, days), ["weekday"]);
    }
    case "dayMonth":
    case "monthDay": {
      const [dayText, monthName] = shape === "dayMonth" ? [m[1], m[2]] : [m[2], m[1]];
      const mo = month(monthName as string);
      const d = Number(dayText);
      // chrono drops an impossible day; 29 February depends on the year
      if (d < 1 || d > (DAYS_IN_MONTH[mo - 1] as number)) return null;
      if (m[3]) return new Components(Number(m[3]), mo, d, ["year", "month", "day"]);
      return new Components(closestYear(ref, d, mo), mo, d, ["month", "day"]);
    }
    case "month": {
      const mo = month(m[2] as string);
      if (m[3]) return new Components(Number(m[3]), mo, 1, ["year", "month"]);
      return new Components(closestYear(ref, 1, mo), mo, 1, ["month"]);
    }
    case "casual": {
      const word = (m[1] as string).toLowerCase();
      // "last night" is the day before once the reference is past 6 a.m. (it is noon)
      const days = word === "today" || word === "tonight" ? 0 : word === "tomorrow" ? 1 : word === "yesterday" || ref.getHours() > 6 ? -1 : 0;
      return at(plusDays(ref, days), ["year", "month", "day"]);
    }
    case "relative": {
      const unit = (m[2] as string).toLowerCase();
      if ((m[1] as string).toLowerCase() === "this") {
        // chrono reads "this week/month/year" in the reference's local time
        if (unit === "week") {
          const sunday = new Date(ref);
          sunday.setDate(sunday.getDate() - sunday.getDay());
          return new Components(sunday.getFullYear(), sunday.getMonth() + 1, sunday.getDate(), []);
        }
        return new Components(ref.getFullYear(), unit === "month" ? ref.getMonth() + 1 : 1, 1, unit === "month" ? ["year", "month"] : ["year"]);
      }
      if (unit === "week") return at(plusDays(ref, -7), ["year", "month", "day"]);
      const d = new Date(ref);
      if (unit === "month") d.setUTCMonth(d.getUTCMonth() - 1);
      else d.setUTCFullYear(d.getUTCFullYear() - 1);
      return at(d, unit === "month" ? ["year", "month"] : ["year"]);
    }
    case "partOfDay":
      return null;
  }
}

const isSpace = (c: string | undefined) => c === " " || c === "\n" || c === "\t" || c === "\r";

/**
 * The expression chrono would read around the date word at [from, to), of one of `shapes`: each
 * from the earliest start (the word's own, or one of the two words before it, not before `floor`)
 * where it takes in the whole word, as chrono's parser scans; of those, the longest, as chrono
 * keeps of overlapping results.
 */
function readAt(s: string, from: number, to: number, floor: number, shapes: readonly Shape[]): { shape: Shape; from: number; m: RegExpExecArray } | null {
  const starts = [from];
  for (let i = from; starts.length < 3; ) {
    while (i > floor && isSpace(s[i - 1])) i--;
    if (i === from || i <= floor) break;
    while (i > floor && !isSpace(s[i - 1])) i--;
    if (i > floor && !isSpace(s[i - 1])) break;
    starts.unshift(i);
    from = i;
  }
  let best: { shape: Shape; from: number; m: RegExpExecArray; length: number } | null = null;
  for (const shape of shapes) {
    const re = SHAPES[shape];
    for (const start of starts) {
      if (start > 0 && !isSpace(s[start - 1])) continue;
      re.lastIndex = start;
      const m = re.exec(s);
      if (!m || start + m[0].length < to) continue;
      const length = m[0].length - (shape === "month" ? (m[1]?.length ?? 0) : 0);
      if (!best || length > best.length || (length === best.length && start < best.from)) best = { shape, from: start, m, length };
      break;
    }
  }
  return best;
}

/** The shapes a date word may open or close, by its kind. */
const SHAPES_OF: Partial<Record<Kind | "digits", readonly Shape[]>> = {
  weekday: ["weekday"],
  month: ["monthDay", "month"],
  digits: ["dayMonth"],
  casual: ["casual"],
  part: ["casual", "partOfDay"],
  unit: ["relative"],
};

/**
 * A number chrono can make no date of: digits (with thousands) standing alone, not touching
 * another number through a separator of dates or times ("4/3", "1.7", "12:30", "2025 3 4") nor
 * glued to letters ("3rd"). chrono reads one as an hour at most, which the interval rules drop,
 * unless it joins a date beside it (see {@link apart}).
 */
const PLAIN_NUMBER = /(?<![\w.,/:~+\-–])\d+(?:,\d{3})*(?![\w/:~]|[-–.,]\d|\s+\d)/y;

/** What chrono reads a unit of time after: a number (its words, "a few", "a couple of") or a modifier. */
const NUMBERISH = new Set(["a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "few", "several", "couple", "of", "half"]);
const MODIFIERS = new Set(["this", "last", "past", "next", "after"]);
const MONTH_LIKE = /(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Words between two expressions that let chrono's refiners join them into one. */
const JOINERS = /^(?:t|at|after|before|on|of|to|until|through|till|from|and|in|since|by)$/i;

/**
 * Whether chrono keeps two neighbours apart: a word between them that none of its refiners join
 * over, and, beside a number, one of three letters or more (an hour takes in "a", "pm", "o'clock").
 */
function apart(between: string, number: boolean): boolean {
  return (between.match(/[a-z]+/gi) ?? []).some((w) => !JOINERS.test(w) && (!number || (w.length >= 3 && w.toLowerCase() !== "clock")));
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const AFTER_WEEKDAY = /\s*[)）]/y;
/** A time zone's abbreviation after a date, which chrono takes in ("Monday EST"). */
const TIME_ZONE = /\s*,?\s*\(?[A-Z]{2,4}\)?(?!\w)/y;

/** Whether `s` holds only whitespace from `from` to `to`. */
function blank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s[i])) return false;
  return true;
}

/** Whether a word glued to a prefix is one chrono reads ("onMonday", "inMarch", "lastweek", "lasts"). */
function gluedDateWord(w: string): boolean {
  for (const p of GLUED) {
    if (w.length <= p.length || !w.startsWith(p)) continue;
    const rest = w.slice(p.length);
    const k = WORDS.get(rest);
    if (!k) continue;
    if (p === "on" || p === "in" ? k === "weekday" || k === "month" || k === "other" || k === "ordinal" : k !== "afterNumber") return true;
  }
  return false;
}

/**
 * What chrono would find in `s` read against `ref`, when every word of `s` chrono could make a
 * date of is in an expression read here; null when chrono must read it. Words chrono reads only
 * beside others are let be where those are missing: a unit of time without a number or modifier
 * before it ("for weeks"), an ordinal without a month about, a number standing alone. A part of
 * day or "now" alone gives nothing the interval rules keep, so it is read but not returned.
 */
export function quickDates(s: string, ref: Date): DateReading[] | null {
  const found: { end: number; number: boolean }[] = [];
  const out: DateReading[] = [];
  let covered = 0;
  // the word before: where it starts and ends, -1 for none
  let prevStart = -1;
  let prevEnd = -1;
  for (let i = 0; i < s.length; ) {
    // the next word, all letters or all digits (chrono's words end at anything else too)
    const c = s.charCodeAt(i);
    const digits = c >= 48 && c <= 57;
    if (!digits && !isLetter(c)) {
      i++;
      continue;
    }
    const at = i;
    i++;
    if (digits) while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    else while (i < s.length && isLetter(s.charCodeAt(i))) i++;
    const beforeStart = prevStart;
    const beforeEnd = prevEnd;
    prevStart = at;
    prevEnd = i;
    if (at < covered) {
      if (i > covered) return null;
      continue;
    }
    let w = "#";
    let k: Kind | "digits" | undefined = "digits";
    if (!digits) {
      if (!OPENINGS[opening(c, i - at)]) continue;
      w = s.slice(at, i).toLowerCase();
      k = WORDS.get(w);
      if (k === undefined) {
        if (gluedDateWord(w)) return null;
        continue;
      }
    }
    const before = beforeStart < 0 ? "" : s.charCodeAt(beforeStart) <= 57 ? "#" : s.slice(beforeStart, beforeEnd).toLowerCase();
    // whether the word before touches this one across spaces alone
    const touching = beforeEnd >= 0 && blank(s, beforeEnd, at);
    switch (k) {
      case "unitAbbr":
        if (touching && (before === "#" || NUMBERISH.has(before) || MODIFIERS.has(before))) return null;
        continue;
      case "afterNumber":
        if (touching && before === "#") return null;
        continue;
      case "ordinal":
        if (MONTH_LIKE.test(s)) return null;
        continue;
      case "other":
        return null;
      case "unit":
        if (w === "second" && MONTH_LIKE.test(s)) return null;
        // "for weeks", "that day": nothing to chrono
        if (!touching || !(before === "#" || NUMBERISH.has(before) || MODIFIERS.has(before))) continue;
        if (before === "#" || NUMBERISH.has(before) || before === "next" || before === "after") return null;
        break;
      case "now": {
        // no date to the interval rules, but chrono may join it to a neighbour
        const last = found[found.length - 1];
        if (last && !apart(s.slice(covered, at), last.number)) return null;
        found.push({ end: prevEnd, number: false });
        covered = prevEnd;
        continue;
      }
    }
    const read = readAt(s, at, prevEnd, covered, SHAPES_OF[k] ?? []);
    if (!read) {
      if (!digits) return null;
      // a number alone, kept apart from every date expression, gives nothing
      PLAIN_NUMBER.lastIndex = at;
      const n = PLAIN_NUMBER.exec(s);
      if (!n) return null;
      const last = found[found.length - 1];
      if (last && !apart(s.slice(covered, at), true)) return null;
      found.push({ end: at + n[0].length, number: true });
      covered = at + n[0].length;
      continue;
    }
    const { shape, from, m } = read;
    const end = from + m[0].length;
    if (shape !== "partOfDay") {
      // what chrono would take in: ", Monday" and "(Monday)" (after a non-word), "after this week",
      // "end of the month", a time zone
      const tail = s.slice(Math.max(0, from - 24), from);
      if (/(?:^|\W)[,(（]\s*$/.test(tail) || /\bafter\s*$/i.test(tail) || /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i.test(tail)) return null;
      AFTER_WEEKDAY.lastIndex = TIME_ZONE.lastIndex = end;
      if (AFTER_WEEKDAY.test(s) || TIME_ZONE.test(s)) return null;
    }
    const prefix = shape === "month" ? (m[1]?.length ?? 0) : 0;
    const text = m[0].slice(prefix);
    let start = components(shape, m, ref);
    if (!start && shape !== "partOfDay") return null;
    // chrono's filter of "may", the verb, unless "in May" or all there is
    if (shape === "month" && text.toLowerCase() === "may" && !/\bin$/i.test(s.slice(0, from + prefix).trim()) && text !== s.trim()) start = null;
    const last = found[found.length - 1];
    if (last && !apart(s.slice(covered, from), last.number)) return null;
    found.push({ end, number: false });
    if (start) out.push({ index: from + prefix, text, start });
    covered = end;
  }
  return out;
}
