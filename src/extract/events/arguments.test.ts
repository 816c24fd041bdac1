import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});
const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
const names = (r: ExtractionRecord, ids: string[]) => ids.map((id) => r.actors.find((a) => a.id === id)?.name ?? "?");

describe("event arguments: what is given and to whom", () => {
  it("does not take the forces an actor offers for the target", () => {
    const r = run("Kenya has offered its police officers to Haiti.");
    const e = r.events.find((x) => x.type === "AGREE" || x.type === "AID");
    expect(names(r, e?.actor ?? [])).toEqual(["Kenya"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Haiti"]);
  });
  it("reads the first object of a double-object verb as the recipient", () => {
    const r = run("Norway will give Malawi a grant of 20 million dollars.");
    const e = r.events.find((x) => x.type === "AGREE" || x.type === "AID");
    expect(names(r, e?.actor ?? [])).toEqual(["Norway"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Malawi"]);
  });
  it("gives a verb joined to an infinitive the infinitive's subject, not its object", () => {
    const r = run("Moscow wants the Valdor militia to not just raid the farmers, but also lend fighters to back the army.");
    const support = r.events.find((x) => x.type === "SUPPORT" || x.type === "AID");
    expect(names(r, support?.actor ?? [])).toEqual(["Valdor militia"]);
    const later = run("The Valdor militia raided the farmers and later sent fighters to support the army.");
    expect(names(later, later.events.find((x) => x.type === "SUPPORT" || x.type === "AID")?.actor ?? [])).toEqual(["Valdor militia"]);
  });
  it("reads 'of' after a withdrawal or a visit as those who act, and the target after their preposition", () => {
    const visit = run("The visit of the Valdor president to Chile was postponed.");
    const e = visit.events.find((x) => x.type === "CONSULT");
    expect(names(visit, e?.recipient ?? [])).toEqual(["Chile"]);
    expect(names(visit, e?.actor ?? [])).not.toContain("Chile");
    const left = run("The withdrawal of Kenyan troops from Somalia began on Monday.");
    expect(names(left, left.events.find((x) => x.type === "RETREAT")?.recipient ?? [])).toEqual(["Somalia"]);
  });
  it("aims a deployment at the state across the border its clause names", () => {
    const target = (text: string) => {
      const r = run(text);
      return names(r, r.events.find((x) => x.type === "MOBILIZE")?.recipient ?? []);
    };
    expect(target("Chile said it was ready. Peru has massed as many as 8,000 troops across the border from Chile's Arica region.")).toEqual(["Chile"]);
    expect(target("Peru deployed troops on the Chilean border.")).toEqual(["Chile"]);
    expect(target("Peru deployed troops to its border with Chile.")).toEqual(["Chile"]);
    expect(target("Peru deployed troops along its own border.")).toEqual([]);
  });
  it("does not join a country and an agent across a comma", () => {
    const text = "Troops were sent to Chad, defence ministry officials said.";
    const r = run(text);
    for (const a of r.actors) for (const [s, e] of a.mentions) expect(text.slice(s, e)).not.toContain(",");
  });
});

describe("event arguments: who the people named belong to", () => {
  it("reads 'fighters of X' and 'militants from X' as X", () => {
    const r = run("Fighters of the outlawed Kurdistan Workers' Party attacked a police post on Monday. On Friday, militants from al-Shabaab raided a market.");
    const pkk = r.actors.find((a) => /Kurdistan Workers/.test(a.name));
    expect(pkk?.aliases).toContain("Fighters");
    expect(r.actors.find((a) => /Shabaab/.test(a.name))?.aliases).toContain("militants");
    expect(r.actors.some((a) => a.name === "armed group")).toBe(false);
  });
  it("sees a country's forces through a type designation ('Iraqi F-16 jets')", () => {
    const r = run("Iraqi F-16 jets struck caves in the mountains on Sunday, killing a dozen militants.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(r.actors.find((a) => a.id === e?.actor[0])?.country).toBe("IRQ");
  });
  it("takes the people an air strike killed as its target, not the land struck", () => {
    const r = run("Turkish air strikes on northern Syria have killed at least eight civilians.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.recipient ?? [])).toEqual(["civilians"]);
  });
});

describe("event arguments: a date before the subject", () => {
  it("does not read a day name before a comma as a group's name", () => {
    const r = run("On Friday, rebels attacked a market.");
    expect(r.actors.map((a) => a.name)).toEqual(["armed group"]);
    expect(r.events.map((e) => e.type)).toEqual(["ASSAULT"]);
  });
});

describe("event arguments: lists and agents", () => {
  it("does not join the people killed and the ones who report it", () => {
    const r = run("Police opened fire on marchers in Bamako on Sunday, killing at least two people, rights groups said.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.recipient ?? []).some((n) => /NGO|rights/i.test(n))).toBe(false);
  });
  it("still reads a real list after a verb", () => {
    const r = run("The army attacked Kenya, Uganda and Tanzania.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.recipient ?? [])).toEqual(["Kenya", "Uganda", "Tanzania"]);
  });
  it("does not take the agent of another verb for the doer of an event noun", () => {
    const r = run("A video of the strike released by the Kenyan government was shown on Monday.");
    expect(r.events.filter((e) => e.type === "ASSAULT").flatMap((e) => names(r, e.actor))).toEqual([]);
  });
});

describe("event arguments: -ing forms read as nouns", () => {
  it("takes the direct object of an -ing form tagged as a noun", () => {
    const r = run("A video showed Hamas members warning Israeli forces not to enter.");
    const e = r.events.find((x) => x.type === "THREATEN");
    expect(r.actors.find((a) => a.id === e?.recipient[0])?.country).toBe("ISR");
  });
  it("does not read 'heavily armed men' after a verb as arming", () => {
    const r = run("The footage showed heavily armed men near the border.");
    expect(r.events.filter((e) => e.type === "AID")).toEqual([]);
  });
});

describe("actors: countries that only qualify or locate", () => {
  it("reads an accented dateline as a place, not an actor", () => {
    const r = run("BOGOTÁ, Jan 20 — The ELN attacked an army post in Arauca, killing two soldiers.");
    expect(r.actors.map((a) => a.name)).not.toContain("Colombia");
  });
  it("does not list the country of 'Yemen's Houthis' as an actor of its own", () => {
    const r = run("Yemen's Houthis attacked a ship in the Red Sea.");
    expect(r.actors.map((a) => a.name)).toEqual(["Houthis"]);
  });
});

describe("actors: names that begin a place name", () => {
  it("reads 'North Darfur' as a place, not North Korea", () => {
    const r = run("The North Darfur governor said the RSF attacked a camp near El Fasher.");
    expect(r.actors.map((a) => a.name)).not.toContain("North Korea");
  });
});

describe("event arguments: the doer of a deed objected to", () => {
  it("takes the doer of the deed a protest or demand is about as its target, not as its actor", () => {
    const r = run("Kenyan students held protests against abuses by the Ugandan police.");
    const e = r.events.find((x) => x.type === "PROTEST");
    expect(names(r, e?.actor ?? [])).toEqual(["Kenya students"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Uganda police"]);
    const q = run("Chile has demanded a public admission by Peru that its navy fired first.");
    expect(names(q, q.events.find((x) => x.type === "REQUEST")?.recipient ?? [])).toEqual(["Peru"]);
  });
  it("still reads 'by' right after an event noun as its doer", () => {
    const r = run("The attack by Ndovu Front rebels on Kisoro killed four people.");
    expect(names(r, r.events[0]?.actor ?? [])).toEqual(["Ndovu Front"]);
  });
});

describe("event arguments: the other side after 'with'", () => {
  it("takes the country a suspension of trade is with as the target", () => {
    const r = run("Ghana announced a suspension of trade with Togo on Monday.");
    const e = r.events.find((x) => x.type === "SANCTION");
    expect(names(r, e?.recipient ?? [])).toEqual(["Togo"]);
  });
  it("does not take the company of an attack as its target", () => {
    const r = run("The attack with Ndovu Front rebels on Kisoro killed four people.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.recipient ?? [])).not.toContain("Ndovu Front");
  });
});

describe("event arguments: people after 'from' and 'to'", () => {
  it("reads authorities after 'from' as the side a demand is made of, not as a place", () => {
    const r = run("Somali elders demanded autonomy from Kenyan authorities on Monday.");
    const e = r.events.find((x) => x.type === "REQUEST");
    expect(names(r, e?.recipient ?? [])).toEqual(["Kenya government"]);
  });
});

describe("event arguments: coordinated subjects", () => {
  it("reads every side of 'X and the Y' before the verb", () => {
    const r = run("Both Kenya and the Ugandan army refused to withdraw from the border.");
    expect(names(r, r.events.find((x) => x.type === "REJECT")?.actor ?? []).sort()).toEqual(["Kenya", "Uganda People's Defence Force"]);
  });
});

describe("event arguments: relative pronouns", () => {
  it("gives the act of a 'which' clause to the mention just before it, even inside 'of'", () => {
    const r = run("Rwanda accused the leader of the Ndovu Front, which attacked Kisoro in May.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, e?.actor ?? [])).toEqual(["Ndovu Front"]);
  });
});

describe("event arguments: doers named inside the act and in reduced clauses", () => {
  it("takes a noun that names the doer of the act as its actor ('a suicide bomber killed')", () => {
    const r = run("A suicide bomber killed 14 worshippers at a mosque in Quetta on Friday.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(r.actors.find((a) => e?.actor.includes(a.id))?.kind).toBe("armed_group");
  });
  it("reads 'N were killed and M others injured' as one passive, the dead and the wounded its targets", () => {
    const r = run("Ndovu Front fighters ambushed a patrol near Gao. Six soldiers were killed and four others injured.");
    const attacks = r.events.filter((x) => x.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(names(r, attacks[0]?.actor ?? [])).toEqual(["Ndovu Front"]);
  });
  it("gives a participle right after a noun that noun as subject ('at protesters demanding')", () => {
    const r = run("Police fired tear gas at students demanding the release of their teachers in Dakar.");
    const demand = r.events.find((x) => x.type === "REQUEST");
    expect(names(r, demand?.actor ?? [])).toEqual(["students"]);
  });
});

describe("event arguments: headlines", () => {
  it("reads a counted subject before a participle with no object as a passive ('12 militants killed in …')", () => {
    const r = run("Army says 12 militants killed in Kurram operation");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(r.actors.find((a) => e?.recipient.includes(a.id))?.kind).toBe("armed_group");
    expect(e?.actor).toEqual([]);
    // with an object, the verb is active
    const active = run("Militants killed 12 soldiers in Kurram");
    expect(active.actors.find((a) => active.events[0]?.actor.includes(a.id))?.kind).toBe("armed_group");
  });
});

describe("event arguments: a headline's capitalised event noun", () => {
  it("does not read a capitalised event noun at a headline's start as a people ('Clashes in Tripoli leave 8 dead')", () => {
    const r = run("Clashes in Misrata leave 8 dead as rival militias battle for the port");
    expect(r.actors.map((a) => a.name)).not.toContain("Clashes");
    // a people named in the plural still is one
    expect(run("Tamils protest in Jaffna over land seizures").actors.map((a) => a.name)).toContain("Tamils");
  });
  it("does not read a dictionary name across a comma ('across Gaza, health ministry says')", () => {
    const text = "Air strikes kill at least 30 across Gaza, health ministry says";
    const r = run(text);
    for (const a of r.actors) for (const [s, e] of a.mentions) expect(text.slice(s, e)).not.toContain(",");
    expect(r.events.find((x) => x.type === "ASSAULT")?.location?.country).toBe("PSE");
  });
});

describe("event arguments: outcomes and headline verbs", () => {
  it("reads ', killing N and wounding M' as the outcome of the attack before it, not a second attack", () => {
    const r = run("Artillery units shelled Kupiansk, killing four civilians and wounding 17.");
    const attacks = r.events.filter((x) => x.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]?.fatalities).toEqual({ low: 4, high: 4 });
    expect(attacks[0]?.injuries).toEqual({ low: 17, high: 17 });
  });
  it("reads a headline verb in its bare form after a plural subject ('Troops shell villages')", () => {
    const r = run("Troops shell villages near Kupiansk");
    expect(r.events.map((x) => x.type)).toEqual(["ASSAULT"]);
    // an -ed form after a plural noun is still read as a past verb
    expect(run("Gunmen on motorcycles abducted 40 people from Kajuru.").events.map((x) => x.type)).toEqual(["ASSAULT"]);
  });
});

describe("event arguments: whose act a name before an event noun says", () => {
  it("reads 'killed in a Taliban ambush' as the Taliban's attack, not a place", () => {
    const r = run("Four police officers were killed in a Ndovu Front ambush near Gao.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.actor ?? [])).toEqual(["Ndovu Front"]);
    const strike = run("Nine people were killed in an Israeli missile strike on a factory.");
    expect(names(strike, strike.events.find((x) => x.type === "ASSAULT")?.actor ?? []).join()).toMatch(/Israel/);
  });
});

describe("event arguments: names a tagger reads as words", () => {
  it("makes no unknown name of a word inside a place's name ('the Israeli-occupied West Bank')", () => {
    const r = run("Palestinians of the Israeli-occupied West Bank staged a strike on Monday.");
    expect(r.actors.map((a) => a.name)).not.toContain("Bank");
  });
  it("reads a capitalised verb before a proper noun, opening a sentence or after a title, as a first name", () => {
    for (const text of ["Prosper Mbeki resigned on Monday.", "Lt. Gen. Prosper Mbeki resigned on Monday."]) {
      const r = run(text);
      expect(names(r, r.events.find((x) => x.type === "RETREAT")?.actor ?? [])).toEqual(["Prosper Mbeki"]);
    }
  });
});

describe("event arguments: coordinated verbs and their pronouns", () => {
  it("does not make the object of one verb the subject of the verb joined to it", () => {
    const r = run("Police arrested 30 students and beat them with batons.");
    const beat = r.events.find((x) => x.type === "ASSAULT");
    expect(names(r, beat?.actor ?? [])).toEqual(["police"]);
    expect(names(r, beat?.recipient ?? [])).toEqual(["students"]);
  });
  it("reads an object pronoun as the nearest actor before it that is not the verb's subject", () => {
    const r = run("Rebels frightened the villagers and warned them against helping the army.");
    const warn = r.events.find((x) => x.type === "THREATEN");
    expect(names(r, warn?.actor ?? [])).toEqual(["armed group"]);
    expect(warn?.recipient.map((id) => r.actors.find((a) => a.id === id)?.kind)).toEqual(["civilians"]);
  });
  it("keeps the subject of a reported clause for the verb joined to it", () => {
    const r = run("The defence ministry said rebel fighters shelled the airport and carried out raids on two villages.");
    for (const e of r.events.filter((x) => x.type === "ASSAULT")) expect(r.actors.find((a) => a.id === e.actor[0])?.kind).toBe("armed_group");
  });
  it("ends an object at 'and' when a new clause with its own subject begins", () => {
    const r = run("Rebels seized the depot and the army shelled it at dawn.");
    const seize = r.events.find((x) => x.mode === "seize");
    expect(seize?.recipient).toEqual([]);
  });
});

describe("event arguments: the people of a place", () => {
  it("gives 'the people of X' and 'civilians in Y' the country of the place", () => {
    const r = run("The people of Malawi are rallying behind the president. Soldiers fired on civilians in Goma.");
    const ofX = r.actors.find((a) => a.kind === "civilians" && a.country === "MWI");
    expect(ofX).toBeDefined();
    expect(r.actors.find((a) => a.kind === "civilians" && a.country === "COD")).toBeDefined();
  });
  it("gives 'the army of X' that country only with 'of' and a country", () => {
    const r = run("The army of Myanmar shelled three villages on Tuesday.");
    expect(r.actors.find((a) => a.kind === "military")?.country).toBe("MMR");
  });
});

describe("event arguments: supporters and references by kind", () => {
  it("makes the backers of a body an actor of their own ('junta supporters', 'the militia's supporters')", () => {
    const r = run("Police fired tear gas at thousands of opposition supporters in the capital.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.recipient ?? [])).toEqual(["opposition supporters"]);
    const owned = run("The Ndovu Front shelled the port. Hundreds of the militia's supporters later marched against the government.");
    expect(owned.actors.map((a) => a.name)).toContain("Ndovu Front supporters");
    expect(owned.actors.find((a) => a.name === "Ndovu Front supporters")?.kind).toBe("civilians");
  });
  it("reads 'fired tear gas and live ammunition at X' with X as the target", () => {
    const r = run("Police fired tear gas and live ammunition at hundreds of students on Monday, killing two people.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.recipient ?? [])).toContain("students");
  });
  it("does not take a prosecutor for 'the government'", () => {
    const r = run("The prosecutor charged three journalists. The government detained the Ndovu Front leader.");
    const e = r.events.find((x) => x.type === "COERCE" && x.recipient.some((k) => r.actors.find((a) => a.id === k)?.name === "Ndovu Front"));
    expect(names(r, e?.actor ?? [])).toEqual(["government"]);
  });
});

describe("event arguments: one attack told with several verbs", () => {
  it("reads a weapon's name between the country and the strike ('a Russian Shahed drone strike')", () => {
    const r = run("An overnight Russian Geran drone strike kills four people in Sumy.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.actor ?? [])).toEqual(["Russia"]);
  });
  it("folds 'and injures nine others' into the attack that killed, whatever stands between", () => {
    const r = run("A drone strike kills five people, including a child, and injures nine others in Sumy, Ukraine.");
    const attacks = r.events.filter((x) => x.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]?.fatalities).toEqual({ low: 5, high: 5 });
    expect(attacks[0]?.injuries).toEqual({ low: 9, high: 9 });
  });
  it("takes the side a place was taken from as the target ('took control of X from Y')", () => {
    const r = run("Tribal fighters took control of a district in Raqqa from the Kurdish-led Ndovu Front on Monday.");
    expect(names(r, r.events.find((x) => x.type === "ASSAULT")?.recipient ?? [])).toEqual(["Ndovu Front"]);
  });
});

describe("event arguments: acts with no one doing them", () => {
  it("codes no event with no actor unless it is an attack that took a toll", () => {
    const r = run("The villagers are being warned that helping the army would cost them their lives. A roadside bomb killed four soldiers.");
    expect(r.events.map((x) => x.type)).toEqual(["ASSAULT"]);
    expect(r.events[0]?.fatalities).toEqual({ low: 4, high: 4 });
  });
});

describe("event arguments: a participle after its noun", () => {
  it("reads 'a trader abducted by gunmen' as a passive with the gunmen as doers", () => {
    const r = run("Soldiers found the body of a trader abducted by gunmen last month.");
    const e = r.events.find((x) => x.mode === "abduct");
    expect(r.actors.find((a) => a.id === e?.actor[0])?.kind).toBe("armed_group");
  });
});

describe("event arguments: headlines the tagger misreads", () => {
  it("reads 'Police fire tear gas at …' and 'Police arrest …' with the police as the doer", () => {
    const fire = run("Police fire tear gas at students in Kisumu");
    expect(names(fire, fire.events.find((x) => x.type === "ASSAULT")?.actor ?? [])).toEqual(["police"]);
    const arrest = run("Police arrest opposition leader in Mombasa");
    const e = arrest.events.find((x) => x.type === "COERCE");
    expect(names(arrest, e?.actor ?? [])).toEqual(["police"]);
    expect(names(arrest, e?.recipient ?? [])).toEqual(["opposition"]);
  });
  it("still reads an agent word before another noun as a modifier ('Police station fire')", () => {
    const r = run("Police station fire kills two");
    expect(r.events.find((x) => x.type === "ASSAULT")?.actor).toEqual([]);
  });
  it("takes every side coordinated before an event noun ('Pakistani and Afghan forces clash')", () => {
    const r = run("Two killed as Ethiopian and Eritrean forces clash at border post");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.actor.map((id) => r.actors.find((a) => a.id === id)?.country).sort()).toEqual(["ERI", "ETH"]);
  });
});

describe("event arguments: counted subjects and peoples", () => {
  it("reads 'About 100 students …' and 'Up to 1,000 …' as the subject, not a preposition's object", () => {
    const about = run("About 100 students demonstrated on Tuesday in Mombasa.");
    expect(names(about, about.events.find((x) => x.type === "PROTEST")?.actor ?? [])).toEqual(["students"]);
    const upTo = run("Up to 300 farmers marched on the ministry in Lilongwe.");
    expect(names(upTo, upTo.events.find((x) => x.type === "PROTEST")?.actor ?? [])).toEqual(["civilians"]);
    // a count after a verb is its object still
    const object = run("The rebels said they killed more than 50 hostages and that fighting went on.");
    expect(object.events.filter((x) => x.type === "ASSAULT").every((x) => names(object, x.actor).join() !== "civilians")).toBe(true);
  });
  it("reads the plural of a demonym as that country's people ('ethnic Albanians')", () => {
    const r = run("Hundreds of ethnic Albanians demonstrated in Skopje.");
    const actor = r.actors.find((a) => a.id === r.events.find((x) => x.type === "PROTEST")?.actor[0]);
    expect(actor?.name).toBe("Albanians");
    expect(actor?.country).toBe("ALB");
  });
});

describe("event arguments: visits", () => {
  it("reads 'arrived in X on a three-day visit' as the subject visiting X's country", () => {
    const r = run("The Kenyan foreign minister arrived in Lusaka on a three-day visit on Monday.");
    const e = r.events.find((x) => x.type === "CONSULT");
    expect(e?.actor.map((id) => r.actors.find((a) => a.id === id)?.country)).toEqual(["KEN"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Zambia"]);
  });
});

describe("event arguments: pronouns, time clauses and local forces", () => {
  it("reads 'he' as the person named nearest before it when no person has acted yet", () => {
    const r = run("The ministry rejected remarks made by Kenyan president William Ruto on Monday, in which he accused Uganda of arming rebels.");
    const e = r.events.find((x) => x.type === "ACCUSE" && x.recipient.some((k) => r.actors.find((a) => a.id === k)?.country === "UGA"));
    expect(names(r, e?.actor ?? [])).toEqual(["William Ruto"]);
  });
  it("gives a participle after 'before' or 'after' the main clause's subject", () => {
    const r = run("Soldiers surrounded the opposition leader's house overnight before later withdrawing.");
    expect(r.actors.find((a) => a.id === r.events.find((x) => x.type === "RETREAT")?.actor[0])?.kind).toBe("military");
  });
  it("makes police and security forces 'in' a country or city that country's own, and reads 'an opposition member' as the opposition", () => {
    const r = run("Security forces in Malawi arrested a senior opposition member. Police in Blantyre detained a rebel commander.");
    const [first, second] = r.events.filter((x) => x.type === "COERCE");
    expect(r.actors.find((a) => a.id === first?.actor[0])?.country).toBe("MWI");
    expect(names(r, first?.recipient ?? [])).toEqual(["opposition"]);
    expect(r.actors.find((a) => a.id === second?.actor[0])?.country).toBe("MWI");
  });
});
