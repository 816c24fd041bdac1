/**
 * Turns GET /api/timeseries (by type) into stacked weekly bars, and a brushed span of time into
 * the days of whole weeks. Pure (tested in timeline-data.test.ts).
 */
import { PLOVER_TYPES } from "../core/record.js";
import type { Timeseries } from "./api-types.js";

export interface Segment {
  key: string;
  y0: number;
  y1: number;
}

export interface Bar {
  /** First day of the period (`YYYY-MM-DD`, a Monday for weeks). */
  period: string;
  events: number;
  fatalities: number;
  /** One segment per key with events, stacked in PLOVER order from the bottom. */
  segments: Segment[];
}

const ORDER = new Map<string, number>(PLOVER_TYPES.map((t, i) => [t, i]));

/** Stacked bars, one per period that has events, in date order. */
export function stackBars(ts: Timeseries): Bar[] {
  const byPeriod = new Map<string, { events: number; fatalities: number; parts: Map<string, number> }>();
  for (const s of ts.series) {
    const key = s.key ?? "unknown";
    for (const p of s.points) {
      const bar = byPeriod.get(p.period) ?? { events: 0, fatalities: 0, parts: new Map<string, number>() };
      bar.events += p.events;
      bar.fatalities += p.fatalities;
      bar.parts.set(key, (bar.parts.get(key) ?? 0) + p.events);
      byPeriod.set(p.period, bar);
    }
  }
  return [...byPeriod]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([period, bar]) => {
      let y = 0;
      const keys = [...bar.parts.keys()].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99) || a.localeCompare(b));
      const segments = keys
        .filter((key) => bar.parts.get(key)! > 0)
        .map((key) => {
          const y0 = y;
          y += bar.parts.get(key)!;
          return { key, y0, y1: y };
        });
      return { period, events: bar.events, fatalities: bar.fatalities, segments };
    });
}

/**
 * The bars without the sparse tails: those before the first `share` of all events and after the
 * last `share`. Misread years ("2124", "1975") would otherwise stretch the axis over a century and
 * squeeze every real week into a pixel. Few events lose nothing: the tails are under one event.
 */
export function mainSpan(bars: readonly Bar[], share = 0.005): { bars: Bar[]; left: number } {
  const total = bars.reduce((sum, b) => sum + b.events, 0);
  let first = 0;
  for (let seen = 0; first < bars.length - 1 && seen + bars[first]!.events <= total * share; first++) seen += bars[first]!.events;
  let last = bars.length - 1;
  for (let seen = 0; last > first && seen + bars[last]!.events <= total * share; last--) seen += bars[last]!.events;
  const kept = bars.slice(first, last + 1);
  return { bars: kept, left: total - kept.reduce((sum, b) => sum + b.events, 0) };
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC date. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week holding a date. */
export function weekStart(d: Date): Date {
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day - weekday * DAY_MS);
}

/**
 * The date filter of a brushed span: from the Monday of the week it starts in to the Sunday of
 * the week it ends in, so a brush selects whole bars.
 */
export function brushedDays(from: Date, to: Date): { since: string; until: string } {
  const last = weekStart(new Date(to.getTime() - 1));
  return { since: isoDay(weekStart(from)), until: isoDay(new Date(last.getTime() + 6 * DAY_MS)) };
}

/** A day as a UTC date (`2024-03-04` → midnight UTC). */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}
