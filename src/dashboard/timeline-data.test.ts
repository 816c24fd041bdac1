import { describe, expect, it } from "vitest";
import { brushedDays, mainSpan, stackBars, weekStart, type Bar } from "./timeline-data.js";

describe("stackBars", () => {
  it("stacks each week's types in PLOVER order and sums events and deaths", () => {
    const bars = stackBars({
      interval: "week",
      by: "type",
      series: [
        { key: "ASSAULT", points: [{ period: "2024-03-04", events: 3, fatalities: 11 }, { period: "2024-02-26", events: 1, fatalities: 2 }] },
        { key: "AGREE", points: [{ period: "2024-03-04", events: 2, fatalities: 0 }] },
        { key: "PROTEST", points: [{ period: "2024-03-04", events: 0, fatalities: 0 }] },
      ],
    });
    expect(bars.map((b) => b.period)).toEqual(["2024-02-26", "2024-03-04"]);
    expect(bars[1]).toEqual({
      period: "2024-03-04",
      events: 5,
      fatalities: 11,
      segments: [{ key: "AGREE", y0: 0, y1: 2 }, { key: "ASSAULT", y0: 2, y1: 5 }],
    });
  });
});

describe("mainSpan", () => {
  const bar = (period: string, events: number): Bar => ({ period, events, fatalities: 0, segments: [] });

  it("drops lone weeks far out in the tails, keeping the weeks that hold the events", () => {
    const bars = [bar("1975-01-06", 1), ...Array.from({ length: 10 }, (_, i) => bar(`2025-0${(i % 9) + 1}-01`, 40)), bar("2124-01-03", 1)];
    const { bars: kept, left } = mainSpan(bars);
    expect(kept.map((b) => b.period)).toEqual(bars.slice(1, 11).map((b) => b.period));
    expect(left).toBe(2);
  });

  it("keeps everything when there are few events", () => {
    const bars = [bar("2024-01-01", 1), bar("2024-06-03", 3), bar("2030-01-07", 1)];
    expect(mainSpan(bars)).toEqual({ bars, left: 0 });
  });
});

describe("weeks", () => {
  it("finds the Monday of a week, across a month and a year", () => {
    expect(weekStart(new Date("2024-03-10T23:00:00Z")).toISOString().slice(0, 10)).toBe("2024-03-04");
    expect(weekStart(new Date("2024-03-04T00:00:00Z")).toISOString().slice(0, 10)).toBe("2024-03-04");
    expect(weekStart(new Date("2025-01-01T12:00:00Z")).toISOString().slice(0, 10)).toBe("2024-12-30");
  });

  it("turns a brushed span into whole weeks", () => {
    expect(brushedDays(new Date("2024-03-06T10:00:00Z"), new Date("2024-03-13T02:00:00Z"))).toEqual({ since: "2024-03-04", until: "2024-03-17" });
    // A span ending exactly on a Monday midnight ends with the week before.
    expect(brushedDays(new Date("2024-03-04T00:00:00Z"), new Date("2024-03-11T00:00:00Z"))).toEqual({ since: "2024-03-04", until: "2024-03-10" });
  });
});
