import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});

const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
/** "Actor type Recipient" for every relation found. */
function relations(text: string): string[] {
  const r = run(text);
  const name = (id: string) => r.actors.find((a) => a.id === id)?.name ?? id;
  return r.relations.map((x) => `${name(x.actor)} ${x.type} ${name(x.recipient)}`);
}

describe("relations: sponsorship and support", () => {
  it("reads 'X-backed' across a common noun to the name", () => {
    expect(relations("The Iran-backed militia Hezbollah fired rockets.")).toEqual([expect.stringMatching(/^Iran sponsors Hezbollah/)]);
  });
  it("reads 'backed by X' in the passive, with the clause subject", () => {
    expect(relations("The Houthis are widely believed to be backed by Iran.").join()).toMatch(/Iran sponsors Houthi/);
  });
  it("makes crowds supporters, not sponsors", () => {
    expect(relations("Crowds rallied behind Hamas in Gaza City.").join()).toMatch(/supports Hamas/);
    expect(relations("Crowds rallied behind Hamas in Gaza City.").join()).not.toMatch(/sponsors/);
  });
  it("gives an infinitive of purpose the subject of the means verb", () => {
    expect(relations("Russia sent jets to support the Syrian army.").join()).toMatch(/^Russia supports Syria/);
  });
  it("reads an accusation of sponsorship", () => {
    expect(relations("The government accused Rwanda of arming the M23 rebels.").join()).toMatch(/Rwanda sponsors (March 23|M23)/);
  });
  it("does not read a participle adjective as a verb", () => {
    expect(relations("An armed group attacked the convoy near Goma.")).toEqual([]);
  });
});

describe("relations: the subject of a verb joined by 'and'", () => {
  it("reads 'X had been trained … and were backed by Y' as Y sponsoring X", () => {
    expect(relations("The Ndovu Front claimed the raid. Officials said the attackers had been trained abroad and were backed by Sudan's military."))
      .toContain("Sudanese Armed Forces sponsors Ndovu Front");
  });
});

describe("relations: membership, command, alliance, war", () => {
  it("reads a coalition led by a state as an actor that state directs", () => {
    expect(relations("The Kenya-led coalition struck Ndovu Front positions near Kismayo.")).toContain("Kenya directs Kenya coalition");
    // a ruling coalition is a government, not a military alliance
    const r = run("The ruling coalition accused the opposition of fraud.");
    expect(r.actors.find((a) => a.kind === "military")).toBeUndefined();
  });
  it("reads membership from an apposition", () => {
    expect(relations("ISWAP, a splinter faction of Boko Haram, attacked a base.").join()).toMatch(/Islamic State West Africa Province part_of Boko Haram/);
  });
  it("reads membership through a relative clause of description", () => {
    expect(relations("Hezbollah, which Israel regards as a proxy of Iran, fired rockets.").join()).toMatch(/^Iran sponsors Hezbollah/);
  });
  it("reads direction from 'instructed by'", () => {
    expect(relations("Hezbollah has been instructed by Iran to hold fire.")).toEqual(["Iran directs Hezbollah"]);
  });
  it("reads alliance from fighting alongside", () => {
    expect(relations("Wagner fighters fought alongside Malian troops.").join()).toMatch(/Wagner Group allied_with Mali/);
  });
  it("reads war from a truce between two sides", () => {
    expect(relations("A truce between Israel and Hezbollah took effect.")).toEqual(["Israel at_war_with Hezbollah"]);
  });
  it("does not take a hyphenated modifier for the named actor", () => {
    expect(relations("The Islamic Resistance in Iraq, an umbrella of Iran-aligned factions, claimed the attack.").join()).not.toMatch(/Iran part_of/);
  });
  it("takes no possessor, compound modifier or noun for a subject or verb", () => {
    expect(relations("Rouhani's new security plan would be led by Iran.")).toEqual([]);
    expect(relations("The U.S. support troops arrived in Kabul.")).toEqual([]);
    expect(relations("A U.S.-led inquiry found no evidence in 2003.")).toEqual([]);
  });
  it("lists only what 'and' closes, and titles only persons", () => {
    expect(relations("Qasem Soleimani, the head of the Quds Force, a U.S. target, was killed.").join()).not.toMatch(/United States/);
    expect(relations("Speaking to Agence France-Presse, the president of the Tunisian League said the law was unjust.")).toEqual([]);
  });
  it("reads command from forces loyal to a leader and from 'part of' without an article", () => {
    expect(relations("Forces loyal to Khalifa Haftar attacked Tripoli.").join()).toMatch(/^Khalifa Haftar directs/);
    expect(relations("ISWAP, part of the Islamic State, claimed the raid.").join()).toMatch(/Islamic State West Africa Province part_of Islamic State/);
  });
  it("reads war from 'the X-Y war', from a truce two sides agreed, and from a side busy fighting another", () => {
    expect(relations("The Israel-Hamas war has killed thousands.")).toEqual(["Israel at_war_with Hamas"]);
    expect(relations("Israel and Hamas agreed a ceasefire in January.")).toEqual(["Israel at_war_with Hamas"]);
    // a side said to be too busy fighting another is at war with it; fighting a vice is no war
    expect(relations("Analysts say Sudan's army is too busy fighting the RSF to hold talks.")).toEqual(["Sudanese Armed Forces at_war_with Rapid Support Forces"]);
    expect(relations("The ministry is busy fighting corruption.")).toEqual([]);
    expect(relations("The Russia-Ukraine border was closed.")).toEqual([]);
  });
  it("reads a proxy or ally in apposition with a possessive", () => {
    expect(relations("Hezbollah, Iran's most powerful proxy, fired rockets.")).toEqual(["Iran sponsors Hezbollah"]);
  });
  it("reads arms and support given, affiliation and vows to destroy", () => {
    expect(relations("Iran provides weapons and training to Hezbollah.")).toEqual(["Iran sponsors Hezbollah"]);
    expect(relations("Iran has armed the Houthis for years.")).toEqual(["Iran sponsors Houthis"]);
    expect(relations("Al-Shabaab is affiliated with al-Qaeda.")).toEqual(["al-Shabaab part_of al-Qaeda"]);
    expect(relations("Israel has vowed to destroy Hamas.")).toEqual(["Israel opposes Hamas"]);
  });
});
