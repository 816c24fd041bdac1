import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, ExtractionRecord } from "../core/index.js";
import { createExtractor, type Extractor } from "./index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});

function run(text: string, published: string | null = "2031-05-10"): ExtractionRecord {
  return extractor.extract({ id: "t", published, text });
}
const actorNamed = (r: ExtractionRecord, re: RegExp): Actor | undefined => r.actors.find((a) => re.test(a.name) || a.aliases.some((x) => re.test(x)));
const names = (r: ExtractionRecord, ids: string[]) => ids.map((id) => r.actors.find((a) => a.id === id)?.name);

describe("extract: evidence", () => {
  it("every span of every fact points into the text", () => {
    const text = "Houthi fighters attacked a Saudi border post on Tuesday, killing two guards, the Saudi defence ministry said.";
    const r = run(text);
    const spans = [...r.actors.flatMap((a) => a.mentions), ...r.events.flatMap((e) => e.evidence), ...r.claims.flatMap((c) => c.evidence)];
    expect(spans.length).toBeGreaterThan(3);
    for (const [s, e] of spans) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThanOrEqual(text.length);
      expect(s).toBeLessThan(e);
    }
    for (const a of r.actors) for (const [s, e] of a.mentions) expect([a.name, ...a.aliases]).toContain(text.slice(s, e));
  });
});

describe("extract: events", () => {
  it("codes who attacked whom, the date and the toll", () => {
    const r = run("Rebels of the Ndovu Front ambushed a Congolese army convoy on Tuesday, killing at least 12 soldiers.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e).toBeDefined();
    expect(e?.date).toEqual({ start: "2031-05-06", end: "2031-05-06" });
    expect(e?.fatalities).toEqual({ low: 12, high: null });
    expect(names(r, e?.recipient ?? []).join()).toMatch(/Congo|army|military/i);
  });
  it("dates a sentence that names no day by the day the sentence before it in its paragraph names", () => {
    const r = run("Gunmen stormed a village near Maiduguri on Tuesday. Soldiers fired on the attackers.\n\nThe army arrested two suspects.");
    const byType = (t: string) => r.events.find((e) => e.type === t && e.actor.length > 0);
    expect(r.events.map((e) => e.date?.start)).toContain("2031-05-06");
    const fired = r.events.filter((e) => e.type === "ASSAULT" && names(r, e.actor).join().match(/military/));
    expect(fired.map((e) => e.date)).toEqual([{ start: "2031-05-06", end: "2031-05-06" }]);
    // a new paragraph tells another part of the story: the month of publication, as before
    expect(byType("COERCE")?.date).toEqual({ start: "2031-05-01", end: "2031-05-31" });
  });
  it("dates a coder's note by the date it tells, not by the bounds it gives in brackets", () => {
    const r = run("Around 10 April 2031 (between 8 and 12 April), clashes between the army and the rebels near Goma left 14 dead.");
    expect(r.events.map((e) => e.date)).toEqual([{ start: "2031-04-10", end: "2031-04-10" }]);
  });
  it("dates an act by the date of its own clause, not by one in a relative clause it is not in", () => {
    const r = run("The militia, which fought beside the army in the 2020-2022 war, took up arms against the government in March.");
    expect(r.events.map((e) => [e.trigger, e.date?.start, e.date?.end])).toEqual([["fought", "2020-01-01", "2022-12-31"], ["took", "2031-03-01", "2031-03-31"]]);
  });
  it("tells an act the text dates well before the report as history", () => {
    const r = run("Police arrested the rebel leader in the capital on Monday. His fighters attacked the airport in January.");
    expect(r.events.map((e) => [e.trigger, e.modality])).toEqual([["arrested", "asserted"], ["attacked", "historical"]]);
  });
  it("dates by the words, not the dateline, and by the publication month when no date is given", () => {
    const r = run("GOMA, May 10 — Rebels attacked an army post on Thursday. The army later withdrew from the hills around the town.");
    const attack = r.events.find((x) => x.type === "ASSAULT");
    expect(attack?.date).toEqual({ start: "2031-05-08", end: "2031-05-08" });
    const retreat = r.events.find((x) => x.type === "RETREAT");
    expect(retreat?.date).toEqual({ start: "2031-05-01", end: "2031-05-31" });
    expect(retreat?.dateSource).toBe("published");
  });
  it("dates a present-tense summary to its day of publication", () => {
    const r = run("Rebel drones kill 14 civilians in a market in Goma.");
    expect(r.events.find((x) => x.type === "ASSAULT")?.date).toEqual({ start: "2031-05-10", end: "2031-05-10" });
  });
  it("dates a summary in the present passive to its day of publication, a past one to its month", () => {
    const r = run("A police officer is killed by a drone strike in Goma.");
    expect(r.events.find((x) => x.type === "ASSAULT")?.date).toEqual({ start: "2031-05-10", end: "2031-05-10" });
    expect(run("Two police officers are reportedly killed by a drone strike in Goma.").events.find((x) => x.type === "ASSAULT")?.date)
      .toEqual({ start: "2031-05-10", end: "2031-05-10" });
    const past = run("A police officer was killed by a drone strike in Goma.");
    expect(past.events.find((x) => x.type === "ASSAULT")?.date).toEqual({ start: "2031-05-01", end: "2031-05-31" });
  });
  it("does not date what a report asserts by a later date in another clause", () => {
    const r = run("Rebel drones kill six guards near Goma under a pact set to run until 2034.");
    expect(r.events.length).toBeGreaterThan(0);
    for (const e of r.events) expect(e.date?.start.slice(0, 7)).toBe("2031-05");
  });
  it("keeps an attack told with its toll when no one is named", () => {
    const r = run("A drone strikes a bus near Sumy, killing nine and injuring 13.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.fatalities).toEqual({ low: 9, high: 9 });
    expect(e?.actor).toEqual([]);
  });
  it("gives an attack by unnamed gunmen to the group that claims it, past an apposition", () => {
    const r = run("Gunmen attacked a police post in Menaka on Tuesday. The Ndovu Front, a local affiliate of al-Qaeda, claimed the attack.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.actor ?? [])).toEqual(["Ndovu Front"]);
  });
  it("reads the passive voice: the agent after 'by' initiates", () => {
    const r = run("Two villages were shelled by Russian forces overnight.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.actor ?? []).join()).toMatch(/Russia/);
  });
  it("marks negation and denial", () => {
    const r = run("Hamas denied carrying out the attack on the checkpoint.");
    expect(r.events.find((x) => x.type === "ASSAULT")?.modality).toBe("negated");
    const r2 = run("The Sudanese army did not attack the camp.");
    expect(r2.events.find((x) => x.type === "ASSAULT")?.modality).toBe("negated");
    // the clause a denial governs, through "that" and a report noun
    expect(run("The ministry denied that its soldiers shelled the market.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("negated");
    expect(run("The governor rejected claims that police had killed four protesters.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("negated");
    expect(run("The ministry said that its soldiers shelled the market.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("asserted");
  });
  it("codes a denial of a part in an act as that act, negated, by the denier", () => {
    const r = run("Gunmen attacked Malian soldiers near Gao on Monday, killing six. The Ndovu Front denied any role in the attack.");
    const denied = r.events.find((x) => x.type === "ASSAULT" && x.modality === "negated");
    expect(names(r, denied?.actor ?? [])).toEqual(["Ndovu Front"]);
    expect(names(r, denied?.recipient ?? []).join()).toMatch(/Mali/);
    expect(denied?.fatalities).toBeNull();
    expect(r.events.some((x) => x.type === "REJECT")).toBe(false);
    // with no act named, the denial is a rejection
    expect(run("The Ndovu Front denied any involvement.").events.map((x) => x.type)).toEqual(["REJECT"]);
  });
  it("does not make a speaker the doer of a reported clause with a subject of its own", () => {
    const r = run("The Ndovu Front said the strikes had deliberately targeted a power station.");
    expect(r.events.filter((x) => x.type === "ASSAULT").flatMap((x) => names(r, x.actor))).not.toContain("Ndovu Front");
    // its own forces, or coordinated with the report, stay its own
    const own = run("The Ndovu Front said its fighters had ambushed a convoy and denied that civilians were harmed.");
    expect(names(own, own.events.find((x) => x.type === "ASSAULT")?.actor ?? [])).toEqual(["Ndovu Front"]);
  });
  it("marks hypothetical and future events", () => {
    expect(run("Analysts said Hezbollah could attack northern towns.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("hypothetical");
    expect(run("Kyiv is expected to deploy more troops to the front.").events.find((x) => x.type === "MOBILIZE")?.modality).toBe("future");
    expect(run("Protests broke out ahead of a planned visit of the Chilean president to Peru.").events.find((x) => x.type === "CONSULT")?.modality).toBe("future");
    expect(run("Talks were held after the visit of the Chilean president to Peru.").events.find((x) => x.type === "CONSULT")?.modality).toBe("asserted");
    expect(run("The Ndovu Front planned an attack on the airport.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("future");
    expect(run("The Ndovu Front carried out an attack on the airport.").events.find((x) => x.type === "ASSAULT")?.modality).toBe("asserted");
    // an actor's own plan is a threat or a promise (PLOVER), not a future event
    expect(run("Ukraine plans to deploy more troops to the front.").events.map((x) => x.type)).toContain("THREATEN");
  });
  it("codes an actor's own announced action as a promise or a threat (PLOVER)", () => {
    expect(run("Norway will send aid to the flooded districts, its foreign minister said.").events.map((x) => x.type)).toContain("AGREE");
    expect(run("The rebels said they would blockade the capital.").events.map((x) => x.type)).toContain("THREATEN");
  });
  it("codes a judgement of condemnation as ACCUSE/disapprove against the doer of the act judged", () => {
    const r = run("Chadian troops shelled the camp on Monday. Sudan called the shelling \"a cowardly act of aggression\".");
    const e = r.events.find((x) => x.type === "ACCUSE" && x.mode === "disapprove");
    expect(names(r, e?.actor ?? [])).toEqual(["Sudan"]);
    expect(names(r, e?.recipient ?? []).join()).toMatch(/Chad/);
  });
  it("codes a claim that another side sponsors a group as that side's accusation", () => {
    const r = run("A Kenyan defence official said the gunmen were backed by Somalia's army.");
    const e = r.events.find((x) => x.type === "ACCUSE");
    expect(names(r, e?.recipient ?? []).join()).toMatch(/Somalia/);
  });
  it("has a rejection answer the side whose official made the allegation", () => {
    const r = run("A Kenyan defence ministry official said the gunmen came from Somalia. Somalia's foreign ministry rejected the allegation on Friday.");
    const e = r.events.find((x) => x.type === "REJECT");
    expect(names(r, e?.recipient ?? []).join()).toMatch(/Kenya/);
  });
  it("codes a demand that another actor act as a request, whatever the act", () => {
    const r = run("Germany said on Monday that Russia must explain the incident.");
    const e = r.events.find((x) => x.type === "REQUEST");
    expect(names(r, e?.actor ?? [])).toEqual(["Germany"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Russia"]);
  });
  it("codes 'X must' said by another actor as that actor's request", () => {
    const r = run("The European Union said Serbia must withdraw its troops.");
    const e = r.events.find((x) => x.type === "REQUEST");
    expect(names(r, e?.recipient ?? []).join()).toMatch(/Serbia/);
  });
  it("reads a reported past perfect as asserted, a narrative one as historical", () => {
    expect(run("The army said it had arrested 14 suspects.").events.find((x) => x.type === "COERCE")?.modality).toBe("asserted");
    expect(run("The rebels had halted their attacks before the truce.").events.find((x) => x.type === "RETREAT")?.modality).toBe("historical");
  });
  it("puts every side of two-sided fighting in actor", () => {
    const r = run("Clashes between the Sudanese army and the RSF erupted in Khartoum on Monday.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.actor.length).toBe(2);
    expect(e?.recipient).toEqual([]);
  });
});

describe("extract: the people of a place", () => {
  it("does not read a place and the count after a stop as the place's people ('Zamfara; 8 people')", () => {
    const r = run("Gunmen attacked a village in Zamfara; 8 people lost their lives.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.location?.admin1).toBe("Zamfara");
    expect(e?.fatalities).toEqual({ low: 8, high: 8 });
  });
});

describe("extract: irregular past forms", () => {
  it("reads 'shot' and 'fought' as verbs after their subject, even where the tagger reads a noun", () => {
    const r = run("Police shot two looters in the market. Militiamen shot dead a trader. Rebels fought soldiers near the dam.");
    const types = r.events.map((e) => `${e.type} ${names(r, e.actor).join()}`);
    expect(types).toEqual(expect.arrayContaining([expect.stringMatching(/^ASSAULT police/), expect.stringMatching(/^ASSAULT armed group/)]));
    expect(r.events.find((e) => e.fatalities !== null)?.fatalities).toEqual({ low: 1, high: 1 });
    expect(r.events.filter((e) => e.type === "ASSAULT")).toHaveLength(3);
  });
  it("reads a headline's passive 'shot dead' as no one's act", () => {
    const r = run("Riots spread across the city, with one guard shot dead.");
    expect(r.events.filter((e) => e.actor.length > 0)).toEqual([]);
  });
});

describe("extract: places of attacks told and told again", () => {
  it("places an attack on a side's outpost where the text says it stands, and a denial of it there too", () => {
    const r = run("A U.S. drone strike in eastern Baghdad killed a militia commander. Days earlier, a drone attack on a small U.S. outpost in Jordan killed three American soldiers.\n\nIran denied any role in the attack.");
    expect(r.events.filter((e) => e.type === "ASSAULT").map((e) => e.location?.country)).toEqual(["IRQ", "JOR", "JOR"]);
  });
});

describe("extract: an attack placed in a country the story is not about", () => {
  it("places an attack where the words right after it say, though the story is about another country", () => {
    const r = run("Turkish air strikes on northeast Syria killed eight civilians in Qamishli and Kobani, Syria's Kurdish administration said.\n\n" +
      "The strikes began after nine Turkish soldiers were killed in an attack on a base in northern Iraq.");
    expect(r.events.find((e) => e.fatalities?.low === 9)?.location?.country).toBe("IRQ");
  });
});

describe("extract: tolls added by a later sentence", () => {
  it("adds the dead and wounded a later sentence says were 'also' killed to the attack told before", () => {
    const r = run("On 12 March, militants attacked a military post in Djibo, killing 15 soldiers. Three attackers were also killed. 20 people were also wounded by the attack.");
    expect(r.events.filter((e) => e.type === "ASSAULT").map((e) => [e.fatalities, e.injuries])).toEqual([[{ low: 18, high: 18 }, { low: 20, high: 20 }]]);
  });
  it("does not add the toll of another attack told after 'also'", () => {
    const r = run("Militants attacked a military post in Djibo, killing 15 soldiers. They also claimed an attack in Diapaga that killed 60 soldiers.");
    expect(r.events.find((e) => e.type === "ASSAULT")?.fatalities).toEqual({ low: 15, high: 15 });
  });
});

describe("extract: actors", () => {
  it("reads plural agents before a mistagged verb as actors ('gunmen abducted', 'residents alleged')", () => {
    const r = run("Residents alleged that gunmen abducted 12 people.");
    const abduction = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, abduction?.actor ?? []).join()).toMatch(/armed group|gunmen/);
    expect(r.events.find((x) => x.type === "ACCUSE")?.actor.length).toBe(1);
  });
  it("combines a country with a generic agent and links the parent", () => {
    const r = run("Pakistani troops crossed the border, Pakistan said.");
    const troops = actorNamed(r, /Pakistani troops/);
    expect(troops?.kind).toBe("military");
    expect(troops?.country).toBe("PAK");
  });
  it("resolves 'the group' to the armed group named before", () => {
    const r = run("Al-Shabaab fighters stormed a hotel in Mogadishu. The group later said it held 20 hostages.");
    const shabaab = actorNamed(r, /Shabaab/i);
    expect(shabaab?.aliases.map((x) => x.toLowerCase())).toContain("the group");
  });
  it("begins no name at a possessive 's ('the military's Africa Command' is not 'S. Africa')", () => {
    const r = run("The military's Africa Command said it had carried out an airstrike against al-Shabaab.");
    expect(actorNamed(r, /South Africa/)).toBeUndefined();
    expect(actorNamed(r, /Africa Command/)?.country).toBe("USA");
  });
  it("reads people named as the members of an organisation the dictionary lacks as that organisation ('Kenya Teachers Union')", () => {
    const r = run("The Kenya Teachers Union called a strike on Monday. Dock workers walked off the job in Mombasa.");
    expect(actorNamed(r, /Kenya Teachers Union/)?.country).toBe("KEN");
    expect(r.events.map((e) => `${e.type}/${e.mode}`)).toEqual(["PROTEST/strike", "PROTEST/strike"]);
    expect(run("The Kenya Teachers Union called off a four-day strike.").events.map((e) => e.type)).toEqual(["CONCEDE"]);
  });
  it("reads a known body after a word capitalised only as it opens the sentence ('Suspected ADF rebels', 'Yesterday ADF fighters')", () => {
    for (const text of ["Suspected ADF rebels killed 18 people.", "Yesterday ADF fighters killed 18 people."]) {
      const r = run(text);
      expect(names(r, r.events[0]?.actor ?? [])).toEqual(["Allied Democratic Forces"]);
    }
    expect(actorNamed(run("New America, a think tank, said that strikes killed 30 people."), /^New America$/)).toBeDefined();
  });
  it("reads an ordinal unit, a body named with its country's adjective and a landform as what they are", () => {
    const r = run("Fighting broke out between the ELN and the 33rd Front. The Ethiopian Human Rights Commission said it was investigating. " +
      "The army launched a search of the Dera Ki Gali forest on Friday.");
    expect(actorNamed(r, /^33rd Front$/)?.kind).toBe("armed_group");
    expect(actorNamed(r, /^Ethiopian Human Rights Commission$/)?.country).toBe("ETH");
    expect(actorNamed(r, /Dera Ki Gali/)).toBeUndefined();
  });
  it("reads 'the West' and Western countries as one actor, but not the West Bank", () => {
    const r = run("Russia accused Western countries of interfering. Israeli tanks rolled into the West Bank.");
    expect(r.actors.filter((a) => a.name === "Western countries").length).toBe(1);
    expect(r.actors.find((a) => a.name === "Western countries")?.mentions.length).toBe(1);
  });
  it("reads bodies acting through their ministers and military police with their country", () => {
    const r = run("European Community foreign ministers demanded the withdrawal of the troops. Serbian military police launched an investigation.");
    expect(r.events.map((e) => names(r, e.actor).join("+"))).toEqual(["European Union", "Serbia police"]);
  });
  it("gives people killed the country of the place their sentence says it happened in, not the story's", () => {
    const r = run("Rwanda said Rwanda and its army were not involved. At least 22 people are killed when a boat carrying civilians fleeing the fighting in the Democratic Republic of the Congo capsizes on a lake.");
    expect(actorNamed(r, /^civilians$/)?.country).toBe("COD");
  });
  it("reads settlers as an agent of their own, written in lower case too", () => {
    const r = run("On 5 March, settlers set fire to Palestinian vehicles in Huwwara.");
    expect(r.events.map((e) => names(r, e.actor).join("+"))).toEqual(["settlers"]);
  });
  it("does not turn a place into an actor", () => {
    const r = run("Fighting continued in Sudan on Friday between the army and the RSF.");
    expect(actorNamed(r, /^Sudan$/)).toBeUndefined();
  });
  it("reads the words of a place name as no actor ('North Kivu Province', 'Western Chad', 'Dera Ismail Khan')", () => {
    const r = run("A curfew was declared across North Kivu Province. Soldiers shelled villages in Western Chad. " +
      "Police said two suspects were held in Dera Ismail Khan on Monday. Clashes went on in the South China Sea.");
    expect(r.actors.map((a) => a.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Kivu|^Chad$|Ismail Khan|Korea|^China$/)]));
  });
});

describe("extract: claims", () => {
  it("tells anonymous officials from named ones and notes hedging", () => {
    const r = run("A senior security official, speaking on condition of anonymity, said the militants were likely funded from abroad.");
    expect(r.claims[0]?.speaker.kind).toBe("anonymous_official");
    expect(r.claims[0]?.hedged).toBe(true);
    const r2 = run("The strike was a mistake, said Amina Yusuf, a researcher at a Nairobi think tank.");
    expect(r2.claims[0]?.speaker.kind).toBe("expert");
  });
  it("links the event to the claim it rests on", () => {
    const r = run("Gunmen killed five farmers in Zamfara on Sunday, police said.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.claim).toBe(r.claims[0]?.id);
  });
});

describe("extract: statistics and relations", () => {
  it("reads a count over a period", () => {
    const r = run("The Ndovu Front carried out 31 attacks in 2029, up from 12 in 2028.");
    expect(r.statistics.some((s) => s.value === 31 && s.period?.start === "2029-01-01")).toBe(true);
  });
  it("reads sponsorship from 'X-backed Y'", () => {
    const r = run("The Iran-backed Houthis fired missiles at ships.");
    const rel = r.relations.find((x) => x.type === "sponsors");
    expect(rel && names(r, [rel.actor, rel.recipient])).toEqual([expect.stringMatching(/Iran/), expect.stringMatching(/Houthi/)]);
  });
});

describe("extract: actor countries", () => {
  it("places an unknown official by the demonym before the name, and generic bodies by the story's country", () => {
    const r = run("Malawian opposition leader Chikondi Phiri accused the police of torture. Police in Lilongwe arrested three men. The government denied wrongdoing.");
    expect(actorNamed(r, /Chikondi Phiri/)?.country).toBe("MWI");
    expect(r.actors.find((a) => a.kind === "police")?.country).toBe("MWI");
    expect(r.actors.find((a) => a.kind === "government")?.country).toBe("MWI");
  });
});

describe("extract: odd texts", () => {
  it("never throws and keeps every span inside the text", () => {
    const texts = [
      "Save the Children says that mines have killed at least 20 children.",
      ".", "—", "said", "\"", "Kabul", "(ISKP)", "It was.", "The the the.", "ثلاثة قتلى في كابول",
      "Fifty-seven people were killed.", "Two massacres kill fifty-seven people.", "Rebels.\n\n\nArmy!", "A".repeat(5000),
    ];
    for (const text of texts) {
      const r = run(text);
      const spans = [...r.actors.flatMap((a) => a.mentions), ...r.events.flatMap((e) => e.evidence), ...r.claims.flatMap((c) => c.evidence), ...r.places.flatMap((p) => p.mentions)];
      for (const [s, e] of spans) expect(s >= 0 && e <= text.length && s < e).toBe(true);
      for (const e of r.events) if (e.fatalities && e.fatalities.high !== null) expect(e.fatalities.high).toBeGreaterThanOrEqual(e.fatalities.low);
    }
  });
});

describe("extract: words that name built-in properties", () => {
  it("reads 'constructor', 'toString' and '__proto__' as plain words", () => {
    const text = "The constructor said the toString hasOwnProperty valueOf __proto__ killed a constructor dozen.";
    expect(() => run(text)).not.toThrow();
  });
});
