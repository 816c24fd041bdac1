import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});

const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
const kinds = (text: string) => run(text).claims.map((c) => c.speaker.kind);
const anchors = (text: string) => run(text).claims.map((c) => c.evidence.map(([s, e]) => text.slice(s, e)).join(" … "));

describe("claims: who speaks", () => {
  it("gives bare officials a body only where the report leaves no doubt whose they are", () => {
    const org = (text: string) => {
      const r = run(text);
      const id = r.claims[0]?.speaker.organization;
      return id ? r.actors.find((a) => a.id === id)?.country ?? "?" : null;
    };
    expect(org("Officials said the convoy was hit near Kandahar. Fighting went on in Kandahar.")).toBe("AFG");
    expect(org("Officials said the convoy was hit near Kandahar. Pakistan shelled Kabul and Kandahar, and Pakistan closed the border.")).toBeNull();
    expect(org("Pakistani officials said the convoy was hit near Kandahar. Pakistan shelled Kabul and Kandahar.")).toBe("PAK");
  });
  it("reads the speaker after an inverted verb, with its apposition", () => {
    expect(kinds("The ceasefire will not hold, said Tomas Berg, an analyst at a Stockholm institute.")).toEqual(["expert"]);
    expect(kinds("\"The shelling lasted all night,\" said Omar Haddad, a taxi driver in the town.")).toEqual(["witness"]);
  });
  it("does not take a reported clause for an inverted speaker", () => {
    const r = run("Ana Ruiz, a researcher at a Lisbon institute, said the rebels had regrouped.");
    expect(r.claims.map((c) => c.speaker.kind)).toEqual(["expert"]);
    expect(r.claims[0]?.speaker.text).toMatch(/^Ana Ruiz/);
  });
  it("steps over an aside between the speaker and the verb, keeping it out of the evidence", () => {
    const text = "The Ndovu Front, which controls much of the north, said it had captured two towns.";
    expect(kinds(text)).toEqual(["organization"]);
    expect(anchors(text)[0]).not.toContain("controls");
  });
  it("tells an office one person holds from roles many hold", () => {
    expect(kinds("Kenya's interior minister said the border would reopen.")).toEqual(["named_official"]);
    expect(kinds("A ministry spokesman said talks continued.")).toEqual(["anonymous_official"]);
    expect(kinds("Two army commanders said the town had fallen.")).toEqual(["anonymous_official"]);
  });
  it("tells official sources from others", () => {
    expect(kinds("Security sources said the convoy was hit.")).toEqual(["anonymous_official"]);
    expect(kinds("Industry sources said insurers were worried.")).toEqual(["anonymous_source"]);
  });
  it("reads who counted from 'according to' a document", () => {
    expect(kinds("At least 40 people died, according to figures compiled by a Geneva-based monitoring group.")).toEqual(["organization"]);
    expect(kinds("Two more died, according to data reviewed by this newspaper.")).toEqual(["media"]);
  });
});

describe("claims: frames", () => {
  it("attaches a participle statement to the main clause's subject", () => {
    const text = "The rebels seized the airport on Monday, saying the army had fled.";
    expect(kinds(text)).toEqual(["organization"]);
    expect(anchors(text)[0]).toMatch(/^saying/);
  });
  it("keeps one claim for one speaker's coordinated verbs", () => {
    expect(kinds("The ministry confirmed the raid but said no one was hurt.")).toHaveLength(1);
  });
  it("resolves a pronoun speaker to the titled person named before", () => {
    expect(kinds("Defence Minister Ana Ruiz visited the base on Friday. \"We will respond,\" she said.")).toEqual(["named_official"]);
  });
  it("makes no claim of infinitives, passives or nouns", () => {
    expect(kinds("The official declined to say whether troops were involved.")).toEqual([]);
    expect(kinds("The attack was said to be the worst in years.")).toEqual([]);
    expect(kinds("Kaduna state police arrested five men.")).toEqual([]);
  });
  it("reads a statement about a charge, not an act", () => {
    expect(kinds("The ministry rejected the allegation as baseless.")).toEqual(["organization"]);
    expect(kinds("The ministry rejected the peace plan.")).toEqual([]);
  });
  it("keeps the writer's hedge as an unattributed, hedged claim", () => {
    const r = run("A letter purportedly written by the commander circulated online.");
    expect(r.claims.map((c) => [c.speaker.kind, c.hedged])).toEqual([["unattributed", true]]);
  });
  it("finds the head of the speaker's phrase past modifiers and reduced relatives", () => {
    expect(kinds("Some of the protesters this newspaper interviewed said they were beaten.")).toEqual(["witness"]);
    expect(kinds("US military and security experts said the plan would fail.")).toEqual(["expert"]);
    expect(kinds("No one has claimed the attack.")).toEqual([]);
  });
  it("tells outlets, offices and unnamed institutions by their names", () => {
    expect(kinds("Many were killed, according to Radio Okapi.")).toEqual(["media"]);
    expect(kinds("The United Nations Office for Humanitarian Affairs said aid was blocked.")).toEqual(["organization"]);
    expect(kinds("Two died, according to figures compiled by a Western embassy.")).toEqual(["anonymous_source"]);
    expect(kinds("The German embassy said its staff were safe.")).toEqual(["organization"]);
  });
  it("reads a title before a name as office or expertise", () => {
    expect(kinds("Lawmaker Maria Lopez said the bill would pass.")).toEqual(["named_official"]);
    expect(kinds("Analyst Tomas Berg said the truce would fail.")).toEqual(["expert"]);
  });
  it("takes no claim from nouns after prepositions, participles or absolute phrases", () => {
    expect(kinds("Protesters clashed with police amid calls for the president to resign.")).toEqual([]);
    expect(kinds("The U.S. imposed sanctions on eight people accused of aiding the group.")).toEqual([]);
    expect(kinds("Fighting continued in the east, with heavy clashes reported near the town.")).toEqual([]);
  });
  it("names companies and monitors as organisations, not people", () => {
    expect(kinds("German shipping company Hapag-Lloyd says it will avoid the Red Sea.")).toEqual(["organization"]);
    expect(kinds("Internet traffic collapsed, NetBlocks reports.")).toEqual(["organization"]);
  });
});
