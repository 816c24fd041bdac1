import { describe, expect, it } from "vitest";
import { analyze } from "../../nlp/index.js";
import { tollsIn } from "./index.js";

function tolls(text: string) {
  const a = analyze(text);
  const s = a.sentences[0]!;
  return tollsIn(a.tokens, s, s.first, s.last);
}

describe("tollsIn", () => {
  it("reads deaths and injuries of one clause", () => {
    expect(tolls("Rebels shelled the market, killing three traders and wounding five.")).toEqual({ fatalities: { low: 3, high: 3 }, injuries: { low: 5, high: 5 } });
  });
  it("keeps lower bounds open", () => {
    expect(tolls("At least 12 people were killed in the blast.").fatalities).toEqual({ low: 12, high: null });
    expect(tolls("The strike killed more than 40 recruits.").fatalities).toEqual({ low: 40, high: null });
  });
  it("reads ranges and number words", () => {
    expect(tolls("The raid killed between 30 and 40 villagers.").fatalities).toEqual({ low: 30, high: 40 });
    expect(tolls("A dozen guards died in the ambush.").fatalities).toEqual({ low: 12, high: 12 });
    expect(tolls("Dozens were wounded in the fighting.").injuries).toEqual({ low: 24, high: null });
  });
  it("adds up counts joined by 'and' in one clause", () => {
    expect(tolls("The strike killed a militia commander and two of his bodyguards.").fatalities).toEqual({ low: 3, high: 3 });
  });
  it("says null when no count is given", () => {
    expect(tolls("Several buildings were damaged in the attack.")).toEqual({ fatalities: null, injuries: null });
  });
});
