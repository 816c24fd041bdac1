/**
 * One document through every stage: analyse, find places and actor mentions, read claims,
 * events, statistics and relations, then build the record with ids and evidence spans.
 * The one file that knows the order of the extraction stages.
 */
import type { Actor, Event, ExtractionRecord, Place, Range, SourceDocument, Span } from "../core/index.js";
import { analyze, type AnalyzedText } from "../nlp/index.js";
import { findDates, type DateMention } from "../nlp/dates.js";
import { words as wordsOf } from "../nlp/words.js";
import type { ActorRules } from "../rules/actors.js";
import type { EventRules } from "../rules/events.js";
import type { Gazetteer } from "../rules/gazetteer.js";
import { wordClass } from "../rules/lexicon.js";
import type { RelationPattern } from "../rules/relations.js";
import { assignCountries, namedActorCountries } from "./actors/countries.js";
import { MentionFinder } from "./actors/mentions.js";
import { ClaimReader, type FoundClaim } from "./claims/index.js";
import type { DocContext, Entity } from "./context.js";
import { readAllegations } from "./events/allegations.js";
import { readEvents, type DraftEvent } from "./events/index.js";
import { mergeRepeats } from "./events/repeats.js";
import { borderTargets, placeTargets } from "./events/place-targets.js";
import { eventPlacer, findPlaces } from "./places/index.js";
import { readRelations } from "./relations/index.js";
import { readStatistics } from "./statistics/index.js";
import { tollsIn, type Tolls } from "./tolls/index.js";
import { eventDate } from "./when/index.js";

export interface Rules {
  actors: ActorRules;
  events: EventRules;
  gazetteer: Gazetteer;
  relations: RelationPattern[];
}

const ABBREVIATIONS = wordClass("abbreviations");
/** Types of acts done where they land, placed at the finer place of their sentence. */
const ON_SITE = wordClass("on-site-event-types");

/** Extract the record of one document. */
export function extractDocument(doc: SourceDocument, rules: Rules, version: string): ExtractionRecord {
  const a = analyze(doc.text, ABBREVIATIONS);
  const words = wordsOf(a);
  const ctx: DocContext = { doc, a, words, mentions: [], mentionAt: new Int32Array(a.tokens.length).fill(-1), entities: new Map(), used: new Set() };
  const places = findPlaces(doc.text, rules.gazetteer, { actorCountries: namedActorCountries(words, rules.actors) });
  const placeMentions = places.flatMap((p) => p.mentions);
  const placeSpans = new Set(placeMentions.map(([s, e]) => `${s}:${e}`));
  // the first place with a mention starting at an offset, looked up for every word
  const placeStarts = new Map<number, Place>();
  for (const p of places) for (const [s] of p.mentions) if (!placeStarts.has(s)) placeStarts.set(s, p);
  const gaz = rules.gazetteer;
  new MentionFinder({
    rules: rules.actors,
    demonym: (w) => gaz.countryByDemonym(w)?.iso3 ?? null,
    countryName: (iso3) => gaz.country(iso3)?.name ?? iso3,
    isPlace: (s, e) => placeSpans.has(`${s}:${e}`) || placeMentions.some(([ps, pe]) => ps <= s && e <= pe),
    placeAt: (s) => placeStarts.get(s) ?? null,
    isEventWord: (key) => rules.events.eventWords.has(key),
    isPastForm: (key) => rules.events.pastForms.has(key),
    placeCountries: new Set(places.map((p) => p.country).filter((c): c is string => c !== null)),
  }, ctx).run();
  assignCountries(ctx, places);

  const wordIndex = new Int32Array(a.tokens.length).fill(-1);
  for (let i = words.length - 1; i >= 0; i--) wordIndex[(words[i] as (typeof words)[number]).token] = i;

  const claims = new ClaimReader(ctx);
  a.sentences.forEach((_, si) => claims.read(si));
  const dates = findDates(doc.text, doc.published, a.sentences);
  const statistics = readStatistics(ctx, dates, claims.claims);
  // "19 attacks in 2024" is a statistic, not an event of its own; "has massed 50,000 troops" is
  // both: one deployment, and the count of the forces it moved
  const counted = (d: DraftEvent) => {
    if (d.type === "MOBILIZE") return false;
    const at = (a.tokens[d.trigger.head] as (typeof a.tokens)[number]).start;
    return statistics.some((st) => st.evidence.some(([s0, s1]) => s0 <= at && at < s1));
  };
  const drafts = readEvents(ctx, rules.events, wordIndex, claims.claims).filter((d) => !counted(d));
  placeTargets(ctx, drafts, (s) => placeStarts.get(s) ?? null);
  borderTargets(ctx, drafts, (s) => placeStarts.get(s) ?? null);
  const relations = readRelations(ctx, rules.relations, claims.claims);
  drafts.push(...readAllegations(ctx, relations, claims.claims, drafts));
  // an act with no one doing it is coded only when it is an attack that took a toll ("a car bomb killed nine");
  // "were being warned", "had been trained" name no event a coder could attribute
  const tollsOf = attackTolls(a);
  const tollTaken = (d: DraftEvent, all: DraftEvent[]): boolean => {
    const t = tollsOf(d, all);
    return t.fatalities !== null || t.injuries !== null;
  };
  // "were backed by Pakistan's military": material backing is a standing relation (sponsors), not PLOVER's verbal SUPPORT
  const at = (d: DraftEvent) => (a.tokens[d.trigger.head] as (typeof a.tokens)[number]).start;
  const sponsorship = (d: DraftEvent) => d.type === "SUPPORT" &&
    relations.some((r) => r.type === "sponsors" && r.evidence.some(([s0, s1]) => s0 <= at(d) && at(d) < s1));
  // "Bhutto was shot", "the parliament is stormed and set on fire": one named actor read as both
  // the doer and the target of an act is its target, read as a subject by a passive the reader
  // missed (a generic one, "villagers" and "two people", may be two groups of one kind)
  for (const d of drafts) if (!d.trigger.twoSided) d.actor = d.actor.filter((k) => !d.recipient.includes(k) || !ctx.entities.get(k)?.named);
  const coded = drafts.filter((d) => (d.actor.length > 0 || (d.type === "ASSAULT" && tollTaken(d, drafts))) && !sponsorship(d));
  drafts.length = 0;
  drafts.push(...coded);

  for (const d of drafts) for (const k of [...d.actor, ...d.recipient]) ctx.used.add(k);
  // a speaker's body is an actor when it is known ("the Nigerian army", "Amnesty"), not a bare
  // "officials" (whom the report's main country would only be a guess for)
  for (const c of claims.claims) {
    const e = c.orgKey ? ctx.entities.get(c.orgKey) : undefined;
    if (e && (e.named || (e.country && !e.countryAssumed))) ctx.used.add(e.key);
    // a named person speaking is an actor of the report ("Security Minister Omar García Harfuch said")
    if (c.personKey && ctx.entities.get(c.personKey)?.kind === "person") ctx.used.add(c.personKey);
  }
  const actors = buildActors(ctx);
  const idOf = new Map(actors.map((x) => [x.key, x.actor.id]));
  const ids = (ks: string[]) => ks.map((k) => idOf.get(k)).filter((x): x is string => Boolean(x));

  const claimOf = (sentence: number) => claims.claims.find((c) => c.sentence === sentence)?.id ?? null;
  const placeOf = eventPlacer(places, { text: a.text, actorSpans: ctx.mentions.map((m): Span => [m.start, m.end]) });
  const events: Event[] = mergeRepeats(drafts.map((d, i) => toEvent(ctx, d, tollsOf(d, drafts), i, dates, placeOf, claimOf(d.sentence), ids)));
  return {
    id: doc.id,
    published: doc.published,
    actors: actors.map((x) => x.actor),
    events,
    statistics: statistics.map((s) => ({ ...s, subject: s.subject ? idOf.get(s.subject) ?? null : null })),
    claims: claims.claims.map((c) => ({ id: c.id, speaker: { ...c.speaker, organization: c.orgKey ? idOf.get(c.orgKey) ?? null : null }, hedged: c.hedged, evidence: c.evidence })),
    // one entry per toponym occurrence, as geoparsing is scored and read: each with its own span
    places: places.flatMap((p) => p.mentions.map((m) => ({ ...p, mentions: [m] }))).sort((x, y) => (x.mentions[0]?.[0] ?? 0) - (y.mentions[0]?.[0] ?? 0)),
    relations: relations.flatMap((r) => {
      const actor = idOf.get(r.actor);
      const recipient = idOf.get(r.recipient);
      return actor && recipient && actor !== recipient ? [{ ...r, actor, recipient }] : [];
    }),
    extractor: version,
  };
}

type EventPlacer = ReturnType<typeof eventPlacer>;

function toEvent(ctx: DocContext, d: DraftEvent, tolls: Tolls, i: number, dates: DateMention[], placeOf: EventPlacer, claim: string | null, ids: (ks: string[]) => string[]): Event {
  const { a } = ctx;
  const s = a.sentences[d.sentence] as (typeof a.sentences)[number];
  const start = (a.tokens[d.first] as (typeof a.tokens)[number]).start;
  const end = (a.tokens[d.last - 1] as (typeof a.tokens)[number]).end;
  const trig = a.tokens[d.trigger.head] as (typeof a.tokens)[number];
  const when = eventDate(ctx, d, dates);
  const placeOfDraft = (x: DraftEvent): ReturnType<EventPlacer> => {
    const xs = a.sentences[x.sentence] as (typeof a.sentences)[number];
    const span: Span = [(a.tokens[x.first] as (typeof a.tokens)[number]).start, (a.tokens[x.last - 1] as (typeof a.tokens)[number]).end];
    return placeOf(span, [xs.start, xs.end], [...x.actor, ...x.recipient].map((k) => ctx.entities.get(k)?.country ?? null), ON_SITE.has(x.type.toLowerCase()));
  };
  // "Iran denied any role in the Tower 22 attack": a denial of an attack told before names no place of its own; it is the attack's
  const own = placeOfDraft(d);
  const inSentence = own?.mentions.some(([x]) => x >= s.start && x < s.end) ?? false;
  const place = d.retold && !inSentence ? placeOfDraft(d.retold) ?? own : own;
  return {
    id: `e${i + 1}`,
    type: d.type,
    mode: d.mode,
    actor: ids(d.actor),
    recipient: ids(d.recipient),
    modality: d.modality === "asserted" && background(when, ctx.doc.published) ? "historical" : d.modality,
    date: when.date,
    dateSource: when.source,
    location: place ? { name: place.name, country: place.country, admin1: place.admin1, admin2: place.admin2, lat: place.lat, lon: place.lon, precision: place.precision, evidence: place.mentions.slice(0, 1) } : null,
    fatalities: tolls.fatalities,
    injuries: tolls.injuries,
    claim,
    evidence: [[start, end]],
    trigger: a.text.slice(trig.start, trig.end),
  };
}

const NO_TOLLS: Tolls = { fatalities: null, injuries: null };

/** How long before a report an act the text dates is background, not the report's news. */
const BACKGROUND_DAYS = 30;

/**
 * "Zambada was arrested in the United States in July" in a September report, "the 2020-2022
 * war": an act the text itself dates well before the report is told as history.
 */
function background(when: ReturnType<typeof eventDate>, published: string | null | undefined): boolean {
  if (!published || when.source !== "text" || !when.date) return false;
  const end = Date.parse(`${when.date.end}T00:00:00Z`);
  const day = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(end) && Number.isFinite(day) && day - end > BACKGROUND_DAYS * 864e5;
}

/**
 * The tolls of an attack (none for other events), read once per draft: read again only when the
 * drafts around it changed its region (an attack dropped beside it in its sentence).
 */
function attackTolls(a: AnalyzedText): (d: DraftEvent, all: DraftEvent[]) => Tolls {
  const read = new Map<DraftEvent, { from: number; to: number; tolls: Tolls }>();
  return (d, all) => {
    // an attack, or a riot ("protesters set fire to the assembly building; three people are killed")
    if (d.type !== "ASSAULT" && !(d.type === "PROTEST" && d.mode === "riot")) return NO_TOLLS;
    // (an attack told in the riot's sentence, "police fire at protesters, killing 19", takes its toll)
    if (d.type === "PROTEST" && all.some((x) => x.sentence === d.sentence && x.type === "ASSAULT")) return NO_TOLLS;
    const s = a.sentences[d.sentence] as (typeof a.sentences)[number];
    const [from, to] = tollRegion(d, all, s);
    const known = read.get(d);
    if (known && known.from === from && known.to === to) return known.tolls;
    // "… killing 15 soldiers. Three attackers were also killed.": the dead told after, added (the
    // next sentence once only, when it is one of them)
    let tolls = tollsIn(a.tokens, s, from, to, !d.alsoCounted?.includes(d.sentence + 1));
    for (const k of d.alsoCounted ?? []) {
      const more = a.sentences[k];
      if (more) tolls = addTolls(tolls, tollsIn(a.tokens, more, more.first, more.last, false));
    }
    read.set(d, { from, to, tolls });
    return tolls;
  };
}

function addTolls(x: Tolls, y: Tolls): Tolls {
  const add = (p: Range | null, q: Range | null): Range | null =>
    !p ? q : !q ? p : { low: p.low + q.low, high: p.high === null || q.high === null ? null : p.high + q.high };
  return { fatalities: add(x.fatalities, y.fatalities), injuries: add(x.injuries, y.injuries) };
}

/**
 * The tokens whose counts belong to an attack: its sentence, or, when the sentence tells several
 * attacks, from its trigger to the next one ("killing all 33 militants …, who had killed 21").
 */
function tollRegion(d: DraftEvent, all: DraftEvent[], s: { first: number; last: number }): [number, number] {
  const same = all.filter((x) => x.sentence === d.sentence && x.type === "ASSAULT").sort((x, y) => x.trigger.first - y.trigger.first);
  const i = same.indexOf(d);
  const next = same[i + 1];
  return [i <= 0 ? s.first : d.trigger.first, next ? next.trigger.first : s.last];
}

/** Actors to emit: named ones acting somewhere outside a locative phrase, and any that a fact uses. */
function buildActors(ctx: DocContext): { key: string; actor: Actor }[] {
  const keep = [...ctx.entities.values()].filter((e) => ctx.used.has(e.key) || (e.named && e.mentions.some((m) => !m.locative && m.via !== "unknown" && m.via !== "adjective")));
  const ids = new Map(keep.map((e, i) => [e.key, `a${i + 1}`]));
  return keep.map((e) => ({ key: e.key, actor: toActor(e, ids) }));
}

function toActor(e: Entity, ids: Map<string, string>): Actor {
  const mentions: Span[] = e.mentions.map((m) => [m.start, m.end]);
  const aliases = [...e.surfaces].filter((s) => s !== e.name);
  return {
    id: ids.get(e.key) as string,
    name: e.name,
    aliases,
    kind: e.kind,
    country: e.country,
    parent: e.parent ? ids.get(e.parent) ?? null : null,
    mentions,
  };
}
