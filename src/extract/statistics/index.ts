/**
 * Statistics the text states: a count of something over a period ("19 attacks in 2024",
 * "more than 165 attacks since October 17", "at least 20 soldiers have been killed in 2023").
 * A count without a period of a month or more is a toll or a detail, not a statistic.
 */
import type { Statistic } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import type { DateMention } from "../../nlp/dates.js";
import type { FoundClaim } from "../claims/index.js";
import { mentionAt, type DocContext } from "../context.js";
import { ArgumentReader } from "../events/arguments.js";
import { numberAt } from "../tolls/index.js";

/** A statistic whose `subject` is still an entity key, not a record id. */
export type FoundStatistic = Statistic;

/** Nouns that are counted over time in conflict reporting. */
const MEASURES = /^(attacks?|incidents?|strikes?|airstrikes?|raids?|bombings?|operations?|assaults?|killings?|deaths?|casualties|fatalities|ambushes|kidnappings?|abductions?|arrests?|executions?|protests?|clashes|violations?|launches|rockets?|missiles?|drones?|soldiers|troops|civilians|people|militants|fighters|members|cases|events|terror)$/;
const DAY = 864e5;

export function readStatistics(ctx: DocContext, dates: DateMention[], claims: FoundClaim[]): FoundStatistic[] {
  const out: FoundStatistic[] = [];
  const tokens = ctx.a.tokens;
  const args = new ArgumentReader(ctx);
  ctx.a.sentences.forEach((s, si) => {
    const periods = dates.filter((d) => d.start >= s.start && d.end <= s.end &&
      (Date.parse(d.interval.end) - Date.parse(d.interval.start)) / DAY >= 27);
    if (periods.length === 0) return;
    for (let k = s.first; k < s.last; k++) {
      const n = numberAt(tokens, k);
      if (!n || n.value.high === null && n.value.low !== 24) continue;
      const t = tokens[k] as Token;
      if (/^(19|20)\d\d$/.test(t.text)) continue;
      // the counted noun: right after the number, maybe behind one modifier ("terror incidents")
      let h = k + n.used;
      let measureEnd = -1;
      for (let j = h; j < Math.min(s.last, h + 3); j++) {
        if (MEASURES.test((tokens[j] as Token).lower)) measureEnd = j + 1;
        else if (measureEnd > 0) break;
      }
      if (measureEnd < 0) continue;
      // "19 attacks in 2024": the period named closest after the count
      const period = periods.map((d) => ({ d, gap: Math.abs(d.start - (tokens[measureEnd - 1] as Token).end) })).sort((x, y) => x.gap - y.gap)[0]?.d;
      if (!period) continue;
      const measureText = ctx.a.text.slice((tokens[k + n.used] as Token).start, (tokens[measureEnd - 1] as Token).end);
      // the subject: the clause's subject, else the counted actors themselves ("20 soldiers")
      let subject = args.subject(k, s)[0]?.entity ?? null;
      const counted = mentionAt(ctx, measureEnd - 1);
      if (counted && counted.first >= k + n.used - 0) subject = counted.entity;
      if (subject) ctx.used.add(subject);
      const start = Math.min(t.start, period.start);
      const end = Math.max((tokens[measureEnd - 1] as Token).end, period.end);
      out.push({
        subject, measure: measureText, value: n.value.low, period: period.interval,
        claim: claims.find((c) => c.sentence === si)?.id ?? null, evidence: [[start, end]],
      });
      k = measureEnd - 1;
    }
  });
  return out;
}
