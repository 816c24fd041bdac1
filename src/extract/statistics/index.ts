/**
 * Statistics the text states: counts over a period ("19 attacks in 2024", "more than 165 attacks
 * since October 17", "at least 30 people had been killed by police since the protests began"),
 * forces deployed ("has sent 5,000 troops to the region"), counts carried on by ellipsis ("down
 * from 161 in the same period of 2022", "a further 31") and ordinals ("the 11th airstrike this
 * year"). The toll of one incident ("killed 20 soldiers in an ambush") is no statistic.
 */
import type { Statistic } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { DateMention } from "../../nlp/dates.js";
import { wordClass } from "../../rules/lexicon.js";
import type { FoundClaim } from "../claims/index.js";
import type { DocContext, Mention } from "../context.js";
import { ArgumentReader } from "../events/arguments.js";
import { Phrases } from "../relations/phrases.js";
import { mayStartNumber } from "../tolls/index.js";
import { countAt, measureAfter, type Count, type Counted } from "./counts.js";
import { periodFor, type Period } from "./period.js";
import { DEPLOY_VERBS, Subjects, VICTIM_VERBS } from "./subject.js";

/** A statistic whose `subject` is still an entity key, not a record id. */
export type FoundStatistic = Statistic;

interface Found extends FoundStatistic {
  counted: Counted;
  sentence: number;
  /** Carried on from the count before ("down from 161"). */
  elliptical: boolean;
}

const QUALIFIERS = wordClass("statistic-qualifiers");
/** Words before a bare number that carry on the count before it ("up from 161", "a further 31"). */
const ELLIPSIS = wordClass("count-continuers");
/** "with" and "to" carry a count on only after a comparison ("compared with 29"). */
const COMPARE = /^(compared|contrast|comparison|rose|fell|increased|dropped|declined|up|down|climbed|jumped)$/;
/** Displacement is counted as it stands: a statistic even without a period. */
const DISPLACE = /^(displace|uproot|flee)$/;
/** One incident's toll, not a count over time. */
const INCIDENT = /\b(in|during) (an?|the) (\w+ ){0,2}(ambush|attack|raid|strike|airstrike|bombing|explosion|assault|blast|incident|clash|shooting|massacre)\b|\b(ambush|attack|raid|strike|airstrike|bombing|explosion|assault|blast|shooting|fire)s? (\w+ ){0,3}(that|which) (\w+ ){0,2}(killed|left|wounded|injured)\b/i;
/** People counted with what they need or face: "28.3 million Afghans will need aid in 2023". */
const NEED = /^(need|needs|needed|require|requires|required|face|faces|faced|lack|lacks|depend|depends|rely|relies)$/;

export function readStatistics(ctx: DocContext, dates: DateMention[], claims: FoundClaim[]): FoundStatistic[] {
  const out: Found[] = [];
  const tokens = ctx.a.tokens;
  const phrases = new Phrases(ctx);
  const subjects = new Subjects(ctx, phrases, new ArgumentReader(ctx));
  const published = ctx.doc.published;
  const inDate = dateTokens(tokens, dates);
  ctx.a.sentences.forEach((s, si) => {
    const counts: { c: Count; k: number }[] = [];
    for (let k = s.first; k < s.last; k++) {
      const t = tokens[k] as Token;
      if (inDate[k] === 1 || !mayStartNumber(t) || /^(19|20)\d\d$/.test(t.text)) continue;
      const c = countAt(tokens, k);
      if (c) { counts.push({ c, k }); k = c.after - 1; }
    }
    // a later count contrasted with this one ("…, down from 161 in 2022") takes the dates after it
    const starts = counts.filter((x) => /^(from|with|to|versus|vs|against)$/.test((tokens[qualifiedStart(tokens, s, x.k) - 1] as Token | undefined)?.lower ?? "")).map((x) => x.k);
    const claim = claims.find((c) => c.sentence === si)?.id ?? null;
    for (const { c } of counts) {
      const found = readOne(ctx, subjects, s, si, c, dates, starts, published, out);
      if (!found) continue;
      if (found.subject) ctx.used.add(found.subject);
      out.push({ ...found, claim });
    }
  });
  return out.map(({ counted: _c, sentence: _s, ...stat }) => stat);
}

/** 1 for each token inside a date expression ("in 2024", "on March 3"), found once per document. */
function dateTokens(tokens: Token[], dates: DateMention[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  for (const d of dates) {
    // tokens are in text order: the first starting at or after the date, then on to its end
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).start < d.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < tokens.length && (tokens[k] as Token).start < d.end; k++) if ((tokens[k] as Token).end <= d.end) inside[k] = 1;
  }
  return inside;
}

function readOne(ctx: DocContext, subjects: Subjects, s: Sentence, si: number, c: Count, dates: DateMention[], starts: number[], published: string | null, out: Found[]): Found | null {
  const tokens = ctx.a.tokens;
  const sentenceText = ctx.a.text.slice(s.start, s.end);
  const m = measureAfter(tokens, s, c);
  const period = periodFor(tokens, s, dates, c.first, m ? m.last : c.after, starts, published);
  const evidence = (end: number, p: Period | null): [number, number][] => {
    const a = (tokens[c.first] as Token).start;
    const b = (tokens[end - 1] as Token).end;
    return [[p && p.start < a && p.start >= s.start ? p.start : a, p && p.end > b ? p.end : b]];
  };
  if (!m) return ellipsis(ctx, subjects, s, si, c, period, out, evidence);
  const verb = subjects.governingVerb(qualifiedStart(tokens, s, c.first), s);
  const verbLemma = verb >= 0 ? subjects.lemma(verb) : "";
  const measure = ctx.a.text.slice((tokens[m.first] as Token).start, (tokens[m.last - 1] as Token).end);
  const counted = subjects.counted(m.first, m.last);
  let subject: string | null = null;
  let at = period;
  const after = tokens[subjects.victimVerbAfter(m.last, s)] as Token | undefined;
  const displaced = DISPLACE.test(verbLemma) || after !== undefined && DISPLACE.test(subjects.lemmaOf(after));
  if (displaced && !at?.long) at = published ? { interval: { start: published, end: published }, start: s.start, end: s.start, long: true, since: false } : null;
  if (m.counted === "force" && DEPLOY_VERBS.test(verbLemma)) {
    // a deployment stands as stated on the day: any date of the sentence, else the report's
    at ??= published ? { interval: { start: published, end: published }, start: s.start, end: s.start, long: true, since: false } : null;
    // a state deploys its forces: the forces counted are the subject, if the text names them
    const doer = subjects.subjectOf(verb, s);
    subject = key(subjects.isNamed(counted) || counted && subjects.isState(doer) ? counted : doer ?? counted);
  } else {
    if (!at?.long) return null;
    const victims = m.counted !== "event" && (VICTIM_VERBS.test(verbLemma) || subjects.victimVerbAfter(m.last, s) >= 0);
    // "killing 12 people", "killed 20 soldiers in an ambush": one incident's toll
    if (victims && (INCIDENT.test(sentenceText) || /^(killing|wounding|injuring|leaving)$/.test((tokens[verb] as Token | undefined)?.lower ?? ""))) return null;
    // "six people are killed … in the heaviest exchange since the ceasefire": "since" dates the
    // comparison; a count since a date is told in the perfect ("have been killed since")
    if (victims && at.since && !perfect(tokens, s, verb >= 0 && VICTIM_VERBS.test(verbLemma) ? verb : subjects.victimVerbAfter(m.last, s))) return null;
    // people counted for no deed or need of theirs are a detail, not a statistic
    if (m.counted !== "event" && !victims && !tokens.slice(m.last, Math.min(s.last, m.last + 4)).some((t) => NEED.test(t.lower))) return null;
    const agent = subjects.agent(m.last, s);
    const doer = verb >= 0 && !subjects.isRecorder(verb) && !(victims && verb < 0) ? subjects.subjectOf(verb, s) : null;
    if (m.counted === "event") subject = key(agent ?? doer ?? (c.ordinal ? counted : null)) ?? lastSubject(out);
    else if (victims) subject = key(agent ?? (VICTIM_VERBS.test(verbLemma) ? doer : null) ?? (subjects.isArmed(counted) ? counted : null) ?? subjects.armedBefore(c.first, s)) ?? lastSubject(out) ?? key(counted);
    else subject = key(counted ?? doer);
  }
  if (!at) return null;
  return { subject, measure, value: c.value, period: at.interval, claim: null, evidence: evidence(m.last, at), counted: m.counted, sentence: si, elliptical: false };
}

/** "down from 161 in the same period of 2022", "a further 31": the count before, carried on. */
function ellipsis(ctx: DocContext, subjects: Subjects, s: Sentence, si: number, c: Count, period: Period | null, out: Found[], evidence: (end: number, p: Period | null) => [number, number][]): Found | null {
  const tokens = ctx.a.tokens;
  const q = qualifiedStart(tokens, s, c.first);
  const word = (tokens[q - 1] as Token | undefined)?.lower ?? "";
  const next = tokens[c.after] as Token | undefined;
  const further = /^(further|another)$/.test((tokens[c.first - 1] as Token | undefined)?.lower ?? "");
  // "two Western officials": a count of something else, not the count before carried on
  if (next && (next.pos === "NOUN" || next.pos === "ADJ" || next.pos === "PROPN")) return null;
  if (!further && !ELLIPSIS.has(word)) return null;
  if ((word === "with" || word === "to") && !COMPARE.test((tokens[q - 2] as Token | undefined)?.lower ?? "")) return null;
  const parent = out[out.length - 1];
  const root = [...out].reverse().find((x) => !x.elliptical);
  if (!parent || !root || parent.sentence < si - 1 || c.ordinal) return null;
  // "JNIM was responsible for a further 31": its own subject, the first count's period
  const own = further ? clauseSubject(tokens, subjects, s, q) : null;
  const at = period && (period.start > (tokens[c.first] as Token).start || parent.sentence !== si) ? period : null;
  return {
    subject: own ?? parent.subject, measure: parent.measure, value: c.value,
    period: at?.interval ?? (further ? root.period : parent.period), claim: null, evidence: evidence(c.after, at),
    counted: parent.counted, sentence: si, elliptical: true,
  };
}

/** The subject of the clause a count sits in, read from its nearest verb or auxiliary. */
function clauseSubject(tokens: Token[], subjects: Subjects, s: Sentence, k: number): string | null {
  for (let v = k - 1; v >= s.first && v > k - 8; v--) {
    const t = tokens[v] as Token;
    if (t.text === "," || t.text === ";") return null;
    if (t.pos === "VERB" || t.pos === "AUX") return subjects.subjectOf(v, s)?.entity ?? null;
  }
  return null;
}

/**
 * Does the verb at v tell a total ("have been killed", "people killed since …", "dead") rather
 * than one happening ("six people are killed")? Only a simple passive tells a happening.
 */
function perfect(tokens: Token[], s: Sentence, v: number): boolean {
  if (!tokens[v]) return true;
  let be = false;
  for (let k = v - 1; k >= s.first && k >= v - 3; k--) {
    const t = tokens[k] as Token;
    if (/^(has|have|had|'ve)$/.test(t.lower)) return true;
    if (t.lemma === "be" && t.pos === "AUX") be = true;
    else if (t.pos !== "ADV" && t.lower !== "been") break;
  }
  return !be;
}

/** Where the count's qualifiers begin ("at least", "more than", "as many as"). */
function qualifiedStart(tokens: Token[], s: Sentence, k: number): number {
  let q = k;
  while (q > s.first && QUALIFIERS.has((tokens[q - 1] as Token).lower) && !ELLIPSIS.has((tokens[q - 1] as Token).lower)) q--;
  return q;
}

function lastSubject(out: Found[]): string | null {
  return out[out.length - 1]?.subject ?? null;
}

const key = (m: Mention | null): string | null => m?.entity ?? null;
