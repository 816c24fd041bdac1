/**
 * A record flattened into the rows both drivers store: actors, events (with their place and
 * toll as columns), the event–actor links, claims, relations and statistics. Places stay in the
 * record's JSON beside them.
 */
import type { ExtractionRecord, Span } from "../core/index.js";

export interface ActorRow { localId: string; name: string; aliases: string; kind: string; country: string | null; mentions: string }

export interface EventRow {
  localId: string;
  type: string;
  mode: string | null;
  modality: string;
  dateStart: string | null;
  dateEnd: string | null;
  country: string | null;
  admin1: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  injuriesLow: number | null;
  injuriesHigh: number | null;
  claim: string | null;
  evidence: string;
  sentence: string;
  /** Local actor ids, with their role. */
  links: Array<{ actor: string; role: "actor" | "recipient" }>;
}

export interface ClaimRow { localId: string; speaker: string; kind: string; name: string | null; hedged: boolean; evidence: string; sentence: string }

/** A relation with its actors' names (null for an actor id the record does not list). A statistic's subject is its actor's name too. */
export interface RelationRow {
  type: string; actor: string | null; recipient: string | null; modality: string; claim: string | null; evidence: string; sentence: string;
}

export interface StatisticRow {
  subject: string | null; measure: string; value: number; periodStart: string | null; periodEnd: string | null;
  claim: string | null; evidence: string; sentence: string;
}

export interface RecordRows { actors: ActorRow[]; events: EventRow[]; claims: ClaimRow[]; relations: RelationRow[]; statistics: StatisticRow[] }

/** The text of evidence spans, joined by " … " when there are several. */
export function evidenceText(text: string, spans: readonly Span[]): string {
  return spans.map(([start, end]) => text.slice(start, end)).join(" … ");
}

/** Flattens `record` (of a document whose text is `text`) into rows. */
export function recordRows(record: ExtractionRecord, text: string): RecordRows {
  const nameOf = new Map(record.actors.map((a) => [a.id, a.name]));
  return {
    actors: record.actors.map((a) => ({
      localId: a.id, name: a.name, aliases: JSON.stringify(a.aliases), kind: a.kind, country: a.country, mentions: JSON.stringify(a.mentions),
    })),
    events: record.events.map((e) => ({
      localId: e.id,
      type: e.type,
      mode: e.mode,
      modality: e.modality,
      dateStart: e.date?.start ?? null,
      dateEnd: e.date?.end ?? null,
      country: e.location?.country ?? null,
      admin1: e.location?.admin1 ?? null,
      place: e.location?.name ?? null,
      lat: e.location?.lat ?? null,
      lon: e.location?.lon ?? null,
      fatalitiesLow: e.fatalities?.low ?? null,
      fatalitiesHigh: e.fatalities?.high ?? null,
      injuriesLow: e.injuries?.low ?? null,
      injuriesHigh: e.injuries?.high ?? null,
      claim: e.claim,
      evidence: JSON.stringify(e.evidence),
      sentence: evidenceText(text, e.evidence),
      links: [
        ...e.actor.map((actor) => ({ actor, role: "actor" as const })),
        ...e.recipient.map((actor) => ({ actor, role: "recipient" as const })),
      ],
    })),
    claims: record.claims.map((c) => ({
      localId: c.id,
      speaker: c.speaker.text,
      kind: c.speaker.kind,
      name: c.speaker.name,
      hedged: c.hedged,
      evidence: JSON.stringify(c.evidence),
      sentence: evidenceText(text, c.evidence),
    })),
    relations: record.relations.map((r) => ({
      type: r.type, actor: nameOf.get(r.actor) ?? null, recipient: nameOf.get(r.recipient) ?? null, modality: r.modality,
      claim: r.claim, evidence: JSON.stringify(r.evidence), sentence: evidenceText(text, r.evidence),
    })),
    statistics: record.statistics.map((st) => ({
      subject: st.subject === null ? null : nameOf.get(st.subject) ?? st.subject, measure: st.measure, value: st.value, periodStart: st.period?.start ?? null, periodEnd: st.period?.end ?? null,
      claim: st.claim, evidence: JSON.stringify(st.evidence), sentence: evidenceText(text, st.evidence),
    })),
  };
}

/** Words of a free-text query, for the drivers' full-text syntax (quotes and operators dropped). */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}
