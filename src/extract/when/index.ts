/**
 * When an event happened: the date named nearest its trigger in its sentence (a dateline's date
 * is when the report was filed, not when anything happened); else, for an asserted event told
 * without a date, the month of publication — marked as such, since the text gives no day.
 */
import type { DateInterval } from "../../core/index.js";
import type { DateMention } from "../../nlp/dates.js";
import { datelineEnd } from "../actors/mentions.js";
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
  const near = dates
    .filter((x) => x.start >= s.start && x.end <= s.end && x.start >= filed)
    .sort((x, y) => Math.abs(x.start - trig.start) - Math.abs(y.start - trig.start))[0];
  if (near) return { date: near.interval, source: "text" };
  const published = ctx.doc.published;
  if (published && (d.modality === "asserted" || d.modality === "negated")) return { date: publicationMonth(published), source: "published" };
  return { date: null, source: null };
}
