/**
 * Relation patterns (data/patterns/relations.json) compiled into item lists:
 * `{A}`/`{B}` actor slots, `{S}` the clause subject, `*` a short gap over non-actor words, `~` a
 * wider gap that may cross actor names, `a|b` word alternatives, `a|b?` optional words.
 */
import { readFileSync } from "node:fs";
import { ACTOR_KINDS, DataError, RELATION_TYPES, type ActorKind, type RelationType } from "../core/index.js";

export type RelationItem =
  | { kind: "slot"; name: "A" | "B" }
  | { kind: "subject" }
  | { kind: "gap"; wide: boolean }
  | { kind: "words"; words: ReadonlySet<string>; optional: boolean };

export interface RelationPattern {
  source: string;
  items: RelationItem[];
  type: RelationType;
  actor: "A" | "B" | "S";
  recipient: "A" | "B" | "S";
  /** Kinds the actor must be of, when the pattern says ("X, the president of Y": a person). */
  actorKinds: ReadonlySet<ActorKind> | null;
}

const SIDES = ["A", "B", "S"] as const;

/** Compile one pattern string into its items. */
export function compileRelation(pattern: string): RelationItem[] {
  return pattern.split(/\s+/).filter(Boolean).map((p): RelationItem => {
    if (p === "{A}" || p === "{B}") return { kind: "slot", name: p[1] as "A" | "B" };
    if (p === "{S}") return { kind: "subject" };
    if (p === "*" || p === "~") return { kind: "gap", wide: p === "~" };
    const optional = p.length > 1 && p.endsWith("?");
    return { kind: "words", words: new Set(p.replace(/\?$/, "").toLowerCase().split("|")), optional };
  });
}

function check(file: string, r: unknown): RelationPattern {
  const x = r as { pattern?: unknown; type?: unknown; actor?: unknown; recipient?: unknown; actorKinds?: unknown };
  const ok = typeof x.pattern === "string" && (RELATION_TYPES as readonly unknown[]).includes(x.type) &&
    (SIDES as readonly unknown[]).includes(x.actor) && (SIDES as readonly unknown[]).includes(x.recipient);
  if (!ok) throw new DataError(file, `bad relation pattern ${JSON.stringify(r).slice(0, 80)}`);
  const pattern = x.pattern as string;
  const items = compileRelation(pattern);
  for (const side of [x.actor, x.recipient]) {
    const present = side === "S" ? items[0]?.kind === "subject" : items.some((i) => i.kind === "slot" && i.name === side);
    if (!present) throw new DataError(file, `relation pattern "${pattern}" has no ${String(side)}`);
  }
  const kinds = x.actorKinds;
  if (kinds !== undefined && !(Array.isArray(kinds) && kinds.every((k) => (ACTOR_KINDS as readonly unknown[]).includes(k)))) {
    throw new DataError(file, `relation pattern "${pattern}" has bad actorKinds`);
  }
  return {
    source: pattern, items, type: x.type as RelationType, actor: x.actor as "A" | "B" | "S", recipient: x.recipient as "A" | "B" | "S",
    actorKinds: kinds ? new Set(kinds as ActorKind[]) : null,
  };
}

/** Load `patterns/relations.json` from `dir`. */
export function loadRelationRules(dir: URL): RelationPattern[] {
  const file = new URL("relations.json", dir);
  let data: { relations?: unknown };
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as { relations?: unknown };
  } catch (e) {
    throw new DataError(file.pathname, (e as Error).message, { cause: e });
  }
  if (!Array.isArray(data.relations)) throw new DataError(file.pathname, 'expecting a "relations" array');
  return data.relations.map((r: unknown) => check(file.pathname, r));
}
