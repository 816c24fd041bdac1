/**
 * What every extraction stage of one document shares: the analysed text, its words, the actor
 * mentions and entities found so far. Stages read it; only the actor stage fills mentions.
 */
import type { ActorKind, SourceDocument } from "../core/index.js";
import type { AnalyzedText } from "../nlp/index.js";
import type { Word } from "../nlp/words.js";

/** How a mention was found; "adjective" is a demonym modifying a noun ("an Indian proposal"). */
export type MentionVia = "name" | "agent" | "coref" | "unknown" | "pronoun" | "adjective";

export interface Mention {
  start: number;
  end: number;
  /** Tokens [first, last) covered. */
  first: number;
  last: number;
  entity: string;
  via: MentionVia;
  /** Preceded by a locative preposition ("in Afghanistan"): a place, not an actor at work. */
  locative: boolean;
}

export interface Entity {
  key: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  /** Key of the entity this one belongs to, or the dictionary id of one not yet seen. */
  parent: string | null;
  /** From the dictionary or a proper name in the text (not a generic agent). */
  named: boolean;
  /** The country is the one the report is mostly about, not one the text gives this actor. */
  countryAssumed?: boolean;
  surfaces: Set<string>;
  mentions: Mention[];
}

export interface DocContext {
  doc: SourceDocument;
  a: AnalyzedText;
  words: Word[];
  mentions: Mention[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  mentionAt: Int32Array;
  entities: Map<string, Entity>;
  /** Entities some fact refers to: these are emitted even when generic. */
  used: Set<string>;
}

/** The mention covering token `t`, if any. */
export function mentionAt(ctx: DocContext, t: number): Mention | null {
  const i = ctx.mentionAt[t] ?? -1;
  return i >= 0 ? (ctx.mentions[i] ?? null) : null;
}

/** Rebuild the token → mention index after mentions changed. */
export function indexMentions(ctx: DocContext): void {
  ctx.mentions.sort((x, y) => x.start - y.start);
  ctx.mentionAt.fill(-1);
  ctx.mentions.forEach((m, i) => {
    for (let t = m.first; t < m.last; t++) ctx.mentionAt[t] = i;
  });
}
