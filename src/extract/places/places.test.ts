import { beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../../core/index.js";
import { countryByDemonym, countryByName, countryName, foldName, loadGazetteer, normaliseName } from "../../rules/gazetteer.js";
import type { Gazetteer } from "../../rules/gazetteer.js";
import { demonymCountries, findPlaces, placeForSpan } from "./index.js";
import { tokenise } from "./recognise.js";

let gaz: Gazetteer;
beforeAll(() => { gaz = loadGazetteer(); });

const named = (places: Place[], name: string): Place | undefined => places.find((p) => p.name === name);

/** Every mention must cut exactly the name as written out of the text. */
function expectSpansExact(text: string, places: Place[]): void {
  for (const p of places) {
    for (const [s, e] of p.mentions) {
      expect(e).toBeGreaterThan(s);
      expect(text.slice(s, e)).toMatch(/^\p{Lu}/u);
      expect(text.slice(s, e)).not.toMatch(/\s$|['’]s$/);
    }
  }
}

describe("gazetteer", () => {
  it("normalises accents, case, St. and a leading the", () => {
    expect(normaliseName("St. Nicolas")).toBe("saint nicolas");
    expect(normaliseName("Saint-Nicolas")).toBe("saint nicolas");
    expect(normaliseName("the Gaza Strip")).toBe("gaza strip");
    expect(normaliseName("Sana'a")).toBe("sanaa");
    expect(normaliseName("Türkiye")).toBe("turkiye");
  });
  it("normalises ASCII and non-ASCII names alike", () => {
    for (const [ascii, other] of [["Port-au-Prince", "Port‑au‑Prince"], ["Ft. `Worth`", "Ft. ʼWorth’"], [" the  St ", "\u00a0the St\u00a0"]]) {
      expect(normaliseName(ascii as string)).toBe(normaliseName(other as string));
    }
    expect(normaliseName("Port-au-Prince")).toBe("port au prince");
    expect(normaliseName("Ft. `Worth`")).toBe("fort worth");
  });

  it("finds countries by name, acronym, code and demonym", () => {
    expect(countryByName("Burma")?.iso3).toBe("MMR");
    expect(countryByName("U.S.")?.iso3).toBe("USA");
    expect(countryByName("Ivory Coast")?.iso3).toBe("CIV");
    expect(countryByName("Congo-Kinshasa")?.iso3).toBe("COD");
    expect(countryByName("PAK")?.iso3).toBe("PAK");
    expect(countryByName("Narnia")).toBeNull();
    expect(countryByDemonym("Pakistani")?.iso3).toBe("PAK");
    expect(countryByDemonym("Afghans")?.iso3).toBe("AFG");
    expect(countryByDemonym("British")?.iso3).toBe("GBR");
    expect(countryByDemonym("Kabul")).toBeNull();
    expect(countryName("COD")).toBe("Democratic Republic of the Congo");
    expect(countryName("XXX")).toBeNull();
  });

  it("finds towns whose keys the build script normalised (accents, hyphens, apostrophes)", () => {
    for (const name of ["Västerås", "Łódź", "Port-au-Prince", "N'Djamena", "Dera Ismail Khan"]) {
      expect(gaz.lookup(normaliseName(name)).some((e) => e.kind === "city"), name).toBe(true);
    }
  });

  it("indexes curated admin1 variants and case-exact acronyms", () => {
    expect(gaz.lookup("konar").some((e) => e.kind === "admin1" && e.name === "Kunar")).toBe(true);
    expect(gaz.lookup("nwfp").length).toBe(0);
    expect(gaz.lookupExact("NWFP").some((e) => e.name === "Khyber Pakhtunkhwa")).toBe(true);
    expect(gaz.lookup("northern darfur").some((e) => e.name === "North Darfur")).toBe(true);
  });
});

describe("other spellings", () => {
  it("folds transliterations of one name alike, and different names apart", () => {
    const fold = (s: string): string => foldName(normaliseName(s));
    for (const [a, b] of [["Khan Younis", "Khān Yūnis"], ["Kostiantynivka", "Kostyantynivka"], ["Al-Fashir", "El Fasher"],
      ["Odesa", "Odessa"], ["Jabalia", "Jabālyā"], ["Avdiivka", "Avdiyivka"], ["Kupiansk", "Kupjansk"]]) {
      expect(fold(a as string)).toBe(fold(b as string));
    }
    for (const [a, b] of [["Kharkiv", "Kherson"], ["Saint Paul", "Saintpaul"], ["Donetsk", "Luhansk"]]) {
      expect(fold(a as string)).not.toBe(fold(b as string));
    }
  });
  it("finds a town by another spelling when the story is near it", () => {
    const text = "Ukrainian officials said Russian glide bombs hit Kostiantynivka and Huliaipole overnight, and shelling was reported near Avdiivka in Donetsk Oblast.";
    const places = findPlaces(text, gaz);
    for (const name of ["Kostiantynivka", "Huliaipole", "Avdiivka"]) {
      const at = text.indexOf(name);
      const p = places.find((x) => x.mentions.some(([s]) => s === at));
      expect(p?.country, name).toBe("UKR");
      expect(p?.precision, name).toBe("point");
    }
  });
  it("finds curated spellings, camps and crossings", () => {
    const text = "Airstrikes on Nuseirat, Bureij and Beit Lahia killed dozens, while aid trucks waited at Kerem Shalom and families sheltered in al-Mawasi west of Khan Younis.";
    const places = findPlaces(text, gaz);
    for (const name of ["Nuseirat", "Bureij", "Beit Lahia", "al-Mawasi"]) {
      const at = text.indexOf(name);
      const p = places.find((x) => x.mentions.some(([s]) => s === at));
      expect(p?.country, name).toBe("PSE");
      expect(p?.admin1, name).toBe("Gaza Strip");
    }
    expect(places.find((x) => x.name === "Kerem Shalom")?.country).toBe("ISR");
  });
  it("gives a town its second-level division where GeoNames has it", () => {
    const places = findPlaces("Missiles struck Kramatorsk and Bukavu overnight, officials in Ukraine and Congo said.", gaz);
    expect(places.find((p) => p.country === "UKR" && p.precision === "point")?.admin2).toMatch(/Kramatorsk/);
    expect(places.find((p) => p.country === "COD" && p.precision === "point")?.admin2).toBe("Bukavu");
  });
  it("reads a compass adjective before a name as saying where ('in southern Gaza')", () => {
    const places = findPlaces("Rescuers recovered bodies from a mass grave in southern Gaza on Sunday.", gaz);
    expect(places.map((p) => [p.country, p.admin1])).toEqual([["PSE", "Gaza Strip"]]);
  });
  it("does not take a word for a town it folds into", () => {
    const text = "The council said the State would apply Sharia law in the north, according to a statement.";
    expect(findPlaces(text, gaz).map((p) => p.name)).toEqual([]);
  });
  it("reads a compass word and division as one name, not a country", () => {
    const places = findPlaces("Shelling in North Darfur and South Kordofan displaced thousands.", gaz);
    expect(places.map((p) => [p.name, p.country])).toEqual([["North Darfur", "SDN"], ["South Kordofan", "SDN"]]);
  });
});

describe("findPlaces", () => {
  it("resolves Hyderabad by the country the story is about", () => {
    const pk = "Police in Pakistan said two men were arrested in Hyderabad after the blast.";
    const inPk = named(findPlaces(pk, gaz), "Hyderabad");
    expect(inPk?.country).toBe("PAK");
    expect(inPk?.admin1).toBe("Sindh");
    const ind = "Heavy rain flooded roads in Hyderabad, the capital of Telangana, India said.";
    const inInd = named(findPlaces(ind, gaz), "Hyderabad");
    expect(inInd?.country).toBe("IND");
    expect(inInd?.admin1).toBe("Telangana");
  });

  it("uses hints when the text names no country", () => {
    const text = "A bomb went off near a market in Hyderabad on Friday.";
    expect(named(findPlaces(text, gaz, { countries: ["PAK"] }), "Hyderabad")?.country).toBe("PAK");
  });

  it("reads transliterations as the curated division", () => {
    const text = "Drone strikes were reported in Konar and Ningarhar provinces of Afghanistan.";
    const places = findPlaces(text, gaz);
    const kunar = named(places, "Kunar");
    expect(kunar?.precision).toBe("admin1");
    expect(kunar?.country).toBe("AFG");
    expect(text.slice(...kunar!.mentions[0]!)).toBe("Konar");
    expect(named(places, "Nangarhar")?.country).toBe("AFG");
  });

  it("recognises datelines in capitals", () => {
    const a = "SRINAGAR/NEW DELHI, Dec 23 — Gunfire was heard through the night.";
    const pa = findPlaces(a, gaz);
    expect(named(pa, "Srinagar")?.country).toBe("IND");
    expect(pa.find((p) => p.name.startsWith("New Delhi") || p.name === "Delhi")).toBeDefined();
    const b = "KABUL, March 4 (Reuters) - Officials said the road was reopened.";
    const kabul = findPlaces(b, gaz).find((p) => b.slice(...p.mentions[0]!) === "KABUL");
    expect(kabul?.country).toBe("AFG");
    expect(findPlaces(b, gaz).some((p) => p.name === "March")).toBe(false);
  });

  it("matches multi-word names whole, longest first", () => {
    const text = "Aid reached North Kivu and the Gulf of Aden while Port-au-Prince stayed calm.";
    const places = findPlaces(text, gaz);
    expect(named(places, "North Kivu")?.country).toBe("COD");
    expect(named(places, "Gulf of Aden")?.country).toBeNull();
    const pap = places.find((p) => text.slice(...p.mentions[0]!) === "Port-au-Prince");
    expect(pap?.country).toBe("HTI");
    expect(places.some((p) => p.name === "Kivu")).toBe(false);
  });

  it("keeps a name's own article in its span", () => {
    const text = "Judges in The Hague heard the case.";
    const hague = findPlaces(text, gaz).find((p) => p.country === "NLD");
    expect(text.slice(...hague!.mentions[0]!)).toBe("The Hague");
  });

  it("reads possessives as the name", () => {
    const text = "Afghanistan's eastern provinces and Pakistan’s tribal belt were hit.";
    const places = findPlaces(text, gaz);
    expect(text.slice(...named(places, "Afghanistan")!.mentions[0]!)).toBe("Afghanistan");
    expect(text.slice(...named(places, "Pakistan")!.mentions[0]!)).toBe("Pakistan");
  });

  it("does not take demonyms for places", () => {
    const text = "Afghan and Pakistani officials met Iraqi envoys; Americans watched.";
    expect(findPlaces(text, gaz)).toEqual([]);
  });

  it("judges names inside organisations", () => {
    const iskp = "Islamic State Khorasan Province claimed the attack.";
    expect(findPlaces(iskp, gaz).some((p) => /khorasan/i.test(p.name))).toBe(false);
    const jk = "Jammu and Kashmir Police said three militants were killed.";
    expect(named(findPlaces(jk, gaz), "Jammu and Kashmir")?.country).toBe("IND");
    const person = "The report was signed by Mr. Hamilton and read by Kerry Lincoln.";
    expect(findPlaces(person, gaz)).toEqual([]);
  });

  it("lists each place once with all its mentions, each cutting the name as written", () => {
    const text = "Fighting spread across Sudan. In Khartoum, shelling resumed; Khartoum's hospitals closed. " +
      "Sudan's army said the U.S. and the UK were consulted.";
    const places = findPlaces(text, gaz);
    expectSpansExact(text, places);
    const sudan = named(places, "Sudan");
    expect(sudan?.mentions.map((m) => text.slice(...m))).toEqual(["Sudan", "Sudan"]);
    expect(named(places, "Khartoum")?.mentions.length).toBe(2);
    expect(places.find((p) => p.country === "USA")?.precision).toBe("country");
    expect(places.find((p) => p.country === "GBR")).toBeDefined();
    expect(new Set(places.map((p) => `${p.name}|${p.country}`)).size).toBe(places.length);
  });

  it("places a town by the state after it", () => {
    const text = "The outbreak began in Springfield, Illinois, last week.";
    const s = named(findPlaces(text, gaz), "Springfield");
    expect(s?.admin1).toBe("Illinois");
    expect(s?.precision).toBe("point");
  });

  it("drops a town that the division named after it does not hold", () => {
    const places = findPlaces("Shops closed in Springfield, Sindh, on Friday.", gaz);
    expect(places.map((p) => p.name)).toEqual(["Sindh"]);
  });

  it("reads currencies and hyphenated tails as no place", () => {
    expect(findPlaces("The fine was US$4 million.", gaz)).toEqual([]);
    expect(findPlaces("Gunmen raided Qorzani-Kabul village.", gaz).some((p) => p.name === "Kabul")).toBe(false);
  });

  it("resolves a name by the countries the text's demonyms point to and by nearness", () => {
    // No country is named; "Israeli" points to Israel, and the Gaza beside it is the Strip,
    // not the Mozambican province of the same name.
    const gaza = findPlaces("Israeli tanks pushed into Gaza overnight, witnesses said.", gaz);
    expect(gaza.map((p) => p.country)).toEqual(["PSE"]);
    const mozambique = findPlaces("Floods cut the road between Maputo and Gaza, Mozambican officials said.", gaz);
    expect(named(mozambique, "Gaza")?.country).toBe("MOZ");
  });

  it("does not place a mid-sized foreign town on 'of' alone", () => {
    const text = "Ethiopian officials blamed a network of Lecco traders for the shortage.";
    expect(findPlaces(text, gaz).some((p) => p.country === "ITA")).toBe(false);
    const located = "Ethiopian officials met traders in Lecco last week.";
    expect(findPlaces(located, gaz).some((p) => p.country === "ITA")).toBe(true);
  });

  it("reads a lowercase division word after a name as the division", () => {
    const state = named(findPlaces("Officials in Kano state said the schools would reopen.", gaz), "Kano");
    expect(state?.precision).toBe("admin1");
    const city = named(findPlaces("Officials in Kano said the schools would reopen.", gaz), "Kano");
    expect(city?.precision).toBe("point");
  });

  it("reads 'X district of Y' as Y placing X", () => {
    const ind = named(findPlaces("Floods hit the Hyderabad district of Telangana on Monday.", gaz), "Hyderabad");
    expect(ind?.country).toBe("IND");
    const pak = findPlaces("Floods hit the Hyderabad district of Sindh on Monday.", gaz)[0];
    expect([pak?.country, pak?.precision]).toEqual(["PAK", "admin2"]);
  });

  it("does not carry a district abroad on a division word alone", () => {
    expect(findPlaces("Troops moved into the Villaguay region, Colombian officials said.", gaz)).toEqual([]);
    const home = findPlaces("Troops moved into the Villaguay region, Argentine officials said.", gaz);
    expect(home.map((p) => [p.country, p.precision])).toEqual([["ARG", "admin2"]]);
  });

  it("reads datelines in capitals with accents", () => {
    const text = "BOGOTÁ, Jan 3 — The talks resumed.";
    const bogota = findPlaces(text, gaz)[0];
    expect(bogota?.country).toBe("COL");
    expect(text.slice(...bogota!.mentions[0]!)).toBe("BOGOTÁ");
  });

  it("reads a demonym's airspace, waters or territory as the country", () => {
    const text = "A drone strays into Polish airspace and North Korean waters are closed; Poland protests.";
    const places = findPlaces(text, gaz);
    const pol = places.find((p) => p.country === "POL");
    expect(pol?.precision).toBe("country");
    expect(pol?.mentions.map(([s, e]) => text.slice(s, e))).toEqual(["Poland", "Polish airspace"]);
    const prk = places.find((p) => p.country === "PRK");
    expect(prk?.mentions.map(([s, e]) => text.slice(s, e))).toEqual(["North Korean waters"]);
  });

  it("reads a river's name without 'the' as the town of that name", () => {
    expect(findPlaces("A drone hits a block of flats in Dnipro, Ukraine.", gaz)[0]?.precision).toBe("point");
    expect(findPlaces("Troops cross the Dnipro near Kherson, Ukraine.", gaz)[0]?.name).toBe("Dnipro");
    expect(findPlaces("Troops cross the Dnipro near Kherson, Ukraine.", gaz)[0]?.precision).not.toBe("point");
  });

  it("reads 'X City' as the town X, not the division of that name", () => {
    const gaza = findPlaces("Shelling hits a school in Gaza City.", gaz)[0];
    expect(gaza?.country).toBe("PSE");
    expect(gaza?.precision).toBe("point");
  });

  it("ignores lowercase words and acronyms that are not places", () => {
    const text = "The UN and NATO met on Monday in May to discuss nice ideas.";
    expect(findPlaces(text, gaz)).toEqual([]);
  });
});

describe("places in brackets and local division words", () => {
  it("reads a name in brackets after a place as where that place is ('Maru LGA (Zamfara)')", () => {
    const text = "Bandits raided Maru LGA (Zamfara) and Kamituga (Mwenga, Sud-Kivu) overnight.";
    const places = findPlaces(text, gaz);
    expect(named(places, "Zamfara")?.country).toBe("NGA");
    expect(named(places, "Maru")?.admin1).toBe("Zamfara");
    expect(named(places, "Kamituga")?.admin1).toBe("South Kivu");
    expectSpansExact(text, places);
  });
  it("takes a division in brackets alone, though no other name places it", () => {
    expect(findPlaces("Fighting was reported in Ann township (Rakhine).", gaz).map((p) => p.name)).toEqual(["Rakhine"]);
  });
  it("places a division after a town the gazetteer lacks ('in Ngumba, North Kivu')", () => {
    expect(findPlaces("Militiamen torched homes in Ngumba, North Kivu.", gaz).map((p) => p.name)).toEqual(["North Kivu"]);
    expect(findPlaces("Gunmen struck near Kalunde territory, North Kivu, at dawn.", gaz).map((p) => p.name)).toEqual(["North Kivu"]);
    expect(findPlaces("A mine exploded in Qadiya (Qadiya, Zamfara) on Monday.", gaz).map((p) => p.name)).toEqual(["Zamfara"]);
    // "of" ties the name before the comma to a body, not to a place
    expect(findPlaces("A spokesman for the Bureau of Fisheries, Michael Grant, spoke.", gaz).map((p) => p.name)).toEqual([]);
  });
  it("reads a direction before a country as part of where a town is ('in Ashdod, Southern Israel')", () => {
    expect(findPlaces("Two people were hurt in Ashdod, Southern Israel, on Sunday.", gaz).map((p) => p.name)).toEqual(["Ashdod", "Israel"]);
    expect(findPlaces("Floods hit Northern Region, Ghana.", gaz).map((p) => p.name)).toEqual(["Northern Region", "Ghana"]);
  });
  it("does not take a bracket that opens a text for a place cue", () => {
    expect(findPlaces("(Reuters) Fighters attacked a convoy.", gaz)).toEqual([]);
  });
});

describe("placeForSpan", () => {
  const text = "In Pakistan, gunmen attacked a post in Peshawar, Khyber Pakhtunkhwa. Later Lahore was calm.";
  it("prefers the most specific place in the span, then in the sentence", () => {
    const places = findPlaces(text, gaz);
    const firstSentence: [number, number] = [0, text.indexOf(".") + 1];
    const clause: [number, number] = [text.indexOf("gunmen"), text.indexOf(",", text.indexOf("Peshawar"))];
    expect(placeForSpan(places, clause, firstSentence)?.name).toBe("Peshawar");
    expect(placeForSpan(places, [0, 2], firstSentence)?.name).toBe("Peshawar");
    const second: [number, number] = [text.indexOf("Later"), text.length];
    expect(placeForSpan(places, [second[0], second[0] + 5], second)?.name).toBe("Lahore");
    // Nothing named in the clause or the sentence: the story's country.
    expect(placeForSpan(places, [0, 2], [0, 2])?.name).toBe("Pakistan");
    expect(placeForSpan([], [0, 2], [0, 2])).toBeNull();
  });
  it("puts an attack where it landed, not in the country of its side", () => {
    const t = "Tajikistan launched a drone strike in the country's northern Kunduz province, the Taliban said.";
    const places = findPlaces(t, gaz);
    const clause: [number, number] = [0, t.indexOf(" in ")];
    const side: [number, number] = [0, "Tajikistan".length];
    expect(placeForSpan(places, clause, [0, t.length], { text: t, actorSpans: [side], onSite: true })?.name).toBe("Kunduz");
    // a statement is not done where it is about
    expect(placeForSpan(places, clause, [0, t.length], { text: t, actorSpans: [side] })?.name).toBe("Tajikistan");
  });
});

describe("recogniser tokens", () => {
  // The pattern the tokeniser's ASCII scanner stands in for; anything else goes to the pattern.
  const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*|\p{N}+|\S/gu;
  const byPattern = (text: string) => [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
  const byScanner = (text: string) => tokenise(text).map((t) => [t.start, t.fullEnd]);

  it("splits as the pattern does, initialisms, apostrophes and non-ASCII included", () => {
    for (const text of ["The U.S. envoy left D.C.'s office.", "U.S", "A.B.c", "U.É. and É.U.", "Sana'a, People's Front",
      "rock'n5 5pm 12,000", "São Tomé\u00a0and Príncipe", "x’y a'é Ω٣٣ 5٣²", "tab\there\nand\u2028there", "😀-$"]) {
      expect(byScanner(text)).toEqual(byPattern(text));
    }
  });
  it("keeps a possessive 's out of the name", () => {
    const [t] = tokenise("Afghanistan's");
    expect(t?.text).toBe("Afghanistan");
    expect(t?.fullEnd).toBe(13);
  });
});

describe("a district after a town", () => {
  const where = (text: string) => findPlaces(text, gaz).map((p) => `${p.name}/${p.country}/${p.admin1 ?? "-"}`);
  it("places a town abroad's namesake in the district that follows it after a comma", () => {
    // the gazetteer's Bama is Nigeria's; Houet is a province of Burkina Faso
    expect(where("Gunmen killed a village chief in Kouri village (Bama, Houet).")).toEqual(["Province du Houet/BFA/Hauts-Bassins"]);
    expect(where("Gunmen killed a village chief in Bama, Borno.")).toEqual(["Bama/NGA/Borno", "Borno/NGA/Borno"]);
  });
  it("keeps the town when the name in brackets is another name for it, or the district is contradicted in turn", () => {
    expect(where("Police stepped up patrols in Mumbai (Bombay) on Friday.")[0]).toBe("Mumbai/IND/Maharashtra");
    expect(where("A man was stabbed in Reading, Berkshire, UK.")[0]).toBe("Reading/GBR/England");
  });
});

describe("places read with the actors of the story", () => {
  it("resolves a town with namesakes abroad in the country of the armed group the text names", async () => {
    const { createExtractor } = await import("../index.js");
    const extractor = await createExtractor();
    const record = extractor.extract({ id: "t", published: "2031-05-10", text: "A bomb planted by Houthi forces exploded in Hays, killing a child." });
    expect(record.places.map((p) => `${p.name}/${p.country}`)).toEqual(["Hays/YEM"]);
  });
});

describe("demonyms", () => {
  it("reads two-word demonyms before one-word ones, in any script and with a possessive", () => {
    expect([...demonymCountries("North Korean troops and Israeli strikes", gaz)]).toEqual(["PRK", "ISR"]);
    expect([...demonymCountries("Ivorian’s and Sri Lankan’s forces; Éthiopian", gaz)]).toEqual(["CIV", "LKA", "ETH"]);
    expect([...demonymCountries("Prime Minister of the Afghan government", gaz)]).toEqual(["AFG"]);
  });
});
