/**
 * Home countries for actors the dictionary cannot place: a person or group named right after a
 * country or demonym ("Nigerian junior foreign minister Dubem Oniya", "Iraqi Kurds") belongs to
 * it; generic actors ("the government", "police", "civilians") and unknown names belong to the
 * country the report is about — the one its places and actors name most.
 */
import type { ActorKind, Place } from "../../core/index.js";
import type { DocContext, Mention } from "../context.js";

/** Kinds that are bodies or people of one country; international ones keep a null country. */
const NATIONAL = new Set<ActorKind>(["government", "military", "police", "intelligence", "civilians", "political_party", "person", "armed_group", "media", "business", "other"]);

/** The countries the report's places and states name, the most named first, with their votes. */
function countryVotes(ctx: DocContext, places: readonly Place[]): Array<[string, number]> {
  const votes = new Map<string, number>();
  const vote = (c: string | null, n: number) => { if (c) votes.set(c, (votes.get(c) ?? 0) + n); };
  for (const p of places) vote(p.country, p.mentions.length);
  for (const m of ctx.mentions) {
    const e = ctx.entities.get(m.entity);
    if (e?.kind === "state") vote(e.country, 1);
  }
  return [...votes].sort((x, y) => y[1] - x[1]);
}

/** The country of a state named or implied just before mention m in its sentence, if any. */
function modifierCountry(ctx: DocContext, m: Mention): string | null {
  const s = ctx.a.sentences[ctx.a.tokens[m.first]?.sentence ?? -1];
  for (const other of ctx.mentions) {
    if (other.last > m.first || other.last < m.first - 4 || !s || other.first < s.first) continue;
    const e = ctx.entities.get(other.entity);
    if (e?.kind === "state" && !other.locative) return e.country;
  }
  return null;
}

/** Fill in the country of every entity that has none and belongs to one country. */
export function assignCountries(ctx: DocContext, places: readonly Place[]): void {
  const votes = countryVotes(ctx, places);
  const main = votes[0]?.[0] ?? null;
  for (const e of ctx.entities.values()) {
    if (e.country || !NATIONAL.has(e.kind)) continue;
    const near = e.mentions.map((m) => modifierCountry(ctx, m)).find(Boolean) ?? null;
    // a named group from the dictionary with no home (Islamic State, al-Qaeda) stays international
    const fromDictionary = e.named && e.mentions.some((m) => m.via === "name");
    e.country = near ?? (fromDictionary ? null : main);
    // a report that names no other country leaves no doubt about whose "police" or "officials" these are
    if (near === null && e.country !== null && votes.length > 1) e.countryAssumed = true;
  }
}
