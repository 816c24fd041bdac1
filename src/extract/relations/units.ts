/**
 * Units named after the movement they belong to: "Taliban security forces", "the Taliban's
 * Ministry of Economy", "Hamas's armed wing". A unit of a state ("Iran's Revolutionary Guards")
 * is the state acting, not a member of it, so only non-state parents count.
 */
import type { ActorKind } from "../../core/index.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";

const PARENT_KINDS: ReadonlySet<ActorKind> = new Set(["armed_group", "government", "political_party"]);
const UNIT_KINDS: ReadonlySet<ActorKind> = new Set(["armed_group", "government", "military", "police", "intelligence"]);
/** The institutional part of a unit's name. */
const UNIT = /^(?:(?:armed|military|political|security|special|elite|intelligence|police|media) )*(?:ministry|ministries|minister|forces|police|intelligence|wing|council|court|courts|commission|office|department|agency|brigades?|battalions?|units?|division|cabinet|administration|directorate|command|service)\b/i;

export interface UnitOf {
  unit: Mention;
  parent: Mention;
}

/** Mentions whose name opens with a non-state actor's name followed by a unit word. */
export function unitRelations(ctx: DocContext): UnitOf[] {
  const out: UnitOf[] = [];
  const parents = [...ctx.entities.values()].filter((e) => e.named && PARENT_KINDS.has(e.kind));
  for (const m of ctx.mentions) {
    const unit = ctx.entities.get(m.entity);
    if (!unit || !UNIT_KINDS.has(unit.kind) || out.some((u) => u.unit.entity === m.entity)) continue;
    // "the Taliban's Ministry of Economy": the parent is a mention of its own, just before
    const before = mentionAt(ctx, m.first - 2);
    // (a unit named as such, "Ministry of Economy"; not "al-Shabaab's forces", which are the group's own)
    if (before && ctx.a.tokens[m.first - 1]?.text === "'s" && before.entity !== m.entity && /^\p{Lu}/u.test(ctx.a.text.slice(m.start, m.end)) &&
      parents.some((p) => p.key === before.entity) && UNIT.test(ctx.a.text.slice(m.start, m.end))) {
      out.push({ unit: m, parent: before });
      continue;
    }
    const text = ctx.a.text.slice(m.start, m.end).replace(/^the /i, "");
    for (const p of parents) {
      if (p.key === m.entity) continue;
      const name = [...p.surfaces].map((x) => x.replace(/^the /i, "")).find((x) => text.startsWith(`${x} `) || text.startsWith(`${x}'s `));
      if (!name || !UNIT.test(text.slice(name.length).replace(/^'s/, "").trim())) continue;
      const pm = p.mentions.find((x) => x.start >= m.start && x.end <= m.end) ?? { ...m, entity: p.key };
      out.push({ unit: m, parent: pm });
      break;
    }
  }
  return out;
}
