/**
 * One relation pattern tried at one token: words must follow in order, slots bind actor
 * mentions (the last slot a whole noun phrase with its coordinated actors), gaps skip a few
 * words, and `{S}` takes the subject of the clause the pattern starts in.
 */
import type { Sentence, Token } from "../../nlp/index.js";
import { wordClass } from "../../rules/lexicon.js";
import type { RelationItem, RelationPattern } from "../../rules/relations.js";
import type { DocContext, Mention } from "../context.js";
import { mentionAt } from "../context.js";
import type { Phrases } from "./phrases.js";

export interface Bound {
  A?: Mention[];
  B?: Mention[];
  S?: Mention[];
  /** Token after the last one matched. */
  end: number;
}

const STOPS = wordClass("relation-stops");
/** A short gap stays inside one phrase: it never crosses these. */
const GAP_STOPS = wordClass("relation-gap-stops");

export function wordOk(t: Token, words: ReadonlySet<string>): boolean {
  return words.has(t.lower) || words.has(t.lemma);
}

/** Where pattern p matches from token k of sentence s, with its bound slots; null if nowhere. */
export function matchAt(ctx: DocContext, phrases: Phrases, p: RelationPattern, s: Sentence, k: number): Bound | null {
  const items = p.items;
  const first = items[0]?.kind === "subject" ? 1 : 0;
  // "{S} support {B}" wants a verb: not "U.S. support troops", "our fight against"
  if (first === 1 && items[1]?.kind === "words" && !verbal(ctx.a.tokens, k)) return null;
  const bound = matchFrom(ctx, phrases, items, first, s, k, { end: k });
  if (!bound || first === 0) return bound;
  const subj = phrases.subject(k, s);
  return subj.length ? { ...bound, S: subj } : null;
}

/** A verb, or a verb form the tagger called something else before what a verb takes. */
function verbal(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (t.pos === "VERB" || t.pos === "AUX" || t.text === ",") return true;
  const next = tokens[k + 1];
  return t.lower === t.text && /(s|ed|ing)$/.test(t.lower) && !/ss$/.test(t.lower) && next !== undefined && ["DET", "PROPN", "PRON", "ADP"].includes(next.pos);
}

/** Items [i, …) from token `at`; a gap tries each length in turn, shortest first. */
function matchFrom(ctx: DocContext, phrases: Phrases, items: RelationItem[], i: number, s: Sentence, at: number, bound: Bound): Bound | null {
  const tokens = ctx.a.tokens;
  const item = items[i];
  if (!item) return { ...bound, end: at };
  const next = items[i + 1];
  if (item.kind === "subject") return null;
  if (item.kind === "words") {
    const t = tokens[at];
    if (at < s.last && t && wordOk(t, item.words)) {
      const hit = matchFrom(ctx, phrases, items, i + 1, s, at + 1, bound);
      if (hit || !item.optional) return hit;
    }
    return item.optional ? matchFrom(ctx, phrases, items, i + 1, s, at, bound) : null;
  }
  if (item.kind === "gap") {
    for (const j of gapEnds(ctx, phrases, next, s, at, item.wide)) {
      const hit = matchFrom(ctx, phrases, items, i + 1, s, j, bound);
      if (hit) return hit;
    }
    return null;
  }
  const m = phrases.startAt(at, s);
  if (!m) return null;
  if (!next) {
    const h = phrases.head(m, s);
    if (!h) return null;
    const heads = phrases.coordinated(h, s);
    let end = m.last;
    for (const x of heads) if (x.last > end) end = x.last;
    return bind(bound, item.name, heads, end);
  }
  // "Pakistan-based": a modifier of the next actor, unless the pattern wants the hyphen
  const t = tokens[m.last];
  const wantsHyphen = next.kind === "words" && t !== undefined && wordOk(t, next.words);
  if (t?.text === "-" && !wantsHyphen) return null;
  let after = m.last;
  if (tokens[after]?.text === ")" && !(next.kind === "words" && next.words.has(")"))) after++;
  // words that must follow the slot are read before the actor it names is worked out
  if (next.kind === "words" && !next.optional) {
    const w = tokens[after];
    if (after >= s.last || !w || !wordOk(w, next.words)) return null;
  }
  return matchFrom(ctx, phrases, items, i + 1, s, after, bind(bound, item.name, [phrases.named(m, s)], bound.end));
}

/** A copy of `bound` with slot `name` bound to `ms`, ending at `end`. */
function bind(bound: Bound, name: "A" | "B", ms: Mention[], end: number): Bound {
  const out: Bound = { ...bound, end };
  out[name] = ms;
  return out;
}

/** Tokens where the item after a gap may start: within 3 words (6 for a wide gap). */
function gapEnds(ctx: DocContext, phrases: Phrases, next: RelationItem | undefined, s: Sentence, at: number, wide: boolean): number[] {
  const tokens = ctx.a.tokens;
  const out: number[] = [];
  const limit = Math.min(s.last, at + (wide ? 7 : 4));
  for (let j = at; j < limit; j++) {
    const t = tokens[j] as Token;
    if (STOPS.has(t.text)) break;
    if (next?.kind === "words" && wordOk(t, next.words)) out.push(j);
    if (next?.kind === "slot" && phrases.startAt(j, s)) out.push(j);
    // a short gap stays inside a phrase: no clause word, verb or preposition, no actor before words
    if (!wide && (GAP_STOPS.has(t.lower) || t.pos === "VERB" && !(next?.kind === "words" && wordOk(t, next.words)) || t.pos === "ADP" || mentionAt(ctx, j) && next?.kind === "words")) break;
  }
  return out;
}
