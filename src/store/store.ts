/**
 * The archive's one interface: every other part talks to a `Store`, never to SQL. Two drivers
 * implement it (sqlite/, postgres/); where they differ, `features` says so.
 */
import type { ExtractionRecord, Modality, PloverType, Precision, RelationType, Span, SpeakerKind } from "../core/index.js";

export const DRIVERS = ["sqlite", "postgres"] as const;
export type DriverName = (typeof DRIVERS)[number];

/** What a driver can do, declared rather than discovered. */
export interface StoreFeatures {
  /** The full-text engine behind `--text`. */
  readonly fullText: "fts5" | "tsvector";
  /** Whether several processes may write at once (PostgreSQL) or one at a time (SQLite). */
  readonly concurrentWriters: boolean;
}

/** A document ready to be stored: its text, where it came from, its fingerprints and its record. */
export interface NewDocument {
  /** The document's own id (JSONL `id`, a file's name). */
  key: string;
  /** Where it was read: `path`, `path:line`, or a URL. */
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  /** ISO timestamp of when it was read. */
  retrievedAt: string;
  text: string;
  /** SHA-256 of the text, hex. */
  contentHash: string;
  /** MinHash signature of the text's shingles (see ingest/fingerprint.ts). */
  signature: Uint32Array;
  /** The record; null when extraction failed (the document is still kept). */
  record: ExtractionRecord | null;
}

export type SaveStatus = "new" | "unchanged" | "near-duplicate";

/** What became of one document of a batch. */
export interface SaveOutcome {
  status: SaveStatus;
  /** The stored document's id: the new row, the existing one, or the near-duplicate's own row. */
  id: number;
  /** For a near-duplicate, the first copy it is linked to. */
  duplicateOf: number | null;
}

export interface SaveOptions {
  /** Estimated Jaccard similarity from which a document is a near-duplicate of an earlier one. */
  nearDuplicateThreshold: number;
}

/** Orders of `events`: by date or fatalities (a leading "-" for descending), or by id. Undated events and events without a toll come last. */
export const EVENT_SORTS = ["-date", "date", "-fatalities", "fatalities", "id"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** A bounding box: west, south, east, north in degrees; west > east crosses the antimeridian. */
export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * Where a page ended: the last row's sort value and id. The next page starts after it (keyset
 * pagination: rows added meanwhile neither repeat nor shift the walk).
 */
export interface Cursor { value: string | number | null; id: number }

/** Filters of `events`; every field narrows, absent fields do not. */
export interface EventQuery {
  country?: string;
  admin1?: string;
  /** Events whose date interval ends on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Events whose date interval starts on or before this day. */
  until?: string;
  type?: PloverType;
  /** An actor's name, alias or country-qualified name, case-insensitive, as actor or recipient. */
  actor?: string;
  modality?: Modality;
  /** Words that must all occur in the event's sentence (full-text search). */
  text?: string;
  /** Events whose coordinates lie in the box. */
  bbox?: BBox;
  /** Default `-date`: latest first. */
  sort?: EventSort;
  /** Continue after this row of the same query and sort. */
  after?: Cursor;
  limit?: number;
}

/** The document an event, claim or statistic comes from, in short. */
export interface DocumentRef { id: number; title: string | null; url: string | null; source: string; published: string | null }

export interface StoredEvent {
  id: number;
  documentId: number;
  /** The event's id within its record (`e1`). */
  localId: string;
  type: PloverType;
  mode: string | null;
  modality: Modality;
  dateStart: string | null;
  dateEnd: string | null;
  country: string | null;
  admin1: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  /** Names of the actors and recipients. */
  actors: string[];
  recipients: string[];
  /** The claim's id within the record (`c1`), or null when the document asserts it. */
  claim: string | null;
  evidence: Span[];
  /** The evidence text (the spans joined by " … "). */
  sentence: string;
  document: DocumentRef;
}

/** A side of an event, as the exchange formats need it. */
export interface ExchangeParty { localId: string; name: string; kind: string; country: string | null }

/** An event with what exports need besides the listing's columns. */
export interface ExchangeEvent extends StoredEvent {
  admin2: string | null;
  /** How precisely the place is known, or null when the event has none. */
  precision: Precision | null;
  injuriesLow: number | null;
  injuriesHigh: number | null;
  /** The initiators and the targets, in the record's order. */
  actorParties: ExchangeParty[];
  recipientParties: ExchangeParty[];
  /** Who the event rests on, or null when the document says it in its own voice. */
  claimSource: { speaker: string; kind: SpeakerKind; name: string | null; hedged: boolean } | null;
  /** Its document, with what exports identify it by besides. */
  document: DocumentRef & { key: string; contentHash: string; retrievedAt: string };
}

/** The other datasets whose events can be imported, kept apart from extracted events. */
export const IMPORT_SOURCES = ["acled", "ucdp"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** An event read from another dataset's file (an ACLED or UCDP row). */
export interface ImportedEvent {
  /** The dataset's own id of the event (`event_id`, `id`). */
  sourceId: string;
  /** The line of the file it was read from. */
  line: number;
  dateStart: string | null;
  dateEnd: string | null;
  /** The dataset's category: ACLED's event type, UCDP's type of violence. */
  eventType: string | null;
  subEventType: string | null;
  /** Sitrep's coding, when the file carries it (a Sitrep export read back). */
  ploverType: string | null;
  mode: string | null;
  modality: string | null;
  actors: string[];
  recipients: string[];
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  /** ACLED's notes, UCDP's description, Sitrep's evidence sentence. */
  notes: string | null;
  /** The row as read, column by column. */
  fields: Record<string, string>;
}

export interface StoredImportedEvent extends ImportedEvent { id: number; source: ImportSource; fileId: number }

/** The file an import reads. */
export interface ImportFile { source: ImportSource; path: string; contentHash: string; importedAt: string }

export interface ImportOutcome {
  /** `unchanged`: a file of the same content was imported before, and nothing was done. */
  status: "imported" | "unchanged";
  fileId: number;
  /** Events stored (new, or replacing the same dataset id). */
  events: number;
}

/** Filters of imported events. */
export interface ImportedQuery { source: ImportSource; country?: string; admin1?: string; since?: string; until?: string }

export interface ActorQuery {
  name?: string;
  country?: string;
  kind?: string;
  /** Rows to skip (the listing is ranked by activity, so pages are counted, not keyed). */
  offset?: number;
  limit?: number;
}

/** An actor across the archive: one row per (name, kind, country), with how often it was seen. */
export interface ActorSummary {
  name: string;
  kind: string;
  country: string | null;
  documents: number;
  events: number;
}

export interface DocumentQuery {
  /** Words that must all occur in the title or text. */
  text?: string;
  since?: string;
  until?: string;
  after?: Cursor;
  limit?: number;
}

export interface StoredDocument {
  id: number;
  key: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  retrievedAt: string;
  contentHash: string;
  duplicateOf: number | null;
  /** The extractor that made the stored record, or null (none: a near-duplicate, or it failed). */
  extractor: string | null;
  events: number;
}

/** The periods a time series counts by; a week starts on Monday (ISO 8601). */
export const INTERVALS = ["day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];

/** What a time series is split by: one series per event type, country, actor, or one for all. */
export const SERIES_KEYS = ["type", "country", "actor", "none"] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

export interface TimeSeriesOptions {
  interval: Interval;
  by: SeriesKey;
  /** Keep only the `top` series with the most events (default: all). */
  top?: number;
}

/** One period of a series: its first day (YYYY-MM-DD), its events and their deaths (the low figures). */
export interface SeriesPoint { period: string; events: number; fatalities: number }

export interface Series {
  /**
   * The type, country (ISO3) or actor name; null for events without one (no country, no actor);
   * `all` when the series are not split. An event with two actors counts in each one's series.
   */
  key: string | null;
  /** Periods with at least one event, oldest first. */
  points: SeriesPoint[];
}

/** Events counted per period: the series with the most events first. */
export interface TimeSeries { interval: Interval; by: SeriesKey; series: Series[] }
/** How many matching events fall in each value of a field (each facet ignores its own filter). */
export interface Facets {
  countries: Array<{ code: string; count: number }>;
  admin1: Array<{ country: string | null; name: string; count: number }>;
  types: Array<{ type: PloverType; count: number }>;
  modalities: Array<{ modality: Modality; count: number }>;
  dateRange: { min: string; max: string } | null;
}

export interface NetworkNode { id: string; name: string; kind: string; country: string | null; events: number }
export interface NetworkEdge {
  source: string;
  target: string;
  kind: "event" | RelationType;
  /** The PLOVER type of an event edge; null for a standing relation. */
  type: PloverType | null;
  count: number;
  /** The first 20 events behind an event edge (empty for a relation). */
  eventIds: number[];
}
/** Who does what to whom among the most active actors of the latest matching events. */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Events the network was drawn from, and whether more matched than were read. */
  events: number;
  truncated: boolean;
}

/** A standing relation between two actors, as a document states it. */
export interface StoredRelation {
  id: number;
  type: RelationType;
  actor: string | null;
  recipient: string | null;
  modality: Modality;
  claim: string | null;
  evidence: Span[];
  text: string;
  document: DocumentRef;
}

/** Where a document names an actor, with the sentence around it. */
export interface Mention {
  documentId: number;
  start: number;
  end: number;
  text: string;
  /** The sentence(s) around the mention; `start` is the document offset of `text[0]`. */
  context: { text: string; start: number };
  document: DocumentRef;
}

/** An actor across the archive under one name: its kinds summed, the first kind the most frequent. */
export interface ActorDetail extends ActorSummary {
  aliases: string[];
  relations: StoredRelation[];
  /** The latest 20 mentions. */
  mentions: Mention[];
}

/** Filters of claims and statistics: those an event matching the event filters rests on (claims) or shares a document with (statistics). */
export interface ClaimQuery extends Omit<EventQuery, "sort" | "after" | "limit"> {
  speakerKind?: SpeakerKind;
  hedged?: boolean;
  after?: Cursor;
  limit?: number;
}

export interface StoredClaim {
  id: number;
  documentId: number;
  /** The claim's id within its record (`c1`). */
  localId: string;
  speaker: string;
  speakerKind: SpeakerKind;
  speakerName: string | null;
  hedged: boolean;
  /** The evidence text. */
  text: string;
  evidence: Span[];
  document: DocumentRef;
}

export interface SpeakerSummary { speaker: string; kind: SpeakerKind; claims: number; hedged: number }

export interface StatisticQuery extends Omit<EventQuery, "sort" | "after" | "limit"> {
  measure?: string;
  after?: Cursor;
  limit?: number;
}

export interface StoredStatistic {
  id: number;
  documentId: number;
  subject: string | null;
  measure: string;
  value: number;
  period: { start: string; end: string } | null;
  claim: string | null;
  evidence: Span[];
  text: string;
  document: DocumentRef;
}

/** What an API token may do: read; also ingest and correct; also manage tokens. */
export const TOKEN_ROLES = ["reader", "analyst", "admin"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export interface NewToken { name: string | null; role: TokenRole; /** SHA-256 of the secret, hex. */ hash: string; createdAt: string }
export interface StoredToken { id: number; name: string | null; role: TokenRole; createdAt: string; revokedAt: string | null }

export const CORRECTION_KINDS = ["event-wrong", "merge-actors", "alias"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** An analyst's correction: an event that is wrong, two actors that are one, an actor's other name. */
export type NewCorrection =
  | { kind: "event-wrong"; eventId: number; note?: string | null }
  | { kind: "merge-actors"; from: string; into: string; note?: string | null }
  | { kind: "alias"; actor: string; alias: string; note?: string | null };

/**
 * A stored correction. It names what it corrects by what re-extraction keeps: an event by its
 * document, type and evidence; actors by name. It is applied whenever the archive is read.
 */
export interface StoredCorrection {
  id: number;
  kind: CorrectionKind;
  /** event-wrong: the event's document, type and evidence. */
  documentId: number | null;
  eventType: PloverType | null;
  evidence: Span[] | null;
  from: string | null;
  into: string | null;
  actor: string | null;
  alias: string | null;
  note: string | null;
  createdAt: string;
  /** The name of the token that made it, when it had one. */
  createdBy: string | null;
}

/** Counts of the stored rows, for summaries and checks. */
export interface StoreCounts { documents: number; duplicates: number; events: number; actors: number; claims: number }

/** What the archive remembers of a polled feed, so that a restarted `watch` goes on where it stopped. */
export interface FeedState {
  /** The feed's URL, as the user gave it. */
  url: string;
  /** The validators of the last complete answer, sent back for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the last poll, successful or not. */
  polledAt: string | null;
  /** The HTTP status of the last poll (200, 304), or null when it got no answer. */
  status: number | null;
  /** Why the last poll failed, in one line, or null when it succeeded. */
  error: string | null;
  /** Polls failed in a row (0 after a success): what the backoff grows with. */
  failures: number;
}

/** The archive. All methods are async; a driver may be synchronous underneath. */
export interface Store {
  readonly driver: DriverName;
  readonly features: StoreFeatures;
  /** The id of a stored document with this content hash or URL, or null. */
  findDocument(contentHash: string, url: string | null): Promise<number | null>;
  /**
   * Stores a batch in one transaction: all of it or, on failure, none. A document already
   * there (same hash or URL) is `unchanged`; one close to an earlier document is stored as a
   * `near-duplicate` linked to it, without its record.
   */
  saveBatch(docs: readonly NewDocument[], options: SaveOptions): Promise<SaveOutcome[]>;
  /** Replaces a document's record (re-extraction), in one transaction. */
  replaceRecord(documentId: number, record: ExtractionRecord): Promise<void>;
  events(query: EventQuery): Promise<StoredEvent[]>;
  /**
   * Events matching `query` (its `limit` aside) counted per period of their start date; events
   * without a date are left out. Fatalities sum the events' low figures (none counts 0).
   *
   * @example
   * await store.timeSeries({ country: "AFG" }, { interval: "week", by: "type" });
   */
  timeSeries(query: EventQuery, options: TimeSeriesOptions): Promise<TimeSeries>;
  event(id: number): Promise<StoredEvent | null>;
  /**
   * Every event matching `query` (its `limit` ignored), in id order, a page at a time: the next
   * page is read only when the consumer asks for it, so an export of any size holds one page.
   */
  eventPages(query: EventQuery, pageSize?: number): AsyncIterable<ExchangeEvent[]>;
  /**
   * Stores the events of one file of another dataset, all in one transaction: when `events`
   * throws (a bad row), nothing of the file is kept. An event with a dataset id already stored
   * replaces it; a file already imported (same content hash) is `unchanged`.
   */
  importEvents(file: ImportFile, events: AsyncIterable<ImportedEvent>): Promise<ImportOutcome>;
  /** Imported events matching `query`, in id order, a page at a time. */
  importedPages(query: ImportedQuery, pageSize?: number): AsyncIterable<StoredImportedEvent[]>;
  actors(query: ActorQuery): Promise<ActorSummary[]>;
  documents(query: DocumentQuery): Promise<StoredDocument[]>;
  document(id: number): Promise<(StoredDocument & { text: string }) | null>;
  /** The stored record of a document, or null. */
  record(documentId: number): Promise<ExtractionRecord | null>;
  /** Counts of the matching events by country, admin1, type and modality, and their date range. */
  facets(query: EventQuery): Promise<Facets>;
  /** The actor network of the latest `sample` matching events: the `limit` most active actors and their partners in standing relations. */
  network(query: EventQuery, options: { limit: number; sample: number }): Promise<Network>;
  /** One actor by name or alias (any case), or null. */
  actor(name: string): Promise<ActorDetail | null>;
  /** Claims, latest stored first. */
  claims(query: ClaimQuery): Promise<StoredClaim[]>;
  /** Speakers of the matching claims, the most quoted first. */
  speakers(query: ClaimQuery): Promise<SpeakerSummary[]>;
  /** Statistics, latest stored first. */
  statistics(query: StatisticQuery): Promise<StoredStatistic[]>;
  createToken(token: NewToken): Promise<StoredToken>;
  /** Every token, live and revoked, oldest first. */
  tokens(): Promise<StoredToken[]>;
  /** The live (not revoked) token whose secret hashes to `hash`, or null. */
  tokenByHash(hash: string): Promise<StoredToken | null>;
  /** Revokes a live token; false when there is none of that id. */
  revokeToken(id: number, at: string): Promise<boolean>;
  /** How many tokens are live. */
  liveTokens(): Promise<number>;
  /** Stores a correction (an event-wrong one names an existing event: NotFoundError otherwise). */
  addCorrection(correction: NewCorrection, createdBy: string | null, at: string): Promise<StoredCorrection>;
  /** Every correction, oldest first. */
  corrections(): Promise<StoredCorrection[]>;
  /** Ids of documents that have a record, with the extractor that made it, in id order, after `afterId`. */
  recordsToCheck(afterId: number, limit: number): Promise<Array<{ id: number; extractor: string | null }>>;
  counts(): Promise<StoreCounts>;
  /** A feed's polling state, or null for a feed never polled. */
  feedState(url: string): Promise<FeedState | null>;
  /** Which of `keys` (items' guids or links) were recorded as read from the feed at `url`. */
  seenFeedItems(url: string, keys: readonly string[]): Promise<Set<string>>;
  /**
   * Records one poll in one transaction: the feed's new state and the keys of the items read
   * (whose documents are already committed), stamped `state.polledAt`.
   */
  recordFeedPoll(state: FeedState, seen: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
