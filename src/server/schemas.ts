/**
 * The API's request schemas: query strings, path parameters and bodies are checked with these
 * before a handler runs, and /openapi.json is generated from them. Query values arrive as
 * strings; numbers and lists are parsed here.
 */
import { z } from "zod";
import { MODALITIES, PLOVER_TYPES, SPEAKER_KINDS } from "../core/index.js";
import { EVENT_SORTS, INTERVALS, SERIES_KEYS } from "../store/index.js";

const isDay = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day such as 2026-01-31").refine(isDay, "not a calendar day");

/** A whole number in a query string, from `min` to `max`. */
export const count = (min: number, max: number) =>
  z.string().regex(/^\d{1,9}$/, "expected a whole number").transform(Number).pipe(z.number().int().min(min).max(max));

const NUMBER = String.raw`-?\d{1,3}(?:\.\d+)?`;
/** `minLon,minLat,maxLon,maxLat` in degrees. */
const bbox = z.string()
  .regex(new RegExp(`^${NUMBER}(?:,${NUMBER}){3}$`), "expected minLon,minLat,maxLon,maxLat in degrees")
  .transform((text) => text.split(",").map(Number) as [number, number, number, number])
  .refine(([w, s, e, n]) => Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 90 && Math.abs(n) <= 90 && s <= n,
    "longitudes within ±180, latitudes within ±90, south not above north");

const words = (max: number) => z.string().min(1).max(max);

/** The filters every event view takes. */
export const EVENT_FILTERS = {
  country: z.string().regex(/^[A-Za-z]{3}$/, "expected an ISO 3166-1 alpha-3 code such as AFG").optional()
    .describe("where the event happened (ISO 3166-1 alpha-3)"),
  admin1: words(200).optional().describe("the province or state, any case"),
  since: day.optional().describe("events whose dates end on or after this day"),
  until: day.optional().describe("events whose dates begin on or before this day"),
  type: z.enum(PLOVER_TYPES).optional().describe("a PLOVER event type"),
  actor: words(200).optional().describe("an actor or recipient by name or alias, any case, whole name"),
  modality: z.enum(MODALITIES).optional(),
  text: words(500).optional().describe("words that must all occur in the event's evidence (full text, stemmed)"),
  bbox: bbox.optional().describe("minLon,minLat,maxLon,maxLat: events with coordinates inside (west > east crosses the antimeridian)"),
};

const cursor = z.string().min(1).max(400).optional().describe("the `next` of the previous page");
const limit = (max: number, fallback: number) => count(1, max).optional().describe(`rows per page, at most ${max} (default ${fallback})`);

export const EVENTS_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  sort: z.enum(EVENT_SORTS).optional().describe("date or fatalities, '-' for descending, or id; undated and toll-less events last (default -date)"),
  limit: limit(1000, 100),
  cursor,
});

export const EVENTS_CSV_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  sort: z.enum(EVENT_SORTS).optional(),
  limit: count(1, 100_000).optional().describe("rows at most (default 10000)"),
});

export const FILTERS_QUERY = z.strictObject(EVENT_FILTERS);

export const NETWORK_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  limit: count(1, 500).optional().describe("actors at most (default 60), the most active in the latest 10,000 matching events"),
});

export const TIMESERIES_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  interval: z.enum(INTERVALS).optional().describe("the period counted by: day, week (starting Monday) or month (default week)"),
  by: z.enum(SERIES_KEYS).optional().describe("one series per type, country or actor, or one for all (default none)"),
  top: count(1, 100).optional().describe("the series with the most events at most (default 20)"),
});

export const DOCUMENTS_QUERY = z.strictObject({
  text: words(500).optional().describe("words that must all occur in the title or text"),
  since: day.optional().describe("published on or after"),
  until: day.optional().describe("published on or before"),
  limit: limit(1000, 100),
  cursor,
});

export const ACTORS_QUERY = z.strictObject({
  name: words(200).optional().describe("a name or alias, any case"),
  country: EVENT_FILTERS.country,
  kind: words(50).optional(),
  limit: limit(1000, 100),
  cursor,
});

const CLAIM_FILTERS = {
  ...EVENT_FILTERS,
  speakerKind: z.enum(SPEAKER_KINDS).optional(),
  hedged: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
};

export const CLAIMS_QUERY = z.strictObject({ ...CLAIM_FILTERS, limit: limit(1000, 100), cursor });
export const SPEAKERS_QUERY = z.strictObject({ ...CLAIM_FILTERS, limit: limit(1000, 100) });
export const STATISTICS_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  measure: words(100).optional().describe("what is counted (killed, displaced, ...)"),
  limit: limit(1000, 100),
  cursor,
});

/** A numeric id in a path: `12`, or with its letter as the CLI prints it (`e12`, `d3`). */
export const idParam = (letter: string) => z.strictObject({
  id: z.string().regex(new RegExp(`^${letter}?\\d{1,15}$`, "i"), `expected an id such as ${letter}12 or 12`)
    .transform((text) => Number(text.replace(/^\D/, ""))),
});

export const NAME_PARAM = z.strictObject({ name: words(200) });

/** A batch to ingest: JSONL records as objects (each checked as `sitrep ingest` checks a line). */
export const INGEST_BODY = z.strictObject({
  documents: z.array(z.unknown()).min(1).max(1000).describe("{id?, url?, title?, published?, text} each; a bad one is rejected, the rest stored"),
});

const note = z.string().max(2000).nullable().optional();
const actorName = z.string().trim().min(1).max(200);

export const CORRECTION_BODY = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("event-wrong"), eventId: z.number().int().positive(), note }),
  z.strictObject({ kind: z.literal("merge-actors"), from: actorName, into: actorName, note })
    .refine((c) => c.from.toLowerCase() !== c.into.toLowerCase(), "from and into name the same actor"),
  z.strictObject({ kind: z.literal("alias"), actor: actorName, alias: actorName, note }),
]);

export const TOKEN_BODY = z.strictObject({
  role: z.enum(["reader", "analyst", "admin"]),
  name: z.string().trim().min(1).max(200).nullable().optional(),
});

export const TOKEN_PARAM = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, "expected a token id").transform(Number) });
