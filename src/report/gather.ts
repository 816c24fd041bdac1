/**
 * A situation report's contents, read from the store: the period, its figures against the
 * previous period's, the actors and their network, notable and contested incidents, the series
 * for the timeline. The writers (markdown.ts, html.ts) only lay this out.
 */
import type { EventQuery, Network, Store, TimeSeries } from "../store/index.js";
import { digest, type ActorRow, type MapPoint, type Totals } from "./digest.js";
import { contested, deadliest, mostCorroborated, type Contested, type Incident } from "./incidents.js";
import { choosePeriods, type ReportPeriods } from "./period.js";

/** How many rows each list of the report holds. */
export const LIST_SIZE = 5;
const ACTOR_ROWS = 10;
const NETWORK = { limit: 12, sample: 5000 } as const;
/** Up to this many days the timeline counts per day; beyond, per week. */
const DAILY_UP_TO = 92;

/** The filters of a report: those of `sitrep events`, without paging or sorting. */
export type ReportFilters = Omit<EventQuery, "sort" | "after" | "limit" | "bbox">;

export interface Report {
  /** ISO timestamp of when it was made. */
  generated: string;
  /** The filters asked for, the period aside. */
  filters: ReportFilters;
  periods: ReportPeriods;
  current: Totals;
  previous: Totals;
  byType: Array<{ key: string; count: number }>;
  byModality: Array<{ key: string; count: number }>;
  byCountry: Array<{ key: string; count: number }>;
  actors: ActorRow[];
  network: Network;
  deadliest: Incident[];
  corroborated: Incident[];
  contested: Contested;
  timeline: TimeSeries;
  points: MapPoint[];
}

export interface ReportOptions {
  /** Today (YYYY-MM-DD): the latest day a default period may end on. Default: the clock's. */
  today?: string;
  /** Events read per page (default: the store's). */
  pageSize?: number;
}

/**
 * Reads the report on the events matching `filters` from `store`.
 *
 * @example
 * const report = await gatherReport(store, { country: "AFG" });
 */
export async function gatherReport(store: Store, filters: ReportFilters, options: ReportOptions = {}): Promise<Report> {
  const now = new Date();
  const { since, until, ...rest } = filters;
  // The facets' date range ignores the dates filter: the latest day of the events matching the rest.
  const latest = (await store.facets(rest)).dateRange?.max ?? null;
  const periods = choosePeriods({ ...(since ? { since } : {}), ...(until ? { until } : {}) }, latest, options.today ?? now.toISOString().slice(0, 10));
  const query: EventQuery = { ...rest, since: periods.current.since, until: periods.current.until };
  const previousQuery: EventQuery = { ...rest, since: periods.previous.since, until: periods.previous.until };
  const current = await digest(store.eventPages(query, options.pageSize));
  const previous = await digest(store.eventPages(previousQuery, options.pageSize));
  const interval = periods.current.days <= DAILY_UP_TO ? "day" : "week";
  const [network, timeline] = await Promise.all([
    store.network(query, NETWORK),
    store.timeSeries(query, { interval, by: "none" }),
  ]);
  return {
    generated: now.toISOString(),
    filters: rest,
    periods,
    current: current.totals,
    previous: previous.totals,
    byType: current.byType,
    byModality: current.byModality,
    byCountry: current.byCountry,
    actors: current.actors.slice(0, ACTOR_ROWS),
    network,
    deadliest: deadliest(current.incidents.values(), LIST_SIZE),
    corroborated: mostCorroborated(current.incidents.values(), LIST_SIZE),
    contested: contested(current.incidents.values(), LIST_SIZE),
    timeline,
    points: current.points,
  };
}
