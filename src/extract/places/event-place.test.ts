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
    // Without the actor's span, Sindh is the first division named; Balochistan, named after
    // "in", still says where.
    expect(placeForSpan(places, [actor[0], claim[1]], sentenceOf(text, "claimed"), { text })?.name).toBe("Balochistan");
    // A name followed by a verb of saying is a side ("… of Sindh claimed"), not where it happened.
    const bare = "The Liberation Army of Sindh claimed the attack, Balochistan officials said.";
    expect(placeForSpan(findPlaces(bare, gaz), [0, 40], [0, bare.length], { text: bare })?.name).toBe("Balochistan");
  });

  it("never takes the dateline for the first sentence's place, but falls back to it", () => {
    const text = "DUBAI — Iranian police fired on protesters in Tabriz on Sunday. The crackdown went on, the group said.";
    const places = findPlaces(text, gaz);
    expect(datelineMention(text, places)?.place.country).toBe("ARE");
    const fired = at(text, "police fired");
    expect(placeForSpan(places, fired, sentenceOf(text, "fired"), { text })?.name).toBe("Tabriz");
    // The second sentence names no place: the sentence before it tells where.
    const went = at(text, "crackdown went on");
    expect(placeForSpan(places, went, sentenceOf(text, "crackdown"), { text })?.name).toBe("Tabriz");
    // With no place before it either, where the report was filed stands for it.
    const bare = "DUBAI — Iranian police fired on protesters on Sunday. The crackdown went on, the group said.";
    const barePlaces = findPlaces(bare, gaz);
    expect(placeForSpan(barePlaces, at(bare, "crackdown went on"), sentenceOf(bare, "crackdown"), { text: bare })?.country).toBe("ARE");
  });

  it("reads a dateline's country as part of it ('GOMA, Congo (AP) —'), not as the first sentence's place", () => {
    const text = "GOMA, Congo (AP) — Rebels shelled the outskirts, killing 12 civilians.";
    const places = findPlaces(text, gaz);
    expect(datelineMention(text, places)?.span).toEqual([0, "GOMA, Congo".length]);
    expect(placeForSpan(places, at(text, "Rebels shelled"), [19, text.length], { text })?.name).toBe("Goma");
  });

  it("takes the place of the sentence before, within its paragraph only", () => {
    const text = "Drones hit Kharkiv and Sumy in Ukraine overnight. Three people are killed.\n\nIn Kyiv, talks resume. Both sides attend.";
    const places = findPlaces(text, gaz);
    expect(placeForSpan(places, at(text, "people are killed"), sentenceOf(text, "Three people"), { text })?.name).toBe("Kharkiv");
    expect(placeForSpan(places, at(text, "sides attend"), sentenceOf(text, "Both sides"), { text })?.name).toBe("Kyiv");
  });

  it("prefers, between places of one rank, the one named as where it happened", () => {
    const text = "Vellish forces shoot down a U.S. drone over Syria, Russia says.";
    const places = findPlaces(text, gaz);
    expect(placeForSpan(places, [0, text.length], [0, text.length], { text })?.country).toBe("SYR");
    const raid = "Russia attacks Ukraine with 90 drones.";
    expect(placeForSpan(findPlaces(raid, gaz), [0, raid.length], [0, raid.length], { text: raid })?.country).toBe("UKR");
  });

  it("takes the finer place of an address whose country closes the clause", () => {
    const text = "A drone strike on a market in Tessit, Gao Region, Mali, kills 30 people.";
    const places = findPlaces(text, gaz);
    const kills = at(text, "Mali, kills 30 people");
    expect(placeForSpan(places, kills, [0, text.length], { text })?.admin1).toBe("Gao");
  });

  it("passes over a name glued to what it describes ('a Panama-flagged tanker')", () => {
    const text = "Drones strike a Panama-flagged tanker off Fujairah, United Arab Emirates.";
    expect(placeForSpan(findPlaces(text, gaz), [0, 35], [0, text.length], { text })?.country).toBe("ARE");
    const flags = "A Liberia-flagged tanker and a Malta-flagged freighter are struck by drones.";
    expect(placeForSpan(findPlaces(flags, gaz), [0, flags.length], [0, flags.length], { text: flags })).toBeNull();
  });

  it("keeps a place whose actor span only adds its division word", () => {
    const text = "Troops raid the Quneitra Governorate in Syria and detain three men.";
    const places = findPlaces(text, gaz);
    const actor = at(text, "the Quneitra Governorate");
    expect(placeForSpan(places, [0, text.length], [0, text.length], { text, actorSpans: [actor] })?.admin1).toBe("Quneitra");
    const city = "Gunmen kill two men in Gaza City.";
    const cityActor = at(city, "Gaza City");
    expect(placeForSpan(findPlaces(city, gaz), [0, city.length], [0, city.length], { text: city, actorSpans: [cityActor] })?.country).toBe("PSE");
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

  it("does not take a capital or country that speaks for its government as the place", () => {
    const text = "Afghan officials said a drone strike hit a market in Khost. Islamabad said it targeted militants.";
    const places = findPlaces(text, gaz);
    const targeted = at(text, "targeted militants");
    expect(placeForSpan(places, targeted, sentenceOf(text, "Islamabad"), { text })?.name).toBe("Khost");
    const wants = "Moscow wants the corridor closed, and its troops shelled villages in Ukraine on Monday.";
    expect(placeForSpan(findPlaces(wants, gaz), at(wants, "troops shelled"), [0, wants.length], { text: wants })?.country).toBe("UKR");
  });

  it("keeps a town whose people an actor's name holds ('Kherson's residents')", () => {
    const text = "Russia cut power to Kherson's 70,000 residents on Sunday.";
    const places = findPlaces(text, gaz);
    const actor = at(text, "Kherson's 70,000 residents");
    expect(placeForSpan(places, [0, text.length], [0, text.length], { text, actorSpans: [actor] })?.admin1).toBe("Kherson");
  });

  it("reads '20 km north of X' as a point that far from X", () => {
    const text = "A roadside bomb killed four soldiers 20 km north of Jalalabad on Friday.";
    const p = placeForSpan(findPlaces(text, gaz), [0, text.length], [0, text.length], { text });
    const town = findPlaces("in Jalalabad", gaz)[0]!;
    expect([p?.country, p?.admin1, p?.precision]).toEqual(["AFG", "Nangarhar", "point"]);
    expect(p?.name).toBe("20 km north of Jalalabad");
    expect(p!.lat! - town.lat!).toBeCloseTo(20 / 111.2, 1);
    expect(p?.lon).toBeCloseTo(town.lon!, 1);
    // far from the town, its division is no longer sure
    const far = "Gunmen ambushed a convoy 90 miles east of Jalalabad.";
    const q = placeForSpan(findPlaces(far, gaz), [0, far.length], [0, far.length], { text: far });
    expect([q?.country, q?.admin1, q?.precision]).toEqual(["AFG", null, "country"]);
    expect(q!.lon! - town.lon!).toBeGreaterThan(1);
    // from a division, the division
    const division = "Shelling 15 km south of Kunar Province killed two.";
    const r = placeForSpan(findPlaces(division, gaz), [0, division.length], [0, division.length], { text: division });
    expect([r?.country, r?.admin1, r?.precision]).toEqual(["AFG", "Kunar", "admin1"]);
  });

  it("reads 'near the border with X' as the other side, in the division the story names", () => {
    const text = "NIAMEY — Attacks rose in the Tillaberi and Agadez regions this year.\n\n" +
      "Gunmen killed 12 villagers near the border with Burkina Faso, the ministry said.";
    const places = findPlaces(text, gaz);
    const killed = at(text, "Gunmen killed 12 villagers");
    const p = placeForSpan(places, killed, sentenceOf(text, "Gunmen killed"), { text });
    expect([p?.country, p?.admin1]).toEqual(["NER", "Tillaberi"]);
  });

  it("takes the next sentence of the paragraph, then the lead, before the dateline", () => {
    const text = "BOGOTA, May 2 — Fighting spread in the Catatumbo region this week.\n\n" +
      "Five days of clashes left dozens dead. The governor of Norte de Santander gave the toll.\n\n" +
      "Troops were sent, the army said.";
    const places = findPlaces(text, gaz);
    expect(placeForSpan(places, at(text, "clashes left dozens dead"), sentenceOf(text, "Five days"), { text })?.admin1)
      .toBe("Norte de Santander");
    const troops = at(text, "Troops were sent");
    expect(placeForSpan(places, troops, [troops[0], text.length], { text })?.name).toBe("Catatumbo");
  });

  it("falls back to the country of the event's actors among those the story names", () => {
    const text = "Pakistan and Afghanistan traded accusations. Pakistan said its patience was over, Pakistan's envoy added.\n\n" +
      "Militants carried out attacks on civilians.";
    const places = findPlaces(text, gaz);
    const attacks = at(text, "carried out attacks");
    const sentence: Span = [attacks[0] - "Militants ".length, text.length];
    expect(placeForSpan(places, attacks, sentence, { text, countries: ["AFG"] })?.country).toBe("AFG");
    expect(placeForSpan(places, attacks, sentence, { text })?.country).toBe("PAK");
  });

  it("with no place named at all, takes the country whose people or posts were struck", () => {
    const where = (text: string): string | null | undefined =>
      placeForSpan(findPlaces(text, gaz), [0, text.length], [0, text.length], { text })?.country;
    expect(where("Israeli airstrikes kill 40 Palestinians overnight.")).toBe("PSE");
    expect(where("Gunmen kill three Kenyan soldiers on patrol near the Somali border.")).toBe("KEN");
    expect(where("Two Serbian lawmakers are hurt when smoke bombs are thrown in the chamber.")).toBe("SRB");
    // a side's demonym before its weapons says who struck; a demonym after a name is a surname
    expect(where("Russian drones struck overnight, Volker Türk said.")).toBeUndefined();
    // near a border named by a demonym, the event's own country
    const border = "Troops repelled an attack near the Somali border.";
    expect(placeForSpan(findPlaces(border, gaz), [0, border.length], [0, border.length], { text: border, countries: ["KEN"] })?.country).toBe("KEN");
  });

  it("between countries of one sentence, takes one the event's actors belong to", () => {
    const text = "With the people of Afghanistan behind the Taliban in the war against Pakistan, the group was told to carry out attacks.";
    const places = findPlaces(text, gaz);
    const attacks = at(text, "carry out attacks");
    expect(placeForSpan(places, attacks, [0, text.length], { text, countries: ["AFG"] })?.country).toBe("AFG");
    expect(placeForSpan(places, attacks, [0, text.length], { text })?.country).toBe("PAK");
  });

  it("reads a town a verb of attack or capture names as a place ('gangs attacked Mirebalais')", () => {
    const text = "Haiti's gangs attacked Mirebalais overnight, and thousands fled.";
    const p = placeForSpan(findPlaces(text, gaz), [0, text.length], [0, text.length], { text });
    expect([p?.country, p?.admin1, p?.precision]).toEqual(["HTI", "Centre", "point"]);
  });

  it("ranks a region across divisions below a division of the same address", () => {
    const text = "Airstrikes hit militants hiding in the mountains of the Bari Region of Puntland, Somalia.";
    const p = placeForSpan(findPlaces(text, gaz), [0, text.length], [0, text.length], { text });
    expect([p?.country, p?.admin1]).toEqual(["SOM", "Bari"]);
  });

  it("reads the country of the struck, not of the striker, by its demonym ('occupied Ukrainian territories')", () => {
    const text = "Former Iranian president was killed by an Israeli targeted strike, while Russian authorities held detainees in Ukrainian territories.";
    const sentence: Span = [0, text.indexOf(", while")];
    expect(placeForSpan(findPlaces(text, gaz), sentence, sentence, { text })?.country).toBe("IRN");
    const rest: Span = [text.indexOf("Russian"), text.length];
    expect(placeForSpan(findPlaces(text, gaz), rest, rest, { text })?.country).toBe("UKR");
  });

  it("ranks a continent or an alliance below a country", () => {
    const text = "The European Union said it was sending troops to Bosnia.";
    const places = findPlaces(text, gaz);
    expect(placeForSpan(places, [0, text.length], [0, text.length], { text })?.name).toBe("Bosnia and Herzegovina");
  });
});
