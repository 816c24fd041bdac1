/** The timeline: events per day or week of the period, as bars. */
import type { Interval, TimeSeries } from "../../store/index.js";
import { addDays } from "../period.js";
import { escapeXml, px, svgRoot } from "./svg.js";

const WIDTH = 680;
const HEIGHT = 200;
const MARGIN = { left: 40, right: 12, top: 14, bottom: 32 };

/** The first day of the period holding `day` (a week starts on Monday, as the store counts). */
export function periodStart(day: string, interval: Interval): string {
  if (interval === "day") return day;
  if (interval === "month") return `${day.slice(0, 8)}01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every period from `since` to `until` with its events (none: 0). */
export function timelineBars(series: TimeSeries, since: string, until: string): Array<{ period: string; events: number }> {
  const counts = new Map<string, number>();
  for (const s of series.series) for (const p of s.points) counts.set(p.period, (counts.get(p.period) ?? 0) + p.events);
  const step = series.interval === "day" ? 1 : 7;
  const bars: Array<{ period: string; events: number }> = [];
  for (let period = periodStart(since, series.interval); period <= until; period = addDays(period, step)) {
    bars.push({ period, events: counts.get(period) ?? 0 });
  }
  return bars;
}

/** The timeline as an SVG document. */
export function timelineSvg(series: TimeSeries, since: string, until: string): string {
  const bars = timelineBars(series, since, until);
  const max = Math.max(1, ...bars.map((b) => b.events));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const y = (n: number): number => MARGIN.top + plotH - (n / max) * plotH;
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<line x1="${MARGIN.left}" y1="${px(y(0))}" x2="${WIDTH - MARGIN.right}" y2="${px(y(0))}" stroke="#555"/>`,
    `<line x1="${MARGIN.left}" y1="${px(y(max))}" x2="${WIDTH - MARGIN.right}" y2="${px(y(max))}" stroke="#ddd"/>`,
    `<text x="${MARGIN.left - 6}" y="${px(y(max) + 4)}" text-anchor="end">${max}</text>`,
    `<text x="${MARGIN.left - 6}" y="${px(y(0) + 4)}" text-anchor="end">0</text>`,
  ];
  bars.forEach((b, k) => {
    if (b.events === 0) return;
    const x = MARGIN.left + k * slot + slot * 0.1;
    parts.push(`<rect x="${px(x)}" y="${px(y(b.events))}" width="${px(Math.max(1, slot * 0.8))}" height="${px(y(0) - y(b.events))}" fill="#c0392b">`
      + `<title>${escapeXml(`${b.period}: ${b.events} events`)}</title></rect>`);
  });
  // Dates under the first, middle and last bars.
  const ticks = [...new Set([0, Math.floor((bars.length - 1) / 2), bars.length - 1])].filter((k) => k >= 0);
  for (const k of ticks) {
    const bar = bars[k];
    if (!bar) continue;
    const x = MARGIN.left + (k + 0.5) * slot;
    parts.push(`<text x="${px(x)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(bar.period)}</text>`);
  }
  const unit = series.interval === "day" ? "day" : "week (from Monday)";
  parts.push(`<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 4}" text-anchor="end" fill="#555">events per ${unit}, by their first day</text>`);
  return svgRoot(WIDTH, HEIGHT, `Events per ${unit}, ${since} to ${until}`, parts.join(""));
}
