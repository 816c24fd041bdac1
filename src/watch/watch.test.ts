import { describe, expect, it } from "vitest";
import { backoffLeft, formatDuration, freshState, parseDuration, retryDelay } from "./index.js";

describe("watch timing", () => {
  it("reads durations in ms, s, m and h, and nothing else", () => {
    expect(["30s", "15m", "1h", "500ms", "1.5h", "0s"].map(parseDuration)).toEqual([30_000, 900_000, 3_600_000, 500, 5_400_000, 0]);
    expect(["15", "m", "-1s", "1d", " 2m "].map(parseDuration)).toEqual([null, null, null, null, 120_000]);
    expect([45_000, 900_000, 930_000, 3_600_000, 5_400_000].map(formatDuration)).toEqual(["45s", "15m", "15m30s", "1h", "1h30m"]);
  });

  it("tries a failing feed again next round, then at doubling intervals up to six hours", () => {
    const every = 15 * 60_000;
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, every) / 60_000)).toEqual([15, 30, 60, 120, 360]);
    expect(retryDelay(5, 12 * 3_600_000)).toBe(12 * 3_600_000); // never less often than the interval itself
    const polled = Date.parse("2026-03-03T10:00:00Z");
    const state = (failures: number) => ({ ...freshState("http://x.test/rss"), polledAt: new Date(polled).toISOString(), failures });
    expect(backoffLeft(null, every, polled)).toBe(0);
    expect(backoffLeft(state(0), every, polled + 1000)).toBe(0);
    expect(backoffLeft(state(1), every, polled + every)).toBe(0); // the next round
    expect(backoffLeft(state(2), every, polled + every)).toBe(every / 2); // skips one round…
    expect(backoffLeft(state(2), every, polled + 2 * every)).toBe(0); // …and is tried in the one after
    expect(backoffLeft(state(3), every, polled + 2 * every)).toBe(1.5 * every);
  });
});
