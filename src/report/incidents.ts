/**
 * Reports of the same event folded into one incident, and what the report singles out among
 * incidents: the deadliest, the most corroborated, and what is contested (tolls that disagree,
 * denials beside assertions, events resting only on anonymous sources). Pure functions over
 * events read from the store.
 */
import type { Modality, PloverType, SpeakerKind } from "../core/index.js";
import type { ExchangeEvent } from "../store/index.js";

/** One report of an incident: an event as one document tells it, with whom it rests on. */
export interface IncidentReport {
  eventId: number;
  modality: Modality;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  sentence: string;
  /** Who said it, or null when the document says it in its own voice. */
  speaker: { text: string; kind: SpeakerKind; hedged: boolean } | null;
  document: { id: number; title: string | null; url: string | null; published: string | null; source: string };
}

/** Reports of one event: the same type on the same day at the same place (or just one report). */
export interface Incident {
  key: string;
  type: PloverType;
  date: string | null;
  country: string | null;
  admin1: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  actors: string[];
  recipients: string[];
  /** The lowest and highest figure any report gives; high null when one gives only a lower bound. */
  fatalities: { low: number; high: number | null } | null;
  /** Distinct documents among the reports. */
  documents: number;
  reports: IncidentReport[];
}

/** Speakers whose word alone leaves an event unconfirmed: no name, or no one at all. */
export const ANONYMOUS_KINDS: readonly SpeakerKind[] = ["anonymous_official", "anonymous_source", "unattributed"];

/** Where and when an event happened, or null when it lacks a day or a place finer than a country. */
function whereWhen(e: Pick<ExchangeEvent, "dateStart" | "country" | "admin1" | "place">): string | null {
  // A country and a day are too coarse to take two reports as one event.
  if (e.dateStart === null || (e.place === null && e.admin1 === null)) return null;
  return [e.dateStart, e.country ?? "", (e.admin1 ?? "").toLowerCase(), (e.place ?? "").toLowerCase()].join("|");
}

/** The incident an event belongs to. */
export function incidentKey(e: ExchangeEvent): string {
  const at = whereWhen(e);
  return at === null ? `event:${e.id}` : `${e.type}|${at}`;
}

/** The report an event makes. */
export function toReport(e: ExchangeEvent): IncidentReport {
  return {
    eventId: e.id, modality: e.modality, fatalitiesLow: e.fatalitiesLow, fatalitiesHigh: e.fatalitiesHigh, sentence: e.sentence,
    speaker: e.claimSource === null ? null : { text: e.claimSource.speaker, kind: e.claimSource.kind, hedged: e.claimSource.hedged },
    document: { id: e.document.id, title: e.document.title, url: e.document.url, published: e.document.published, source: e.document.source },
  };
}

/** Adds an event to the incidents it belongs to (a new one when none yet). */
export function addToIncidents(incidents: Map<string, Incident>, e: ExchangeEvent): void {
  const key = incidentKey(e);
  let incident = incidents.get(key);
  if (!incident) {
    incident = {
      key, type: e.type, date: e.dateStart, country: e.country, admin1: e.admin1, place: e.place, lat: e.lat, lon: e.lon,
      actors: [], recipients: [], fatalities: null, documents: 0, reports: [],
    };
    incidents.set(key, incident);
  }
  if (!incident.reports.some((r) => r.document.id === e.document.id)) incident.documents += 1;
  incident.reports.push(toReport(e));
  for (const name of e.actors) if (!incident.actors.includes(name)) incident.actors.push(name);
  for (const name of e.recipients) if (!incident.recipients.includes(name)) incident.recipients.push(name);
  if (incident.lat === null && e.lat !== null) [incident.lat, incident.lon] = [e.lat, e.lon];
  if (e.fatalitiesLow !== null) {
    const f = incident.fatalities;
    incident.fatalities = f === null
      ? { low: e.fatalitiesLow, high: e.fatalitiesHigh }
      : { low: Math.min(f.low, e.fatalitiesLow), high: f.high === null || e.fatalitiesHigh === null ? null : Math.max(f.high, e.fatalitiesHigh) };
  }
}

/** The largest figure of an incident's toll (its high, else its low). */
export function worstToll(i: Incident): number {
  return i.fatalities === null ? -1 : Math.max(i.fatalities.high ?? 0, i.fatalities.low);
}

/** The `n` incidents with the highest tolls (none without one). */
export function deadliest(incidents: Iterable<Incident>, n: number): Incident[] {
  return [...incidents].filter((i) => worstToll(i) > 0).sort((a, b) => worstToll(b) - worstToll(a) || a.key.localeCompare(b.key)).slice(0, n);
}

/** The `n` incidents reported by the most documents (two at least). */
export function mostCorroborated(incidents: Iterable<Incident>, n: number): Incident[] {
  return [...incidents].filter((i) => i.documents >= 2)
    .sort((a, b) => b.documents - a.documents || worstToll(b) - worstToll(a) || a.key.localeCompare(b.key)).slice(0, n);
}

/** A denial beside an assertion: the incident asserted, and the reports that deny or reject it. */
export interface Denial { asserted: Incident; denials: IncidentReport[] }

export interface Contested {
  /** Incidents whose reports give different death tolls. */
  tolls: Incident[];
  denials: Denial[];
  /** Incidents every report of which rests on an anonymous or unattributed speaker. */
  anonymousOnly: Incident[];
  /** How many of each there are, before the lists were cut to the limit. */
  counts: { tolls: number; denials: number; anonymousOnly: number };
}

/** Whether two reports' tolls differ (reports without a toll disagree with none). */
function tollsDiffer(reports: readonly IncidentReport[]): boolean {
  const figures = new Set(reports.filter((r) => r.fatalitiesLow !== null).map((r) => `${r.fatalitiesLow}-${r.fatalitiesHigh}`));
  return figures.size > 1;
}

const isDenial = (r: IncidentReport, type: PloverType): boolean => r.modality === "negated" || type === "REJECT";

/**
 * What the reports disagree on. A denial is a report that the event did not happen (negated), or
 * a rejection (PLOVER REJECT, which covers denying) at the same place on the same day, beside an
 * assertion of it by another document.
 */
export function contested(incidents: Iterable<Incident>, limit: number): Contested {
  const all = [...incidents];
  const tolls = all.filter((i) => tollsDiffer(i.reports));
  const rejections = new Map<string, IncidentReport[]>();
  for (const i of all) {
    if (i.type !== "REJECT") continue;
    const at = whereWhen({ dateStart: i.date, country: i.country, admin1: i.admin1, place: i.place });
    if (at !== null) rejections.set(at, [...(rejections.get(at) ?? []), ...i.reports]);
  }
  const denials: Denial[] = [];
  for (const i of all) {
    if (i.type === "REJECT") continue;
    const at = whereWhen({ dateStart: i.date, country: i.country, admin1: i.admin1, place: i.place });
    const asserting = i.reports.filter((r) => r.modality === "asserted" || r.modality === "historical");
    const against = [...i.reports.filter((r) => isDenial(r, i.type)), ...(at === null ? [] : rejections.get(at) ?? [])];
    // Another document must assert it: a document denying what it reports itself is one voice.
    const disputed = against.filter((d) => asserting.some((a) => a.document.id !== d.document.id));
    if (disputed.length > 0) denials.push({ asserted: i, denials: disputed });
  }
  const anonymousOnly = all.filter((i) => i.reports.every((r) => r.speaker !== null && ANONYMOUS_KINDS.includes(r.speaker.kind)));
  const rank = (a: Incident, b: Incident): number => b.documents - a.documents || worstToll(b) - worstToll(a) || a.key.localeCompare(b.key);
  return {
    counts: { tolls: tolls.length, denials: denials.length, anonymousOnly: anonymousOnly.length },
    tolls: tolls.sort(rank).slice(0, limit),
    denials: denials.sort((a, b) => rank(a.asserted, b.asserted)).slice(0, limit),
    anonymousOnly: anonymousOnly.sort(rank).slice(0, limit),
  };
}
