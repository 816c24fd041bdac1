/**
 * When an event happened: the date named nearest its trigger in its sentence (a dateline's date
 * is when the report was filed, not when anything happened); else, for an asserted event told
 * without a date, the month of publication — marked as such, since the text gives no day.
 */
import type { DateInterval } from "../../core/index.js";
import type { DateMention } from "../../nlp/dates.js";
import type { Token } from "../../nlp/index.js";
import { datelineEnd } from "../actors/mentions.js";
import { wordClass } from "../../rules/lexicon.js";
import type { DocContext } from "../context.js";
import type { DraftEvent } from "../events/index.js";

export interface EventDate {
  date: DateInterval | null;
  /** "text" when the words give it, "published" for the month-of-publication fallback. */
  source: "text" | "published" | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function publicationMonth(published: string): DateInterval {
  const [y, m] = published.split("-").map(Number) as [number, number];
  return { start: iso(new Date(Date.UTC(y, m - 1, 1))), end: iso(new Date(Date.UTC(y, m, 0))) };
}

/** The date of draft event `d` among the document's dates. */
export function eventDate(ctx: DocContext, d: DraftEvent, dates: DateMention[]): EventDate {
  const { a } = ctx;
  const s = a.sentences[d.sentence];
  const trig = a.tokens[d.trigger.head];
  if (!s || !trig) return { date: null, source: null };
  const filed = datelineEnd(a.text);
  const published = ctx.doc.published;
  // what a report asserts happened cannot have happened after the report: a later date in the
  // sentence ("a pact set to run until 2031", "after the mission ends on 31 December") is another clause's
  const latest = published && (d.modality === "asserted" || d.modality === "negated") ? dayAfter(published) : null;
  // "Around 10 October 2025 (between 8 and 12 October), clashes …": a date in brackets qualifies
  // the one the sentence tells, which wins however far it stands; "Fano, which fought in the
  // 2020-2022 war, took up arms in August": so does one in a relative clause the trigger is not in
  const bracketed = (x: DateMention): number => {
    const before = a.text.slice(s.start, x.start);
    if (before.split("(").length > before.split(")").length) return 1;
    // (the aside opens at the last comma before the date and holds a relative word before it:
    // ", which fought …", ", a loose network of militias that fought …")
    const opens = before.lastIndexOf(",");
    if (opens < 0 || !/\b(?:which|who|that)\b/.test(before.slice(opens))) return 0;
    const closes = a.text.indexOf(",", x.end);
    return closes >= 0 && closes < s.end && trig.start > closes ? 1 : 0;
  };
  let near: DateMention | null = null;
  let nearKey = Infinity;
  for (const x of dates) {
    if (x.start < s.start || x.end > s.end || x.start < filed || (latest && x.interval.start > latest)) continue;
    // the date of the trigger's own clause first, then the nearest; the first named among equals
    const key = bracketed(x) * 1e9 + Math.abs(x.start - trig.start);
    if (key < nearKey) { near = x; nearKey = key; }
  }
  if (near) return { date: near.interval, source: "text" };
  // "Gunmen stormed the village on Tuesday. Police fired on them.": the day the story just told
  const told = (d.modality === "asserted" || d.modality === "negated") ? dayTold(ctx, d.sentence, dates, filed, latest) : null;
  if (told) return { date: told.interval, source: "text" };
  // a present-tense report ("Airstrikes kill 26 in Gaza") tells what happened on the day it is dated
  if (published && d.modality === "asserted" && presentIn(a.tokens, d)) return { date: { start: published, end: published }, source: "published" };
  if (published && (d.modality === "asserted" || d.modality === "negated")) return { date: publicationMonth(published), source: "published" };
  return { date: null, source: null };
}

/** Words that tell a sentence of another time than the one before ("later", "earlier", "since"). */
const TIME_SHIFTS = wordClass("time-shift-words");

/** How many sentences back a day named earlier in the paragraph still dates a sentence that names none. */
const DAY_REACH = 2;

/**
 * The day the sentences just before sentence `si` in its paragraph name, the nearest first: the
 * story told on; null when the nearest date they name is not one day, or none is named.
 */
function dayTold(ctx: DocContext, si: number, dates: DateMention[], filed: number, latest: string | null): DateMention | null {
  const { sentences, tokens } = ctx.a;
  const own = sentences[si];
  // "The army later withdrew": told as another time than the day before
  if (!own || tokens.slice(own.first, own.last).some((t) => TIME_SHIFTS.has(t.lower))) return null;
  const paragraph = own.paragraph;
  for (let k = si - 1; k >= 0 && k >= si - DAY_REACH; k--) {
    const b = sentences[k];
    if (!b || b.paragraph !== paragraph) return null;
    const named = dates.filter((x) => x.start >= b.start && x.end <= b.end && x.start >= filed);
    const last = named[named.length - 1];
    if (!last) continue;
    return last.interval.start === last.interval.end && !(latest && last.interval.start > latest) ? last : null;
  }
  return null;
}

/** The day after `published` (a report may be dated in another time zone than the event). */
function dayAfter(published: string): string {
  const t = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? published : iso(new Date(t + 864e5));
}

/** Whether the event's words hold a verb in the present ("Airstrikes … kill 26"). */
function presentIn(tokens: Token[], d: DraftEvent): boolean {
  for (let k = d.first; k < d.last; k++) {
    // "are allegedly killed": the auxiliary before the adverbs
    let b = k - 1;
    while (b > d.first && (tokens[b] as Token).pos === "ADV") b--;
    if (presentTense(tokens[k] as Token, tokens[b])) return true;
  }
  return false;
}

/** "kill", "kills", "launches" after a subject, "is killed": the historical present of summaries and headlines. */
function presentTense(t: Token, prev: Token | undefined): boolean {
  // "A soldier is killed by an airstrike", "protesters are being dispersed": the present passive
  if (t.pos === "VERB" && /ed$/.test(t.lower) && (prev?.lower === "is" || prev?.lower === "are")) return true;
  if (t.pos !== "VERB" || !prev || prev.pos === "AUX" || prev.lower === "to" || /^(will|would|could|may|might|must|should|can)$/.test(prev.lower)) return false;
  return t.lower === t.lemma || t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es` || (t.lemma.endsWith("y") && t.lower === `${t.lemma.slice(0, -1)}ies`);
}
