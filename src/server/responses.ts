/**
 * The API's answers, as schemas: /openapi.json documents them, and the API's tests check every
 * answer against them.
 */
import { z } from "zod";
import { ACTOR_KINDS, MODALITIES, PLOVER_TYPES, RELATION_TYPES, SPEAKER_KINDS } from "../core/index.js";

const span = z.tuple([z.number().int(), z.number().int()]).describe("[start, end) UTF-16 offsets into the document text");
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const DOCUMENT_REF = z.object({
  id: z.number().int(), title: nullable(z.string()), url: nullable(z.string()), source: z.string(), published: nullable(z.string()),
});

export const EVENT = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  localId: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: nullable(z.string()),
  modality: z.enum(MODALITIES),
  dateStart: nullable(z.string()),
  dateEnd: nullable(z.string()),
  country: nullable(z.string()),
  admin1: nullable(z.string()),
  place: nullable(z.string()),
  lat: nullable(z.number()),
  lon: nullable(z.number()),
  fatalitiesLow: nullable(z.number().int()),
  fatalitiesHigh: nullable(z.number().int()),
  actors: z.array(z.string()),
  recipients: z.array(z.string()),
  claim: nullable(z.string()).describe("the claim's id within its document (c1), or null when the document says it in its own voice"),
  sentence: z.string().describe("the evidence text, spans joined by ' … '"),
  evidence: z.array(span),
  document: DOCUMENT_REF,
});

const CONTEXT = z.object({ text: z.string(), start: z.number().int().describe("document offset of text[0]") });

export const CLAIM = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  localId: z.string(),
  speaker: z.string(),
  speakerKind: z.enum(SPEAKER_KINDS),
  speakerName: nullable(z.string()),
  hedged: z.boolean(),
  text: z.string(),
  evidence: z.array(span),
  document: DOCUMENT_REF,
});

export const EVENT_DETAIL = EVENT.extend({
  context: CONTEXT.describe("the sentence(s) around the evidence"),
  claimDetail: nullable(CLAIM.omit({ id: true, documentId: true, document: true })).describe("the claim the event rests on, from its document's record"),
});

export const DOCUMENT = z.object({
  id: z.number().int(),
  key: z.string(),
  source: z.string(),
  url: nullable(z.string()),
  title: nullable(z.string()),
  published: nullable(z.string()),
  retrievedAt: z.string(),
  contentHash: z.string(),
  duplicateOf: nullable(z.number().int()),
  extractor: nullable(z.string()),
  events: z.number().int(),
});

export const DOCUMENT_DETAIL = DOCUMENT.extend({
  text: z.string(),
  record: nullable(z.record(z.string(), z.unknown())).describe("the extraction record (see the extraction spec)"),
});

export const ACTOR = z.object({
  name: z.string(), kind: z.enum(ACTOR_KINDS).or(z.string()), country: nullable(z.string()), documents: z.number().int(), events: z.number().int(),
});

export const RELATION = z.object({
  id: z.number().int(),
  type: z.enum(RELATION_TYPES),
  actor: nullable(z.string()),
  recipient: nullable(z.string()),
  modality: z.enum(MODALITIES),
  claim: nullable(z.string()),
  evidence: z.array(span),
  text: z.string(),
  document: DOCUMENT_REF,
});

export const MENTION = z.object({
  documentId: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string(), context: CONTEXT, document: DOCUMENT_REF,
});

export const ACTOR_DETAIL = ACTOR.extend({ aliases: z.array(z.string()), relations: z.array(RELATION), mentions: z.array(MENTION) });

export const FACETS = z.object({
  countries: z.array(z.object({ code: z.string(), count: z.number().int() })),
  admin1: z.array(z.object({ country: nullable(z.string()), name: z.string(), count: z.number().int() })),
  types: z.array(z.object({ type: z.enum(PLOVER_TYPES), count: z.number().int() })),
  modalities: z.array(z.object({ modality: z.enum(MODALITIES), count: z.number().int() })),
  dateRange: nullable(z.object({ min: z.string(), max: z.string() })),
});

export const NETWORK = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), country: nullable(z.string()), events: z.number().int() })),
  edges: z.array(z.object({
    source: z.string(),
    target: z.string(),
    kind: z.enum(["event", ...RELATION_TYPES]),
    type: nullable(z.enum(PLOVER_TYPES)),
    count: z.number().int(),
    eventIds: z.array(z.number().int()).describe("the first 20 events of an event edge"),
  })),
  events: z.number().int().describe("events the network was drawn from"),
  truncated: z.boolean().describe("more events matched than were read (the latest were)"),
});

export const SPEAKERS = z.object({
  items: z.array(z.object({ speaker: z.string(), kind: z.enum(SPEAKER_KINDS), claims: z.number().int(), hedged: z.number().int() })),
});

export const STATISTIC = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  subject: nullable(z.string()),
  measure: z.string(),
  value: z.number(),
  period: nullable(z.object({ start: z.string(), end: z.string() })),
  claim: nullable(z.string()),
  evidence: z.array(span),
  text: z.string(),
  document: DOCUMENT_REF,
});

export const HEALTH = z.object({
  ok: z.literal(true),
  version: z.string(),
  driver: z.enum(["sqlite", "postgres"]),
  mode: z.enum(["open-demo", "tokens"]).describe("open-demo: no tokens configured, loopback clients only, every route open"),
  counts: z.object({ documents: z.number().int(), events: z.number().int(), actors: z.number().int(), claims: z.number().int() }),
});

/** A page of `item`s and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const ERROR = z.object({
  error: z.object({ status: z.number().int(), code: z.string(), message: z.string() }),
});

export const TIMESERIES = z.object({
  interval: z.enum(["day", "week", "month"]),
  by: z.enum(["type", "country", "actor", "none"]),
  series: z.array(z.object({
    key: nullable(z.string()).describe("the type, country or actor; null for events without one; 'all' when not split"),
    points: z.array(z.object({
      period: z.string().describe("the period's first day, YYYY-MM-DD"), events: z.number().int(), fatalities: z.number().int(),
    })).describe("periods with events, oldest first"),
  })).describe("the series with the most events first"),
});

export const INGEST_SUMMARY = z.object({
  new: z.number().int(), unchanged: z.number().int(), nearDuplicates: z.number().int(),
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
});

export const CORRECTION = z.object({
  id: z.number().int(),
  kind: z.enum(["event-wrong", "merge-actors", "alias"]),
  documentId: nullable(z.number().int()),
  eventType: nullable(z.enum(PLOVER_TYPES)),
  evidence: nullable(z.array(span)),
  from: nullable(z.string()),
  into: nullable(z.string()),
  actor: nullable(z.string()),
  alias: nullable(z.string()),
  note: nullable(z.string()),
  createdAt: z.string(),
  createdBy: nullable(z.string()),
});

export const TOKEN = z.object({
  id: z.number().int(), name: nullable(z.string()), role: z.enum(["reader", "analyst", "admin"]), createdAt: z.string(), revokedAt: nullable(z.string()),
});

export const NEW_TOKEN = TOKEN.extend({ secret: z.string().describe("shown once: only its SHA-256 is kept") });
