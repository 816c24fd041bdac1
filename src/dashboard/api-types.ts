/** The shapes of the HTTP API's answers the dashboard reads (API-CONTRACT, served by src/server). */
import type { Network, NetworkEdge, NetworkNode, StoredEvent, TimeSeries } from "../store/store.js";

export interface Health {
  ok: boolean;
  version: string;
  driver: string;
  mode: "open-demo" | "tokens";
  counts: { documents: number; events: number; actors: number; claims: number };
}

export interface Facets {
  countries: Array<{ code: string; count: number }>;
  admin1: Array<{ country: string; name: string; count: number }>;
  types: Array<{ type: string; count: number }>;
  modalities: Array<{ modality: string; count: number }>;
  dateRange: { min: string; max: string } | null;
}

export interface DocumentRef {
  id: number;
  title: string | null;
  url: string | null;
  source: string;
  published: string | null;
}

export type SpanPair = [number, number];

/** An event as the API sends it: the stored event and the document it was read from. */
export type ApiEvent = StoredEvent & { document: DocumentRef };

/** Text around evidence; `start` is the document offset of `text[0]`. */
export interface Context {
  text: string;
  start: number;
}

export interface ClaimDetail {
  localId: string;
  speaker: string | null;
  speakerKind: string | null;
  speakerName?: string | null;
  hedged: boolean;
  text: string | null;
  evidence: SpanPair[];
}

export interface EventDetail extends ApiEvent {
  context: Context;
  claimDetail: ClaimDetail | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A passage some fact was read from, its spans in document offsets like `context.start`. */
export interface Evidence {
  documentId: number;
  document?: DocumentRef;
  context: Context;
  evidence: SpanPair[];
}

/** A passage naming an actor (`mentions` of GET /api/actors/:name): one span, start to end. */
export interface Mention {
  documentId: number;
  start: number;
  end: number;
  text: string;
  context: Context;
  document: DocumentRef;
}

/** A standing relation between actors; `text` is its evidence text. */
export interface ActorRelation {
  id: number;
  type: string;
  actor: string | null;
  recipient: string | null;
  modality: string;
  claim: string | null;
  evidence: SpanPair[];
  text: string;
  document: DocumentRef;
}

export interface ActorDetail {
  name: string;
  kind: string | null;
  country: string | null;
  documents: number;
  events: number;
  aliases: string[];
  relations: ActorRelation[];
  mentions: Mention[];
}

/** GET /api/network: the store's answer as it is. */
export type { Network, NetworkEdge, NetworkNode };

/** GET /api/timeseries: events and deaths per period, one series per key. */
export type Timeseries = TimeSeries;
