/**
 * Where each relation pattern can start. Trying some hundred patterns at every token is most of
 * the work of reading relations, and nearly every try fails on the first item that reads a
 * token. That item is known from the pattern alone, so each pattern is filed under it once, and
 * a document marks, per token, the patterns whose first item the token can meet. Every other try
 * would have failed in `matchAt` (match.ts), so the relations found are the same.
 *
 * The anchors follow `matchFrom`: a word list reads the token itself (an optional one may also
 * be skipped), a slot takes a mention starting within three tokens (`Phrases.startAt`) and the
 * word lists right after it read the tokens after the mention, and a gap ends where the next
 * item's word, or a slot's mention, is found within its reach (`gapEnds`).
 *
 * A word anchor, and the word lists after a slot's mention, are also checked one item further:
 * the item after them must be able to start on the token that follows ("{S} be * backed by"
 * wants "backed" within the gap's reach of "be"; "{B} , {A} 's" a mention and "'s" after the
 * comma). That check is only made where the anchor's words are found, which is seldom.
 */
import type { RelationItem, RelationPattern } from "../../rules/relations.js";
import type { Sentence } from "../../nlp/index.js";
import { mentionAt, type DocContext } from "../context.js";
import { wordOk } from "./match.js";

/** Tokens a gap reaches (`gapEnds`: 3 words after its start, 6 for a wide one) and a slot. */
const GAP_REACH = 4;
const WIDE_GAP_REACH = 7;
const SLOT_REACH = 3;
/**
 * Word lists after a slot that its anchor reads: the first on the token after the mention, the
 * others on the tokens after that (", the|a * president of": a comma alone follows most mentions).
 */
const WORDS_AFTER_SLOT = 2;

type Anchor =
  /**
   * The token has one of the words as its lowercase form or lemma, and one of the anchors `then`
   * (of the items after the word) holds on the next token; no check when `then` is null.
   */
  | { kind: "word"; words: ReadonlySet<string>; then: readonly Anchor[] | null }
  /** One of the `reach` tokens from here has one of the words. */
  | { kind: "near"; words: ReadonlySet<string>; reach: number }
  /** One of the `reach` tokens from here is inside an actor mention. */
  | { kind: "mention"; reach: number }
  /**
   * Likewise, and the tokens from the one after that mention (or after a ")" closing it) have
   * one of the words of each list in turn, then one of the anchors `then` holds (null: no check).
   */
  | { kind: "mentionThen"; run: readonly ReadonlySet<string>[]; then: readonly Anchor[] | null }
  | { kind: "any" };

/** The anchors of items [i, …): where the first of them that reads a token can read one. */
function anchorsOf(items: readonly RelationItem[], i: number): Anchor[] {
  const item = items[i];
  if (!item) return [{ kind: "any" }];
  switch (item.kind) {
    case "subject": return []; // only the first item may be the subject: this never matches
    case "words": return [{ kind: "word", words: item.words, then: checked(anchorsOf(items, i + 1)) }, ...(item.optional ? anchorsOf(items, i + 1) : [])];
    case "slot": {
      // words after the slot must follow its mention, with or without the optional ones
      const runs = wordRuns(items, i + 1, WORDS_AFTER_SLOT);
      if (runs.some(({ run }) => run.length === 0)) return [{ kind: "mention", reach: SLOT_REACH }];
      return runs.map(({ run, next }) => ({ kind: "mentionThen", run, then: checked(anchorsOf(items, next)) }));
    }
    case "gap": {
      const reach = item.wide ? WIDE_GAP_REACH : GAP_REACH;
      const next = items[i + 1];
      if (next?.kind === "words") return [{ kind: "near", words: next.words, reach }];
      // the slot's mention may start up to SLOT_REACH - 1 tokens after the gap's last end
      if (next?.kind === "slot") return [{ kind: "mention", reach: reach + SLOT_REACH - 1 }];
      return []; // a gap ends only before words or a slot
    }
  }
}

/** The anchors after a word as a check of the next token: none when one of them holds anywhere. */
function checked(anchors: Anchor[]): Anchor[] | null {
  return anchors.some((a) => a.kind === "any") ? null : anchors;
}

/**
 * The word lists that tokens in a row from item i on must meet, one run per way of taking or
 * skipping optional words, at most `depth` long; a run ends before any item that is no word list.
 * `next` is the item after the run.
 */
function wordRuns(items: readonly RelationItem[], i: number, depth: number): { run: ReadonlySet<string>[]; next: number }[] {
  const item = items[i];
  if (depth === 0 || item?.kind !== "words") return [{ run: [], next: i }];
  const taken = wordRuns(items, i + 1, depth - 1).map(({ run, next }) => ({ run: [item.words, ...run], next }));
  return item.optional ? [...taken, ...wordRuns(items, i + 1, depth)] : taken;
}

/** A pattern filed under the first word after a mention, with the word lists the tokens after that word must meet. */
interface Followed {
  readonly n: number;
  readonly rest: readonly ReadonlySet<string>[];
  /** The anchors of the item after the words, one of which must hold on the token after them; null: no check. */
  readonly then: readonly Anchor[] | null;
}

/** A pattern filed under a word, with the anchors one of which must hold on the next token (null: no check). */
interface Worded {
  readonly n: number;
  readonly then: readonly Anchor[] | null;
}

/** The patterns filed by anchor; pattern numbers index the array the index was built from. */
interface RelationIndex {
  readonly count: number;
  readonly word: ReadonlyMap<string, readonly Worded[]>;
  /** By reach. */
  readonly near: ReadonlyMap<number, ReadonlyMap<string, readonly number[]>>;
  readonly mention: ReadonlyMap<number, readonly number[]>;
  /** By the word after the mention; all with SLOT_REACH. */
  readonly mentionThen: ReadonlyMap<string, readonly Followed[]>;
  readonly any: readonly number[];
}

function file(map: Map<string, number[]>, words: Iterable<string>, n: number): void {
  for (const w of words) {
    const list = map.get(w);
    if (!list) map.set(w, [n]);
    else if (list.at(-1) !== n) list.push(n);
  }
}

function indexPatterns(patterns: readonly RelationPattern[]): RelationIndex {
  const word = new Map<string, Worded[]>();
  const near = new Map<number, Map<string, number[]>>();
  const mention = new Map<number, number[]>();
  const mentionThen = new Map<string, Followed[]>();
  const any: number[] = [];
  patterns.forEach((p, n) => {
    const first = p.items[0]?.kind === "subject" ? 1 : 0;
    for (const a of anchorsOf(p.items, first)) {
      if (a.kind === "word") {
        for (const w of a.words) {
          const list = word.get(w);
          if (!list) word.set(w, [{ n, then: a.then }]);
          else list.push({ n, then: a.then });
        }
      }
      else if (a.kind === "near") {
        if (!near.has(a.reach)) near.set(a.reach, new Map());
        file(near.get(a.reach)!, a.words, n);
      } else if (a.kind === "mention") {
        const list = mention.get(a.reach) ?? [];
        if (list.at(-1) !== n) list.push(n);
        mention.set(a.reach, list);
      } else if (a.kind === "mentionThen") {
        const [first, ...rest] = a.run as [ReadonlySet<string>, ...ReadonlySet<string>[]];
        for (const w of first) {
          const list = mentionThen.get(w);
          if (!list) mentionThen.set(w, [{ n, rest, then: a.then }]);
          else list.push({ n, rest, then: a.then });
        }
      }
      else if (any.at(-1) !== n) any.push(n);
    }
  });
  return { count: patterns.length, word, near, mention, mentionThen, any };
}

const INDEXES = new WeakMap<readonly RelationPattern[], RelationIndex>();

/**
 * For every token of the document, the bit set (`width` 32-bit words a token) of the patterns
 * that may match from it: bit n of word n >>> 5 for `patterns[n]`.
 */
export function candidates(ctx: DocContext, patterns: readonly RelationPattern[]): { bits: Uint32Array; width: number } {
  let index = INDEXES.get(patterns);
  if (!index) INDEXES.set(patterns, (index = indexPatterns(patterns)));
  const width = Math.max(1, Math.ceil(index.count / 32));
  const tokens = ctx.a.tokens;
  const bits = new Uint32Array(tokens.length * width);
  const set = (k: number, list: readonly number[] | undefined): void => {
    if (list) for (const n of list) bits[k * width + (n >>> 5)]! |= 1 << (n & 31);
  };
  /** Marks the tokens from which `reach` tokens get to token j, within its sentence. */
  const setBefore = (first: number, j: number, reach: number, list: readonly number[] | undefined): void => {
    if (list) for (let k = Math.max(first, j - reach + 1); k <= j; k++) set(k, list);
  };
  /** Marks token j for the patterns filed under its word whose next item may start after it. */
  const setWorded = (s: Sentence, j: number, list: readonly Worded[] | undefined): void => {
    if (list) for (const { n, then } of list) if (then === null || holds(then, j + 1, s)) bits[j * width + (n >>> 5)]! |= 1 << (n & 31);
  };
  /** Likewise for the patterns filed under the word at token f whose other words, and the item after them, follow it. */
  const setFollowed = (s: Sentence, j: number, f: number, list: readonly Followed[] | undefined): void => {
    if (list) for (const { n, rest, then } of list) {
      if (!followedBy(f + 1, rest) || (then !== null && !holds(then, f + 1 + rest.length, s))) continue;
      for (let k = Math.max(s.first, j - SLOT_REACH + 1); k <= j; k++) bits[k * width + (n >>> 5)]! |= 1 << (n & 31);
    }
  };
  /**
   * True when one of the anchors holds from token p of sentence s, as `matchFrom` would need it
   * (their own `then` is not looked at: a first check is enough to turn most tries away).
   */
  const holds = (anchors: readonly Anchor[], p: number, s: Sentence): boolean => {
    for (const a of anchors) {
      switch (a.kind) {
        case "any": return true;
        case "word":
          if (p < s.last && wordOk(tokens[p]!, a.words)) return true;
          break;
        case "near":
          for (let j = p; j < s.last && j < p + a.reach; j++) if (wordOk(tokens[j]!, a.words)) return true;
          break;
        case "mention":
          for (let j = p; j < s.last && j < p + a.reach; j++) if (mentionAt(ctx, j)) return true;
          break;
        case "mentionThen":
          for (let j = p; j < s.last && j < p + SLOT_REACH; j++) {
            const m = mentionAt(ctx, j);
            if (!m) continue;
            for (let f = m.last; f <= m.last + 1 && f < tokens.length; f++) {
              if (followedBy(f, a.run)) return true;
              if (tokens[f]!.text !== ")") break;
            }
          }
          break;
      }
    }
    return false;
  };
  /** True when the tokens from `at` on have one of the words of each list in turn. */
  const followedBy = (at: number, rest: readonly ReadonlySet<string>[]): boolean => {
    for (let r = 0; r < rest.length; r++) {
      const t = tokens[at + r];
      if (t === undefined || !wordOk(t, rest[r]!)) return false;
    }
    return true;
  };
  for (const s of ctx.a.sentences) {
    for (let j = s.first; j < s.last; j++) {
      const t = tokens[j]!;
      const lemma = t.lemma === t.lower ? null : t.lemma;
      set(j, index.any);
      setWorded(s, j, index.word.get(t.lower));
      if (lemma !== null) setWorded(s, j, index.word.get(lemma));
      for (const [reach, byWord] of index.near) {
        setBefore(s.first, j, reach, byWord.get(t.lower));
        if (lemma !== null) setBefore(s.first, j, reach, byWord.get(lemma));
      }
      const m = mentionAt(ctx, j);
      if (!m) continue;
      for (const [reach, list] of index.mention) setBefore(s.first, j, reach, list);
      if (index.mentionThen.size === 0) continue;
      // `matchFrom` reads the slot's next item after the mention, or after a ")" closing it
      for (let f = m.last; f <= m.last + 1 && f < tokens.length; f++) {
        const u = tokens[f]!;
        setFollowed(s, j, f, index.mentionThen.get(u.lower));
        if (u.lemma !== u.lower) setFollowed(s, j, f, index.mentionThen.get(u.lemma));
        if (u.text !== ")") break;
      }
    }
  }
  return { bits, width };
}
