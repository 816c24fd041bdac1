/**
 * Sitrep's events held against another dataset's (imported) events: a match is an event of both
 * with the same category, in the same country and province (or within a distance), on days at
 * most a window apart; a miss is a dataset event Sitrep has no match for; an extra a Sitrep event
 * the dataset lacks. Categories are the dataset's: a Sitrep event is given ACLED's event type (or
 * UCDP's type of violence) through the export's mapping. Only what happened is compared: events
 * told as negated, hypothetical or future are left out.
 */
import { acledType, violenceType, type ExchangeTables } from "../export/index.js";
import type { EventQuery, ExchangeEvent, ImportSource, StoredImportedEvent, Store } from "../store/index.js";
import { VIOLENCE_NAMES } from "./ucdp.js";

export interface CompareOptions {
  source: ImportSource;
  /** Filters of both sides. */
  country?: string;
  admin1?: string;
  since?: string;
  until?: string;
  /** How many days apart two dates may be (default 1). */
  days?: number;
  /** How far apart two points may be when their provinces differ or one is unknown (default 50 km). */
  km?: number;
}

export interface CompareRow {
  status: "match" | "miss" | "extra";
  /** The category compared (ACLED event type, UCDP type of violence). */
  category: string;
  date: string | null;
  country: string | null;
  admin1: string | null;
  /** Sitrep's event (`e12`), or null for a miss. */
  event: string | null;
  /** The dataset's event id, or null for an extra. */
  imported: string | null;
  /** Days between the two dates, and km between the two points, for a match. */
  days: number | null;
  km: number | null;
  /** Sitrep's evidence sentence, else the dataset's notes. */
  text: string | null;
}

export interface Comparison { matches: number; misses: number; extras: number }

const DAY = 86_400_000;
const time = (day: string | null): number | null => (day === null ? null : Date.parse(`${day}T00:00:00Z`));

/** Great-circle distance in km (haversine). */
function distanceKm(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Days between two intervals (0 when they overlap), or null without dates. */
function dayGap(a: { dateStart: string | null; dateEnd: string | null }, b: { dateStart: string | null; dateEnd: string | null }): number | null {
  const [as, ae, bs, be] = [time(a.dateStart), time(a.dateEnd ?? a.dateStart), time(b.dateStart), time(b.dateEnd ?? b.dateStart)];
  if (as === null || ae === null || bs === null || be === null) return null;
  return Math.max(0, as - be, bs - ae) / DAY;
}

/** Sitrep's event in the dataset's categories, or null when the dataset holds no such event. */
function categoryOf(tables: ExchangeTables, source: ImportSource, e: ExchangeEvent): string | null {
  if (source === "acled") return acledType(tables.acled, e.type, e.mode, e.recipientParties.map((p) => p.kind))[0];
  if (!tables.ucdp.types.includes(e.type)) return null;
  return VIOLENCE_NAMES[String(violenceType(tables, e))] ?? null;
}

/**
 * Compares the archive's events with the imported events of `options.source`, calling `emit` for
 * each row (matches and extras as Sitrep's events are read, misses at the end); resolves to the counts.
 */
export async function compareEvents(store: Store, tables: ExchangeTables, options: CompareOptions,
  emit: (row: CompareRow) => Promise<void> | void): Promise<Comparison> {
  const window = options.days ?? 1;
  const km = options.km ?? 50;
  const filters = {
    ...(options.country ? { country: options.country } : {}), ...(options.admin1 ? { admin1: options.admin1 } : {}),
    ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}),
  };
  // The dataset's events, by country and category: the candidates of each Sitrep event.
  const pool = new Map<string, StoredImportedEvent[]>();
  for await (const page of store.importedPages({ source: options.source, ...filters })) {
    for (const event of page) {
      const key = `${event.country ?? ""}|${event.eventType ?? ""}`;
      const list = pool.get(key) ?? [];
      list.push(event);
      pool.set(key, list);
    }
  }
  const matched = new Set<number>();
  const counts: Comparison = { matches: 0, misses: 0, extras: 0 };
  const query: EventQuery = filters;
  for await (const page of store.eventPages(query)) {
    for (const e of page) {
      if (e.modality !== "asserted" && e.modality !== "historical") continue;
      const category = categoryOf(tables, options.source, e);
      if (category === null) continue;
      let best: { event: StoredImportedEvent; days: number; km: number | null } | null = null;
      for (const candidate of pool.get(`${e.country ?? ""}|${category}`) ?? []) {
        if (e.country === null || matched.has(candidate.id)) continue;
        const days = dayGap(e, candidate);
        if (days === null || days > window) continue;
        const apart = distanceKm(e, candidate);
        const sameProvince = e.admin1 !== null && candidate.admin1 !== null && e.admin1.toLowerCase() === candidate.admin1.toLowerCase();
        const unknown = (e.admin1 === null || candidate.admin1 === null) && apart === null;
        if (!sameProvince && !unknown && !(apart !== null && apart <= km)) continue;
        if (best === null || days < best.days || (days === best.days && (apart ?? km) < (best.km ?? km))) best = { event: candidate, days, km: apart };
      }
      const row = { category, date: e.dateStart, country: e.country, admin1: e.admin1, event: `e${e.id}`, text: e.sentence };
      if (best === null) {
        counts.extras += 1;
        await emit({ status: "extra", ...row, imported: null, days: null, km: null });
      } else {
        matched.add(best.event.id);
        counts.matches += 1;
        await emit({ status: "match", ...row, imported: best.event.sourceId, days: best.days, km: best.km === null ? null : Math.round(best.km * 10) / 10 });
      }
    }
  }
  for (const list of pool.values()) {
    for (const event of list) {
      if (matched.has(event.id)) continue;
      counts.misses += 1;
      await emit({
        status: "miss", category: event.eventType ?? "", date: event.dateStart, country: event.country, admin1: event.admin1,
        event: null, imported: event.sourceId, days: null, km: null, text: event.notes,
      });
    }
  }
  return counts;
}
