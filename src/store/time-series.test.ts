import { describe, expect, it } from "vitest";
import { toTimeSeries } from "./time-series.js";

describe("toTimeSeries", () => {
  it("reads packed points, negative counts and periods of any form, and orders them oldest first", () => {
    const rows = [
      { key: "SDN", points: "2026-03-02 4 -12;2026-01-05 10 3;2026-02-02 -1 0" },
      { key: "MLI", points: "2026-01-05 20 7" },
      { key: null, points: "2026-W02 1 1" },
      { key: "SOM", points: null },
    ];
    expect(toTimeSeries(rows, { interval: "week", by: "country" })).toEqual({
      interval: "week", by: "country", series: [
        { key: "MLI", points: [{ period: "2026-01-05", events: 20, fatalities: 7 }] },
        { key: "SDN", points: [
          { period: "2026-01-05", events: 10, fatalities: 3 },
          { period: "2026-02-02", events: -1, fatalities: 0 },
          { period: "2026-03-02", events: 4, fatalities: -12 },
        ] },
        { key: null, points: [{ period: "2026-W02", events: 1, fatalities: 1 }] },
        { key: "SOM", points: [] },
      ],
    });
  });

  it("merges a key's rows, one point each, and keeps the top keys only when asked", () => {
    const rows = [
      { key: "ASSAULT", period: "2026-02-01", events: 2, fatalities: 5 },
      { key: "PROTEST", period: "2026-01-01", events: 1, fatalities: 0 },
      { key: "ASSAULT", period: "2026-01-01", events: 3, fatalities: "1" },
    ];
    expect(toTimeSeries(rows, { interval: "month", by: "type", top: 1 }).series).toEqual([
      { key: "ASSAULT", points: [{ period: "2026-01-01", events: 3, fatalities: 1 }, { period: "2026-02-01", events: 2, fatalities: 5 }] },
    ]);
  });
});
