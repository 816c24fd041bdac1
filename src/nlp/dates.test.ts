import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import * as chronoEn from "chrono-node/en";
import { quickDates, type DateReading } from "./date-patterns.js";
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

describe("quickDates", () => {
  // chrono's reading of each, compared component by component over a span of reference dates
  const read = (s: string, ref: Date) =>
    chronoEn.casual
      .parse(s, { instant: ref, timezone: 0 }, { forwardDate: false })
      // a part of day or "now" alone gives no date, and the quick reading leaves it out
      .filter((r) => !/^(?:this\s*)?(?:morning|afternoon|evening|night|now)$/i.test(r.text))
      .map(summary);
  const summary = (r: DateReading) => {
    const c = r.start;
    const known = (["year", "month", "day", "weekday"] as const).filter((k) => c.isCertain(k)).join(",");
    return [r.index, r.text, known, c.get("year"), c.get("month"), c.get("day"), c.date().toISOString().slice(0, 10)];
  };
  const refs = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2023, 0, 1 + i * 13, 12)));
  refs.push(new Date(Date.UTC(2024, 1, 29, 12)), new Date(Date.UTC(2024, 2, 31, 12)), new Date(Date.UTC(2023, 11, 31, 12)), new Date(0));

  it.each([
    "Gunmen raided the depot on Monday, killing four.",
    "Gunmen raided the depot on Tuesday night near the border.",
    "On Wednesday, the army withdrew.",
    "The talks resumed last Friday in Doha.",
    "The convoy left Saturday morning after the rain.",
    "The truce held until this Sunday according to residents.",
    "The ceasefire collapsed on 12 March after talks.",
    "The ceasefire collapsed on 12 March 2025 after talks.",
    "The ceasefire collapsed March 12, 2025 after talks.",
    "SANAA, March 9 — Yemen's Houthis threatened to resume attacks.",
    "The army retook the town in March after a siege.",
    "The army retook the town in March 2024 after a siege.",
    "Theresa May said the vote would go ahead.",
    "Protesters march through the capital every week.",
    "The rebels attacked the base yesterday morning.",
    "Talks are due tomorrow in Geneva.",
    "Rebels shelled the town last night, residents said.",
    "The militia staged raids last week, then this month the army came.",
    "The economy shrank last year and the past month.",
    "Officials said 12 people were killed on Friday in the north.",
    "For weeks the town was cut off, and that day nobody came.",
    "The first convoy arrived on Thursday.",
  ])("reads %j as chrono does", (s) => {
    for (const ref of refs) {
      const quick = quickDates(s, ref);
      expect(quick, s).not.toBeNull();
      expect(quick?.map(summary), `${s} @ ${ref.toISOString()}`).toEqual(read(s, ref));
    }
  });

  it.each([
    "The army withdrew two days ago.",
    "Gunmen attacked on Monday at 5 pm.",
    "Talks ran March 3-5 in Doha.",
    "The convoy left on the first of March.",
    "Shelling began on Sunday, March 2.",
    "The raid came at 9 AM Monday.",
    "Schools closed next week.",
    "Fighting flared in July of this year near the dam.",
    "The militia staged raids last week and this month.",
    "Clashes broke out during the weekend.",
    "The lease runs until 2031 for 99 years.",
  ])("leaves %j to chrono", (s) => {
    expect(quickDates(s, refs[0] as Date)).toBeNull();
  });
});
