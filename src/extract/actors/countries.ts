/**
 * Home countries for actors the dictionary cannot place: a person or group named right after a
 * country or demonym ("Nigerian junior foreign minister Dubem Oniya", "Iraqi Kurds") belongs to
 * it; generic actors ("the government", "police", "civilians") and unknown names belong to the
 * country the report is about — the one its places and actors name most.
 */
import type { ActorKind, Place } from "../../core/index.js";
import type { Word } from "../../nlp/words.js";
import type { ActorRules } from "../../rules/actors.js";
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

const LOCATIVE_BEFORE = /\b(?:in|near|at|across|around|inside|outside|throughout)\s+(?:the\s+)?(?:(?:[\p{L}-]+\s+){1,2}of\s+)?$/iu;

/** The country of the place named nearest mention m in its sentence, said as where, if any. */
function placeCountry(ctx: DocContext, places: readonly Place[], m: Mention): string | null {
  const s = ctx.a.sentences[ctx.a.tokens[m.first]?.sentence ?? -1];
  if (!s) return null;
  let best: string | null = null;
  let distance = Infinity;
  for (const p of places) {
    if (!p.country) continue;
    for (const [a] of p.mentions) {
      if (a < s.start || a >= s.end || Math.abs(a - m.start) >= distance) continue;
      // a place said as where ("in Qana", "on northeast Syria"), not a side ("a U.S. bombing")
      if (!LOCATIVE_BEFORE.test(ctx.a.text.slice(Math.max(s.start, a - 30), a))) continue;
      distance = Math.abs(a - m.start);
      best = p.country;
    }
  }
  return best;
}

/** Fill in the country of every entity that has none and belongs to one country. */
export function assignCountries(ctx: DocContext, places: readonly Place[]): void {
  const votes = countryVotes(ctx, places);
  const main = votes[0]?.[0] ?? null;
  for (const e of ctx.entities.values()) {
    if (e.country || !NATIONAL.has(e.kind)) continue;
    // "strikes on northeast Syria have killed eight civilians": people are of the place their sentence names, before the story's
    const near = e.mentions.map((m) => modifierCountry(ctx, m)).find(Boolean) ??
      (e.kind === "civilians" ? e.mentions.map((m) => placeCountry(ctx, places, m)).find(Boolean) : null) ?? null;
    // a named group from the dictionary with no home (Islamic State, al-Qaeda) stays international
    const fromDictionary = e.named && e.mentions.some((m) => m.via === "name");
    e.country = near ?? (fromDictionary ? null : main);
    // a report that names no other country leaves no doubt about whose "police" or "officials" these are
    if (near === null && e.country !== null && votes.length > 1) e.countryAssumed = true;
  }
}

/** Kinds of named actor whose home country tells where a story is ("Houthi forces", "al-Shabaab"). */
const HOME_KINDS = new Set<ActorKind>(["armed_group", "military", "police", "government", "intelligence"]);

/**
 * The countries of the armed groups, forces and governments the text names, found before the
 * places are resolved, so that "a bomb planted by Houthi forces exploded in Hays" is read in
 * Yemen. Only capitalised words can begin a name.
 */
export function namedActorCountries(words: readonly Word[], rules: ActorRules): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const c = w.text.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !/^\p{Lu}/u.test(w.text)) continue;
    const m = rules.names.longestAt(words, i);
    if (!m) continue;
    // a name of several actors of different countries ("AFP", "Congo") says nothing here
    const countries = new Set(m.values.map((e) => e.country));
    const e = m.values[0];
    if (countries.size === 1 && e?.country && HOME_KINDS.has(e.kind)) out.add(e.country);
    i = m.last - 1;
  }
  return [...out];
}
