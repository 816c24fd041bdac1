/**
 * The figures of a period, summed as the store's pages of events go by: counts, tolls, who took
 * part, where, and the incidents (see incidents.ts). One pass, whatever the number of events.
 */
import type { Modality, PloverType } from "../core/index.js";
import type { ExchangeEvent } from "../store/index.js";
import { addToIncidents, type Incident } from "./incidents.js";

/** Headline figures of a period. Fatalities are summed over incidents, so a death reported twice counts once. */
export interface Totals {
  /** Events as extracted, one per report. */
  events: number;
  /** Reports of the same type, day and place taken as one. */
  incidents: number;
  /** Incidents with a toll, and the sums of their lowest and highest figures. */
  withToll: number;
  fatalitiesLow: number;
  fatalitiesHigh: number;
  /** Incidents whose toll has no upper bound ("at least 12"): the high sum then counts their low. */
  openEnded: number;
}

/** An actor's part in the period's events. */
export interface ActorRow { name: string; kind: string; country: string | null; events: number; initiated: number; targeted: number }

/** Events at one point of the map. */
export interface MapPoint { lat: number; lon: number; name: string; events: number; fatalities: number }

export interface Digest {
  totals: Totals;
  byType: Array<{ key: PloverType; count: number }>;
  byModality: Array<{ key: Modality; count: number }>;
  byCountry: Array<{ key: string; count: number }>;
  actors: ActorRow[];
  points: MapPoint[];
  incidents: Map<string, Incident>;
}

function ranked<K extends string>(counts: Map<K, number>): Array<{ key: K; count: number }> {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const bump = <K>(map: Map<K, number>, key: K, by = 1): void => { map.set(key, (map.get(key) ?? 0) + by); };

/** Reads every page and sums what the report needs. */
export async function digest(pages: AsyncIterable<ExchangeEvent[]>): Promise<Digest> {
  let events = 0;
  const types = new Map<PloverType, number>();
  const modalities = new Map<Modality, number>();
  const countries = new Map<string, number>();
  const actors = new Map<string, ActorRow>();
  const incidents = new Map<string, Incident>();
  for await (const page of pages) {
    for (const e of page) {
      events += 1;
      bump(types, e.type);
      bump(modalities, e.modality);
      if (e.country) bump(countries, e.country);
      const sides = [...e.actorParties.map((p) => ({ p, initiated: 1 })), ...e.recipientParties.map((p) => ({ p, initiated: 0 }))];
      const seen = new Set<string>();
      for (const { p, initiated } of sides) {
        const row = actors.get(p.name) ?? { name: p.name, kind: p.kind, country: p.country, events: 0, initiated: 0, targeted: 0 };
        actors.set(p.name, row);
        if (!seen.has(p.name)) row.events += 1;
        seen.add(p.name);
        if (initiated) row.initiated += 1;
        else row.targeted += 1;
      }
      addToIncidents(incidents, e);
    }
  }
  return {
    totals: totalsOf(events, incidents.values()),
    byType: ranked(types), byModality: ranked(modalities), byCountry: ranked(countries),
    actors: [...actors.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)),
    points: pointsOf(incidents.values()),
    incidents,
  };
}

function totalsOf(events: number, incidents: Iterable<Incident>): Totals {
  const totals: Totals = { events, incidents: 0, withToll: 0, fatalitiesLow: 0, fatalitiesHigh: 0, openEnded: 0 };
  for (const i of incidents) {
    totals.incidents += 1;
    if (i.fatalities === null) continue;
    totals.withToll += 1;
    totals.fatalitiesLow += i.fatalities.low;
    totals.fatalitiesHigh += i.fatalities.high ?? i.fatalities.low;
    if (i.fatalities.high === null) totals.openEnded += 1;
  }
  return totals;
}

/** Incidents with coordinates, gathered by place (coordinates rounded to about a kilometre). */
function pointsOf(incidents: Iterable<Incident>): MapPoint[] {
  const points = new Map<string, MapPoint>();
  for (const i of incidents) {
    if (i.lat === null || i.lon === null) continue;
    const key = `${i.lat.toFixed(2)},${i.lon.toFixed(2)}`;
    const point = points.get(key) ?? { lat: i.lat, lon: i.lon, name: i.place ?? i.admin1 ?? i.country ?? "", events: 0, fatalities: 0 };
    points.set(key, point);
    point.events += 1;
    point.fatalities += i.fatalities?.low ?? 0;
  }
  return [...points.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
}
