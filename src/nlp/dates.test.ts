import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { findDates } from "./dates.js";

const one = (text: string, published: string | null) => findDates(text, published).map((d) => [text.slice(d.start, d.end), d.interval.start, d.interval.end]);

describe("findDates", () => {
  it("reads a span of years as one interval ('the 2020-2022 war', 'in 2014–16')", () => {
    expect(one("They fought in the 2020-2022 war.", "2031-05-10")).toEqual([["2020-2022", "2020-01-01", "2022-12-31"]]);
    expect(one("The famine of 2014–16 killed thousands.", "2031-05-10")).toEqual([["2014–16", "2014-01-01", "2016-12-31"]]);
  });
  it("resolves a weekday to the last such day before a Saturday report", () => {
    expect(one("Gunmen raided the depot on Wednesday night.", "2031-05-10")).toEqual([["on Wednesday night", "2031-05-07", "2031-05-07"]]);
  });
  it("gives a month for 'last month' and a year for 'in 2029'", () => {
    expect(one("The talks collapsed last month.", "2031-05-10")[0]?.slice(1)).toEqual(["2031-04-01", "2031-04-30"]);
    expect(one("The militia staged 40 raids in 2029.", "2031-05-10")[0]?.slice(1)).toEqual(["2029-01-01", "2029-12-31"]);
  });
  it("runs 'since' intervals up to the publication date", () => {
    expect(one("The rebels have held the town since March 3.", "2031-05-10")[0]?.slice(1)).toEqual(["2031-03-03", "2031-05-10"]);
  });
  it("puts a month-day after publication in the previous year", () => {
    expect(one("The convoy left on November 20.", "2031-01-05")[0]?.slice(1)).toEqual(["2030-11-20", "2030-11-20"]);
  });
  it("reads a length of time as no date ('for 99 years', 'after two years of fighting')", () => {
    expect(one("The lease gives the company the port for 99 years.", "2031-05-10")).toEqual([]);
    expect(one("The army retook the city after two years of fighting.", "2031-05-10")).toEqual([]);
    expect(one("Shelling went on over three days.", "2031-05-10")).toEqual([]);
    expect(one("The ceasefire ends in two weeks.", "2031-05-10")[0]?.slice(1)).toEqual(["2031-05-24", "2031-05-24"]);
    expect(one("The siege ended after March 3.", "2031-05-10")[0]?.slice(1)).toEqual(["2031-03-03", "2031-03-03"]);
  });
  it("drops relative dates without a reference date and anchors to other events", () => {
    expect(one("The army withdrew on Tuesday.", null)).toEqual([]);
    expect(one("Two weeks after the raid, the army withdrew.", "2031-05-10")).toEqual([]);
  });
  it("reads only the sentences that could hold a date, with the same answers as the whole text", () => {
    const text = "Fighting resumed near the dam. Rebels shelled the town at dawn on Friday, 14 February.\n\n" +
      "The governor condemned the attack. Since January the rebels staged 30 raids; a week ago a convoy was hit.\n" +
      "Nobody claimed it. Talks are due tomorrow morning.";
    const { sentences } = analyze(text, new Set());
    const whole = findDates(text, "2031-02-16");
    expect(findDates(text, "2031-02-16", sentences)).toEqual(whole);
    expect(whole.map((d) => text.slice(d.start, d.end))).toEqual(["on Friday, 14 February", "Since January", "a week ago", "tomorrow morning"]);
  });
  it("reads the words around each cue of a long sentence, and numbers without a cue date nothing", () => {
    const filler = "the convoy of the relief agency moved slowly along the damaged coastal road past the camps";
    const text = `On 3 March 2031 ${filler} and ${filler}, until 5 March, when 40 trucks and 12 buses reached the port.`;
    const { sentences } = analyze(text, new Set());
    const windowed = findDates(text, "2031-03-09", sentences);
    expect(windowed).toEqual(findDates(text, "2031-03-09"));
    expect(windowed.map((d) => [text.slice(d.start, d.end), d.interval.start])).toEqual([["On 3 March 2031", "2031-03-03"], ["5 March", "2031-03-05"]]);
    const counts = "Gunmen killed 12 people and wounded 40 in 3 villages.";
    expect(findDates(counts, "2031-03-09", analyze(counts, new Set()).sentences)).toEqual([]);
  });
});
