/**
 * Relation patterns (data/patterns/relations.json) compiled into item lists:
 * `{A}`/`{B}` actor slots, `{S}` the clause subject, `*` a short gap, `a|b` word alternatives.
 */
import { readFileSync } from "node:fs";
import { DataError, RELATION_TYPES, type RelationType } from "../core/index.js";

export type RelationItem =
  | { kind: "slot"; name: "A" | "B" }
  | { kind: "subject" }
  | { kind: "gap" }
  | { kind: "words"; words: ReadonlySet<string> };

export interface RelationPattern {
  source: string;
  items: RelationItem[];
  type: RelationType;
  actor: "A" | "B" | "S";
  recipient: "A" | "B" | "S";
}

function compile(pattern: string): RelationItem[] {
  return pattern.split(/\s+/).filter(Boolean).map((p): RelationItem => {
    if (p === "{A}" || p === "{B}") return { kind: "slot", name: p[1] as "A" | "B" };
    if (p === "{S}") return { kind: "subject" };
    if (p === "*") return { kind: "gap" };
    return { kind: "words", words: new Set(p.toLowerCase().split("|")) };
  });
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
  return data.relations.map((r: { pattern: string; type: RelationType; actor: "A" | "B" | "S"; recipient: "A" | "B" | "S" }) => {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type) || typeof r.pattern !== "string") {
      throw new DataError(file.pathname, `bad relation pattern ${JSON.stringify(r).slice(0, 80)}`);
    }
    return { source: r.pattern, items: compile(r.pattern), type: r.type, actor: r.actor, recipient: r.recipient };
  });
}
