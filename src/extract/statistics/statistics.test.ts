import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});

const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
/** "value year subject" for every statistic found. */
function stats(text: string): string[] {
  const r = run(text);
  const name = (id: string | null) => r.actors.find((a) => a.id === id)?.name ?? "-";
  return r.statistics.map((s) => `${s.value} ${s.period?.start.slice(0, 4) ?? "-"} ${name(s.subject)}`);
}

describe("statistics", () => {
  it("reads a count over a year and the contrasted count after it", () => {
    expect(stats("Al-Shabaab carried out 31 attacks in 2029, down from 52 in 2028.")).toEqual(["31 2029 al-Shabaab", "52 2028 al-Shabaab"]);
  });
  it("gives victims' counts to the agent after 'by', from the date after 'since'", () => {
    const r = run("At least 40 people have been killed by police since the protests began in March.");
    expect(r.statistics[0]?.period).toEqual({ start: "2031-03-01", end: "2031-05-10" });
    expect(stats("At least 40 people have been killed by police since the protests began in March.")[0]).toMatch(/^40 2031 .*police/i);
  });
  it("leaves one incident's toll to the event", () => {
    expect(stats("In June, gunmen killed 12 soldiers in an ambush near the border.")).toEqual([]);
  });
  it("reads a deployment on the report's date, and the whole counted noun", () => {
    const r = run("Kenya has sent 1,000 police officers to Haiti.");
    expect(r.statistics.map((s) => [s.value, s.measure, s.period?.start])).toEqual([[1000, "police officers", "2031-05-10"]]);
  });
  it("scales decimals by the word after them", () => {
    expect(stats("The UN says 2.5 million Sudanese will need food aid in 2030.")[0]).toMatch(/^2500000 2030/);
  });
  it("carries 'a further N' over with its own subject and the first count's period", () => {
    expect(stats("Al-Shabaab carried out 40 attacks in the first half of 2030. The Islamic State was responsible for a further 9.")[1]).toBe("9 2030 Islamic State");
  });
  it("reads an ordinal as the count so far", () => {
    expect(run("It was the 7th drone strike in Yemen this year.").statistics.map((s) => [s.value, s.measure])).toEqual([[7, "drone strike"]]);
  });
  it("counts no ages, durations or sums", () => {
    expect(stats("A 52-year-old man was held for 30 days in 2030 and paid $400 in fines.")).toEqual([]);
  });
  it("tells a total since a date from one happening compared with it", () => {
    expect(stats("Six people are killed by airstrikes in the heaviest exchange since the truce of March 2030.")).toEqual([]);
    expect(stats("At least 70 people have been killed since the truce of March 2030.")[0]).toMatch(/^70 2030/);
  });
  it("leaves out an incident's toll in a relative clause and people counted for no deed", () => {
    expect(stats("The army blamed the rebels for an attack this month that killed at least nine people.")).toEqual([]);
    expect(stats("Three prison officers suffered burns in a fire in 2030.")).toEqual([]);
  });
});
