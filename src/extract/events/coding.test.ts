import { beforeAll, describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../core/index.js";
import { createExtractor, type Extractor } from "../index.js";

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor();
});
const run = (text: string): ExtractionRecord => extractor.extract({ id: "t", published: "2031-05-10", text });
const names = (r: ExtractionRecord, ids: string[]) => ids.map((id) => r.actors.find((a) => a.id === id)?.name ?? "?");
const coded = (r: ExtractionRecord) => r.events.map((e) => `${e.type} ${names(r, e.actor).join("+")} -> ${names(r, e.recipient).join("+")}`);

describe("event coding: withdrawals told as nouns", () => {
  it("reads those who withdraw after 'of' and the place left after 'from'", () => {
    expect(coded(run("The withdrawal of Kenyan troops from Somalia began on Monday."))).toEqual(["RETREAT Kenya Defence Forces -> Somalia"]);
  });
  it("gives the act to the subject of a verb that only carries it ('completed', 'sped up')", () => {
    expect(coded(run("France sped up the withdrawal of its soldiers from Mali on Tuesday."))).toEqual(["RETREAT France -> Mali"]);
    expect(coded(run("Uganda completed the pullout of its forces."))).toEqual(["RETREAT Uganda -> "]);
  });
  it("keeps the released as the target of a release", () => {
    expect(coded(run("The army ordered the release of 40 students."))).toEqual(["CONCEDE military -> students"]);
  });
});

describe("event coding: counted crowds", () => {
  it("reads 'tens of thousands of' and 'hundreds of thousands of' a group as the subject", () => {
    expect(coded(run("Tens of thousands of farmers marched on the capital."))).toEqual(["PROTEST civilians -> "]);
    expect(coded(run("Hundreds of thousands of students rallied on Sunday."))).toEqual(["PROTEST students -> "]);
    // a count after a verb stays its object
    expect(coded(run("The army attacked tens of thousands of refugees."))).toEqual(["ASSAULT military -> refugees"]);
  });
});

describe("event coding: one act, not its parts", () => {
  it("folds what protesters demand into the protest", () => {
    const r = run("Thousands of Kurds demonstrated in Erbil on Sunday calling for independence from Iraq.");
    expect(coded(r)).toEqual(["PROTEST Kurds -> Iraq"]);
  });
  it("reads the act after a threat noun's 'to' as the threat's content, aimed at the side fought", () => {
    expect(coded(run("Erdogan repeated his threat to launch a new ground offensive into northern Syria against the SDF."))).toEqual(["THREATEN Recep Tayyip Erdoğan -> Syrian Democratic Forces"]);
  });
  it("reads backers in an aside between a subject and its attack as fighting beside it, with no act of their own", () => {
    expect(coded(run("Days after Somalia's army, backed by ATMIS, launched an offensive against al-Shabaab, the militants struck back.")).filter((e) => e.includes("Somalia")))
      .toEqual(["ASSAULT Somalia military+African Union Transition Mission in Somalia -> al-Shabaab"]);
  });
  it("reads a participle aside with its doer after 'by' as a passive on the noun before it", () => {
    expect(coded(run("The new mission, endorsed by the European Union, began work in Mogadishu."))).toContain("SUPPORT European Union -> ");
  });
  it("reads a headline's counted victims as the target ('dozens of soldiers killed in attack')", () => {
    expect(coded(run("Mali: dozens of soldiers killed in jihadist attack near Gao"))).toEqual(["ASSAULT  -> Mali military"]);
  });
  it("codes armed forces looting as seizure, a crowd's looting as a riot, and reads a misread second verb after 'and'", () => {
    expect(coded(run("RSF looted the market in Um Kadada and abducted 15 civilians."))).toEqual(["COERCE Rapid Support Forces -> civilians", "ASSAULT Rapid Support Forces -> civilians"]);
    expect(run("Protesters looted shops in Nairobi.").events.map((e) => `${e.type}/${e.mode}`)).toEqual(["PROTEST/riot"]);
  });
  it("codes suspending an organisation's activities as a restriction and folds a sit-in's demand into it", () => {
    expect(coded(run("The government of Niger suspended the activities of three NGOs in Niamey."))).toEqual(["COERCE Government of Niger -> NGO"]);
    expect(run("Around 200 teachers staged a sit-in in front of the Ministry of Education in Tunis to demand salary increases.").events.map((e) => e.type)).toEqual(["PROTEST"]);
  });
  it("aims a recall of one's own envoy at the country left, and a joint signing at no one", () => {
    expect(coded(run("Kenya recalled its ambassador from Somalia over the border dispute."))).toEqual(["SANCTION Kenya -> Somalia"]);
    expect(coded(run("Ethiopia and Eritrea signed a peace agreement in Jeddah."))).toEqual(["SUPPORT Eritrea+Ethiopia -> "]);
  });
  it("folds the act agreed to after 'to' and a verb into the agreement ('agreed to expand military cooperation')", () => {
    expect(run("The United States and the Philippines agreed to expand military cooperation.").events.map((e) => e.type)).toEqual(["AGREE"]);
  });
  it("gives a trailing ', killing N' to the attack of the main clause, not to the country named last", () => {
    const r = run("Russia launches drone attacks on Kharkiv, Ukraine, damaging buildings, killing three people.");
    expect(r.events.map((e) => [names(r, e.actor).join("+"), e.fatalities?.low])).toEqual([["Russia", 3]]);
    const p = run("Police open fire on protesters demonstrating against a ban in Kathmandu, killing 19 people.");
    expect(p.events.filter((e) => e.fatalities).map((e) => [e.type, names(p, e.actor).join("+"), e.fatalities?.low])).toEqual([["ASSAULT", "police", 19]]);
  });
  it("joins the people killed to the attack an 'after' clause of their sentence tells", () => {
    const r = run("Four people are killed and 25 others are injured after Russian forces launch a rocket barrage at the centre of Sumy.");
    expect(r.events.map((e) => [names(r, e.actor).join("+"), e.fatalities?.low])).toEqual([["Russian Armed Forces", 4]]);
  });
  it("codes crowd-control weapons used to disperse a crowd as one act of crowd control", () => {
    const r = run("Police used tear gas and rubber bullets to disperse thousands of demonstrators in the capital.");
    expect(r.events.map((e) => `${e.type}/${e.mode}`)).toEqual(["ASSAULT/crowd-control"]);
  });
  it("codes no release when what is released is published, not freed", () => {
    expect(run("Hamas releases a sign-of-life propaganda video showing a hostage.").events.map((e) => e.type)).not.toContain("RETREAT");
    expect(run("Hamas released three hostages.").events.map((e) => e.type)).toEqual(["RETREAT"]);
  });
  it("codes dissolving political parties as a restriction", () => {
    expect(run("Mali's junta dissolved all political parties.").events.map((e) => `${e.type}/${e.mode}`)).toEqual(["COERCE/restrict"]);
  });
  it("reads 'retook' and the armed force a place is taken from", () => {
    expect(coded(run("The Sudanese army retook Wad Madani from the RSF on Saturday."))).toEqual(["ASSAULT Sudanese Armed Forces -> Rapid Support Forces"]);
  });
  it("reads the sides named after 'between' of a passive killing in clashes", () => {
    expect(coded(run("80 people were killed in clashes between the ELN and the Gulf Clan in Catatumbo."))).toEqual(["ASSAULT National Liberation Army+Clan del Golfo -> "]);
  });
  it("codes ordering forces out of a country as an expulsion", () => {
    expect(coded(run("Niger's generals ordered French troops out of the country."))).toEqual(["SANCTION Niger military -> French Armed Forces"]);
  });
  it("codes security forces freeing people as a rescue (AID), and a captor's release as RETREAT", () => {
    expect(run("Police in Barcelona freed 10 trafficking victims during an operation.").events.map((e) => e.type)).toEqual(["AID"]);
    expect(run("Hamas freed three hostages on Sunday.").events.map((e) => e.type)).toEqual(["RETREAT"]);
  });
  it("aims a threat at the subject of its condition", () => {
    const r = run("Russia threatened to halt the talks if Japan goes ahead with the missile deployment.");
    expect(coded(r)).toEqual(["THREATEN Russia -> Japan"]);
  });
  it("answers a rejection to whoever made the call", () => {
    const r = run("Brazil rejected calls by Argentina to reopen the border.");
    expect(coded(r)).toEqual(["REJECT Brazil -> Argentina"]);
  });
  it("codes declining to act as a rejection, but not declining to comment", () => {
    expect(run("The minister declined to resign despite pressure from Chile.").events.map((e) => e.type)).toEqual(["REJECT"]);
    expect(run("Chile's army declined to comment.").events).toEqual([]);
  });
  it("reads a plural noun before a verb as its subject, so weapons and a verb in a headline are one attack", () => {
    const text = "Insurgent drones kill nine border guards near Tamale.";
    const r = run(text);
    expect(coded(r)).toEqual(["ASSAULT armed group -> police"]);
    expect(r.events[0]?.evidence.map(([a, b]) => text.slice(a, b))).toEqual(["Insurgent drones kill nine border guards"]);
  });
  it("folds the toll told as a participle into the attack before it", () => {
    const r = run("Separatist fighters shelled the port of Limbe on Friday, killing at least 14 fishermen.");
    expect(r.events.map((e) => e.type)).toEqual(["ASSAULT"]);
    expect(r.events[0]?.fatalities?.low).toBe(14);
  });
  it("folds the act a demand asks for in a that-clause into the demand, aimed at the clause's subject", () => {
    const r = run("Opposition parties in Malawi are demanding that President Chakwera abandon his fuel tax.");
    expect(coded(r)).toEqual(["REQUEST opposition -> Chakwera"]);
  });
  it("codes forces of several states exercising together as cooperation", () => {
    const r = run("Greek and Egyptian warships on Monday launched ten days of war games off Crete.");
    expect(r.events.map((e) => e.type)).toEqual(["COOPERATE"]);
  });
  it("reads no verb inside an actor's name, nor a name of a text as an actor", () => {
    const r = run("Libyan police seized rifles and grenades from Libyan armed groups in Misrata.");
    expect(r.events.map((e) => e.type)).toEqual(["COERCE"]);
    const t = run("Ghana rejected a Nigerian proposal for signing a Coastal Fisheries Agreement with it.");
    expect(t.actors.map((a) => a.name)).not.toContain("Coastal Fisheries Agreement");
  });
  it("does not code an event noun that has no doer and no toll", () => {
    const r = run("Archbishop Tutu spoke about the blockade of Serbia.");
    expect(r.events.filter((e) => e.type === "COERCE")).toEqual([]);
  });
});

describe("event coding: an event told twice", () => {
  it("is one event with both spans as evidence", () => {
    const text = "The Ndovu Front has been ordered to carry out attacks on villages. Since then the Ndovu Front has stepped up attacks on villages.";
    const r = run(text);
    const attacks = r.events.filter((e) => e.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]?.evidence.length).toBe(2);
  });
  it("keeps two attacks apart when each has its own toll or date", () => {
    const r = run("Rebels of the Ndovu Front attacked Kisoro on Monday, killing four people. The Ndovu Front attacked Kisoro again on Thursday, killing nine.");
    expect(r.events.filter((e) => e.type === "ASSAULT")).toHaveLength(2);
  });
});

describe("event coding: mobilisation and judgement", () => {
  it("takes the forces of a passive deployment as the actor", () => {
    const r = run("More Kenyan troops will be deployed to the border next week.");
    const e = r.events.find((x) => x.type === "MOBILIZE");
    expect(r.actors.find((a) => a.id === e?.actor[0])?.kind).toBe("military");
    expect(e?.recipient).toEqual([]);
  });
  it("reads British spellings of coded verbs", () => {
    const r = run("Venezuela has mobilised its militia.");
    expect(r.events.map((e) => e.type)).toContain("MOBILIZE");
  });
  it("has a participle of judgement speak for the main clause's subject", () => {
    const r = run("Chile suspended talks with Peru, saying the Peruvian navy had committed \"war crimes\".");
    const e = r.events.find((x) => x.type === "ACCUSE");
    expect(names(r, e?.actor ?? [])).toEqual(["Chile"]);
  });
});

describe("event coding: speech acts joined to a report", () => {
  it("gives 'and accused' after a report to the reporter", () => {
    const r = run("The Chadian army said the gunmen had crossed from Sudan and accused Sudan of arming them.");
    const e = r.events.find((x) => x.type === "ACCUSE");
    expect(r.actors.find((a) => a.id === e?.actor[0])?.country).toBe("TCD");
  });
});

describe("event coding: words of the reporting trade", () => {
  it("does not code an official declining to be named as a rejection", () => {
    expect(run("A senior Kenyan official, who declined to be named, said the talks had stalled.").events.filter((e) => e.type === "REJECT")).toEqual([]);
    expect(run("A Kenyan officer, who refused to give his name, said the road was closed.").events.filter((e) => e.type === "REJECT")).toEqual([]);
  });
  it("codes cutting the internet as censorship", () => {
    const e = run("The Ugandan government suspended mobile internet on Monday.").events[0];
    expect([e?.type, e?.mode]).toEqual(["COERCE", "censor"]);
  });
});

describe("event coding: incidents told again or anew", () => {
  it("keeps an attack a later sentence introduces anew apart, and finds it again by the name it was given", () => {
    const r = run("A Chilean drone strike killed a militia commander in Lima on Wednesday. The strike came ten days after a drone attack on " +
      "a Chilean outpost in Bolivia, known as Tower 22, killed three Chilean soldiers. Later, Chile struck 85 targets in Peru. " +
      "Argentina denied any role in the Tower 22 attack.");
    expect(coded(r)).toEqual([
      "ASSAULT Chile -> armed group", "ASSAULT  -> Chile+Chile military", "ASSAULT Chile -> Peru", "ASSAULT Argentina -> Chile+Chile military",
    ]);
    expect(r.events.at(-1)?.modality).toBe("negated");
  });
});

describe("event coding: verbs that take arms only between armed sides", () => {
  it("codes 'engaged' as an attack by an armed force on an armed force or a state, with its object next to it", () => {
    expect(coded(run("The army engaged the rebels near the border."))).toEqual(["ASSAULT military -> armed group"]);
    expect(coded(run("The militia could engage directly with the Valdor government."))).toEqual(["ASSAULT armed group -> Valdor government"]);
    expect(coded(run("The minister engaged the public on the new law."))).toEqual([]);
    expect(coded(run("The destroyer engaged in evasive manoeuvres to avoid a rebel attack.")).filter((c) => c.startsWith("ASSAULT military"))).toEqual([]);
  });
});

describe("event coding: the request answered", () => {
  it("codes insisting on dialogue as a call for talks, aimed at whoever just refused them", () => {
    expect(coded(run("The junta refused to hold talks despite the rebels insisting that dialogue was the only way out."))).toEqual(["REJECT government -> armed group", "REQUEST armed group -> government"]);
    expect(coded(run("The opposition insisted on negotiations with the government."))).toEqual(["REQUEST opposition -> government"]);
    expect(coded(run("The rebels called for talks."))).toEqual(["REQUEST armed group -> "]);
  });
  it("answers the last speaker of another side with a denial, not with a refusal to act", () => {
    expect(coded(run("An Indian army spokesman said Pakistani troops had fired across the border. Pakistan denied the allegation."))).toEqual(["REJECT Pakistan -> Indian Army"]);
    expect(coded(run("An Indian army spokesman said the fighting was spreading. Pakistan refused to back down."))).toEqual(["REJECT Pakistan -> "]);
  });
  it("answers a denial to the accusation aimed at the denier's side, not to the last accuser", () => {
    const r = run("Chile accused Peru of shelling the border post. Bolivia's army said it had ordered an inquiry. Peru rejected the allegation.");
    expect(coded(r).filter((e) => e.startsWith("REJECT"))).toEqual(["REJECT Peru -> Chile"]);
  });
  it("folds the request rejected into the rejection and answers its maker", () => {
    const r = run("Kenya has rejected a Ugandan request to extradite the suspects.");
    expect(coded(r)).toEqual(["REJECT Kenya -> Uganda"]);
  });
});

describe("event coding: patterns added to the verb and noun dictionaries", () => {
  it("codes calling off a strike as a concession and organising a strike as a protest", () => {
    expect(run("The Kenyan teachers' union called off its strike on Monday.").events.map((e) => e.type)).toContain("CONCEDE");
    expect(run("Opposition parties in Kenya organised a general strike on Monday.").events.map((e) => e.type)).toContain("PROTEST");
  });
  it("codes troops kept on alert as a mobilisation", () => {
    expect(run("Ugandan troops remained on alert along the border on Monday.").events.map((e) => e.type)).toContain("MOBILIZE");
  });
});

describe("event coding: places as targets", () => {
  it("takes the town a curfew is imposed on as the target", () => {
    const r = run("Kenyan authorities imposed a curfew in the town of Garissa on Monday.");
    const e = r.events.find((x) => x.type === "COERCE");
    expect(names(r, e?.recipient ?? [])).toEqual(["Garissa"]);
  });
  it("takes a town in another side's country as that state", () => {
    const r = run("Ukraine said Russia plans to capture the city of Kharkiv.");
    const e = r.events.find((x) => x.type === "ASSAULT" && names(r, x.actor).includes("Russia"));
    expect(names(r, e?.recipient ?? [])).toEqual(["Ukraine"]);
    expect(r.actors.find((a) => a.name === "Ukraine")?.aliases).toContain("Kharkiv");
  });
});

describe("actors: generic groups added to the agent list", () => {
  it("reads opposition groups and fundamentalists as actors of their acts", () => {
    expect(coded(run("Opposition groups in Zambia are demanding that President Hichilema resign."))[0]).toMatch(/^REQUEST opposition/);
    expect(run("Islamic fundamentalists continued their hunger strike on Monday.").events.map((e) => e.type)).toEqual(["PROTEST"]);
  });
});

describe("event coding: triggers that were read as something else", () => {
  it("reads a participle after 'has' and an adverb as the verb, not as a modifier", () => {
    const r = run("The African Union has already imposed sanctions on Gabon.");
    expect(coded(r)).toEqual(["SANCTION African Union -> Gabon"]);
    // "heavily armed men" still describes the men
    expect(run("Heavily armed men were seen near Garissa.").events).toEqual([]);
  });
  it("keeps a deployment of counted troops as an event beside its statistic", () => {
    const r = run("Ethiopia has massed 20,000 troops near the Eritrean border.");
    expect(r.events.map((e) => e.type)).toEqual(["MOBILIZE"]);
    expect(r.statistics.map((s) => s.value)).toEqual([20000]);
  });
  it("reads participles after a preposition or a possessive, or before a name, as modifiers", () => {
    expect(run("The court heard the case of jailed commander Idris Bako on Monday.").events).toEqual([]);
    expect(run("Newly elected Malian President Moussa Keita visited Dakar.").events.map((e) => e.type)).toEqual(["CONSULT"]);
    expect(run("Ghana's president said his alleged role was a fabrication.").events.filter((e) => e.type === "ACCUSE")).toEqual([]);
  });
  it("reads a plural noun as a headline verb only when no verb came before it", () => {
    expect(run("Chad mobilised its reservists while UN arms inspectors said they needed more time.").events.map((e) => e.type)).toEqual(["MOBILIZE"]);
  });
  it("takes the name before an apposition as the subject, past participles and auxiliaries included", () => {
    expect(coded(run("Ghana, a close Togolese ally in the fight against piracy, has refused to send warships to the gulf.")).map((c) => c.split(" -> ")[0])).toEqual(["REJECT Ghana"]);
  });
  it("hands the subject of 'keep up' and 'press' to the attacks they carry", () => {
    const r = run("Sudanese troops kept up heavy attacks on the town of Kadugli.");
    expect(coded(r)).toEqual(["ASSAULT Sudan military -> Kadugli"]);
  });
});

describe("actors: an apposition names the body before it", () => {
  it("reads 'X (ABC), the Y-backed militia that …' as X, for its relations and for the verb after the apposition", () => {
    const text = "The Ndovu Front fought the army for years. The Kivu Patriotic Alliance (KPA), the Rwanda-backed militia that runs the Masisi council, said the raids had hit homes and accused Congo of war crimes.";
    const r = run(text);
    const militia = r.actors.find((a) => a.mentions.some(([s, e]) => text.slice(s, e) === "militia"));
    expect(militia?.name).toBe("Kivu Patriotic Alliance");
    expect(r.events.filter((e) => e.type === "ACCUSE").map((e) => names(r, e.actor).join("+"))).toEqual(["Kivu Patriotic Alliance"]);
  });
});

describe("event coding: what a protest is against", () => {
  it("aims a protest with no target at the doer of the act protested", () => {
    const r = run("Hundreds of students marched in Nairobi in protest against the arrest of their leaders by Kenyan police.");
    const e = r.events.find((x) => x.type === "PROTEST");
    expect(names(r, e?.actor ?? [])).toEqual(["students"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Kenya police"]);
  });
  it("aims a protest at whoever the wrongs protested are by, when no act of theirs is coded", () => {
    const r = run("Amara Diallo, Guinea's best-known rights campaigner, began a hunger strike on Monday in protest against the abuses by Guinean soldiers.");
    const e = r.events.find((x) => x.type === "PROTEST");
    expect(names(r, e?.actor ?? [])).toEqual(["Amara Diallo"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Guinea military"]);
  });
  it("keeps a protest's own target", () => {
    const r = run("Kenyan students protested against Uganda on Monday over the arrest of traders by Kenyan police.");
    expect(names(r, r.events.find((x) => x.type === "PROTEST")?.recipient ?? [])).toEqual(["Uganda"]);
  });
});

describe("event coding: threats in the speaker's own words", () => {
  it("codes an act that 'will not go unanswered' as a threat at its doer", () => {
    const r = run("Ugandan troops shelled Ndovu Front positions on Monday. The Ndovu Front said the shelling would not go unanswered.");
    const e = r.events.find((x) => x.type === "THREATEN");
    expect(names(r, e?.actor ?? [])).toEqual(["Ndovu Front"]);
    expect(names(r, e?.recipient ?? [])).toEqual(["Uganda People's Defence Force"]);
  });
  it("aims 'would not hesitate' past the speaker's own side at the actor named", () => {
    const r = run('A Kenyan official said Nairobi would hold the Ndovu Front responsible and would "not hesitate to act".');
    const e = r.events.find((x) => x.type === "THREATEN");
    expect(names(r, e?.recipient ?? [])).toEqual(["Ndovu Front"]);
  });
  it("codes vowing to press on with an offensive as a threat, and pledging aid as a promise", () => {
    expect(coded(run("Somalia vowed to press on with its offensive against al-Shabaab."))).toEqual(["THREATEN Somalia -> al-Shabaab"]);
    expect(coded(run("Kenya pledged to send aid to Somalia."))).toEqual(["AGREE Kenya -> Somalia"]);
  });
  it("does not take words of threat for a threat without a speaker's verb", () => {
    expect(run("Retaliation is a theme of the novel.").events).toEqual([]);
  });
});

describe("event coding: light verbs wink-nlp lemmatises wrongly", () => {
  it("reads 'staged' and 'waged' as stage and wage, which carry the event noun to their subject", () => {
    expect(coded(run("Kenyan students staged a hunger strike on Monday."))).toEqual(["PROTEST Kenya students -> "]);
    expect(coded(run("The Ndovu Front waged war on the Ugandan government."))).toEqual(["ASSAULT Ndovu Front -> Uganda government"]);
  });
});

describe("event coding: intent announced by a country's own official", () => {
  it("codes an intent to give aid, told by a named minister of that country, as a promise", () => {
    const r = run("Kenya is ready to provide food aid to Haiti, Foreign Minister Musalia Mudavadi said on Monday.");
    expect(coded(r)).toEqual(["AGREE Kenya -> Haiti"]);
  });
  it("codes an attack its own side says a country could make as a threat, the speaker being the one whose words hold it", () => {
    const r = run("Peru's president said on Monday that her government would never allow foreign troops in, after a senior Chilean official suggested that Chile could strike the smuggling gangs on its own.");
    expect(r.events.filter((e) => e.type === "THREATEN").map((e) => names(r, e.actor).join("+"))).toEqual(["Chile"]);
    expect(r.events.filter((e) => e.type === "ASSAULT")).toEqual([]);
  });
  it("codes a harm made to hang on a condition as a threat, whoever reports it", () => {
    const r = run("The African Union may suspend aid to Chad if the junta delays the vote, Kenya's foreign minister said.");
    expect(r.events.map((e) => e.type)).toEqual(["THREATEN"]);
  });
  it("codes a measure a country announces it will take as that measure, not a threat", () => {
    const r = run("Canada announced it would ban all arms sales to the Haitian gangs.");
    expect(r.events.map((e) => e.type)).not.toContain("THREATEN");
  });
  it("codes a plain future visit as a promise even when another side reports it", () => {
    const r = run("Chile's foreign minister will visit Bolivia in June, the Bolivian embassy said.");
    expect(r.events.map((e) => e.type)).toEqual(["AGREE"]);
  });
  it("keeps an attack that others say a country could make hypothetical", () => {
    const r = run("Analysts in Lima said Chile could strike the smuggling gangs.");
    expect(r.events.map((e) => `${e.type} ${e.modality}`)).toEqual(["ASSAULT hypothetical"]);
  });
});

describe("event coding: modes from the words around the act", () => {
  it("takes the mode the cue words of modes.json name when the trigger gives none", () => {
    const mode = (text: string, type: string) => run(text).events.find((e) => e.type === type)?.mode;
    expect(mode("Gunmen attacked the village with machine guns.", "ASSAULT")).toBe("firearms");
    expect(mode("Rebels attacked an army convoy with a roadside bomb.", "ASSAULT")).toBe("explosives");
    // a cue in another clause of the sentence is not this act's
    expect(mode("Gunmen attacked the village; a roadside bomb later hit a bus in Gao.", "ASSAULT")).not.toBe("explosives");
  });
});

describe("event coding: stopping a protest", () => {
  it("codes preventing a demonstration as coercion, not a protest", () => {
    const r = run("Riot police prevented a demonstration by teachers outside the parliament in Dakar.");
    expect(r.events.map((e) => `${e.type} ${e.mode}`)).toContain("COERCE restrict");
  });
});

describe("event coding: announced retreats and material backing", () => {
  it("codes a retreat announced as a concession, and one carried out as a retreat", () => {
    expect(coded(run("The Ndovu Front announced that it was suspending military operations against the army."))).toEqual(["CONCEDE Ndovu Front -> "]);
    expect(coded(run("The Ndovu Front withdrew its fighters from Gao.")).map((x) => x.split(" ")[0])).toEqual(["RETREAT"]);
  });
  it("reads backing by arms and money as a sponsorship, not as verbal support", () => {
    const r = run("The Ndovu Front claimed the raid. Officials said the attackers were backed by Chad's military.");
    expect(r.events.some((x) => x.type === "SUPPORT")).toBe(false);
    expect(r.relations.map((x) => x.type)).toContain("sponsors");
  });
});

describe("event coding: a judgement of an act named", () => {
  it("aims 'said the shelling was a \"blatant crime\"' at whoever shelled, not at the last to act", () => {
    const r = run('The Ndovu Front shelled the market in Gao on Monday. The Malian army said it would respond with force. The Algerian foreign ministry said the shelling was a "blatant crime".');
    const judged = r.events.find((x) => x.type === "ACCUSE");
    expect(names(r, judged?.recipient ?? [])).toEqual(["Ndovu Front"]);
  });
});

describe("event coding: acts alleged", () => {
  it("codes no act from a suspicion or a charge ('suspected of blowing up', 'jailed for attacking')", () => {
    expect(coded(run("Kenya offered to hand over two men suspected by Uganda of blowing up a bus in 2019.")).map((x) => x.split(" ")[0])).toEqual(["AGREE"]);
    expect(run("A court jailed three men for attacking a police post.").events.some((x) => x.type === "ASSAULT")).toBe(false);
  });
});

describe("event coding: fighting named as a confrontation", () => {
  it("reads 'armed confrontations between X and Y' as fighting with both sides as actors", () => {
    const r = run("Two people were killed in Gao after armed confrontations between villagers and police.");
    const e = r.events.find((x) => x.type === "ASSAULT");
    expect(e?.actor.map((id) => r.actors.find((a) => a.id === id)?.kind).sort()).toEqual(["civilians", "police"]);
  });
});

describe("event coding: a protest against an act told before", () => {
  it("aims 'protested against the ban' at whoever imposed the ban", () => {
    expect(coded(run("The junta banned opposition rallies on Saturday. On Monday, hundreds of students protested against the ban in Lilongwe.")))
      .toContain("PROTEST students -> government");
  });
});

describe("event coding: chanting in a crowd", () => {
  it("codes a crowd that gathered chanting slogans as a protest, and a chant alone as a condemnation", () => {
    const r = run('The Ndovu Front lost a commander. Hundreds of the group\'s supporters gathered outside the embassy on Friday, chanting "Death to France".');
    expect(r.events.find((x) => x.type === "PROTEST")).toBeDefined();
    expect(run("The crowd chanted death to the dictator.").events.map((x) => x.type)).toEqual(["ACCUSE"]);
  });
});

describe("event coding: clauses opened by 'after', 'when', 'because'", () => {
  it("takes the subject of the clause the verb is in, not the main clause's", () => {
    expect(coded(run("The army pulled back after the Ndovu Front attacked the town."))).toContain("ASSAULT Ndovu Front -> ");
    // the clause's own subject is no actor: the main clause lends none
    expect(coded(run("Chile recalled its envoy to Peru on Monday, a day after a Peruvian navy patrol boat struck a fishing vessel.")))
      .not.toContain("ASSAULT Chile -> ");
  });
});

describe("event coding: a crowd gathering and an arson", () => {
  it("reads protesters gathering as a protest, and ministers gathering as none", () => {
    expect(coded(run("About 400 protesters gathered outside the ministry in Lilongwe on Friday.")).map((x) => x.split(" ")[0])).toEqual(["PROTEST"]);
    expect(run("Foreign ministers gathered in Accra for a summit.").events.filter((x) => x.type === "PROTEST")).toEqual([]);
  });
  it("reads setting fire to homes as an attack, and to oneself as a protest", () => {
    const r = run("Militiamen set fire to homes in the village of Qaryut.");
    expect(r.events.map((x) => `${x.type}/${x.mode}`)).toEqual(["ASSAULT/destroy"]);
    expect(run("A vendor set himself on fire outside the governor's office to protest the police.").events.every((x) => x.type !== "ASSAULT")).toBe(true);
  });
});

describe("event coding: no one acts on themselves", () => {
  it("keeps a named actor read as both doer and target as the target only", () => {
    const r = run("Ndovu Front commander Jean Mbeki was shot and Jean Mbeki died in hospital.");
    for (const e of r.events) expect(e.actor.filter((a) => e.recipient.includes(a))).toEqual([]);
  });
});

describe("event coding: an object pronoun for those the sentence before named", () => {
  it("reads 'disperse them' as aimed at the crowd told just before", () => {
    expect(coded(run("Hundreds of protesters gathered outside the ministry in Zomba. Police used tear gas to disperse them.")))
      .toContain("ASSAULT police -> protesters");
  });
});

describe("event coding: a country named where an event noun happened", () => {
  it("reads 'in Niger ambush' as where, and 'Police in Kenya arrest …' as the headline's subject", () => {
    expect(coded(run("Militants kill five soldiers in Niger ambush"))).toEqual(["ASSAULT armed group -> military"]);
    expect(coded(run("Police in Malawi arrest 12 protesters"))).toEqual(["COERCE Malawi police -> protesters"]);
    // a demonym or an abbreviation before the noun still names the side
    expect(coded(run("Three killed in the U.S. airstrike")).join()).toMatch(/ASSAULT United States/);
  });
});

describe("event coding: a headline's passive without a number", () => {
  it("reads 'Soldiers killed in …' as what was done to the soldiers", () => {
    const r = run("Soldiers killed in ambush near Menaka\n\nMilitants ambushed an army convoy near Menaka on Friday, killing four soldiers.");
    expect(r.events.filter((e) => names(r, e.actor).includes("military"))).toEqual([]);
    // an active verb with its object is no passive
    expect(coded(run("Soldiers killed three militants near Menaka."))).toEqual(["ASSAULT military -> armed group"]);
  });
});

describe("event coding: a summary's attack and its toll", () => {
  it("reads 'a Russian missile and drone attack … kills two people, injures 28 others' as one attack", () => {
    const r = run("An overnight Russian missile and drone attack on Odesa kills two people, injures 28 others, and damages a port.");
    const attacks = r.events.filter((e) => e.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(names(r, attacks[0]?.actor ?? [])).toEqual(["Russia"]);
    expect([attacks[0]?.fatalities, attacks[0]?.injuries]).toEqual([{ low: 2, high: 2 }, { low: 28, high: 28 }]);
  });
});

describe("event coding: a name 'accused of' something", () => {
  it("reads 'militants accused of bombings' as charged, not accusing", () => {
    const r = run("Police in Bosaso detained four Ndovu Front militants accused of bombings in the port.");
    expect(r.events.filter((e) => e.type === "ACCUSE" && names(r, e.actor).includes("Ndovu Front"))).toEqual([]);
  });
});

describe("event coding: taking over a place", () => {
  it("reads 'took over the town' as an attack and 'took over the portfolio' as nothing", () => {
    expect(coded(run("Ndovu Front rebels took over the town of Kamanyola on Sunday.")).map((x) => x.split(" ")[0])).toEqual(["ASSAULT"]);
    expect(run("The new minister took over the defence portfolio.").events).toEqual([]);
  });
  it("gives a clause opened by 'that' its own subject ('an allegation that the NPFL had taken over the city')", () => {
    const r = run("The committee examined an allegation by the Ndovu Front that the NPFL had taken over the city of Greenville.");
    expect(r.events.filter((e) => e.type === "ASSAULT" && names(r, e.actor).includes("Ndovu Front"))).toEqual([]);
  });
});

describe("event coding: a toll told before the attack that took it", () => {
  it("reads '12 people are killed in Ndovu Front shelling of Beni' as one attack, with its side and its toll", () => {
    const r = run("At least 12 people are killed and 30 others are injured in Ndovu Front shelling of Beni.");
    const attacks = r.events.filter((e) => e.type === "ASSAULT");
    expect(attacks).toHaveLength(1);
    expect(names(r, attacks[0]?.actor ?? [])).toEqual(["Ndovu Front"]);
    expect(attacks[0]?.fatalities).toEqual({ low: 12, high: null });
  });
});

describe("event coding: a headline's 'open fire' read as an adjective", () => {
  it("reads 'guards open fire on civilians' as an attack on them", () => {
    expect(coded(run("Palace security guards open fire on civilians at the beach in Zomba."))).toEqual(["ASSAULT security forces -> civilians"]);
  });
});

describe("event coding: a crowd's violence", () => {
  it("reads stones and arson by a crowd as a riot, and shooting by it as an attack", () => {
    expect(coded(run("Protesters hurled stones at riot police in Blantyre.")).map((x) => x.split(" ")[0])).toEqual(["PROTEST"]);
    expect(run("Protesters rioted at the prison, setting fire to mattresses.").events.map((e) => `${e.type}/${e.mode}`)).toEqual(["PROTEST/riot"]);
    expect(coded(run("Protesters shot dead two policemen in Blantyre.")).map((x) => x.split(" ")[0])).toEqual(["ASSAULT"]);
  });
});

describe("event coding: attacks blamed on a side", () => {
  it("gives an attack told with no doer to the side it is blamed on or attributed to", () => {
    const attackBy = (text: string) => coded(run(text)).filter((e) => e.startsWith("ASSAULT "));
    expect(attackBy("Six guards were killed in a raid on a depot that the army blamed on the Ndovu Front.")).toEqual(["ASSAULT Ndovu Front -> "]);
    expect(attackBy("A bombing attributed to the Ndovu Front killed four traders in Kisoro.")).toEqual(["ASSAULT Ndovu Front -> business"]);
    expect(attackBy("The governor blamed the Ndovu Front for an ambush that killed nine soldiers.")).toEqual(["ASSAULT Ndovu Front -> military"]);
  });
  it("leaves the doer of an attack alone when another verb stands between the attack and the blame", () => {
    expect(coded(run("Nine soldiers were killed in an ambush that followed riots the governor blamed on the Ndovu Front.")).filter((e) => e.startsWith("ASSAULT ")))
      .toEqual(["ASSAULT  -> military"]);
  });
});

describe("event coding: targets named by their owner", () => {
  it("makes the side a target belongs to, after 'held by' or 'used by', the target", () => {
    expect(coded(run("Kenyan jets bombed positions held by the Ndovu Front near Kisoro."))).toEqual(["ASSAULT Kenya military -> Ndovu Front"]);
    expect(coded(run("Drones hit a depot used by the Ndovu Front.")).map((e) => e.split(" -> ")[1])).toEqual(["Ndovu Front"]);
  });
  it("still reads 'by' after other participles as the doer, not the target", () => {
    expect(coded(run("Police raided a house rented by a businessman in Kisoro."))).toEqual(["COERCE police -> "]);
  });
});

describe("event coding: strikes by workers", () => {
  it("codes a strike that civilians hold or launch as a protest in the mode 'strike'", () => {
    const strike = (text: string) => run(text).events.map((e) => `${e.type}/${e.mode}`);
    expect(strike("Teachers launched a strike over unpaid wages.")).toEqual(["PROTEST/strike"]);
    expect(strike("Dock workers began a 48-hour strike on Monday.")).toEqual(["PROTEST/strike"]);
    expect(strike("Rebels launched a strike on the airport.")).toEqual(["ASSAULT/null"]);
  });
});

describe("event coding: one civilian named by a demonym", () => {
  it("reads 'a Kenyan man' as Kenya's civilians, not as Kenya", () => {
    expect(coded(run("Ugandan troops shot and killed a Kenyan man near Busia."))).toEqual(["ASSAULT Uganda People's Defence Force -> Kenya civilians"]);
  });
  it("leaves the person whose name follows the noun alone", () => {
    expect(coded(run("Ugandan troops shot and killed a Kenyan man, Peter Otieno, near Busia."))).not.toContain("ASSAULT Uganda People's Defence Force -> Kenya civilians");
    expect(coded(run("A court sentenced Ohio man James Fields to life in prison."))).toEqual(["SANCTION judiciary -> James Fields"]);
  });
});

describe("event coding: arms and who used them", () => {
  it("gives an attack to the side named after 'fired by' or 'planted by' behind the weapon", () => {
    expect(coded(run("Rockets fired by the Ndovu Front hit Kisoro on Sunday."))).toEqual(["ASSAULT Ndovu Front -> "]);
    expect(coded(run("A roadside bomb planted by the Ndovu Front killed two soldiers."))).toEqual(["ASSAULT Ndovu Front -> military"]);
  });
  it("reads a sentence that opens with arms as naming no people", () => {
    expect(run("Rockets hit the town of Kisoro, killing two soldiers.").actors.map((a) => a.name)).not.toContain("Rockets");
  });
});

describe("event coding: officials and forces of a state", () => {
  it("reads a qualified office after a country's possessive as that country's government", () => {
    expect(coded(run("Kenya's communications minister rejected the report."))).toEqual(["REJECT Kenya government -> "]);
    expect(coded(run("Kenya's new President Odhiambo Otieno rejected the report."))).not.toContain("REJECT Kenya government -> ");
  });
  it("makes forces counted as they are sent act with the state that sends them", () => {
    expect(coded(run("Kenya has sent 3,000 soldiers to Somalia."))).toEqual(["MOBILIZE Kenya+Kenya military -> Somalia"]);
    expect(coded(run("Kenya mobilised army reservists against Somalia."))).toEqual(["MOBILIZE Kenya -> Somalia"]);
  });
});

describe("event coding: the target of a passive", () => {
  it("gives a passive attack no capital's state as its target: its subject was the target", () => {
    expect(coded(run("Two aides of the opposition leader were shot dead in Nairobi."))).toEqual(["ASSAULT  -> "]);
    expect(run("Two aides of the opposition leader were shot dead in Nairobi.").events[0]?.location?.name).toBe("Nairobi");
  });
});

describe("event coding: the one blamed", () => {
  it("makes the side after 'blamed … on' the target of the accusation", () => {
    expect(coded(run("The army blamed the killing of two Kenyan traders on the Ndovu Front.")))
      .toEqual(["ACCUSE military -> Ndovu Front", "ASSAULT Ndovu Front -> Kenya business"]);
  });
  it("does not read a preposition after another verb as the blame's ('militants linked to …')", () => {
    expect(coded(run("Kenya blamed the Ndovu Front, linked to Uganda, for the killings."))).toEqual(["ACCUSE Kenya -> Ndovu Front"]);
  });
});

describe("event coding: splinters of an armed group", () => {
  it("reads 'dissidents of' an armed group as that group's people, not as protesters", () => {
    expect(coded(run("Fighting between the Kenya Defence Forces and dissidents of the Ndovu Front left 12 dead.")))
      .toEqual(["ASSAULT Kenya Defence Forces+Ndovu Front -> "]);
  });
});

describe("event coding: an owner and a doer after 'by'", () => {
  it("reads the owner of an act done 'by' someone as the one it was done to", () => {
    expect(coded(run("Opposition leader Amani Odhiambo spoke on Monday. Odhiambo's arrest by the police drew protests.")))
      .toContain("COERCE police -> Amani Odhiambo");
  });
});

describe("event coding: a titled person as the target", () => {
  it("makes the person named after a demonym and a title the target, not the country or its government", () => {
    expect(coded(run("Police arrested Kenyan opposition leader Amani Odhiambo on Monday."))).toEqual(["COERCE police -> Amani Odhiambo"]);
    expect(coded(run("The envoy met Ugandan President Yoweri Museveni in Kampala.")).map((e) => e.split(" -> ")[1])).toEqual(["Yoweri Museveni"]);
  });
});

describe("event coding: coercion where a state holds power", () => {
  it("gives a passive arrest or ban with no doer named to the state it happened in", () => {
    expect(coded(run("The Ndovu Front is banned in Kenya."))).toEqual(["COERCE Kenya -> Ndovu Front"]);
    expect(coded(run('Loyalists of Amani "The Hawk" Odhiambo rallied. Odhiambo was arrested in Uganda in July.')))
      .toContain('COERCE Uganda -> Amani "The Hawk" Odhiambo');
  });
});

describe("event coding: the doer after 'by' and its modifiers", () => {
  it("reads past a determiner and modifiers after 'by' to the doer", () => {
    expect(coded(run("The student was arrested by the Kenyan riot police in Kisumu."))).toEqual(["COERCE Kenya police -> students"]);
    expect(coded(run("The student was arrested by the morality police."))).toEqual(["COERCE police -> students"]);
  });
});

describe("event coding: event words inside an actor's name", () => {
  it("reads no riot in 'riot police' and no protest in 'protest leaders'", () => {
    expect(run("Kenyan riot police fired tear gas at students in Kisumu.").events.map((e) => e.type)).toEqual(["ASSAULT"]);
  });
});

describe("event coding: places the gazetteer lacks", () => {
  it("reads a name before 'town' or 'village', or inside an address in brackets, as a place, not an actor", () => {
    const names = (text: string) => run(text).actors.map((a) => a.name);
    expect(names("On 4 June 2031, gunmen attacked Ndoto Kubwa town (Laisamis, Marsabit) and killed 5 soldiers.")).not.toContain("Ndoto Kubwa");
    expect(names("On 4 June 2031, the Ndovu Front and the army clashed in Ndoto town (Upper Ndoto, Marsabit).")).not.toContain("Upper Ndoto");
  });
});

describe("event coding: a settlement named by a demonym", () => {
  it("reads the people of 'a Kenyan village' as Kenya's civilians, not as Kenya", () => {
    expect(coded(run("Gunmen kill 12 in attack on Kenyan village"))).toEqual(["ASSAULT armed group -> Kenya civilians"]);
  });
});

describe("event coding: forces of the state a sentence opens with", () => {
  it("reads bare 'troops' as the forces of the state that opens their sentence, not of another state named before", () => {
    const r = run("Ugandan troops shelled the border post on Monday. Kenya has deployed 3,000 troops to its northern border.");
    const deployment = r.events.find((e) => e.type === "MOBILIZE");
    expect(deployment && deployment.actor.map((id) => r.actors.find((a) => a.id === id)?.country)).toEqual(["KEN", "KEN"]);
  });
});

describe("event coding: forces on the move as a target", () => {
  it("reads a patrol or convoy that an attack hit as its target, not as a deployment", () => {
    expect(run("Ndovu Front fighters ambushed an army patrol near Kisoro, killing four soldiers.").events.map((e) => e.type)).toEqual(["ASSAULT"]);
  });
});

describe("event coding: bandits and gangs", () => {
  it("keeps bandits apart from a jihadist group named before them", () => {
    const r = run("ISWAP fighters attacked a base in Borno. In Zamfara, bandits abducted 40 villagers.");
    expect(coded(r)).toContain("ASSAULT bandits -> civilians");
  });
});

describe("event coding: vigilantes", () => {
  it("reads vigilantes as a group of their own, not the attackers named before them", () => {
    expect(coded(run("Boko Haram fighters killed 4 vigilantes in Mora."))).toEqual(["ASSAULT Boko Haram -> vigilantes"]);
  });
});

describe("event coding: a name of several actors", () => {
  it("reads a name two actors share as the one of the country the story is about", () => {
    expect(coded(run("Fighting broke out in Maguindanao. BIFF militants clashed with the AFP on Sunday, leaving three dead.")))
      .toContain("ASSAULT Bangsamoro Islamic Freedom Fighters+Armed Forces of the Philippines -> ");
    expect(run("The minister told AFP that the talks in Geneva had failed.").actors.map((a) => a.name)).toContain("Agence France-Presse");
  });
});
