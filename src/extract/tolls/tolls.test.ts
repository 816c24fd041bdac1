import { describe, expect, it } from "vitest";
import { analyze } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import { numberAt, tollsIn } from "./index.js";

function tolls(text: string) {
  const a = analyze(text, wordClass("abbreviations"));
  const s = a.sentences[0]!;
  return tollsIn(a.tokens, s, s.first, s.last);
}
const dead = (text: string) => tolls(text).fatalities;
const hurt = (text: string) => tolls(text).injuries;
const exactly = (n: number) => ({ low: n, high: n });
const atLeast = (n: number) => ({ low: n, high: null });

describe("tollsIn", () => {
  it("reads deaths and injuries of one clause", () => {
    expect(tolls("Rebels shelled the market, killing three traders and wounding five.")).toEqual({ fatalities: exactly(3), injuries: exactly(5) });
  });
  it("counts the object of an active 'shot dead' and the subject of a passive one", () => {
    expect(dead("Bandits shot dead a herdsman and two farmers near the river.")).toEqual(exactly(3));
    expect(dead("Militiamen shot dead four traders on the road.")).toEqual(exactly(4));
    expect(dead("Two guards were shot dead at the gate.")).toEqual(exactly(2));
  });
  it("reads a note's count, lives lost or claimed, bodies found, and a toll updated in the next sentence", () => {
    expect(dead("Bandits raided the market. Fatalities: 4.")).toEqual(exactly(4));
    expect(dead("Bandits raided the market; 8 people lost their lives.")).toEqual(exactly(8));
    expect(dead("Bandits raided the market, claiming 10 lives.")).toEqual(exactly(10));
    expect(dead("Bandits raided the market. Two bodies were recovered.")).toEqual(exactly(2));
    expect(dead("Bandits raided the market. The death toll rose to 11.")).toEqual(exactly(11));
    expect(dead("Insurgents beheaded five farmers near the river.")).toEqual(exactly(5));
    expect(dead("Drones struck a fishing boat. The president announced that at least six people were killed.")).toEqual(atLeast(6));
    expect(dead("A mob lynched two suspected thieves.")).toEqual(exactly(2));
  });
  it("keeps lower bounds open", () => {
    expect(dead("At least 12 people were killed in the blast.")).toEqual(atLeast(12));
    expect(dead("The strike killed more than 40 recruits.")).toEqual(atLeast(40));
  });
  it("reads ranges and number words", () => {
    expect(dead("The raid killed between 30 and 40 villagers.")).toEqual({ low: 30, high: 40 });
    expect(dead("Witnesses said between 30 and 40 people were killed when the shells landed.")).toEqual({ low: 30, high: 40 });
    expect(dead('The army says it had "neutralised" 14 fighters since Monday.')).toEqual(exactly(14));
    expect(dead('The group says it killed "more than 20 officers and their guards".')).toEqual(atLeast(20));
    expect(dead("A dozen guards died in the ambush.")).toEqual(exactly(12));
    expect(hurt("Dozens were wounded in the fighting.")).toEqual(atLeast(24));
  });
  it("adds up counts joined by 'and' in one clause", () => {
    expect(dead("The strike killed a militia commander and two of his bodyguards.")).toEqual(exactly(3));
    expect(dead("The strike killed a commander of the Vel-backed militia Ostra Front and two of his guards.")).toEqual(exactly(3));
    expect(dead("Raiders kill at least nine herders and two police officers near the river.")).toEqual(atLeast(11));
  });
  it("says null when no count is given", () => {
    expect(tolls("Several buildings were damaged in the attack.")).toEqual({ fatalities: null, injuries: null });
  });
});

describe("tollsIn on present-tense summaries", () => {
  it("reads the subject of a passive across a long noun phrase", () => {
    expect(dead("Eleven Ruritanian Liberation Front fighters are killed in an army raid near Oskar.")).toEqual(exactly(11));
    expect(dead("Four members of a farming family are killed when a shell hits their house.")).toEqual(exactly(4));
  });
  it("counts one person named or described without a number", () => {
    expect(dead("A border guard from the northern battalion is killed in a mortar attack.")).toEqual(exactly(1));
    expect(dead("Militia spokesperson Tomas Verin is killed in a drone strike on his car.")).toEqual(exactly(1));
    expect(dead("A customs officer is shot dead by smugglers at the crossing.")).toEqual(exactly(1));
    expect(dead("Gunmen kill opposition councillor Mara Delk outside her home.")).toEqual(exactly(1));
  });
  it("reads through hedges, appositives, brackets and compound adjectives", () => {
    expect(dead("Around 40 Ruritanian soldiers are reported to have been killed near the dam.")).toEqual(exactly(40));
    expect(dead("Tomas Verin, a commander of the northern militia, dies in custody in Oskar.")).toEqual(exactly(1));
    expect(dead("Vellish poet and activist Mara Delk, a campaigner for the protection of endangered sea turtles, dies from wounds sustained in a raid.")).toEqual(exactly(1));
    expect(dead("Ivo Brask, leader of the river brigade, is said to have been killed in a raid.")).toEqual(exactly(1));
    expect(dead("Nine fighters from the Northern Front (NF), including a commander, are killed in an airstrike.")).toEqual(exactly(9));
    expect(dead("At least 20 recruits, including the commanding officer of the 4th Battalion, are killed in a bombing.")).toEqual(atLeast(20));
    expect(dead("Twenty-three state-backed militiamen are killed in the ambush.")).toEqual(exactly(23));
    expect(dead("Six Ansar Dine fighters are killed near the river.")).toEqual(exactly(6));
    expect(dead("A village elder is shot and killed by gunmen.")).toEqual(exactly(1));
  });
  it("reads one victim named or described after a killing verb", () => {
    expect(dead("A roadside bomb kills a Vellish farmhand near the border.")).toEqual(exactly(1));
    expect(dead("The army says it killed Ivo Brask, the rebels' spokesman, in a raid.")).toEqual(exactly(1));
    expect(dead("A strike kills a family in the north.")).toBeNull();
    expect(dead("Officials say the strike killed Ivo Brask along with his wife and three children.")).toEqual(exactly(5));
    expect(dead("The raid killed Ivo Brask, Tomas Verin and Mara Delk.")).toEqual(exactly(3));
    expect(dead("The shelling kills nine people, two of them children.")).toEqual(exactly(9));
    expect(dead("The army says it killed Vel Brigade commanders Ivo Brask and Tomas Verin.")).toEqual(exactly(2));
    expect(dead("Clashes in the valley kill four soldiers, including a captain, and nine rebels.")).toEqual(exactly(13));
    expect(dead("Raiders kill 16 villagers in a hamlet in Oskar District, North Vel Province, Ruritania.")).toEqual(exactly(16));
    expect(dead("Shelling kills six people in Vel and two in Ost.")).toEqual(exactly(8));
    expect(dead("The ministry confirms the death of a critically injured Vellish deck hand.")).toEqual(exactly(1));
  });
  it("leaves out a subset named with 'including'", () => {
    expect(dead("Nine villagers, including three children, have been killed in the shelling.")).toEqual(exactly(9));
    expect(dead("Drones kill at least 14 people, including six children, in the market.")).toEqual(atLeast(14));
    expect(tolls("Three people are killed, including a baby, and 20 others are injured in a car bombing.")).toEqual({ fatalities: exactly(3), injuries: exactly(20) });
    expect(dead("Twelve monitors, including eight from Vel, three from Ostra and one from Marn, are killed in the shelling.")).toEqual(exactly(12));
    expect(dead("At least 30 villagers, including six women, four boys, and a nurse are killed by the militia.")).toEqual(atLeast(30));
  });
  it("adds up coordinated subjects of people only", () => {
    expect(dead("Two soldiers and a teacher are killed in the ambush.")).toEqual(exactly(3));
    expect(dead("Nine guards, three drivers and 14 raiders are killed in the assault on the depot.")).toEqual(exactly(26));
    expect(dead("Two of the mayor's aides, her driver and a clerk, are shot dead outside the town hall.")).toEqual(exactly(2));
    expect(dead("Four men who opposed the 2018 accord and were later killed are buried today.")).toEqual(exactly(4));
    expect(dead("Five gunmen who took part in the raid on the depot in 2021 are killed by the army.")).toEqual(exactly(5));
    expect(dead("The ministry reports that five people were killed in the shelling.")).toEqual(exactly(5));
    expect(tolls("Four guards who were posted at the gate in 2020 are killed and two others are injured.")).toEqual({ fatalities: exactly(4), injuries: exactly(2) });
    expect(dead("Ivo Brask, a poet and leader of the river brigade who was killed in 1990, is reburied.")).toEqual(exactly(1));
    expect(dead("Ivo Brask, who led the raid of October 7, 2023, on the border post, has been killed.")).toEqual(exactly(1));
    expect(tolls("Two guards are killed and 14 more are injured.")).toEqual({ fatalities: exactly(2), injuries: exactly(14) });
    expect(dead("Thirty rebels and two security forces are killed in the clash.")).toEqual(exactly(32));
    expect(dead("According to a local elder, 40 villagers are killed in the raid.")).toEqual(exactly(40));
    expect(dead("Troops end the hostage standoff with at least eight hostages and all four kidnappers killed.")).toEqual(atLeast(12));
    expect(dead("The navy intercepts 40 drones and two sailors are killed on the frigate.")).toEqual(exactly(2));
  });
  it("reads headline passives without 'is' and 'another'", () => {
    expect(tolls("One farmer killed and another injured after soldiers open fire on a march.")).toEqual({ fatalities: exactly(1), injuries: exactly(1) });
    expect(tolls("A guard is killed and another is wounded in the attack.")).toEqual({ fatalities: exactly(1), injuries: exactly(1) });
  });
  it("reads death tolls and deaths", () => {
    expect(dead("The death toll from Monday's flood of fire on Varna rises to at least 31.")).toEqual(atLeast(31));
    expect(dead("The death toll in the bus bombing reaches 19 people.")).toEqual(exactly(19));
    expect(dead("Airstrikes kill 12 people, bringing the death toll of the war to 9,400.")).toEqual(exactly(12));
    expect(dead("At least forty deaths are reported after the riot.")).toEqual(atLeast(40));
    expect(tolls("Raids caused up to 90 fatalities, including an estimated five to 12 civilian casualties.")).toEqual({ fatalities: exactly(90), injuries: { low: 5, high: 12 } });
    expect(dead("The ministry confirms the death of rebel commander Ivo Brask in the strike.")).toEqual(exactly(1));
    expect(dead("The clashes resulted in the deaths of 15 fighters and 4 soldiers.")).toEqual(exactly(19));
  });
  it("does not read a death sentence or a combined count as a toll", () => {
    expect(dead("A court sentences the rebel leader to death.")).toBeNull();
    expect(dead("Mines have killed or injured at least 90 children since the war began.")).toBeNull();
  });
  it("reads 'leaving N dead', hyphenated and scaled number words", () => {
    expect(dead("Storms of gunfire hit the village, leaving seven people dead.")).toEqual(exactly(7));
    expect(dead("Thirty-four soldiers are killed in the assault.")).toEqual(exactly(34));
    expect(dead("Two hundred fighters die in the siege.")).toEqual(exactly(200));
  });
  it("reads no casualties as zero, here or in the next sentence", () => {
    expect(tolls("A missile hits the port, with no casualties reported.")).toEqual({ fatalities: exactly(0), injuries: exactly(0) });
    expect(tolls("A drone strikes a warehouse. No injuries are reported.")).toEqual({ fatalities: exactly(0), injuries: exactly(0) });
  });
  it("reads the casualty report of the next sentence when this one gives none", () => {
    expect(tolls("Drones hit the Varna bridge. Eight people are killed and 40 others are injured.")).toEqual({ fatalities: exactly(8), injuries: exactly(40) });
    expect(tolls("A guard is killed in a raid on the depot. Three other guards are injured.")).toEqual({ fatalities: exactly(1), injuries: exactly(3) });
    expect(dead("Drones hit the Varna bridge. In a separate attack, five people are killed.")).toBeNull();
    expect(dead("Drones hit the Varna bridge. The mayor says four people died.")).toBeNull();
    expect(dead("Drones hit the Varna bridge.\n\nEight people are killed in a crash on the coast road.")).toBeNull();
  });
  it("does not read an age set off after a name as a count ('Ali Rahimi, 45, who led the unit, was killed')", () => {
    expect(dead("Ali Rahimi, 45, who led the unit for a decade, was killed in a missile attack.")).toEqual(exactly(1));
  });
  it("reads an unknown number killed as at least one, not as one", () => {
    expect(dead("A drone strike killed an unknown number of civilians.")).toEqual({ low: 1, high: null });
    expect(tolls("The blast killed a number of worshippers.").fatalities).toEqual({ low: 1, high: null });
  });
  it("reads 'no one was killed' as none killed, not one", () => {
    expect(dead("Gunmen attacked a police post in the town. No one was killed.")).toEqual(exactly(0));
    expect(tolls("Rebels shelled the depot; nobody was hurt.").injuries).toEqual(exactly(0));
  });
  it("reads a report of injured only as no one killed", () => {
    expect(tolls("Five police officers are injured in a grenade attack.")).toEqual({ fatalities: exactly(0), injuries: exactly(5) });
    expect(tolls("Heavy fighting breaks out, with several casualties reported.").fatalities).toBeNull();
    expect(tolls("Guards in Vel and more in the port of Ost are killed, and several others are injured.").fatalities).toBeNull();
  });
  it("reads a coder's count in the singular ('1 fatality', 'one death and one injury')", () => {
    expect(dead("A mob beat a man in the market. 1 fatality.")).toEqual(exactly(1));
    expect(tolls("Gunmen fired on a bus, causing one death and one injury.")).toEqual({ fatalities: exactly(1), injuries: exactly(1) });
  });
  it("reads a sentence opening with 'The casualty toll' without failing", () => {
    expect(tolls("The casualty toll from the strikes rises to 46 people killed and 165 others injured.")).toEqual({ fatalities: exactly(46), injuries: exactly(165) });
  });
  it("does not read ages or the count of a subject of an active verb", () => {
    expect(dead("A 25-year-old courier is killed by a landmine.")).toEqual(exactly(1));
    expect(dead("Two gunmen kill villagers in the night.")).toBeNull();
  });
});

describe("numberAt", () => {
  const at = (text: string) => { const a = analyze(text, wordClass("abbreviations")); return numberAt(a.tokens, 0); };
  it("reads numerals, compound and scaled number words", () => {
    expect(at("1,250 people")?.value).toEqual(exactly(1250));
    expect(at("twenty-two people")).toEqual({ value: exactly(22), used: 3 });
    expect(at("three hundred people")).toEqual({ value: exactly(300), used: 2 });
    expect(at("a dozen people")).toEqual({ value: exactly(12), used: 2 });
  });
  it("says null for words that are no number", () => {
    expect(at("a house")).toBeNull();
    expect(at("people")).toBeNull();
  });
});
