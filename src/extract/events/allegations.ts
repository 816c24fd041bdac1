/**
 * An allegation told as a claim: a speaker who says another side sponsors or directs an armed
 * group accuses it ("an Indian defence official said the attackers were backed by Pakistan's
 * military": ACCUSE, mode allege, India's ministry → Pakistan's army).
 */
import type { Relation } from "../../core/index.js";
import type { FoundClaim } from "../claims/index.js";
import type { DocContext } from "../context.js";
import type { DraftEvent } from "./index.js";

const ALLEGED = new Set<Relation["type"]>(["sponsors", "directs"]);

/** The side an entity stands for: its country, else itself. */
function side(ctx: DocContext, key: string): string {
  return ctx.entities.get(key)?.country ?? key;
}

/** ACCUSE/allege drafts for relations that rest on a claim by another side. */
export function readAllegations(ctx: DocContext, relations: readonly Relation[], claims: readonly FoundClaim[], drafts: readonly DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const r of relations) {
    const claim = r.claim ? claims.find((c) => c.id === r.claim) : undefined;
    const speaker = claim ? claim.orgKey ?? claim.personKey ?? null : null;
    if (!claim || !speaker || !ALLEGED.has(r.type) || side(ctx, speaker) === side(ctx, r.actor)) continue;
    // "the Iran-backed militia" describes; "were backed by Pakistan's military" alleges
    const [s0, s1] = r.evidence[0] ?? [0, 0];
    if (!/\bby\b/.test(ctx.a.text.slice(s0, s1))) continue;
    const known = ctx.entities.get(speaker);
    if (!known || (!known.named && !known.country)) continue;
    if ([...drafts, ...out].some((d) => d.type === "ACCUSE" && d.actor.includes(speaker) && d.recipient.includes(r.actor))) continue;
    const [start, end] = r.evidence[0] ?? [0, 0];
    const first = ctx.a.tokens.findIndex((t) => t.start >= start);
    let last = first;
    while (last < ctx.a.tokens.length && (ctx.a.tokens[last]?.end ?? Infinity) <= end) last++;
    if (first < 0 || last <= first) continue;
    const trigger = { head: first, first, last, type: "ACCUSE" as const, mode: "allege", nominal: false, twoSided: false, carrier: null };
    out.push({ type: "ACCUSE", mode: "allege", actor: [speaker], recipient: [r.actor], place: [], modality: "asserted", sentence: claim.sentence, trigger, first, last });
  }
  return out;
}
