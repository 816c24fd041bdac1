import { beforeAll, describe, expect, it } from "vitest";
import type { Span } from "../../core/index.js";
import { loadGazetteer, type Gazetteer } from "../../rules/gazetteer.js";
import { datelineMention, findPlaces, placeForSpan } from "./index.js";

let gaz: Gazetteer;
beforeAll(() => { gaz = loadGazetteer(); });

/** The span of the `n`th occurrence of `s` in `text`. */
const at = (text: string, s: string, n = 0): Span => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  return [i, i + s.length];
};
const sentenceOf = (text: string, s: string): Span => {
  const i = text.indexOf(s);
  const start = text.lastIndexOf(". ", i) + 1;
  const end = text.indexOf(".", i);
  return [start, end < 0 ? text.length : end + 1];
};

describe("placeForSpan", () => {
  it("passes over a place inside a longer actor name", () => {
    const text = "QUETTA, May 2 — The Liberation Army of Sindh claimed the attack in Balochistan. Police said it planned more.";
    const places = findPlaces(text, gaz);
    const claim = at(text, "claimed the attack");
    const actor = at(text, "Liberation Army of Sindh");
    expect(placeForSpan(places, [actor[0], claim[1]], sentenceOf(text, "claimed"), { text, actorSpans: [actor] })?.name)
      .toBe("Balochistan");
    // Without the actor's span, Sindh is the first division named.
    expect(placeForSpan(places, [actor[0], claim[1]], sentenceOf(text, "claimed"), { text })?.name).toBe("Sindh");
  });

  it("never takes the dateline for the first sentence's place, but falls back to it", () => {
    const text = "DUBAI — Iranian police fired on protesters in Tabriz on Sunday. The crackdown went on, the group said.";
    const places = findPlaces(text, gaz);
    expect(datelineMention(text, places)?.place.country).toBe("ARE");
    const fired = at(text, "police fired");
    expect(placeForSpan(places, fired, sentenceOf(text, "fired"), { text })?.name).toBe("Tabriz");
    // The second sentence names no place: where the report was filed stands for it.
    const went = at(text, "crackdown went on");
    expect(placeForSpan(places, went, sentenceOf(text, "crackdown"), { text })?.country).toBe("ARE");
  });

  it("skips a sentence's place in a country neither the story nor the actors are about", () => {
    const text = "KABUL, Jan 5 — The Taliban closed schools in Herat. Afghanistan's rulers then barred women " +
      "from universities, a move condemned in Washington and Ottawa.";
    const places = findPlaces(text, gaz);
    const barred = at(text, "barred women");
    const sentence = sentenceOf(text, "barred");
    expect(placeForSpan(places, barred, sentence, { text, countries: ["AFG"] })?.country).toBe("AFG");
    // An actor from there makes it the event's place.
    expect(placeForSpan(places, barred, sentence, { text, countries: ["USA"] })?.country).toBe("USA");
  });

  it("ranks a continent or an alliance below a country", () => {
    const text = "The European Union said it was sending troops to Bosnia.";
    const places = findPlaces(text, gaz);
    expect(placeForSpan(places, [0, text.length], [0, text.length], { text })?.name).toBe("Bosnia and Herzegovina");
  });
});
