#!/usr/bin/env node
// Builds data/actors/phoenix.json from the PETRARCH/Phoenix actor dictionaries
// (Phoenix.Countries, Phoenix.International, Phoenix.MilNonState; format in
// dictionaries-format.rst). Plain Node, no dependencies.
//
//   node scripts/build-actors.mjs [dictionaries-folder]
//
// The folder defaults to ../shared/data/petrarch-dictionaries relative to the repo root.
// Surface forms claimed by data/actors/curated.json are left out of phoenix.json (the curated
// entry is the better coding), so rebuild after editing curated.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ARGS = process.argv.slice(2);
const SHOW_DROPPED = ARGS.includes("--dropped");   // list the names dropped from each state, for review
const DICT_DIR = resolve(ROOT, ARGS.find((a) => !a.startsWith("--")) ?? "../shared/data/petrarch-dictionaries");
const OUT = join(ROOT, "data/actors/phoenix.json");
const CURATED = join(ROOT, "data/actors/curated.json");
const FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
  "Phoenix.MilNonState.actors.txt"];

// Office holders whose every dated code ended before this are dropped (they rarely appear in
// today's news and make up most of the Countries file).
const PERSON_CUTOFF = 20100101;
// "Now" for choosing which date-restricted code applies.
const NOW = 20250101;

// UN member states (plus Palestine, Kosovo, Taiwan, Vatican): ISO3|name|capital[/variant...].
// Capitals become aliases of the state ("Islamabad said" is Pakistan's government speaking);
// every other city or province the dictionary lists under a country is dropped: a place, not an actor.
// Capitals that are also common words or other places (Male, Victoria, San Jose, ...) are left blank.
const STATES = `AFG|Afghanistan|Kabul;ALB|Albania|Tirana;DZA|Algeria|Algiers;AND|Andorra|Andorra la Vella
AGO|Angola|Luanda;ATG|Antigua and Barbuda|;ARG|Argentina|Buenos Aires;ARM|Armenia|Yerevan
AUS|Australia|Canberra;AUT|Austria|Vienna;AZE|Azerbaijan|Baku;BHS|Bahamas|Nassau;BHR|Bahrain|Manama
BGD|Bangladesh|Dhaka/Dacca;BRB|Barbados|Bridgetown;BLR|Belarus|Minsk;BEL|Belgium|Brussels;BLZ|Belize|Belmopan
BEN|Benin|Porto-Novo;BTN|Bhutan|Thimphu;BOL|Bolivia|La Paz/Sucre;BIH|Bosnia and Herzegovina|Sarajevo
BWA|Botswana|Gaborone;BRA|Brazil|Brasilia;BRN|Brunei|Bandar Seri Begawan;BGR|Bulgaria|Sofia
BFA|Burkina Faso|Ouagadougou;BDI|Burundi|Gitega;CPV|Cape Verde|Praia;KHM|Cambodia|Phnom Penh
CMR|Cameroon|Yaounde/Yaoundé;CAN|Canada|Ottawa;CAF|Central African Republic|Bangui;TCD|Chad|N'Djamena/Ndjamena
CHL|Chile|Santiago;CHN|China|Beijing/Peking;COL|Colombia|Bogota/Bogotá;COM|Comoros|Moroni
COG|Republic of the Congo|Brazzaville;COD|Democratic Republic of the Congo|Kinshasa;CRI|Costa Rica|
CIV|Ivory Coast|Yamoussoukro;HRV|Croatia|Zagreb;CUB|Cuba|Havana;CYP|Cyprus|Nicosia;CZE|Czech Republic|Prague
DNK|Denmark|Copenhagen;DJI|Djibouti|Djibouti City;DMA|Dominica|Roseau;DOM|Dominican Republic|Santo Domingo
ECU|Ecuador|Quito;EGY|Egypt|Cairo;SLV|El Salvador|San Salvador;GNQ|Equatorial Guinea|Malabo
ERI|Eritrea|Asmara;EST|Estonia|Tallinn;SWZ|Eswatini|Mbabane;ETH|Ethiopia|Addis Ababa;FJI|Fiji|Suva
FIN|Finland|Helsinki;FRA|France|Paris;GAB|Gabon|Libreville;GMB|Gambia|Banjul;GEO|Georgia|Tbilisi
DEU|Germany|Berlin;GHA|Ghana|Accra;GRC|Greece|Athens;GRD|Grenada|;GTM|Guatemala|Guatemala City
GIN|Guinea|Conakry;GNB|Guinea-Bissau|Bissau;GUY|Guyana|Georgetown;HTI|Haiti|Port-au-Prince
HND|Honduras|Tegucigalpa;HUN|Hungary|Budapest;ISL|Iceland|Reykjavik;IND|India|New Delhi
IDN|Indonesia|Jakarta;IRN|Iran|Tehran/Teheran;IRQ|Iraq|Baghdad;IRL|Ireland|Dublin;ISR|Israel|Jerusalem
ITA|Italy|Rome;JAM|Jamaica|Kingston;JPN|Japan|Tokyo;JOR|Jordan|Amman;KAZ|Kazakhstan|Astana
KEN|Kenya|Nairobi;KIR|Kiribati|Tarawa;PRK|North Korea|Pyongyang;KOR|South Korea|Seoul;KWT|Kuwait|Kuwait City
KGZ|Kyrgyzstan|Bishkek;LAO|Laos|Vientiane;LVA|Latvia|Riga;LBN|Lebanon|Beirut;LSO|Lesotho|Maseru
LBR|Liberia|Monrovia;LBY|Libya|Tripoli;LIE|Liechtenstein|Vaduz;LTU|Lithuania|Vilnius
LUX|Luxembourg|Luxembourg City;MDG|Madagascar|Antananarivo;MWI|Malawi|Lilongwe;MYS|Malaysia|Kuala Lumpur
MDV|Maldives|;MLI|Mali|Bamako;MLT|Malta|Valletta;MHL|Marshall Islands|Majuro;MRT|Mauritania|Nouakchott
MUS|Mauritius|Port Louis;MEX|Mexico|Mexico City;FSM|Micronesia|Palikir;MDA|Moldova|Chisinau
MCO|Monaco|Monaco-Ville;MNG|Mongolia|Ulaanbaatar/Ulan Bator;MNE|Montenegro|Podgorica;MAR|Morocco|Rabat
MOZ|Mozambique|Maputo;MMR|Myanmar|Naypyidaw/Naypyitaw/Nay Pyi Taw;NAM|Namibia|Windhoek;NRU|Nauru|Yaren
NPL|Nepal|Kathmandu;NLD|Netherlands|Amsterdam/The Hague;NZL|New Zealand|Wellington;NIC|Nicaragua|Managua
NER|Niger|Niamey;NGA|Nigeria|Abuja;MKD|North Macedonia|Skopje;NOR|Norway|Oslo;OMN|Oman|Muscat
PAK|Pakistan|Islamabad;PLW|Palau|Ngerulmud;PAN|Panama|Panama City;PNG|Papua New Guinea|Port Moresby
PRY|Paraguay|Asuncion/Asunción;PER|Peru|Lima;PHL|Philippines|Manila;POL|Poland|Warsaw;PRT|Portugal|Lisbon
QAT|Qatar|Doha;ROU|Romania|Bucharest;RUS|Russia|Moscow;RWA|Rwanda|Kigali;KNA|Saint Kitts and Nevis|Basseterre
LCA|Saint Lucia|Castries;VCT|Saint Vincent and the Grenadines|Kingstown;WSM|Samoa|Apia
SMR|San Marino|City of San Marino;STP|Sao Tome and Principe|Sao Tome;SAU|Saudi Arabia|Riyadh
SEN|Senegal|Dakar;SRB|Serbia|Belgrade;SYC|Seychelles|;SLE|Sierra Leone|Freetown
SGP|Singapore|;SVK|Slovakia|Bratislava;SVN|Slovenia|Ljubljana;SLB|Solomon Islands|Honiara
SOM|Somalia|Mogadishu;ZAF|South Africa|Pretoria;SSD|South Sudan|Juba;ESP|Spain|Madrid
LKA|Sri Lanka|Colombo/Sri Jayawardenepura Kotte;SDN|Sudan|Khartoum;SUR|Suriname|Paramaribo
SWE|Sweden|Stockholm;CHE|Switzerland|Bern/Berne;SYR|Syria|Damascus;TJK|Tajikistan|Dushanbe
TZA|Tanzania|Dodoma;THA|Thailand|Bangkok;TLS|East Timor|Dili;TGO|Togo|Lome/Lomé;TON|Tonga|Nuku'alofa
TTO|Trinidad and Tobago|Port of Spain;TUN|Tunisia|Tunis;TUR|Turkey|Ankara;TKM|Turkmenistan|Ashgabat
TUV|Tuvalu|Funafuti;UGA|Uganda|Kampala;UKR|Ukraine|Kyiv/Kiev;ARE|United Arab Emirates|Abu Dhabi
GBR|United Kingdom|London;USA|United States|Washington/Washington D.C./Washington DC;URY|Uruguay|Montevideo
UZB|Uzbekistan|Tashkent;VUT|Vanuatu|Port Vila;VEN|Venezuela|Caracas;VNM|Vietnam|Hanoi;YEM|Yemen|Sanaa/Sana'a
ZMB|Zambia|Lusaka;ZWE|Zimbabwe|Harare;PSE|Palestine|Ramallah;XKX|Kosovo|Pristina;TWN|Taiwan|Taipei
VAT|Vatican City|`;

// Other ISO 3166-1 alpha-3 codes (territories) the dictionaries use as countries.
const TERRITORIES = "ABW AIA ASM BMU CYM COK GGY GIB GLP GRL GUF GUM HKG IMN JEY MAC MSR MTQ NCL NIU " +
  "PCN PRI PYF REU SHN TCA TKL VGB VIR WLF ESH FRO FLK";
// CAMEO country codes that are not ISO 3166-1 alpha-3.
const CAMEO_TO_ISO = { KSV: "XKX", ROM: "ROU", TMP: "TLS", ZAR: "COD", ANG: "AGO", BUR: "MMR" };

// CAMEO role codes → ActorKind (src/core/record.ts). Roles not listed (HLH, EDU, ...) are skipped
// while scanning a code left to right; SPY wins wherever it stands ("GOVSPY" is a spy agency).
const ROLE_KIND = {
  GOV: "government", ELI: "government", LEG: "government", JUD: "government",
  MIL: "military", COP: "police", SPY: "intelligence",
  REB: "armed_group", INS: "armed_group", UAF: "armed_group", SEP: "armed_group", IMG: "armed_group",
  OPP: "political_party", PTY: "political_party", CVL: "civilians", REF: "civilians",
  IGO: "igo", NGO: "ngo", NGM: "ngo", HRI: "ngo", MED: "media", JRN: "media", BUS: "business", MNC: "business",
};

// Short acronyms that are also English words: matched only in capitals ("US", "IS", "AID").
const SHORT_WORDS = new Set(("aid all and any are arm art bad ban bar big can car cat day did "
  + "die dog due end era eye fan far few fit for fun gas get god gun had has her him his hit "
  + "hot how ice ill its job key law lay led leg let lie man map may men net new nor not now "
  + "oil old one our out own pay per put ran red run sad saw say sea see set she six son sun "
  + "tax ten the tip too top two use war was way who why win won yes yet you able also army "
  + "back ball band bank base bear best bill blow boat body bomb call camp card care case cash "
  + "cell city club code come cool core cost crew dark data date dawn dead deal debt deny down "
  + "drop drug duty each east edge even face fact fair fall farm fast fear file film find fire "
  + "firm five flag food form fort four free from fund gain game gate give goal gold good gulf "
  + "hand hard harm have head hear held help here hero high hill hold home hope host into iron "
  + "jail join just keep kill kind king land last lead left life like line link list live load "
  + "lock long look lord loss love made main make many mark mass mine miss more most move much "
  + "must name navy near need news next none note once only open over pace pact park part pass "
  + "past peak plan play plot poll port post pure race raid rain rank rate read real rest rich "
  + "ride ring rise risk road rock role rule safe said sale same save seat seek self sell send "
  + "ship shop shot show side sign site star stay step stop such take talk tank task team tell "
  + "term test than that them then they this time told toll town tree true turn type unit upon "
  + "used very view vote wage wait walk wall want ward warn wave week well went were west what "
  + "when wide wife will wind wing wise wish with word work year zone").split(" "));

// Single words that are never an actor by themselves (the dictionaries list some as synonyms).
const GENERIC = new Set(("organization organisation movement group front army party council "
  + "committee government ministry police military union alliance brigade brigades forces force "
  + "people state republic kingdom federation the resistance revolution mission commission "
  + "islamic jihad liberation national ngo ngos").split(" "));

// Single words the dictionaries list as names of groups that are ordinary words in news text.
const STOP = new Set(("youth machete falcon zero tigers senate emetic yahweh aleph insula olive paradise "
  + "mavericks boogeymen muhammed muhannad hamzah shahin bersatu hotaru karamah clandestini soviet "
  + "gazan gaza rafah organization tanzim north south east west").split(" "));

// Group names that read as dates ("MAY_15", "21_JUNE") would turn dates into actors.
const DATE_LIKE = /^(\d+ )?(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)( \d+)?$/;

// Words that mark a place rather than a name of the country itself.
const PLACE_WORDS = /\b(PROVINCE|GOVERNORATE|REGION|DISTRICT|CITY|VALLEY|ISLANDS?|STRIP|BANK|COUNTY|AREA|AGENCY|TERRITORY|OBLAST|PREFECTURE|RIVER|MOUNTAINS?|DESERT|LAKE)\b/;

const SMALL = new Set(["of", "the", "and", "for", "in", "on", "at", "to", "de", "la", "du", "des",
  "del", "y", "et", "a", "an", "by", "with", "from"]);
const VOWELS = /[AEIOUY]/;

/** Parses YYMMDD / YYYYMMDD (and the file's few malformed lengths) into YYYYMMDD. */
function parseDate(raw) {
  let s = raw.replace(/\D/g, "");
  if (s.length === 10) s = s.slice(2);
  if (s.length === 7) s = /^(19|20)/.test(s) ? s.slice(0, 4) + "0" + s.slice(4) : s.slice(0, 6);
  if (s.length === 6) s = (Number(s.slice(0, 2)) < 30 ? "20" : "19") + s;
  return s.length === 8 ? Number(s) : null;
}

/** `[CODE]`, `[CODE >date]`, `[CODE <date]`, `[CODE d1-d2]` → {code, from, to} (null = open). */
function parseRestrictions(text) {
  const out = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const [code = "", ...rest] = (m[1] ?? "").trim().split(/\s+/);
    if (!/^[A-Z]+$/.test(code)) continue;      // "---" is PETRARCH's null code
    const r = rest.join("");
    let from = null, to = null;
    if (r.startsWith(">")) from = parseDate(r);
    else if (r.startsWith("<")) to = parseDate(r);
    else if (r.includes("-")) { const [a = "", b = ""] = r.split("-"); from = parseDate(a); to = parseDate(b); }
    out.push({ code, from, to, dated: r.length > 0 });
  }
  return out;
}

/**
 * Reads one actor dictionary into records {names, codes, comment}. As in PETRARCH's reader, a
 * primary phrase without any code yet shares the code list of the phrase that follows it.
 */
function parseDictionary(text) {
  const records = [];
  let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.includes("---STOP---")) break;
    const cut = raw.search(/[#;]/);
    const comment = cut >= 0 ? raw.slice(cut + 1) : "";
    const line = (cut >= 0 ? raw.slice(0, cut) : raw).trimEnd();
    const t = line.trim();
    if (!t) continue;
    if (/^\s/.test(line) && t.startsWith("[")) { cur?.codes.push(...parseRestrictions(t)); continue; }
    if (t.startsWith("+")) { cur?.names.push(...t.slice(1).split("+")); continue; }
    const bracket = t.indexOf("[");
    const phrase = bracket >= 0 ? t.slice(0, bracket) : t;
    const codes = bracket >= 0 ? parseRestrictions(t.slice(bracket)) : [];
    if (cur && cur.codes.length === 0) { cur.names.push(phrase); cur.codes.push(...codes); cur.comment += comment; }
    else { cur = { names: [phrase], codes, comment }; records.push(cur); }
  }
  return records;
}

/** The code in force on NOW, else the default code, else the most recent dated one. */
function currentCode(codes) {
  const live = codes.filter((c) => c.dated && (c.from ?? 0) <= NOW && (c.to ?? 99999999) >= NOW);
  if (live.length) return live[live.length - 1].code;
  const dflt = codes.filter((c) => !c.dated);
  if (dflt.length) return dflt[0].code;
  const sorted = [...codes].sort((a, b) => (a.to ?? 99999999) - (b.to ?? 99999999) || (a.from ?? 0) - (b.from ?? 0));
  return sorted.length ? sorted[sorted.length - 1].code : null;
}

/** Most recent dated code (a person's last office), else the default code. */
function latestDatedCode(codes) {
  const dated = codes.filter((c) => c.dated);
  if (!dated.length) return currentCode(codes);
  const sorted = [...dated].sort((a, b) => (a.to ?? 99999999) - (b.to ?? 99999999) || (a.from ?? 0) - (b.from ?? 0));
  return sorted[sorted.length - 1].code;
}

// Names a state goes by that its own name does not resemble (demonyms, short and former names).
const ALSO_NAMED = Object.fromEntries(`GBR:Britain|British|Great Britain|Briton|Britons|UK|U.K.
USA:America|American|Americans|US|U.S.|USA|U.S.A.;NLD:Dutch|Holland;CHE:Swiss;FRA:French;DEU:German|Germans
COD:DRC|DR Congo|Congolese|Congo-Kinshasa|Democratic Republic of Congo|Zaire;COG:Congo-Brazzaville
MMR:Burma|Burmese;PRK:DPRK|D.P.R.K.|North Koreans;KOR:ROK|South Koreans;CHN:PRC|Chinese;ARE:UAE|U.A.E.|Emirati|Emirates
CIV:Ivorian|Cote d'Ivoire|Côte d'Ivoire;PHL:Filipino|Philippine;SAU:Saudi|Saudis|Saudi Arabian;TUR:Turkish|Türkiye|Turkiye|Turk
SWZ:Swaziland|Swazi;MKD:Macedonia|Macedonian;CZE:Czechia|Czech;CPV:Cabo Verde|Cape Verdean;TLS:Timor-Leste
IRN:Iranian|Iranians;IRQ:Iraqi|Iraqis;AFG:Afghan|Afghans;PAK:Pakistani|Pakistanis;IND:Indian;ISR:Israeli|Israelis
PSE:Palestinian|Palestinians|State of Palestine;SYR:Syrian|Syrians;LBN:Lebanese;YEM:Yemeni;SDN:Sudanese;SSD:South Sudanese
SOM:Somali;ETH:Ethiopian;ERI:Eritrean;KEN:Kenyan;NGA:Nigerian;NER:Nigerien;MLI:Malian;BFA:Burkinabe;TCD:Chadian
CAF:Central African;CMR:Cameroonian;RWA:Rwandan;UGA:Ugandan;BDI:Burundian;MOZ:Mozambican;LBY:Libyan;EGY:Egyptian
UKR:Ukrainian|Ukrainians;RUS:Russian|Russians|Russian Federation;BLR:Belarusian;GEO:Georgian;ARM:Armenian;AZE:Azerbaijani|Azeri
JOR:Jordanian;QAT:Qatari;KWT:Kuwaiti;BHR:Bahraini;OMN:Omani;DZA:Algerian;MAR:Moroccan;TUN:Tunisian
BGD:Bangladeshi;LKA:Sri Lankan;NPL:Nepali|Nepalese;MEX:Mexican;COL:Colombian;VEN:Venezuelan;HTI:Haitian
ECU:Ecuadorian|Ecuadorean;PER:Peruvian;BRA:Brazilian;ARG:Argentine|Argentinian;CUB:Cuban;NIC:Nicaraguan;SLV:Salvadoran
GTM:Guatemalan;HND:Honduran;JPN:Japanese;TWN:Taiwanese;IDN:Indonesian;THA:Thai;VNM:Vietnamese;KHM:Cambodian;LAO:Lao|Laotian
POL:Polish;ITA:Italian;ESP:Spanish;GRC:Greek;SRB:Serbian;XKX:Kosovar|Kosovan;MDA:Moldovan;KAZ:Kazakh;UZB:Uzbek;TJK:Tajik`
  .split(/[;\n]/).map((row) => { const [iso = "", names = ""] = row.split(":"); return [iso, names.split("|")]; }));

const STATE_ROWS = STATES.split(/[;\n]/).map((row) => {
  const [iso = "", name = "", capitals = ""] = row.split("|");
  return { iso, name, capitals: capitals ? capitals.split("/") : [] };
});
const ISO = new Set([...STATE_ROWS.map((r) => r.iso), ...TERRITORIES.split(" ")]);
const KNOWN_WORDS = new Set([...STATE_ROWS.flatMap((r) => [r.name, ...r.capitals]),
  ...Object.values(ALSO_NAMED).flat().filter((n) => !/^[A-Z.]+$/.test(n))].map((s) => s.toUpperCase()));

const toIso = (cameo) => { const c = CAMEO_TO_ISO[cameo] ?? cameo; return ISO.has(c) ? c : null; };

/** Splits a CAMEO code into its country (ISO3 or null) and role chunks. */
function splitCode(code) {
  const chunks = code.match(/.{1,3}/g) ?? [];
  const first = chunks[0] ?? "";
  if (["IGO", "NGO", "NGM", "IMG", "MNC"].includes(first)) {
    const second = chunks[1] ?? "";
    return { country: first === "IGO" || second === "MUS" ? null : toIso(second), roles: chunks };
  }
  // MUS is both Mauritius and CAMEO's "Muslim": only a state role makes it the country.
  if (first === "MUS" && !["GOV", "ELI", "LEG", "JUD", "MIL", "COP", "OPP", "PTY", undefined].includes(chunks[1])) {
    return { country: null, roles: chunks };
  }
  // A code may open with its role ("MED", "ELI") when the actor has no country.
  const country = toIso(first);
  return { country, roles: country || !ROLE_KIND[first] ? chunks.slice(1) : chunks };
}

function kindOf(code) {
  const { roles } = splitCode(code);
  if (roles.includes("SPY")) return "intelligence";
  for (const r of roles) if (ROLE_KIND[r]) return ROLE_KIND[r];
  return "other";
}

/** "AL-QAEDA_IN_IRAQ_" → "Al-Qaeda in Iraq"; parenthesised acronyms come back separately. */
function cleanName(raw) {
  const acronyms = [];
  let s = raw.replace(/\(([^)]*)\)/g, (_, inner) => {
    if (/^[A-Z.]{2,8}$/.test(inner)) acronyms.push(inner);
    return " ";
  });
  s = s.replace(/_/g, " ").replace(/\s+/g, " ").replace(/^[\s,.\-:/]+|[\s,\-:/]+$/g, "").trim()
    .replace(/^THE (?=\S+ \S)/i, "");
  return { text: s.toUpperCase(), acronyms };
}

function isAcronym(upper) {
  if (upper.includes(" ")) return false;
  if (KNOWN_WORDS.has(upper)) return false;
  const letters = upper.replace(/\./g, "");
  if (!/^[A-Z0-9]+$/.test(letters) || !/[A-Z]/.test(letters)) return false;
  return upper.includes(".") || !VOWELS.test(letters) || letters.length <= 4;
}

function titleCase(upper) {
  if (isAcronym(upper)) return upper;
  return upper.split(" ").map((w, i) => {
    const lw = w.toLowerCase();
    if (i > 0 && SMALL.has(lw)) return lw;
    if (["US", "UN", "UK", "EU", "AU", "DR"].includes(w)) return w;
    if (w.includes(".") && w.length <= 6) return w;                    // U.N., U.S.
    if (w.length > 1 && /^[A-Z]+$/.test(w) && !VOWELS.test(w)) return w; // KRG, PKK
    return lw.replace(/(^|[-'’/])(\p{L})/gu, (_, p, c) => p + c.toUpperCase())
      .replace(/'S\b/g, "'s").replace(/^D'/, "d'");
  }).join(" ");
}

/** Letter-bigram Dice similarity, for telling a country's name variants from its cities. */
function dice(a, b) {
  const grams = (s) => { const g = new Map(); const t = s.replace(/[^A-Z]/g, "");
    for (let i = 0; i < t.length - 1; i++) { const k = t.slice(i, i + 2); g.set(k, (g.get(k) ?? 0) + 1); } return g; };
  const ga = grams(a), gb = grams(b);
  let both = 0, total = 0;
  for (const [k, n] of ga) { both += Math.min(n, gb.get(k) ?? 0); total += n; }
  for (const n of gb.values()) total += n;
  return total ? (2 * both) / total : 0;
}

/** Whether a surface form listed under a country names the country itself (not a place in it). */
function namesCountry(upper, stems) {
  if (PLACE_WORDS.test(upper)) return false;
  const words = upper.split(" ");
  const like = (w) => stems.some((s) => dice(w, s) >= 0.6 || (w.length >= 5 && s.startsWith(w.slice(0, 5))));
  // "Republic of India", "West Germany": the country's word must close the phrase.
  return words.length === 1 ? like(upper) : like(words[words.length - 1] ?? "");
}

const slug = (s) => s.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toUpperCase().replace(/[\s_-]+/g, "-");
const norm = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  .replace(/[^\p{L}\p{N}]+/gu, " ").replace(/^the /, "").trim();

/** Sorts surface forms into case-insensitive aliases and exact-case acronyms. */
function surfaceForms(uppers, nameKey, allowTwoLetters) {
  const aliases = [], exact = [], seen = new Set([nameKey]);
  for (const u of uppers) {
    const key = norm(u);
    if (!key || seen.has(key) || GENERIC.has(key) || STOP.has(key) || !/\p{L}{2}/u.test(key)) continue;
    seen.add(key);
    const letters = u.replace(/\./g, "");
    // Two-letter acronyms ("AN", "CA") collide with headline capitals; only states and IGOs keep them.
    if (letters.length === 2 && !allowTwoLetters) continue;
    if (isAcronym(u) && (letters.length === 2 || SHORT_WORDS.has(letters.toLowerCase()))) exact.push(u);
    else aliases.push(titleCase(u));
  }
  return { aliases, exact };
}

function looksLikePerson(upper) {
  const words = upper.split(" ");
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][A-Z.'-]*$/.test(w))
    && !words.some((w) => ORG_WORDS.test(w));
}
const ORG_WORDS = /^(INTERNATIONAL|ORGANI[SZ]ATION|ASSOCIATION|COUNCIL|COMMITTEE|COMMISSION|FUND|BANK|UNION|AGENCY|FOUNDATION|INSTITUTE|CENTRE|CENTER|WATCH|NETWORK|GROUP|FRONT|ARMY|PARTY|MOVEMENT|FORCES?|BRIGADES?|TRUST|SOCIETY|PROGRAMME|PROGRAM|PROJECT|MISSION|OFFICE|COURT|TRIBUNAL|FEDERATION|LEAGUE|ALLIANCE|CORPS|SERVICES?|RELIEF|AID|UN|UNITED|NATIONS|WORLD|GLOBAL|EUROPEAN|AFRICAN|ASIAN|ARAB|ISLAMIC|NATIONAL|PEOPLE'?S|FRIENDS|CHILDREN|DOCTORS|RIGHTS|HUMAN|CROSS|CRESCENT|MEDIA|NEWS|TIMES|PRESS|RADIO|TV|AL|BORDERS|PEACE|BOARD|SECRETARIAT|PARLIAMENT|ASSEMBLY|CONFERENCE|COMMUNITY|AUTHORITY|COOPERATION|DEVELOPMENT|PARTNERSHIP|INITIATIVE|CAMPAIGN|COALITION|JIHAD|TALIBAN|QAEDA|HAMAS|ORGANIZATIONS?)$/;

/** Curated surface forms: Phoenix leaves them to curated.json. */
function curatedForms() {
  const claimed = new Set();
  if (!existsSync(CURATED)) return claimed;
  for (const e of JSON.parse(readFileSync(CURATED, "utf8")).actors)
    for (const s of [e.name, ...e.aliases, ...(e.exact ?? [])]) claimed.add(norm(s));
  return claimed;
}

/** Reads the three dictionaries: names of each country (by ISO3) and every other record kept. */
function readRecords(counts) {
  const states = new Map(STATE_ROWS.map((row) => [row.iso, { row, names: [], cameo: row.iso }]));
  const others = [];
  for (const [fileIndex, file] of FILES.entries()) {
    const records = parseDictionary(readFileSync(join(DICT_DIR, file), "utf8"));
    counts.records += records.length;
    for (const rec of records) {
      const code = currentCode(rec.codes);
      if (!code || code === "KNT") { counts.droppedNoCode++; continue; }   // KNT: a fictional country
      const cleaned = rec.names.map(cleanName).filter((n) => n.text);
      const uppers = [...new Set(cleaned.flatMap((n) => [n.text, ...n.acronyms]))];
      if (!uppers.length) continue;
      // A record coded with a bare country code is that country: its names join the state entry.
      const st = fileIndex === 0 && /^[A-Z]{3}$/.test(code) ? states.get(toIso(code) ?? "") : undefined;
      if (st) { st.names.push(...uppers); if (CAMEO_TO_ISO[code]) st.cameo = code; continue; }
      const dated = rec.codes.filter((c) => c.dated);
      // Office holders: CountryInfo/IGOrulers lines, elite (ELI) codes, or a person's name with
      // dated codes (International lists many undated names of officials too).
      const person = /CountryInfo|rulers/i.test(rec.comment)
        || rec.codes.some((c) => splitCode(c.code).roles.includes("ELI"))
        || (looksLikePerson(cleaned[0]?.text ?? "") && (dated.length > 0 || fileIndex === 1));
      if (person && dated.length && dated.every((c) => c.to !== null && c.to < PERSON_CUTOFF)) {
        counts.droppedPersons++; continue;
      }
      const kind = person ? "person" : fileIndex === 2 ? "armed_group" : kindOf(code);
      if (code.startsWith("MNC") && kind !== "media") { counts.droppedBusiness++; continue; }
      const ownCode = person ? latestDatedCode(rec.codes) ?? code : code;
      others.push({ code: ownCode, person, kind, country: splitCode(ownCode).country, uppers });
    }
  }
  return { states, others };
}

/** One entry per state: its name, capitals, the names it goes by; cities and provinces dropped. */
function stateEntries(states, claimed, counts, uniqueId) {
  const entries = [];
  for (const [iso, st] of states) {
    const always = new Set([...st.row.capitals, ...(ALSO_NAMED[iso] ?? [])].map((c) => c.toUpperCase()));
    const stems = [st.row.name, ...(ALSO_NAMED[iso] ?? [])].flatMap((n) => n.toUpperCase().split(/[\s-]+/))
      .filter((w) => w.length >= 4 && !GENERIC.has(w.toLowerCase()));
    const kept = st.names.filter((u) => always.has(u) || u.includes(st.row.name.toUpperCase()) || namesCountry(u, stems));
    counts.droppedCities += st.names.length - kept.length;
    if (SHOW_DROPPED) console.log(iso, st.names.filter((u) => !kept.includes(u)).join(" | "));
    const lost = [...kept, ...always].filter((u) => claimed.has(norm(u)));
    if (lost.length) console.log(`${iso}: names claimed by curated.json:`, lost.join(", "));
    const forms = surfaceForms([...kept, ...always].filter((u) => !claimed.has(norm(u))), norm(st.row.name), true);
    entries.push({ id: uniqueId(st.cameo), name: st.row.name, ...forms, kind: "state", country: iso, parent: null });
    counts.states++;
  }
  return entries;
}

/** Entries for institutions, groups and office holders; parents are their country's state. */
function otherEntries(others, taken, stateIdOf, counts, uniqueId) {
  const entries = [];
  const byName = new Map();
  for (const o of others) {
    // A Phoenix entry whose own name a curated entry claims is that curated actor, coded anew.
    if (taken.has(norm(o.uppers[0] ?? ""))) { counts.replacedByCurated++; continue; }
    const free = o.uppers.filter((u) => !taken.has(norm(u)));
    counts.droppedClaimed += o.uppers.length - free.length;
    const forms0 = free.filter((u) => !GENERIC.has(norm(u)) && !STOP.has(norm(u)) && /\p{L}{2}/u.test(u)
      && !DATE_LIKE.test(u));
    if (!forms0.length) continue;
    const name = titleCase(forms0[0] ?? "");
    const more = surfaceForms(forms0.slice(1), norm(name), o.kind === "igo");
    // The dictionaries repeat records (the NGO list twice, "UN_" beside "THE_UNITED_NATIONS_"):
    // one entry per kind and name.
    const twin = byName.get(`${o.kind}|${norm(name)}`);
    if (twin) {
      const have = new Set([twin.name, ...twin.aliases, ...twin.exact].map(norm));
      twin.aliases.push(...more.aliases.filter((a) => !have.has(norm(a))));
      twin.exact.push(...more.exact.filter((a) => !have.has(norm(a))));
      counts.merged++;
      continue;
    }
    const stateId = o.country ? stateIdOf.get(o.country) ?? null : null;
    const id = o.person ? uniqueId(`${stateId ?? "INT"}-${slug(name)}`) : uniqueId(o.code, `${o.code}-${slug(name)}`);
    const entry = { id, name, ...more, kind: o.kind, country: o.country, parent: stateId };
    byName.set(`${o.kind}|${norm(name)}`, entry);
    entries.push(entry);
    if (o.person) counts.persons++; else counts.organisations++;
  }
  return entries;
}

function build() {
  const counts = { records: 0, states: 0, persons: 0, organisations: 0, droppedPersons: 0,
    droppedBusiness: 0, droppedCities: 0, droppedNoCode: 0, droppedClaimed: 0, replacedByCurated: 0, merged: 0 };
  const usedIds = new Set();
  // The first entry with a code keeps the bare code ("PAKSPY"); later ones take `alt`
  // (code and name), then a number.
  const uniqueId = (base, alt = base) => {
    let id = usedIds.has(base) ? alt : base;
    for (let n = 2; usedIds.has(id); n++) id = `${alt}-${n}`;
    usedIds.add(id);
    return id;
  };
  const claimed = curatedForms();
  const { states, others } = readRecords(counts);
  const stateList = stateEntries(states, claimed, counts, uniqueId);
  const stateIdOf = new Map(stateList.map((e) => [e.country, e.id]));
  // A state's names are not also names of other entries ("Washington", "Pakistani").
  const taken = new Set(claimed);
  for (const e of stateList) for (const f of [e.name, ...e.aliases, ...e.exact]) taken.add(norm(f));
  const actors = [...stateList, ...otherEntries(others, taken, stateIdOf, counts, uniqueId)];

  const doc = { source: "PETRARCH2/Phoenix dictionaries (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf), built by scripts/build-actors.mjs",
    licence: "MIT, (c) 2014 Open Event Data (see data/actors/SOURCE.md)", actors };
  writeFileSync(OUT, JSON.stringify(doc) + "\n");
  const kinds = {};
  for (const a of actors) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  console.log(`phoenix.json: ${actors.length} actors`, kinds);
  console.log("build:", counts);
}

build();
