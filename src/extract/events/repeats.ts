/**
 * One event told several times in a report ("ISKP has been told to carry out attacks … ISKP has
 * stepped in to carry out attacks") is one event with several pieces of evidence, not several.
 */
import type { Event } from "../../core/index.js";

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const within = (a: string[], b: string[]) => a.every((x) => b.includes(x));

/** True when `later` can only be `earlier` told again: same type, sides, modality; nothing of its own that differs. */
function repeats(earlier: Event, later: Event): boolean {
  if (earlier.type !== later.type || earlier.modality !== later.modality) return false;
  if (later.mode && earlier.mode && later.mode !== earlier.mode) return false;
  if (later.actor.length === 0 || !sameSet(earlier.actor, later.actor)) return false;
  if (!within(later.recipient, earlier.recipient) && !within(earlier.recipient, later.recipient)) return false;
  // a toll or a place of its own makes it another incident
  if (later.fatalities || later.injuries) return false;
  const precise = (e: Event) => e.location && e.location.precision !== "country" ? e.location : null;
  const pa = precise(earlier), pb = precise(later);
  if (pa && pb && pa.name !== pb.name) return false;
  // a date read from its own words that differs makes it another incident
  const own = (e: Event) => e.dateSource === "text" ? e.date : null;
  const a = own(earlier), b = own(later);
  if (b && (!a || a.start !== b.start || a.end !== b.end)) return false;
  return true;
}

/** Merge repeated tellings into the first one: its sides grow, and it keeps every span as evidence. */
export function mergeRepeats(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const first = out.find((o) => repeats(o, e));
    if (!first) { out.push(e); continue; }
    for (const k of e.recipient) if (!first.recipient.includes(k)) first.recipient.push(k);
    first.evidence.push(...e.evidence);
  }
  return out.map((e, i) => ({ ...e, id: `e${i + 1}` }));
}
