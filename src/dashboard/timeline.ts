/**
 * The timeline: events per week stacked by PLOVER type, deaths per week as a line on the right
 * axis. Brushing a span sets the date filter to its whole weeks; a click outside the brush clears
 * it. The timeline shows every week the other filters match, so a brush can always widen again.
 */
import { brushX, type BrushBehavior, type D3BrushEvent } from "d3-brush";
import { scaleLinear, scaleUtc, type ScaleLinear, type ScaleTime } from "d3-scale";
import { select } from "d3-selection";
import type { Timeseries } from "./api-types.js";
import { typeColor } from "./colors.js";
import { count, fill, h, s } from "./dom.js";
import { addDays, brushedDays, dayDate, mainSpan, stackBars, type Bar } from "./timeline-data.js";
import type { ViewState } from "./view-state.js";

const WIDTH = 960;
const HEIGHT = 190;
const M = { top: 18, right: 46, bottom: 24, left: 40 };

/**
 * The deaths line through the middle of each week; weeks without events are zero, so across a
 * gap the line drops to the axis instead of joining two distant weeks.
 */
function deathsLine(bars: readonly Bar[], x: (d: Date) => number, yd: (n: number) => number): string {
  const mid = (d: Date) => x(addDays(d, 3.5));
  let d = "";
  let previous: Date | null = null;
  for (const b of bars) {
    const week = dayDate(b.period);
    if (previous && week.getTime() - previous.getTime() > 7 * 86_400_000) {
      d += `L${mid(addDays(previous, 7))},${yd(0)}L${mid(addDays(week, -7))},${yd(0)}`;
    }
    d += `${d ? "L" : "M"}${mid(week)},${yd(b.fatalities)}`;
    previous = week;
  }
  return d;
}

export class Timeline {
  readonly #state: ViewState;
  readonly #root: HTMLElement;
  #brush: BrushBehavior<unknown> | null = null;
  #brushLayer: SVGGElement | null = null;
  #x = scaleUtc();

  constructor(root: HTMLElement, state: ViewState) {
    this.#root = root;
    this.#state = state;
  }

  /** Draws the series (the API's answer for `interval=week&by=type`). */
  render(ts: Timeseries): void {
    const { bars, left } = mainSpan(stackBars(ts));
    if (bars.length === 0) {
      fill(this.#root, h("p", { class: "empty" }, "No dated events match these filters."));
      this.#brush = null;
      return;
    }
    // At least 13 weeks across, so one week of events is a bar, not the whole chart.
    const span = (dayDate(bars[bars.length - 1]!.period).getTime() - dayDate(bars[0]!.period).getTime()) / (7 * 86_400_000) + 1;
    const pad = Math.max(0, Math.ceil((13 - span) / 2)) * 7;
    const first = addDays(dayDate(bars[0]!.period), -pad);
    const last = addDays(dayDate(bars[bars.length - 1]!.period), 7 + pad);
    const x = scaleUtc().domain([first, last]).range([M.left, WIDTH - M.right]);
    const y = scaleLinear().domain([0, Math.max(...bars.map((b) => b.events))]).nice().range([HEIGHT - M.bottom, M.top]);
    const yd = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.fatalities))]).nice().range([HEIGHT - M.bottom, M.top]);
    this.#x = x;
    const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "img", "aria-label": "events and deaths per week" });
    svg.append(
      this.#axes(x, y, yd),
      s("g", { class: "bars" }, ...bars.map((b) => this.#bar(b, x, y))),
      s("path", { class: "fatalities", d: deathsLine(bars, x, yd) }),
    );
    this.#brushLayer = s("g", { class: "brush" });
    svg.append(this.#brushLayer);
    this.#brush = brushX<unknown>()
      .extent([[M.left, M.top], [WIDTH - M.right, HEIGHT - M.bottom]])
      .on("end", (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by sync(), not by the user
        const sel = event.selection as [number, number] | null;
        if (!sel) this.#state.setFilters({ since: "", until: "" });
        else this.#state.setFilters(brushedDays(x.invert(sel[0]), x.invert(sel[1])));
      });
    select(this.#brushLayer).call(this.#brush);
    const keys = [...new Set(bars.flatMap((b) => b.segments.map((seg) => seg.key)))];
    fill(
      this.#root,
      svg,
      h(
        "div",
        { class: "legend" },
        ...keys.map((k) => {
          const sw = h("span", { class: "swatch" });
          sw.style.backgroundColor = typeColor(k);
          return h("span", { class: "key" }, sw, k);
        }),
        h("span", { class: "key" }, h("span", { class: "line-key" }), "deaths (right axis)"),
        left > 0 ? h("span", { class: "key note off-axis", "data-count": left }, `${count(left)} events dated far from the rest are off this axis`) : null,
      ),
    );
    this.sync();
  }

  /** Moves the brush to the view's date filter. */
  sync(): void {
    if (!this.#brush || !this.#brushLayer) return;
    const { since, until } = this.#state.view.filters;
    const [d0, d1] = this.#x.domain() as [Date, Date];
    if (!since && !until) {
      select(this.#brushLayer).call(this.#brush.move, null);
      return;
    }
    const from = since ? dayDate(since) : d0;
    const to = until ? addDays(dayDate(until), 1) : d1;
    const clamp = (d: Date) => Math.max(M.left, Math.min(WIDTH - M.right, this.#x(d)));
    const range: [number, number] = [clamp(from), clamp(to)];
    select(this.#brushLayer).call(this.#brush.move, range[1] > range[0] ? range : null);
  }

  #bar(b: Bar, x: (d: Date) => number, y: (n: number) => number): SVGGElement {
    const x0 = x(dayDate(b.period));
    const w = Math.max(1, x(addDays(dayDate(b.period), 7)) - x0 - 1);
    return s(
      "g",
      { class: "bar", "data-period": b.period, "data-events": b.events },
      ...b.segments.map((seg) => s("rect", { x: x0, width: w, y: y(seg.y1), height: Math.max(0, y(seg.y0) - y(seg.y1)), fill: typeColor(seg.key) })),
      s("title", {}, `week of ${b.period}: ${count(b.events)} events, ${count(b.fatalities)} deaths\n${b.segments.map((seg) => `${seg.key} ${seg.y1 - seg.y0}`).join(", ")}`),
    );
  }

  #axes(x: ScaleTime<number, number>, y: ScaleLinear<number, number>, yd: ScaleLinear<number, number>): SVGGElement {
    const base = HEIGHT - M.bottom;
    const xFormat = x.tickFormat(8);
    return s(
      "g",
      { class: "axes" },
      s("line", { x1: M.left, x2: WIDTH - M.right, y1: base, y2: base }),
      ...x.ticks(8).map((t) => s("text", { x: x(t), y: base + 16, class: "tick x" }, xFormat(t))),
      // Counts are whole numbers: no tick at 0.5 events.
      ...y.ticks(4).filter(Number.isInteger).map((t) => s("text", { x: M.left - 6, y: y(t), dy: "0.32em", class: "tick y" }, String(t))),
      ...yd.ticks(4).filter(Number.isInteger).map((t) => s("text", { x: WIDTH - M.right + 6, y: yd(t), dy: "0.32em", class: "tick yd" }, String(t))),
      s("text", { x: 4, y: 9, class: "axis-label" }, "events"),
      s("text", { x: WIDTH - 4, y: 9, class: "axis-label end" }, "deaths"),
    );
  }
}
