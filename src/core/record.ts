/**
 * The extraction record: the interchange contract of `sitrep extract --format jsonl`.
 * Mirrors shared/spec/extraction.md field for field; fields may be added, never renamed.
 */

/** [start, end) UTF-16 offsets into the document text. */
export type Span = [number, number];

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const ACTOR_KINDS = [
  "state", "government", "military", "police", "intelligence", "armed_group", "political_party",
  "civilians", "igo", "ngo", "person", "media", "business", "other",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const MODALITIES = ["asserted", "negated", "hypothetical", "future", "historical"] as const;
export type Modality = (typeof MODALITIES)[number];

export const SPEAKER_KINDS = [
  "named_official", "anonymous_official", "named_person", "expert", "organization", "media",
  "witness", "anonymous_source", "unattributed",
] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

export const RELATION_TYPES = [
  "directs", "sponsors", "supports", "allied_with", "opposes", "at_war_with", "part_of",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const PRECISIONS = ["point", "admin2", "admin1", "country"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** A closed date interval, ISO `YYYY-MM-DD` at both ends. */
export interface DateInterval { start: string; end: string }
/** A count as a range; `high` is null when the text gives only a lower bound ("at least 12"). */
export interface Range { low: number; high: number | null }

export interface Actor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  country: string | null;
  parent: string | null;
  mentions: Span[];
}

export interface Location {
  name: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  precision: Precision;
  /** Where the place is named; an extension of the spec's location object. */
  evidence?: Span[];
}

export interface Event {
  id: string;
  type: PloverType;
  mode: string | null;
  actor: string[];
  recipient: string[];
  modality: Modality;
  date: DateInterval | null;
  /** Whether the date is read from the text or is the month of publication (no date given). An extension. */
  dateSource?: "text" | "published" | null;
  location: Location | null;
  fatalities: Range | null;
  injuries: Range | null;
  claim: string | null;
  evidence: Span[];
  /** The words that triggered the event (verb or noun); an extension. */
  trigger?: string;
}

export interface Statistic {
  subject: string | null;
  measure: string;
  value: number;
  period: DateInterval | null;
  claim: string | null;
  evidence: Span[];
}

export interface Speaker {
  text: string;
  kind: SpeakerKind;
  organization: string | null;
  name: string | null;
}

export interface Claim {
  id: string;
  speaker: Speaker;
  hedged: boolean;
  evidence: Span[];
}

export interface Place {
  name: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  precision: Precision;
  mentions: Span[];
}

export interface Relation {
  type: RelationType;
  actor: string;
  recipient: string;
  modality: Modality;
  claim: string | null;
  evidence: Span[];
}

export interface ExtractionRecord {
  id: string;
  published: string | null;
  actors: Actor[];
  events: Event[];
  statistics: Statistic[];
  claims: Claim[];
  places: Place[];
  relations: Relation[];
  /** Which extractor made this record (name@version). */
  extractor: string;
}

/** A document as the extractor sees it. */
export interface SourceDocument {
  id: string;
  text: string;
  /** ISO date (YYYY-MM-DD) the text's relative dates resolve against, or null. */
  published: string | null;
  /** Where the document was published, when known (JSONL `url`); the extractor does not read it. */
  url?: string | null;
  /** Its headline, when known (JSONL `title`, a Markdown file's first heading). */
  title?: string | null;
}
