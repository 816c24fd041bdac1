/**
 * What several formats derive alike from an event: its two sides, how long its date interval is,
 * where its source came from.
 */
import type { ExchangeEvent, ExchangeParty } from "../store/index.js";

/**
 * The event's two sides. PLOVER puts every side of two-sided fighting in `actor` with no
 * recipient; the formats that speak of sides (ACLED actor1/actor2, UCDP side_a/side_b) get the
 * first initiator as one side and the other initiators as the other.
 */
export function twoSides(event: ExchangeEvent): [ExchangeParty[], ExchangeParty[]] {
  const { actorParties: actors, recipientParties: recipients } = event;
  if (recipients.length === 0 && actors.length > 1 && event.type === "ASSAULT") return [actors.slice(0, 1), actors.slice(1)];
  return [actors, recipients];
}

/** Whole days from the interval's first day to its last (0 for one day), or null without a date. */
export function intervalDays(start: string | null, end: string | null): number | null {
  if (start === null) return null;
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end ?? start}T00:00:00Z`);
  return Number.isFinite(from) && Number.isFinite(to) ? Math.round((to - from) / 86_400_000) : null;
}

/** The outlet a document came from: its URL's host, else where it was read. */
export function sourceName(document: ExchangeEvent["document"]): string {
  if (document.url !== null) {
    try {
      return new URL(document.url).hostname.replace(/^www\./, "");
    } catch {
      // Not a URL after all: fall back to where the document was read.
    }
  }
  return document.source;
}

/** The event's evidence spans as `start-end` pairs joined by `;` (UTF-16 offsets into the document). */
export function spansText(event: ExchangeEvent): string {
  return event.evidence.map(([start, end]) => `${start}-${end}`).join(";");
}
