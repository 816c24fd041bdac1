/**
 * Standing relations (directs, sponsors, supports, allied_with, opposes, at_war_with, part_of)
 * read by the patterns of data/patterns/relations.json and from unit names ("Taliban security
 * forces"), with modality and the claim they rest on.
 */
import type { ActorKind, Relation, RelationType } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { RelationPattern } from "../../rules/relations.js";
import type { FoundClaim } from "../claims/index.js";
import type { DocContext, Mention } from "../context.js";
import { modalityOf } from "../events/modality.js";
import { candidates } from "./anchors.js";
import { unitRelations } from "./units.js";
import { matchAt } from "./match.js";
import { Phrases } from "./phrases.js";

/** A relation whose `actor` and `recipient` are still entity keys, not record ids. */
export type FoundRelation = Relation;

/** A state's own forces or government are backed as partners, not sponsored as proxies. */
const STATE_KINDS: ReadonlySet<ActorKind> = new Set(["state", "government", "military", "police"]);
/** Only an organised power sponsors; crowds, people and charities back a side (supports). */
const SPONSOR_KINDS: ReadonlySet<ActorKind> = new Set(["state", "government", "military", "intelligence", "police", "armed_group", "business"]);

export function readRelations(ctx: DocContext, patterns: RelationPattern[], claims: FoundClaim[]): FoundRelation[] {
  const out: FoundRelation[] = [];
  const phrases = new Phrases(ctx);
  const tokens = ctx.a.tokens;
  const kind = (m: Mention): ActorKind => ctx.entities.get(m.entity)?.kind ?? "other";
  const add = (type: RelationType, x: Mention, y: Mention, s: Sentence, si: number, k: number, end: number) => {
    if (x.entity === y.entity) return;
    // "a civilian-led government", "led by Palestinian activists": crowds lead no standing body
    if ((type === "directs" || type === "sponsors") && kind(x) === "civilians") return;
    if (type === "sponsors" && (STATE_KINDS.has(kind(y)) || !SPONSOR_KINDS.has(kind(x)))) type = "supports";
    if (out.some((r) => r.type === type && r.actor === x.entity && r.recipient === y.entity)) return;
    const start = Math.min((tokens[k] as Token).start, x.start, y.start);
    const stop = Math.max((tokens[end - 1] as Token).end, x.end, y.end);
    const claim = claims.find((c) => c.sentence === si)?.id ?? null;
    out.push({ type, actor: x.entity, recipient: y.entity, modality: modalityOf(tokens, s, k, null), claim, evidence: [[start, stop]] });
    ctx.used.add(x.entity);
    ctx.used.add(y.entity);
  };
  // only the patterns that can start at a token are tried there (anchors.ts), in file order
  const { bits, width } = candidates(ctx, patterns);
  ctx.a.sentences.forEach((s, si) => {
    for (let k = s.first; k < s.last; k++) {
      for (let w = 0; w < width; w++) for (let set = bits[k * width + w]!; set !== 0; set &= set - 1) {
        const p = patterns[w * 32 + 31 - Math.clz32(set & -set)]!;
        const b = matchAt(ctx, phrases, p, s, k);
        if (!b) continue;
        for (const x of b[p.actor] ?? []) {
          if (p.actorKinds && !p.actorKinds.has(ctx.entities.get(x.entity)?.kind ?? "other")) continue;
          for (const y of b[p.recipient] ?? []) add(p.type, x, y, s, si, k, Math.max(b.end, k + 1));
        }
      }
    }
  });
  for (const u of unitRelations(ctx)) {
    const s = ctx.a.sentences[(tokens[u.unit.first] as Token).sentence] as Sentence;
    add("part_of", u.unit, u.parent, s, (tokens[u.unit.first] as Token).sentence, u.unit.first, u.unit.last);
  }
  return out;
}
