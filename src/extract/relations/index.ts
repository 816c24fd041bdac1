/**
 * Standing relations (directs, sponsors, supports, allied_with, opposes, at_war_with, part_of)
 * read by the patterns of data/patterns/relations.json, with modality and the claim they rest on.
 */
import type { Relation } from "../../core/index.js";
import type { Sentence, Token } from "../../nlp/index.js";
import type { RelationPattern } from "../../rules/relations.js";
import type { FoundClaim } from "../claims/index.js";
import { mentionAt, type DocContext, type Mention } from "../context.js";
import { ArgumentReader } from "../events/arguments.js";
import { modalityOf } from "../events/modality.js";

/** A relation whose `actor` and `recipient` are still entity keys, not record ids. */
export type FoundRelation = Relation;

interface Bound { A?: Mention[]; B?: Mention[]; S?: Mention[]; end: number }

export function readRelations(ctx: DocContext, patterns: RelationPattern[], claims: FoundClaim[]): FoundRelation[] {
  const out: FoundRelation[] = [];
  const args = new ArgumentReader(ctx);
  const tokens = ctx.a.tokens;
  ctx.a.sentences.forEach((s, si) => {
    for (let k = s.first; k < s.last; k++) {
      for (const p of patterns) {
        const b = match(ctx, args, p, s, k);
        if (!b) continue;
        const actors = b[p.actor] ?? [];
        const recipients = b[p.recipient] ?? [];
        const start = Math.min(tokens[k]!.start, ...actors.map((m) => m.start), ...recipients.map((m) => m.start));
        const end = Math.max(tokens[b.end - 1]!.end, ...actors.map((m) => m.end), ...recipients.map((m) => m.end));
        const claim = claims.find((c) => c.sentence === si)?.id ?? null;
        for (const x of actors) for (const y of recipients) {
          if (x.entity === y.entity || out.some((r) => r.type === p.type && r.actor === x.entity && r.recipient === y.entity)) continue;
          out.push({ type: p.type, actor: x.entity, recipient: y.entity, modality: modalityOf(tokens, s, k, null), claim, evidence: [[start, end]] });
          ctx.used.add(x.entity);
          ctx.used.add(y.entity);
        }
      }
    }
  });
  return out;
}

/** Try pattern p at token k of sentence s. */
function match(ctx: DocContext, args: ArgumentReader, p: RelationPattern, s: Sentence, k: number): Bound | null {
  const tokens = ctx.a.tokens;
  const bound: Bound = { end: k };
  let at = k;
  const items = p.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "subject") {
      // the subject is read leftwards from where the rest of the pattern starts
      if (i !== 0) return null;
      continue;
    }
    if (at >= s.last) return null;
    if (item.kind === "slot") {
      const m = mentionAt(ctx, at);
      if (!m || m.first !== at) return null;
      bound[item.name] = [m];
      at = m.last;
      continue;
    }
    if (item.kind === "gap") {
      const next = items[i + 1];
      let found = -1;
      for (let j = at; j < Math.min(s.last, at + 4); j++) {
        if (next?.kind === "words" && wordOk(tokens[j]!, next.words)) { found = j; break; }
        if (next?.kind === "slot" && mentionAt(ctx, j)?.first === j) { found = j; break; }
        if (mentionAt(ctx, j) && next?.kind === "words") break;
      }
      if (found < 0) return null;
      at = found;
      continue;
    }
    if (!wordOk(tokens[at]!, item.words)) return null;
    at++;
  }
  bound.end = at;
  if (items[0]?.kind === "subject") {
    const subj = args.subject(k, s);
    if (subj.length === 0) return null;
    bound.S = subj;
  }
  return bound;
}

function wordOk(t: Token, words: ReadonlySet<string>): boolean {
  return words.has(t.lower) || words.has(t.lemma) || (t.text === "-" && words.has("-")) || (t.text === "," && words.has(","));
}
