/**
 * Events of a document, sentence by sentence: triggers, their arguments and modality, merged
 * where several triggers of a sentence describe one event ("ambushed …, killing four soldiers").
 */
import type { ActorKind, Event, Modality, PloverType } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { EventRules } from "../../rules/events.js";
import { wordClass } from "../../rules/lexicon.js";
import { mentionAt, type DocContext, type Mention } from "../context.js";
import type { FoundClaim } from "../claims/index.js";
import { ARMED_KINDS, ArgumentReader, trailingParticiple } from "./arguments.js";
import { readObligations, recodeCommitments } from "./commitments.js";
import { DISAPPROVAL, readJudgements, WARNING } from "./judgements.js";
import { tollsIn } from "../tolls/index.js";
import { modalityOf } from "./modality.js";
import { findTriggers, governingVerb, stems, type Trigger } from "./triggers.js";

/** An event before ids, dates, places, tolls and claims are attached. */
export interface DraftEvent {
  type: PloverType;
  mode: string | null;
  actor: string[];
  recipient: string[];
  /** A place named as the target, used as recipient when no actor is ("a curfew in Algiers"). */
  place: string[];
  modality: Modality;
  sentence: number;
  trigger: Trigger;
  /** Token span [first, last) of the evidence. */
  first: number;
  last: number;
  /** Sentences that add their dead and injured to this attack's ("Three attackers were also killed"). */
  alsoCounted?: number[];
  /** The event told before that this one answers ("Iran denied any role in the Tower 22 attack"): where it happened. */
  retold?: DraftEvent;
}

function hasToll(tokens: Token[], s: Sentence): boolean {
  const t = tollsIn(tokens, s, s.first, s.last);
  return Boolean(t.fatalities?.low || t.injuries?.low);
}

/** Answers to another actor's proposal, demand or offer. */
const RESPONSES = new Set<PloverType>(["REJECT", "AGREE", "CONCEDE"]);

/** Verbs of a crowd coming together, which chanting after them makes a protest. */
const GATHERING = wordClass("gathering-verbs");

/** Verbs that tell what an attack did to people, after "and" ("kills five and injures nine"). */
const HARM = wordClass("harm-verbs");

/** Labels of agents that are crowds ("protesters"): an actor whose key ends with one is a crowd. */
const CROWDS = wordClass("crowd-labels");
/** "teachers launched a strike": words that civilians' act makes a strike, not an attack. */
const STOPPAGES = wordClass("work-stoppage-words");
const RESCUES = wordClass("rescue-verbs");
/** "to disperse the crowd": verbs of dispersal, the aim of crowd control told before them. */
const DISPERSALS = wordClass("dispersal-verbs");
/** "released a video": nouns of what is published, not freed. */
const RELEASED_THINGS = wordClass("released-things");
/** "RSF looted the market": verbs of looting, which armed forces do as seizure (COERCE seize), not as a riot. */
const LOOTING = wordClass("looting-verbs");
/** "The strikes began after nine soldiers were killed": words opening a clause of another time. */
const EARLIER_CLAUSE = wordClass("earlier-clause-openers");
/** "are killed after Russian forces launch a barrage": words before the attack that caused a toll. */
const CAUSE_CLAUSE = wordClass("cause-clause-openers");
/** "were also killed": adverbs that make a later count add to the attack told before. */
const ADDING = wordClass("toll-adding-adverbs");
/** Those who rescue when they free people: security forces, not captors or governments releasing prisoners. */
const RESCUERS = new Set(["military", "police"]);
/** Modes of an attack with arms: a crowd's attack in one of them stays an attack, not a riot. */
const ARMED_MODES = wordClass("armed-modes");

/** "blamed on", "attributed to": verbs that name an act's alleged doer, and the word before the doer. */
const BLAME = wordClass("blame-verbs");
const BLAME_PREPOSITIONS = wordClass("blame-prepositions");

/** Verbs of fighting whose sides all go in `actor` (PLOVER: two-sided ASSAULT). */
const TWO_SIDED = wordClass("two-sided-verbs");

const keys = (ms: Mention[]) => [...new Set(ms.map((m) => m.entity))];

export function readEvents(ctx: DocContext, rules: EventRules, wordIndex: Int32Array, claims: FoundClaim[]): DraftEvent[] {
  const args = new ArgumentReader(ctx);
  const out: DraftEvent[] = [];
  const tokens = ctx.a.tokens;
  ctx.a.sentences.forEach((s, si) => {
    const triggers = findTriggers(ctx, rules, s, wordIndex);
    // the sentence's toll, read once for all its triggers
    let tolled: boolean | undefined;
    const toll = (): boolean => (tolled ??= hasToll(tokens, s));
    let mainSubject: Mention[] = [];
    const drafts: DraftEvent[] = [];
    for (const trig of triggers) {
      // "agreed to cooperate", "threatened to resume attacks", "accused X of refusing": the
      // complement is the content of the first event, not an event of its own
      const host = drafts.find((d) => complementOf(tokens, d.trigger, trig));
      if (host) {
        // "threatened to attack Israeli ships": the target of the act threatened is the threat's target
        if (host.recipient.length === 0) {
          // "demanded that police release …": the one asked is the subject of the clause
          const asked = tokens[host.trigger.last]?.lower === "that" && !trig.nominal ? args.subject(trig.first, s) : [];
          const target = asked.length ? asked : trig.nominal ? args.nominal(trig, s).recipient : args.object(trig.last, s);
          host.recipient.push(...keys(target).filter((k) => !host.actor.includes(k) && !(GIVEN.has(trig.type) && ownForces(ctx, host.actor, k))));
        }
        continue;
      }
      // "the army, backed by ATMIS, launched an offensive": the backers fight beside the army (see
      // jointDoers below), no act of their own
      if (!trig.nominal && args.joins(trig.head, s) && triggers.some((x) => x.type === "ASSAULT" && x.first > trig.last)) continue;
      // "two nationals suspected by the West of blowing up a plane": the act a suspicion or a charge names is alleged, not told
      if (!trig.nominal && suspected(tokens, trig.first, s.first)) continue;
      let actor: Mention[] = [];
      let recipient: Mention[] = [];
      /** "massed 50,000 troops on the border": the forces a deployment moves, which act with the one who moves them. */
      const moved: Mention[] = [];
      /** "were shot dead in Maputo": the subject of a passive is the target, named as an actor or not. */
      let passive = false;
      /** The target of the event a definite noun refers back to ("the attack"), when it is told again. */
      let told: string[] = [];
      let retold: DraftEvent | undefined;
      if (trig.nominal) {
        const n = args.nominal(trig, s);
        actor = n.actor;
        recipient = n.recipient;
        const subj = trig.carrier !== null ? args.subject(trig.carrier, s) : [];
        // "the attack", "PAFF claimed the attack": an event told before, not a new one
        const earlier = definiteReference(tokens, ctx.a.sentences, trig, n, out);
        if (earlier) {
          const denied = modalityOf(tokens, s, trig.first, trig.carrier) === "negated";
          // "Iran denied any role in the attack": the denier's part in the attack told before, negated
          if (denied && subj.length && earlier.actor.every((k) => !subj.some((m) => m.entity === k))) {
            told = earlier.recipient;
            retold = earlier;
          } else {
            const generic = earlier.actor.every((k) => !ctx.entities.get(k)?.named);
            if (subj.length && generic && !denied) earlier.actor = keys(subj);
            continue;
          }
        }
        if (subj.length) actor = subj;
        // "a bomb planted by militants exploded"
        if (actor.length === 0 && trig.type === "ASSAULT") actor = args.weaponAgent(trig.first, trig.last + 3, s);
        // "they would blockade Paris": a noun where a verb stands takes the verb's subject
        if (actor.length === 0 && trig.carrier === null) {
          const verb = governingVerb(tokens, trig.first, s.first);
          if (verb === trig.first) actor = args.subject(verb, s);
        }
        // "arrived in Amman on a three-day visit", "is in Nairobi on an official visit": the visitor is the clause's subject, the host its place
        const on = trig.type === "CONSULT" && actor.length === 0 ? visitOpening(tokens, trig.first, s.first) : -1;
        if (on > s.first) {
          const verb = [...tokens.slice(s.first, on).keys()].reverse().map((k) => k + s.first).find((k) => tokens[k]?.pos === "VERB" || tokens[k]?.pos === "AUX");
          if (verb !== undefined) {
            actor = args.subject(verb, s);
            if (recipient.length === 0) recipient = args.placeObject(verb, s);
          }
        }
      } else if (args.passive(trig.head, s) && !controlled(tokens, trig)) {
        passive = true;
        recipient = args.subject(trig.first, s);
        actor = args.agent(trig.last, s);
        // "were killed in an Israeli missile strike": the doer named inside the verb's phrase
        if (actor.length === 0) actor = args.inside(trig.head + 1, trig.last);
        // "80 were killed in clashes between the ELN and FARC dissidents": the sides of the fighting the phrase names
        if (actor.length === 0 && tokens[trig.last]?.lower === "between" && trig.last - trig.head > 1) {
          const sides = args.object(trig.last, s);
          if (sides.length > 1) { actor = sides; recipient = []; trig.twoSided = true; }
        }
        // "Zambada was arrested in the United States": a state's coercion where it holds power, the state's
        if (actor.length === 0 && trig.type === "COERCE") actor = args.placeObject(trig.last, s);
        // "more troops would be deployed": the forces mobilised are the actor's own, the subject of the passive
        if (trig.type === "MOBILIZE") { if (actor.length === 0) actor = recipient; recipient = []; }
      } else {
        // "a car bomb in Z killed …", "a drone strike … killed three": the event noun is the subject
        const noun = drafts.find((d) => d.trigger.nominal && d.type === trig.type && d.trigger.last <= trig.first &&
          !tokens.slice(d.trigger.last, trig.first).some((t, j, all) => (t.pos === "VERB" && all[j - 1]?.text !== "-") || t.text === ";"));
        if (noun) {
          const obj = keys(args.object(trig.last, s)).filter((k) => !noun.actor.includes(k));
          // "air strikes on northeast Syria killed eight civilians": the people killed are the target, not the land
          const land = noun.recipient.length > 0 && noun.recipient.every((k) => ctx.entities.get(k)?.kind === "state");
          if (land && obj.some((k) => ctx.entities.get(k)?.kind !== "state")) noun.recipient = [];
          if (noun.recipient.length === 0) noun.recipient.push(...obj);
          noun.last = Math.max(noun.last, trig.last);
          continue;
        }
        actor = args.doer(trig.first, s);
        // "rockets fired by Hezbollah hit the town": the one who fired them attacked
        if (trig.type === "ASSAULT") {
          const by = args.weaponAgent(s.first, trig.first, s);
          if (by.length) actor = by;
          // "Somalia's army, backed by ATMIS, launched an offensive": the backers fight beside it
          else actor = [...actor, ...args.jointDoers(actor, trig.first, s)];
        }
        // "The army said the attackers had help from abroad and accused India of …": a second speech act
        // joined by "and" after a report is the reporter's
        if (SPEECH_ACTS.has(trig.type) && tokens[trig.first - 1]?.lower === "and" && args.reportedBetween(s.first, trig.first)) {
          const reporter = args.mainSubject(s);
          if (reporter.length) actor = reporter;
        }
        // "gave Tanzania a grant", "accused India of": the object may stand inside the verb's phrase
        recipient = args.object(trig.last > trig.head + 1 ? trig.head + 1 : trig.last, s);
        // "offered its troops to Lebanon", "will withdraw its forces from Lebanon": the forces an
        // actor gives or moves are its own; the target is named after them
        for (let n = 0; n < 2 && recipient.length && GIVEN.has(trig.type) && recipient.every((m) => ownForces(ctx, actor.map((x) => x.entity), m.entity)); n++) {
          if (trig.type === "MOBILIZE") moved.push(...recipient);
          recipient = args.object((recipient[recipient.length - 1] as Mention).last, s);
        }
        if (recipient.length === 0 && (trig.type === "ASSAULT" || trig.type === "COERCE")) recipient = args.takenFrom(trig.last, s);
        // "Kenya recalled its ambassador from Somalia": one's own envoys withdrawn; the target is the land they leave
        if (trig.type === "SANCTION" && recipient.length > 0 && recipient.every((m) => ownSide(ctx, keys(actor), m.entity))) {
          const from = args.leftFor(trig.last, s);
          if (from.length) recipient = from;
        }
        // "blamed the killings on a police death squad": the one blamed follows "on"
        if (BLAME.has((tokens[trig.head] as Token).lemma)) {
          const on = blameOn(tokens, trig.last, s);
          const blamed = on >= 0 ? args.object(on + 1, s) : [];
          if (blamed.length) recipient = blamed;
        }
        // a participle or second verb with no subject of its own: "…, killing four soldiers"
        if (actor.length === 0 && mainSubject.length && !args.ownClause(trig.first, s)) actor = mainSubject;
        // "shelled the town, killing about 20 people": the toll of the attack just told, not another attack
        // ("Police open fire on protesters demonstrating …, killing 19": the attack of the main clause, whoever the nearer subject)
        const host = trig.type === "ASSAULT" && trailingParticiple(tokens, trig.first, s.first) ?
          attackBy(drafts, keys(actor)) ?? [...drafts].reverse().find((d) => d.type === "ASSAULT" && !d.trigger.twoSided && d.actor.length > 0 && d.modality === "asserted") ?? null :
          // "a strike kills five people, including a child, and injures nine others": the wounded are the same attack's
          // "kills two people, injures 28 others": a comma joins them as "and" does
          trig.type === "ASSAULT" && HARM.has((tokens[trig.head] as Token).lemma) && (tokens[trig.first - 1]?.lower === "and" ||
            (tokens[trig.first - 1]?.text === "," && drafts.some((d) => d.type === "ASSAULT" && d.last <= trig.first && trig.first - d.last <= 6 &&
              tokens.slice(d.first, d.last).some((t) => HARM.has(t.lemma)) &&
              tokens.slice(d.last, trig.first - 1).every((t) => ["NUM", "NOUN", "ADJ", "DET", "PROPN"].includes(t.pos)))))
            ? [...drafts].reverse().find((d) => d.type === "ASSAULT" && !d.trigger.twoSided && d.modality === modalityOf(tokens, s, trig.first, trig.carrier)) ?? null
            : null;
        if (host) {
          // "… injures nine others in Pryluky, Ukraine": a country closing the place named is no second target
          const land = (k: string) => host.recipient.length > 0 && ctx.entities.get(k)?.kind === "state";
          if (!host.trigger.twoSided) host.recipient.push(...keys(recipient).filter((k) => !host.recipient.includes(k) && !host.actor.includes(k) && !land(k)));
          host.last = Math.max(host.last, trig.last, ...recipient.map((m) => m.last));
          continue;
        }
        const lemma = (tokens[trig.head] as Token).lemma;
        if (trig.type === "ASSAULT" && TWO_SIDED.has(lemma)) trig.twoSided = true;
      }
      if (trig.twoSided) { actor = [...actor, ...recipient]; recipient = []; }
      const place = trig.twoSided || recipient.length || passive ? [] : keys(args.placeObject(trig.last, s));
      if (!trig.nominal && actor.length && mainSubject.length === 0) mainSubject = actor;
      args.remember(actor);
      // "rejected calls by Belarus's rulers", "accepted a proposal from Washington": the answer goes to the proposer
      if (RESPONSES.has(trig.type) && !trig.nominal) {
        const proposer = args.agent(trig.last, s, true);
        if (proposer.length) recipient = proposer;
      }
      // "threatened to stop talks if the United States goes ahead": the threat is aimed at the condition's subject
      if (recipient.length === 0 && trig.type === "THREATEN") recipient = args.conditionSubject(trig.last, s);
      const a = keys(actor);
      // "the United States has sent 4,500 sailors", "Venezuela mobilised 4.5 million militia members":
      // forces counted as they are moved act with the one who moves them ("mobilised reservists",
      // "strengthened its forces" tell only the deployment)
      if (trig.type === "MOBILIZE" && a.length > 0) {
        const counted = [...moved, ...recipient].filter((m) => tokens.slice(Math.max(s.first, m.first - 3), m.first).some((t) => t.pos === "NUM"));
        a.push(...keys(counted).filter((k) => !a.includes(k) && (ownForces(ctx, a, k) || ownMilitia(ctx, a, k))));
      }
      const r = [...new Set([...keys(recipient), ...told])].filter((k) => !a.includes(k) && !(GIVEN.has(trig.type) && ownForces(ctx, a, k)));
      // an attack told with its toll is an event even when no one is named ("a drone strikes a bus, killing nine")
      if (a.length === 0 && r.length === 0 && !(trig.type === "ASSAULT" && !trig.twoSided && toll())) continue;
      // "sanctions against Nigeria", "the blockade of Serbia": an event noun with no doer and no toll names a topic, not an act
      if (trig.nominal && a.length === 0 && !toll()) continue;
      const span = evidenceSpan(trig, actor, recipient, s);
      drafts.push({
        type: trig.type, mode: trig.mode, actor: a, recipient: r,
        modality: modalityOf(tokens, s, trig.first, trig.carrier),
        place, sentence: si, trigger: trig, first: span.first, last: span.last,
        ...(retold ? { retold } : {}),
      });
    }
    // "supporters gathered near the site, chanting 'Death to America'": slogans chanted by a crowd that gathered are a protest
    for (const d of drafts) {
      if ((tokens[d.trigger.head] as Token).lemma !== "chant" || !trailingParticiple(tokens, d.trigger.first, s.first)) continue;
      if (tokens.slice(s.first, d.trigger.first).some((t) => t.pos === "VERB" && GATHERING.has(t.lemma))) { d.type = "PROTEST"; d.mode = "demo"; }
    }
    // "Police used tear gas to disperse the demonstrators": the dispersal is the crowd control's aim, one act
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i] as DraftEvent;
      if (d.type !== "COERCE" || !DISPERSALS.has((tokens[d.trigger.head] as Token).lemma)) continue;
      const force = drafts.find((x) => x.type === "ASSAULT" && x.mode === "crowd-control" && x.trigger.last <= d.trigger.first && x.actor.some((k) => d.actor.includes(k)));
      if (!force) continue;
      for (const k of d.recipient) if (!force.recipient.includes(k)) force.recipient.push(k);
      force.last = Math.max(force.last, d.last);
      drafts.splice(i, 1);
    }
    // "Hamas releases a propaganda video": what is published is not freed
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i] as DraftEvent;
      if (d.type === "RETREAT" && d.mode === "release" && !d.trigger.nominal && releasesThing(tokens, d.trigger.last, s.last)) drafts.splice(i, 1);
    }
    // "RSF looted the market": armed forces who loot seize, they do not riot
    for (const d of drafts) {
      if (d.type === "PROTEST" && d.mode === "riot" && stems((tokens[d.trigger.head] as Token).lower).some((w) => LOOTING.has(w)) && d.actor.length > 0 &&
        d.actor.every((k) => ARMED.has(ctx.entities.get(k)?.kind ?? "other"))) { d.type = "COERCE"; d.mode = "seize"; }
    }
    foldProtestAims(tokens, drafts);
    // "an attack on a base that Ankara blamed on the PKK": the side blamed for an attack told with no doer
    for (const d of drafts) {
      if (d.type !== "ASSAULT" || d.trigger.twoSided || d.actor.length > 0) continue;
      const doer = keys(blamedFor(args, tokens, s, d)).filter((k) => !d.recipient.includes(k));
      if (doer.length) d.actor = doer;
    }
    // "said the strike was …", "protested against the ban": the kind of act an event noun names, so the words go to whoever did one
    const actNamed = (k: number): PloverType | null => {
      const wi = wordIndex[k] ?? -1;
      return wi >= 0 ? (rules.nouns.longestAt(ctx.words, wi)?.values[0] as { type: PloverType } | undefined)?.type ?? null : null;
    };
    aimGrievances(ctx, drafts, out, actNamed);
    foldAnswered(tokens, drafts);
    recodeCommitments(ctx, drafts, claims);
    drafts.push(...readObligations(ctx, args, si, drafts));
    const voice = claims.find((c) => c.sentence === si)?.orgKey ?? null;
    drafts.push(...readJudgements(ctx, rules.disapproval, DISAPPROVAL, args, si, wordIndex, drafts, out, voice, actNamed));
    drafts.push(...readJudgements(ctx, rules.warnings, WARNING, args, si, wordIndex, drafts, out, voice, actNamed));
    // what the sentence is about is what "it" means in the next one
    args.remember(args.mainSubject(s, true));
    // "the army engaged the rebels": a verb that takes arms only between armed sides
    const unarmed = drafts.filter((d) => (d.trigger.armedSides && (!armedSides(ctx, d) || !objectFollows(tokens, d.trigger.last, s))) ||
      // "protesters gathered outside the parliament": a verb that is a protest only when a crowd does it
      (d.trigger.crowd && !d.actor.some(crowd)) ||
      // "ambushed a FAMa patrol", "attacked a military convoy": forces on the move that an attack hit are its target, not a deployment
      (d.type === "MOBILIZE" && d.trigger.nominal && drafts.some((x) => x.type === "ASSAULT" && !x.trigger.nominal && x.trigger.last <= d.trigger.first &&
        tokens.slice(x.trigger.last, d.trigger.first).every((t) => ["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(t.pos)))));
    for (const d of merge(drafts.filter((x) => !unarmed.includes(x)), tokens)) {
      // "shelled the town with drones", "a visit to Kabul": the manner the words around the act name
      d.mode ??= cueMode(ctx, rules, wordIndex, d, s);
      // "youths threw stones at soldiers", "protesters attacked a police station": a crowd's violence without arms is a riot
      if (d.type === "ASSAULT" && d.actor.length > 0 && d.actor.every(crowd) && !ARMED_MODES.has(d.mode ?? "")) { d.type = "PROTEST"; d.mode = "riot"; }
      // "teachers began an open-ended strike": civilians who strike stop work
      if (d.type === "ASSAULT" && d.mode === null && d.actor.length > 0 && tokens.slice(d.trigger.first, d.trigger.last).some((t) => STOPPAGES.has(t.lower)) &&
        d.actor.every((k) => ctx.entities.get(k)?.kind === "civilians")) { d.type = "PROTEST"; d.mode = "strike"; }
      // "troops freed 300 passengers": security forces freeing people rescue them (PLOVER codes AID); a captor's release stays RETREAT
      if (d.type === "RETREAT" && !d.trigger.nominal && RESCUES.has((tokens[d.trigger.head] as Token).lemma) && d.actor.length > 0 &&
        d.actor.every((k) => RESCUERS.has(ctx.entities.get(k)?.kind ?? ""))) { d.type = "AID"; d.mode = null; }
      // "French and Egyptian warships launched war games": forces of several states exercising together cooperate
      if (d.type === "MOBILIZE" && new Set(d.actor.map((k) => ctx.entities.get(k)?.country ?? k)).size > 1) { d.type = "COOPERATE"; d.mode = null; }
      // "Pakistan rejected the allegation": the rejection answers the last accuser
      if (d.type === "REJECT" && d.recipient.length === 0) {
        // — an accusation aimed at the rejecting side first ("the army said it had ordered an inquiry"
        // accuses no one Pakistan answers)
        const side = (k: string) => ctx.entities.get(k)?.country ?? k;
        const accusations = [...out].reverse().filter((o) => o.type === "ACCUSE" && o.actor.length && !o.actor.some((k) => d.actor.includes(k)));
        const aimed = accusations.find((o) => o.recipient.some((r) => d.actor.some((k) => side(k) === side(r))));
        // else the last body of another side that made a claim ("an Indian defence official said …");
        // not a refusal to act ("refused to back down"), which answers no one's words
        const toAct = tokens[d.trigger.head + 1]?.lower === "to";
        const speaker = aimed || toAct ? null : [...claims].reverse().find((c) => c.sentence < si && c.orgKey &&
          ctx.entities.get(c.orgKey)?.country && !d.actor.some((k) => side(k) === side(c.orgKey as string)));
        const accusation = aimed ?? (speaker ? null : accusations[0]);
        if (accusation) d.recipient = [...accusation.actor];
        else if (speaker?.orgKey) d.recipient = [speaker.orgKey];
      }
      // "refused to hold talks despite the rebels insisting on dialogue": a call for talks answers whoever just refused them
      if (d.type === "REQUEST" && d.mode === "meet" && d.recipient.length === 0) {
        const refusal = [...out].reverse().find((o) => si - o.sentence <= 1 && o.type === "REJECT" && o.mode === "meet" &&
          o.actor.length > 0 && !o.actor.some((k) => d.actor.includes(k)));
        if (refusal) d.recipient = [...refusal.actor];
      }
      if (d.recipient.length === 0) d.recipient = d.place.filter((k) => !d.actor.includes(k));
      // "… were killed" with no one named: the incident of the paragraph told again, when there is one
      if (d.actor.length === 0 && !d.trigger.twoSided && sameIncident(ctx, d, out)) continue;
      out.push(d);
    }
  });
  return out;
}

/**
 * The tokens [first, last) of a trigger's evidence: its words, its carrier and the first and last
 * token of each side's mentions, as far as they lie in sentence s.
 */
function evidenceSpan(trig: Trigger, actor: Mention[], recipient: Mention[], s: Sentence): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const see = (k: number): void => {
    if (k < s.first || k >= s.last) return;
    if (k < first) first = k;
    if (k > last) last = k;
  };
  see(trig.first);
  see(trig.last - 1);
  see(trig.carrier ?? trig.first);
  for (const m of actor) { see(m.first); see(m.last - 1); }
  for (const m of recipient) { see(m.first); see(m.last - 1); }
  return { first, last: last + 1 };
}

/** Kinds of actor that bear arms; a state or its government may face them. */
const ARMED = ARMED_KINDS;
const FACES_ARMS: ReadonlySet<string> = new Set([...ARMED, "state", "government"]);

/**
 * True when `d` is between an armed force and another armed force, a state or a government
 * (on either side, or both among the actors of a two-sided verb).
 */
function armedSides(ctx: DocContext, d: DraftEvent): boolean {
  const sides = [...new Set([...d.actor, ...d.recipient])].map((k) => ctx.entities.get(k)?.kind);
  return sides.some((k, i) => k !== undefined && ARMED.has(k) && sides.some((o, j) => j !== i && o !== undefined && FACES_ARMS.has(o)));
}

/**
 * True when the verb ending before `at` takes an object of its own: a noun phrase or "with" next
 * ("engaged the rebels", "engaged directly with the Taliban"), not "in" ("engaged in manoeuvres").
 */
function objectFollows(tokens: Token[], at: number, s: Sentence): boolean {
  let k = at;
  while (k < s.last && (tokens[k] as Token).pos === "ADV") k++;
  const next = tokens[k];
  return next !== undefined && k < s.last && (next.pos !== "ADP" || next.lower === "with") && next.pos !== "PUNCT";
}

/** Tokens after an event's evidence still searched for the words of its mode ("attacked the base with drones"). */
const MODE_REACH = 8;
const MODE_STOP = wordClass("clause-end-marks");

/**
 * The mode the cue words of patterns/modes.json give an event the trigger left without one: the
 * cue in its evidence or just after it nearest its trigger; null when none is there.
 */
function cueMode(ctx: DocContext, rules: EventRules, wordIndex: Int32Array, d: DraftEvent, s: Sentence): string | null {
  const cues = rules.modes.get(d.type);
  if (!cues || cues.size === 0) return null;
  const tokens = ctx.a.tokens;
  let end = d.last;
  while (end < s.last && end < d.last + MODE_REACH && !MODE_STOP.has((tokens[end] as Token).text)) end++;
  let best: { mode: string; distance: number } | null = null;
  for (let k = Math.max(s.first, d.first); k < end; k++) {
    const wi = wordIndex[k] ?? -1;
    const found = wi >= 0 ? cues.longestAt(ctx.words, wi) : null;
    if (!found || (ctx.words[found.last - 1] as { token: number }).token >= end) continue;
    const distance = Math.abs(k - d.trigger.head);
    if (!best || distance < best.distance) best = { mode: found.values[0] as string, distance };
  }
  return best?.mode ?? null;
}

/** The last attack of the sentence so far by one of `actor`. */
function attackBy(drafts: DraftEvent[], actor: string[]): DraftEvent | null {
  // "prisoners rioted, setting fire to their mattresses": the riot's own violence
  return [...drafts].reverse().find((d) => (d.type === "ASSAULT" || (d.type === "PROTEST" && d.mode === "riot")) && d.actor.some((k) => actor.includes(k))) ?? null;
}

/** True when the entity key is a crowd's ("KEN:protesters", "place:lagos protesters"): an agent of the lexicon's crowd-labels. */
function crowd(key: string): boolean {
  return CROWDS.has(key.slice(key.lastIndexOf(":") + 1)) || CROWDS.has(key.slice(key.lastIndexOf(" ") + 1));
}

/** Acts done by speaking. */
const SPEECH_ACTS = new Set<PloverType>(["ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE"]);

/** "X was ordered to carry out attacks": the subject of a passive order is who is to act. */
function controlled(tokens: Token[], trig: Trigger): boolean {
  return trig.last > trig.head + 1 && (tokens[trig.head + 1] as Token | undefined)?.lower === "to";
}

/** Words of suspicion and charge whose "of"/"for" complement names an act alleged, not told. */
const SUSPICION = wordClass("suspicion-words");

/** True when the verb at `first` is an "-ing" complement of a suspicion or charge ("suspected of blowing up", "jailed for attacking"). */
function suspected(tokens: Token[], first: number, stopAt: number): boolean {
  const prep = tokens[first - 1];
  if (!prep || (prep.lower !== "of" && prep.lower !== "for") || !/ing$/.test((tokens[first] as Token).lower)) return false;
  for (let k = first - 2; k >= stopAt && k >= first - 7; k--) {
    const t = tokens[k] as Token;
    if (SUSPICION.has(t.lower) || SUSPICION.has(t.lemma)) return true;
    if (t.text === "," || t.text === ";") return false;
  }
  return false;
}

/** The "on" that opens "on a (three-day, previously unannounced) visit" before token `first`, or -1. */
function visitOpening(tokens: Token[], first: number, stopAt: number): number {
  for (let k = first - 1; k > stopAt && k >= first - 5; k--) {
    const t = tokens[k] as Token;
    if (t.lower === "on") return k;
    if (!["DET", "ADJ", "ADV", "NUM", "PUNCT", "NOUN"].includes(t.pos) || t.text === ",") return -1;
  }
  return -1;
}

/** Acts whose object may be the actor's own forces, given, sent or moved rather than targeted. */
const GIVEN = new Set<PloverType>(["MOBILIZE", "AGREE", "AID", "RETREAT", "CONCEDE"]);

/** "Russia massed troops", "offered its troops": the forces an actor moves are its own, not the target. */
function ownForces(ctx: DocContext, actors: string[], key: string): boolean {
  const e = ctx.entities.get(key);
  if (!e || (e.kind !== "military" && e.kind !== "police")) return false;
  return !e.country || actors.some((k) => ctx.entities.get(k)?.country === e.country || ctx.entities.get(k)?.key === e.parent);
}

/** "recalled its ambassador": a body or official of the actor's own state, not a named outsider. */
function ownSide(ctx: DocContext, actors: string[], key: string): boolean {
  const e = ctx.entities.get(key);
  if (!e || e.named || !["government", "military", "police"].includes(e.kind)) return false;
  return !e.country || actors.some((k) => ctx.entities.get(k)?.country === e.country);
}

/** "Venezuela mobilised militia members": a generic armed group of a state's own country, which the state moves. */
function ownMilitia(ctx: DocContext, actors: string[], key: string): boolean {
  const e = ctx.entities.get(key);
  if (!e || e.kind !== "armed_group" || e.named || !e.country) return false;
  return actors.some((k) => ["state", "government"].includes(ctx.entities.get(k)?.kind ?? "") && ctx.entities.get(k)?.country === e.country);
}

/**
 * The token of the preposition before the one blamed, in the noun phrase of the act from token
 * `from` ("blamed [the killing of two traders] on …"), or -1: no verb or clause break between.
 */
function blameOn(tokens: Token[], from: number, s: Sentence): number {
  for (let k = from; k < s.last && k < from + 8; k++) {
    const t = tokens[k] as Token;
    if (BLAME_PREPOSITIONS.has(t.lower)) return k;
    if (t.text === "," || t.text === ";" || t.pos === "VERB") return -1;
  }
  return -1;
}

/**
 * The side blamed for an attack told with no doer: "an attack on a base that Ankara blamed on
 * the PKK", "blamed the rebels for the ambush", "the army blamed the ambush on the rebels",
 * "a bombing attributed to ISWAP".
 */
function blamedFor(args: ArgumentReader, tokens: Token[], s: Sentence, d: DraftEvent): Mention[] {
  const { first, last } = d.trigger;
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k] as Token;
    if (!BLAME.has(t.lemma) || t.pos !== "VERB") continue;
    // the attack before the verb, in a clause of its own: "an attack … that Ankara blamed on the PKK"
    if (k >= last && k - last <= 10 && BLAME_PREPOSITIONS.has(tokens[k + 1]?.lower ?? "") &&
      !tokens.slice(last, k).some((x) => x.text === ";" || (x.pos === "VERB" && !BLAME.has(x.lemma)))) return args.object(k + 2, s);
    if (k >= first || first - k > 10) continue;
    // "blamed the ambush on the rebels", "blamed the killing of two traders on the rebels": the act is the verb's object
    const on = blameOn(tokens, last, s);
    if (on >= 0) {
      const doer = args.object(on + 1, s);
      if (doer.length) return doer;
    }
    // "blamed the rebels for the ambush"
    const forAt = tokens.slice(k + 1, first).findIndex((x) => x.lower === "for");
    if (forAt >= 0) return args.object(k + 1, s).filter((m) => m.last <= k + 1 + forAt);
  }
  return [];
}

/** An earlier event of the same type in the same paragraph that an actorless mention repeats. */
function sameIncident(ctx: DocContext, d: DraftEvent, earlier: DraftEvent[]): boolean {
  const paragraph = ctx.a.sentences[d.sentence]?.paragraph;
  const prev = [...earlier].reverse().find((e) => e.type === d.type);
  if (!prev) return false;
  const p = ctx.a.sentences[prev.sentence]?.paragraph;
  if (p !== paragraph && prev.sentence < d.sentence - 1) return false;
  // "… A drone attack on a U.S. outpost killed three soldiers": an attack a later sentence
  // introduces anew ("a", "an") is another incident, not the last one told again
  if (prev.sentence < d.sentence && d.trigger.nominal && ["a", "an"].includes(determinerOf(ctx.a.tokens, d.trigger.first).word)) return false;
  // "The strikes began after nine soldiers were killed in an attack …": what a clause of time tells happened at another time
  // (in the sentence that told it, "132 people were killed after two car bombings struck" is one incident)
  if (prev.sentence < d.sentence && afterClause(ctx.a.tokens, d.trigger.first, ctx.a.sentences[d.sentence]?.first ?? 0)) return false;
  for (const k of d.recipient) if (!prev.recipient.includes(k) && !prev.actor.includes(k)) prev.recipient.push(k);
  // "Three attackers were also killed": more dead of the same attack, counted with its own
  if (prev.type === "ASSAULT" && prev.sentence < d.sentence && !d.trigger.nominal && HARM.has((ctx.a.tokens[d.trigger.head] as Token).lemma) &&
    addsToll(ctx.a.tokens, d.trigger.first, ctx.a.sentences[d.sentence]?.first ?? 0)) {
    (prev.alsoCounted ??= []).push(d.sentence);
  }
  return true;
}

/** True when the noun phrase after token t (up to its first preposition or verb) names a thing published ("a propaganda video"). */
function releasesThing(tokens: Token[], t: number, last: number): boolean {
  for (let k = t; k < last && k < t + 9; k++) {
    const tok = tokens[k] as Token;
    if (RELEASED_THINGS.has(tok.lower)) return true;
    // ("a sign-of-life video": a word glued inside a compound by hyphens)
    const glued = tokens[k - 1]?.text === "-" && tokens[k + 1]?.text === "-";
    if (!["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(tok.pos) && tok.text !== "-" && !glued) return false;
  }
  return false;
}

/** True when the trigger at t stands in a clause opened by "after" or "before", back to a comma or the sentence start. */
function afterClause(tokens: Token[], t: number, first: number): boolean {
  for (let k = t - 1; k >= first; k--) {
    const tok = tokens[k] as Token;
    if (tok.text === "," || tok.text === ";") return false;
    if (EARLIER_CLAUSE.has(tok.lower) && tok.pos !== "ADV") return k > first;
  }
  return false;
}

/**
 * "were also killed", "were also believed to have been killed": an "also" in the verb group
 * before the trigger at t adds to a toll told before.
 */
function addsToll(tokens: Token[], t: number, first: number): boolean {
  for (let k = t - 1; k >= first && k >= t - 6; k--) {
    const tok = tokens[k] as Token;
    if (ADDING.has(tok.lower)) return true;
    if (tok.pos !== "AUX" && tok.pos !== "ADV" && tok.pos !== "PART" && !(tok.pos === "VERB" && /ed$/.test(tok.lower))) return false;
  }
  return false;
}

/**
 * The word that opens the noun phrase before token `first`, past its modifiers ("a deadly drone
 * attack", "the Tower 22 attack"), and where it stands ("" and -1 when none).
 */
function determinerOf(tokens: Token[], first: number): { word: string; at: number } {
  let k = first - 1;
  while (k >= 0 && ["ADJ", "PROPN", "NUM", "NOUN"].includes((tokens[k] as Token).pos)) k--;
  return { word: tokens[k]?.lower ?? "", at: k };
}

/** The earlier event a definite event noun with no arguments of its own refers back to. */
function definiteReference(tokens: Token[], sentences: readonly Sentence[], trig: Trigger, own: { actor: Mention[]; recipient: Mention[] }, earlier: DraftEvent[]): DraftEvent | null {
  if (own.actor.length || own.recipient.length) return null;
  // "the attack", "the deadly attack", "the Tower 22 attack", "the March 3 attack"
  const { word, at } = determinerOf(tokens, trig.first);
  if (!["the", "this", "that", "these", "those"].includes(word)) return null;
  // "the Tower 22 attack": of those told in a sentence that names "Tower 22", the one nearest the name
  const names = tokens.slice(at + 1, trig.first).filter((t) => t.pos === "PROPN" || t.pos === "NUM").map((t) => t.text);
  const distance = (e: DraftEvent): number => {
    const s = sentences[e.sentence];
    if (!s) return Infinity;
    const found = names.map((n) => {
      for (let i = s.first; i < s.last; i++) if ((tokens[i] as Token).text === n) return i;
      return -1;
    });
    return found.every((i) => i >= 0) ? Math.abs((found[0] as number) - e.trigger.first) : Infinity;
  };
  // the latest of the type, unless one nearer the name was told earlier (the latest of those equally near)
  let latest: DraftEvent | null = null;
  let nearest: DraftEvent | null = null;
  let best = Infinity;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i] as DraftEvent;
    if (e.type !== trig.type) continue;
    latest ??= e;
    if (names.length === 0) break;
    const d = distance(e);
    if (d < best) { best = d; nearest = e; }
  }
  return nearest ?? latest;
}

const COMPLEMENT_MARKERS = wordClass("complement-markers");

/**
 * "rejected a U.S. request to interrogate detainees", "accepted an Indian proposal for talks": the
 * request or proposal answered is the answer's content, and its maker the answer's recipient.
 */
function foldAnswered(tokens: Token[], drafts: DraftEvent[]): void {
  for (const host of drafts.filter((d) => RESPONSES.has(d.type) && !d.trigger.nominal)) {
    const i = drafts.findIndex((d) => d !== host && d.trigger.nominal && d.trigger.first >= host.trigger.last &&
      d.trigger.first - host.trigger.last <= 6 && !tokens.slice(host.trigger.last, d.trigger.first).some((t) => CLAUSE_BREAKS.has(t.lower) || t.pos === "VERB"));
    const content = drafts[i];
    if (!content) continue;
    if (content.actor.length && content.actor.every((k) => !host.actor.includes(k))) host.recipient = [...content.actor];
    host.last = Math.max(host.last, content.last);
    // and what the request asked for ("to interrogate detainees", "for deploying troops")
    const end = content.trigger.last;
    for (let j = drafts.length - 1; j >= 0; j--) {
      const d = drafts[j] as DraftEvent;
      if (d === host || d === content) continue;
      if (d.trigger.first >= end && d.trigger.first - end <= 3 && !tokens.slice(end, d.trigger.first).some((t) => CLAUSE_BREAKS.has(t.lower))) drafts.splice(j, 1);
    }
    drafts.splice(drafts.indexOf(content), 1);
  }
}
const CLAUSE_BREAKS = wordClass("event-clause-breaks");

/** Demands and accusations that a protest voices ("demonstrated calling for independence", "a hunger strike to demand …"). */
const PROTEST_AIMS = new Set<PloverType>(["REQUEST", "ACCUSE"]);

/**
 * What protesters demand or chant is the protest's aim, not an event of its own: the aim's target
 * becomes the protest's, and the aim is dropped.
 */
function foldProtestAims(tokens: Token[], drafts: DraftEvent[]): void {
  for (const p of drafts.filter((d) => d.type === "PROTEST")) {
    for (let i = drafts.length - 1; i >= 0; i--) {
      const x = drafts[i] as DraftEvent;
      if (!PROTEST_AIMS.has(x.type) || x.trigger.first <= p.trigger.first || x.trigger.first - p.trigger.last > 16) continue;
      if (x.actor.length && p.actor.length && !x.actor.some((k) => p.actor.includes(k))) continue;
      const head = tokens[x.trigger.head] as Token;
      const before = tokens[x.trigger.first - 1] as Token | undefined;
      if (!/ing$/.test(head.lower) && before?.lower !== "to") continue;
      if (tokens.slice(p.trigger.last, x.trigger.first).some((t) => t.text === ";" || t.lower === "but")) continue;
      for (const k of x.recipient) if (!p.recipient.includes(k) && !p.actor.includes(k)) p.recipient.push(k);
      p.last = Math.max(p.last, x.last);
      drafts.splice(i, 1);
    }
  }
}

/** Words that introduce what a protest is against ("in protest of", "to protest", "against", "over"). */
const GRIEVANCE = wordClass("grievance-words");

/**
 * "a hunger strike in protest of the government's refusal", "rallied to protest Uganda's detention of
 * their leader": a protest with no target of its own is aimed at whoever did the act protested.
 */
function aimGrievances(ctx: DocContext, drafts: DraftEvent[], earlier: DraftEvent[], actNamed: (k: number) => PloverType | null): void {
  const tokens = ctx.a.tokens;
  for (const p of drafts) {
    if (p.type !== "PROTEST" || p.recipient.length) continue;
    const act = drafts.find((x) => x.type !== "PROTEST" && x.trigger.first >= p.trigger.last && x.trigger.first - p.trigger.last <= 12 &&
      x.actor.some((k) => !p.actor.includes(k)) && tokens.slice(p.trigger.last - 1, x.trigger.first).some((t) => GRIEVANCE.has(t.lower)) &&
      !tokens.slice(p.trigger.last, x.trigger.first).some((t) => CLAUSE_BREAKS.has(t.lower) && t.lower !== "after"));
    if (act) {
      p.recipient = act.actor.filter((k) => !p.actor.includes(k));
      p.last = Math.max(p.last, act.last);
      continue;
    }
    const doer = grievanceDoer(ctx, p);
    if (doer && !p.actor.includes(doer.entity)) {
      p.recipient = [doer.entity];
      p.last = Math.max(p.last, doer.last);
      continue;
    }
    // "protested against the ban", told after the ban: whoever imposed it
    const at = tokens[p.trigger.last]?.lower === "against" ? p.trigger.last : tokens[p.trigger.last - 1]?.lower === "against" ? p.trigger.last - 1 : -1;
    const against = at >= 0 && tokens[at + 1]?.lower === "the" ? actNamed(at + 2) : null;
    const told = against ? [...earlier].reverse().find((e) => e.type === against && e.actor.length && !e.actor.some((k) => p.actor.includes(k))) : undefined;
    if (told) p.recipient = [...told.actor];
  }
}

/** "in protest against human rights violations by the security forces": whoever the grievance is by. */
function grievanceDoer(ctx: DocContext, p: DraftEvent): Mention | null {
  const tokens = ctx.a.tokens;
  const end = Math.min(p.trigger.last + 16, ctx.a.sentences[p.sentence]?.last ?? 0);
  let aimed = false;
  for (let k = p.trigger.last - 1; k < end; k++) {
    const t = tokens[k] as Token;
    if (GRIEVANCE.has(t.lower)) aimed = true;
    else if (CLAUSE_BREAKS.has(t.lower) || t.pos === "VERB") return null;
    else if (aimed && t.lower === "by") {
      let j = k + 1;
      while (j < end && ["DET", "ADJ"].includes((tokens[j] as Token).pos) && !mentionAt(ctx, j)) j++;
      const m = mentionAt(ctx, j);
      return m && !m.locative ? m : null;
    }
  }
  return null;
}

/** True when trigger b sits in an infinitive or gerund complement of trigger a. */
function complementOf(tokens: Token[], a: Trigger, b: Trigger): boolean {
  // "his threat to launch an offensive", "calls to end the siege": a word of speech takes the act
  // right after its "to" as its content; other event nouns ("attack on") take no content
  if (a.nominal) return SPEECH_ACTS.has(a.type) && !b.nominal && b.first === a.last + 1 && (tokens[a.last] as Token | undefined)?.lower === "to";
  if (b.first >= a.first && b.last <= a.last) return true;
  // "declined to resign": a phrase that ends in "to" takes the verb right after it as its content
  if (b.first === a.last && a.last > a.first + 1 && (tokens[a.last - 1] as Token).lower === "to") return true;
  if (b.first <= a.last) return false;
  if (b.first - a.last > 6) return false;
  for (let k = a.last; k < b.first; k++) {
    const t = tokens[k] as Token;
    if ([".", ";", ",", "and", "but", "while"].includes(t.lower)) return false;
  }
  // "demanding that President X abandon his policy": what a demand asks for is its content
  if (a.type === "REQUEST" && (tokens[a.last] as Token | undefined)?.lower === "that") return true;
  // "agreed to expand military cooperation": a verb after "to" whose object is the event noun
  if (b.nominal && (tokens[a.last] as Token | undefined)?.lower === "to" && b.first - a.last <= 4 &&
    (tokens[a.last + 1] as Token | undefined)?.pos === "VERB" &&
    tokens.slice(a.last + 2, b.first).every((t) => t.pos === "ADJ" || t.pos === "DET" || t.pos === "NOUN")) return true;
  const before = tokens[b.first - 1] as Token;
  const before2 = tokens[b.first - 2] as Token;
  // "charged its neighbour with supporting dissidents": what an accusation charges is its content
  if (a.type === "ACCUSE" && before.lower === "with") return true;
  return COMPLEMENT_MARKERS.has(before.lower) || (before2 && COMPLEMENT_MARKERS.has(before2.lower) && (before.pos === "ADV" || before.pos === "AUX" || before.pos === "VERB"));
}

/** One event per type and sides within a sentence: later triggers add evidence to the first. */
function merge(drafts: DraftEvent[], tokens: Token[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const d of drafts) {
    const same = out.find((o) => o.type === d.type && o.modality === d.modality &&
      (o.actor.some((k) => d.actor.includes(k)) || d.actor.length === 0 || o.actor.length === 0) &&
      (o.recipient.length === 0 || d.recipient.length === 0 || o.recipient.some((k) => d.recipient.includes(k)) || occasion(tokens, o, d)));
    if (!same) { out.push(d); continue; }
    for (const k of d.actor) if (!same.actor.includes(k)) same.actor.push(k);
    for (const k of d.recipient) if (!same.recipient.includes(k) && !same.actor.includes(k)) same.recipient.push(k);
    same.mode ??= d.mode;
    same.first = Math.min(same.first, d.first);
    same.last = Math.max(same.last, d.last);
  }
  return out;
}

/**
 * "70 Palestinians are killed … in Israeli airstrikes on Gaza City": an attack with no one doing
 * it, and the attack named after "in" or "by" later in its clause, which says who did it, are one.
 */
function occasion(tokens: Token[], earlier: DraftEvent, later: DraftEvent): boolean {
  if (earlier.type !== "ASSAULT" || earlier.actor.length > 0 || later.actor.length === 0) return false;
  // "Four people are killed after Russian forces launch a rocket barrage at Sumy": the act that killed them
  if (!later.trigger.nominal) {
    const between = tokens.slice(earlier.trigger.last, later.trigger.first);
    return later.sentence === earlier.sentence && between.some((t) => CAUSE_CLAUSE.has(t.lower)) &&
      !between.some((t) => t.text === ";" || t.text === "." || t.lower === "but");
  }
  const { word, at } = determinerOf(tokens, later.trigger.first);
  const opener = ["a", "an", "the"].includes(word) ? tokens[at - 1]?.lower ?? "" : word;
  return (opener === "in" || opener === "by") && !tokens.slice(earlier.trigger.last, later.trigger.first).some((t) => t.text === ";" || t.text === ".");
}

export type { Sentence, Event };
