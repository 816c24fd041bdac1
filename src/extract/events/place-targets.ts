/**
 * A place as the target of an act ("imposed a curfew in the town of Cizre", "fired shells at
 * targets in Jericho", "postponed the demonstration in Baku"): when an event names no one as its
 * target, the town or province its clause names stands for the people and authorities there.
 */
import type { Place, PloverType } from "../../core/index.js";
import type { Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import { indexMentions, mentionAt, type DocContext, type Mention } from "../context.js";
import type { DraftEvent } from "./index.js";

const BEFORE_PLACE = wordClass("place-target-prepositions");
const CLAUSE_END = wordClass("place-target-breaks");
/** Acts that move or deploy one's own (their destination is no target) or have two sides. */
const NOT_AIMED = new Set<PloverType>(["MOBILIZE", "CONSULT", "COOPERATE"]);
/** Acts that several sides may do together (sign, agree), aimed at no one when they do. */
const JOINT = new Set<PloverType>(["SUPPORT", "AGREE"]);

const BORDERS = wordClass("border-nouns");
const ACROSS = wordClass("border-prepositions");

/**
 * Give a deployment with no target the state across the border its clause names: "massed 50,000
 * troops across the border from Ukraine", "on the Ukrainian border", "along Ukraine's border".
 * The state must be another than the actors'.
 */
export function borderTargets(ctx: DocContext, drafts: DraftEvent[], placeAt: (start: number) => Place | null): void {
  const tokens = ctx.a.tokens;
  for (const d of drafts) {
    if (d.type !== "MOBILIZE" || d.recipient.length || !d.actor.length) continue;
    const s = ctx.a.sentences[d.sentence];
    if (!s) continue;
    const own = new Set(d.actor.map((a) => ctx.entities.get(a)?.country ?? a));
    for (let k = d.trigger.last; k < s.last && k < d.trigger.last + 12; k++) {
      const t = tokens[k] as Token;
      // the clause ends at a stop or a subordinate clause ("as many as 50,000 troops" goes on)
      if (t.pos === "PUNCT" && t.text !== "-" || t.pos === "SCONJ" && t.lower !== "as" || t.lower === "which" || t.lower === "who") break;
      if (!BORDERS.has(t.lower)) continue;
      // "the Ukrainian border", "Ukraine's border": the side named before the noun; else after "with", "from"
      const sideAt = (j: number): string | null => {
        const m = mentionAt(ctx, j);
        if (m) return stateOf(ctx, m.entity);
        const country = tokens[j] ? placeAt((tokens[j] as Token).start)?.country : null;
        return country ? stateOfCountry(ctx, country) : null;
      };
      const before = sideAt(tokens[k - 1]?.text === "'s" ? k - 2 : k - 1);
      const after = ACROSS.has(tokens[k + 1]?.lower ?? "") ? sideAt((tokens[k + 2] as Token | undefined)?.pos === "DET" ? k + 3 : k + 2) : null;
      const side = [before, after].find((x) => x !== null && !own.has(ctx.entities.get(x)?.country ?? x));
      if (side) d.recipient.push(side);
      break;
    }
  }
}

/** The state entity an entity stands for or belongs to, if the document names it. */
function stateOf(ctx: DocContext, key: string): string | null {
  const e = ctx.entities.get(key);
  if (!e) return null;
  if (e.kind === "state") return key;
  return e.country ? stateOfCountry(ctx, e.country) : null;
}

/** The key of the state entity of `country`, if the document names it. */
function stateOfCountry(ctx: DocContext, country: string): string | null {
  for (const x of ctx.entities.values()) if (x.kind === "state" && x.country === country) return x.key;
  return null;
}

/** Give each draft with actors but no recipient the place its clause names after the trigger, if any. */
export function placeTargets(ctx: DocContext, drafts: DraftEvent[], placeAt: (start: number) => Place | null): void {
  const tokens = ctx.a.tokens;
  let added = false;
  for (const d of drafts) {
    if (d.recipient.length || !d.actor.length || d.trigger.twoSided || NOT_AIMED.has(d.type)) continue;
    // "Ethiopia and Eritrea signed a peace agreement in Jeddah": sides agreeing together are not aimed at where they sign
    if (JOINT.has(d.type) && d.actor.length > 1) continue;
    const s = ctx.a.sentences[d.sentence];
    if (!s) continue;
    for (let k = d.trigger.last; k < s.last && k < d.trigger.last + 12; k++) {
      const t = tokens[k] as Token;
      if (CLAUSE_END.has(t.lower)) break;
      const place = placeAt(t.start);
      if (!place || place.precision === "country" || mentionAt(ctx, k)) continue;
      let b = k - 1;
      while (b > d.trigger.last && ["DET", "ADJ"].includes((tokens[b] as Token).pos)) b--;
      if (!BEFORE_PLACE.has((tokens[b] as Token).lower)) break;
      const span = place.mentions.find(([x]) => x === t.start);
      if (!span) break;
      let last = k;
      while (last + 1 < s.last && (tokens[last + 1] as Token).end <= span[1]) last++;
      // a town in another side's country stands for that state ("Russia plans to capture Sumy" targets Ukraine)
      const foreign = place.country && !d.actor.some((a) => ctx.entities.get(a)?.country === place.country);
      const state = foreign && place.country ? stateOfCountry(ctx, place.country) : null;
      const key = state ?? `place:${place.name}`;
      if (!ctx.entities.has(key)) {
        ctx.entities.set(key, { key, name: place.name, kind: "other", country: place.country, parent: null, named: true, surfaces: new Set(), mentions: [] });
      }
      const e = ctx.entities.get(key)!;
      if (!e.mentions.some((m) => m.start === span[0])) {
        const m: Mention = { start: span[0], end: span[1], first: k, last: last + 1, entity: key, via: "name", locative: true };
        ctx.mentions.push(m);
        e.mentions.push(m);
        e.surfaces.add(ctx.a.text.slice(span[0], span[1]));
        added = true;
      }
      if (!d.actor.includes(key)) d.recipient.push(key);
      break;
    }
  }
  if (added) indexMentions(ctx);
}
