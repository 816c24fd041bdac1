/**
 * One-line news summaries in the present tense ("Drones kill five people in Vel, Ruritania."):
 * the violent event's triggers, toll and place, read end to end. Sentences are our own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Event, ExtractionRecord } from "../core/index.js";
import { createExtractor, type Extractor } from "./index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});

const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
const assaults = (text: string): Event[] => run(text).events.filter((e) => e.type === "ASSAULT");

describe("summaries: triggers", () => {
  it("reads opening gunfire and operations named by their kind", () => {
    expect(assaults("Nigerien soldiers open gunfire on a crowd of protesters in Niamey.")[0]?.mode).toBe("firearms");
    expect(assaults("Malian troops kill 11 fighters in a counterterrorism operation near Gao.")).toHaveLength(1);
  });
});

describe("summaries: tolls and places", () => {
  it("reads the toll of a passive with a long subject and its place after 'in'", () => {
    const [e] = assaults("Eight Ansar Dine fighters are killed in a Malian airstrike in Kidal Region, Mali.");
    expect(e?.fatalities).toEqual({ low: 8, high: 8 });
    expect(e?.location?.admin1).toBe("Kidal");
  });
  it("counts one person named without a number", () => {
    const [e] = assaults("A Malian customs officer is shot dead by gunmen in Gao, Mali.");
    expect(e?.fatalities).toEqual({ low: 1, high: 1 });
    expect(e?.location?.country).toBe("MLI");
  });
  it("takes the casualty report and the place of the sentence before", () => {
    const r = run("Malian drones strike a market in Gao, Mali. Nine people are killed and 30 others are injured.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.fatalities).toEqual({ low: 9, high: 9 });
    expect(e?.injuries).toEqual({ low: 30, high: 30 });
    expect(e?.location?.country).toBe("MLI");
  });
  it("puts an event in the country whose airspace it names, not the country of the target's flag", () => {
    const [e] = assaults("Malian forces shoot down a French drone in Algerian airspace.");
    expect(e?.location?.country).toBe("DZA");
  });
});
