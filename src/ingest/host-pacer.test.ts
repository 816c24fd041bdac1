import { describe, expect, it } from "vitest";
import { HostPacer } from "./host-pacer.js";

describe("HostPacer", () => {
  it("spaces requests to one host by its delay, and lets another host go at once", async () => {
    const pacer = new HostPacer(150);
    const started = Date.now();
    const times: Array<[string, number]> = [];
    await Promise.all(["http://a.test/1", "http://a.test/2", "https://b.test/1", "http://A.TEST/3"].map(async (url) => {
      await pacer.wait(url);
      times.push([url, Date.now() - started]);
    }));
    const at = new Map(times);
    expect(at.get("https://b.test/1")).toBeLessThan(100);
    // Booked in call order: a.test at 0, 150 and 300 ms (the host's name in any case).
    expect(at.get("http://a.test/2")).toBeGreaterThanOrEqual(140);
    expect(at.get("http://A.TEST/3")).toBeGreaterThanOrEqual(290);
  });

  it("stops waiting when its signal aborts", async () => {
    const pacer = new HostPacer(60_000);
    await pacer.wait("http://c.test/");
    const stop = new AbortController();
    const waiting = pacer.wait("http://c.test/again", stop.signal);
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});
