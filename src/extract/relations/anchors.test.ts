import { describe, expect, it } from "vitest";
import type { ActorKind } from "../../core/index.js";
import { analyze } from "../../nlp/index.js";
import { words } from "../../nlp/words.js";
import { wordClass } from "../../rules/lexicon.js";
import { compileRelation, loadRelationRules, type RelationPattern } from "../../rules/relations.js";
import { indexMentions, type DocContext, type Entity } from "../context.js";
import { candidates } from "./anchors.js";
import { matchAt } from "./match.js";
import { Phrases } from "./phrases.js";

const patterns = loadRelationRules(new URL("../../../data/patterns/", import.meta.url));

/** A context whose actor mentions are the given names wherever the text has them. */
function contextOf(text: string, actors: Record<string, ActorKind>): DocContext {
  const a = analyze(text, wordClass("abbreviations"));
  const ctx: DocContext = { doc: { id: "t", published: null, text }, a, words: words(a), mentions: [],
    mentionAt: new Int32Array(a.tokens.length), entities: new Map(), used: new Set() };
  for (const [name, kind] of Object.entries(actors)) {
    const entity: Entity = { key: name, name, kind, country: null, parent: null, named: true, surfaces: new Set([name]), mentions: [] };
    ctx.entities.set(name, entity);
    const lower = text.toLowerCase();
    for (let at = lower.indexOf(name.toLowerCase()); at >= 0; at = lower.indexOf(name.toLowerCase(), at + 1)) {
      const first = a.tokens.findIndex((t) => t.start === at);
      const last = a.tokens.findIndex((t) => t.end === at + name.length) + 1;
      if (first < 0 || last <= first) continue;
      const m = { start: at, end: at + name.length, first, last, entity: name, via: "name" as const, locative: false };
      ctx.mentions.push(m);
      entity.mentions.push(m);
    }
  }
  indexMentions(ctx);
  return ctx;
}

const ACTORS: Record<string, ActorKind> = { "Valdoria": "state", "the Ridge Front": "armed_group", "Marco Vell": "person",
  "the Coastal Guard": "military", "Tessaly": "state", "the Union of Ports": "igo" };
const SENTENCES = [
  "The Ridge Front, a proxy of Valdoria, shelled the port. Valdoria-backed fighters crossed the river.",
  "The Ridge Front is widely believed to be armed and funded by Valdoria.",
  "Marco Vell, the leader of the Ridge Front, denied it. Valdoria's proxy the Ridge Front retreated.",
  "Tessaly has long opposed the Ridge Front and vowed to defeat the Ridge Front.",
  "Fighting between the Coastal Guard and the Ridge Front resumed as the Union of Ports, which includes Tessaly, met.",
  "The Coastal Guard (led by Marco Vell) sided with Tessaly; Tessaly and Valdoria agreed a ceasefire.",
  "Officials accused Valdoria of arming the Ridge Front. The war pitted Tessaly against Valdoria.",
  "The Ridge Front, backed by Valdoria, fought the Coastal Guard. Valdoria supports the Ridge Front.",
  "The Ridge Front pledged allegiance to Valdoria and is allied with Tessaly's rivals.",
  "Tessaly clashed with the Ridge Front, Valdoria's ally, near the coast.",
  "Rival Tessaly, an ally of Valdoria, sent ships. The powerful Marco Vell, a proxy of Tessaly, fled.",
  "The Ridge Front was reportedly quietly backed by Valdoria for years.",
];

/** How many (token, pattern) pairs match; fails if the anchors leave out any of them. */
function expectNoneLeftOut(patterns: readonly RelationPattern[], sentences: readonly string[]): number {
  let matches = 0;
  for (const text of sentences) {
    const ctx = contextOf(text, ACTORS);
    const phrases = new Phrases(ctx);
    const { bits, width } = candidates(ctx, patterns);
    for (const s of ctx.a.sentences) {
      for (let k = s.first; k < s.last; k++) {
        patterns.forEach((p, n) => {
          if (!matchAt(ctx, phrases, p, s, k)) return;
          matches++;
          expect({ pattern: p.source, at: ctx.a.tokens[k]?.text, tried: (bits[k * width + (n >>> 5)]! >>> (n & 31)) & 1 })
            .toEqual({ pattern: p.source, at: ctx.a.tokens[k]?.text, tried: 1 });
        });
      }
    }
  }
  return matches;
}

/** Patterns of every shape the anchors know, beyond those the data has now. */
const SHAPES = ["{S} * war with {B}", "{S} ~ against {B}", "{S} * {B}", "{S} ~ {B} 's ally", "{A} ,? led by {B}",
  "{A} ,? an? ally of {B}", "{A} ) led by {B}", "rival|powerful? {A} ally", "{A}", "{S}"]
  .map((source): RelationPattern => ({ source, items: compileRelation(source), type: "opposes", actor: "A", recipient: "B", actorKinds: null }));

describe("relation anchors", () => {
  it("leave out no pattern that matches at a token", () => {
    expect(expectNoneLeftOut(patterns, SENTENCES)).toBeGreaterThan(8);
  });
  it("leave out no match of patterns of other shapes", () => {
    expect(expectNoneLeftOut(SHAPES, [...SENTENCES, "Tessaly is in a long bloody war with the Ridge Front.", "Tessaly now openly still war with the Ridge Front.",
      "Valdoria has for many years now been fighting hard against Tessaly.", "Tessaly said that the powerful Coastal Guard, an ally of Valdoria, left.",
      "Valdoria kept its three old grey ships against Tessaly.", "Tessaly sent its very old ships to the Ridge Front.",
      "The Coastal Guard (Tessaly) led by Marco Vell fled; Tessaly, led by Marco Vell, stayed."])).toBeGreaterThan(20);
  });
  it("leave out most tries", () => {
    const ctx = contextOf(SENTENCES[0] as string, ACTORS);
    const { bits } = candidates(ctx, patterns);
    const tried = [...bits].reduce((sum, b) => sum + (b.toString(2).match(/1/g)?.length ?? 0), 0);
    expect(tried).toBeLessThan(ctx.a.tokens.length * patterns.length / 10);
  });
});
