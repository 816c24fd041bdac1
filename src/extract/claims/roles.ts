/**
 * What a speaker's head noun says about them: an expert ("analyst"), a witness ("resident",
 * "passenger"), an official (a title), a source, the media, an organisation, or a relative.
 * Titles split into offices one person holds ("Turkey's president": a named official even
 * unnamed) and roles many hold ("a spokesman", "officials": anonymous).
 */

export type Role = "expert" | "witness" | "kin" | "office" | "official" | "source" | "media" | "org" | "document";

const ROLES: [Role, RegExp][] = [
  ["expert", /^(experts?|analysts?|researchers?|scholars?|professors?|academics?|specialists?|economists?|historians?|fellows?|consultants?|criminologists?|strategists?)$/],
  ["witness", /^(witness(es)?|eyewitness(es)?|residents?|villagers?|survivors?|locals?|passengers?|shopkeepers?|traders?|vendors?|farmers?|drivers?|fisherm[ae]n|students?|teachers?|nurses?|doctors?|surgeons?|physicians?|medics?|paramedics?|protesters?|demonstrators?|neighbou?rs?|onlookers?|shop-owners?|motorists?|herders?|refugees?|evacuees?|hostages?|worshippers?|patients?|workers?)$/],
  ["kin", /^(relatives?|father|mother|brother|sister|son|daughter|wife|husband|uncle|aunt|cousin|nephew|niece|parents?|widow|grandmother|grandfather|family|families)$/],
  ["office", /^(president|vice-president|minister|governor|mayor|ambassador|commander|commander-in-chief|chief|head|secretary|chancellor|premier|king|queen|emir|leader|chairman|chairwoman|director|prosecutor|attorney|speaker|ayatollah|general|colonel|major|lieutenant|captain|brigadier|admiral|sultan|prince|pope|patriarch|envoy|coordinator|administrator|chief-of-staff)$/],
  ["official", /^(officials?|spokes(man|woman|person|people|men|women)|officers?|diplomats?|aides?|advis[eo]rs?|negotiators?|lawmakers?|legislators?|mps?|senators?|representatives?|commanders|chiefs|ministers|governors|generals|envoys|authorities-source)$/],
  ["source", /^(sources?|insiders?)$/],
  ["media", /^(television|tv|media|newspapers?|broadcasters?|radio|channels?|outlets?|daily|tabloid|journalists?|reporters?|correspondents?|wire)$/],
  ["document", /^(data|figures|tally|count|statistics|videos?|footage|reports?|statements?|estimates?|records?|documents?|assessments?|census|survey|images|photos|photographs|analysis|study|list|tallies|counts|numbers)$/],
  ["org", /^(government|governments|ministry|ministries|office|army|military|police|command|forces|authorities|administration|junta|council|commission|committee|groups?|organi[sz]ations?|coalition|alliance|agency|agencies|embassy|embassies|firm|company|consultancy|tank|monitor|observatory|court|parliament|assembly|party|movement|militia|rebels|insurgents|department|bureau|mission|staff|services?|navy|guard|cabinet|presidency|kremlin|pentagon|union|federation|network|centre|center|institute|foundation|charity|ngos?|body|regime|opposition|platform|front|brigades?|cartel|gang|secretariat|directorate|prosecutors|prosecution|judiciary|inquiry|unit|watchdog|state|states|countries|nations|organi[sz]ers)$/],
];

/**
 * The roles' patterns as one, each in a group named for its role: the first role in order whose
 * pattern matches the whole word is the group that matches, read with one pass over the word.
 */
const ANY_ROLE = new RegExp(`^(?:${ROLES.map(([role, re]) => `(?<${role}>${re.source.replace(/^\^|\$$/g, "")})`).join("|")})$`);

/** The role a (lowercased) head noun names, or null. */
export function roleOf(word: string): Role | null {
  const groups = ANY_ROLE.exec(word)?.groups;
  if (!groups) return null;
  for (const [role] of ROLES) if (groups[role] !== undefined) return role;
  return null;
}

/** Words before a title that take the office away or make it no office of state. */
export const NOT_IN_OFFICE = /^(former|ousted|deposed|ex|exiled|late|retired|opposition|community|tribal|religious|local|village|clan|protest|student|civil|church|traditional|union|rebel|militia|gang|cartel)$/;
/** Qualifiers that make a source or a document official ("military sources", "official figures"). */
export const OFFICIAL_QUALIFIERS = /^(military|security|government|governmental|intelligence|police|diplomatic|official|ministry|army|defen[cs]e|administration|palace|state|regime|judicial|prosecution|cabinet)$/;
/** Bloc adjectives that leave an institution unidentified ("a Western embassy"). */
export const VAGUE = /^(western|foreign|european|arab|regional|gulf|african|asian|neighbou?ring|allied|international)$/;
/** What a newspaper calls itself as a source of what it saw. */
export const SELF = /^(this|the) (newspaper|paper|agency|news agency|publication|outlet|reporter|correspondent)$|^(us|reporters)$/i;
