/**
 * The actor dictionary compiled into matchers: named actors (Phoenix entries overridden and
 * extended by the curated file) and generic agents that combine with a country.
 */
import { readFileSync } from "node:fs";
import { ACTOR_KINDS, DataError, type ActorKind } from "../core/index.js";
import { PhraseMatcher } from "./phrase-matcher.js";

export interface ActorEntry {
  id: string;
  name: string;
  aliases: string[];
  exact?: string[];
  kind: ActorKind;
  country: string | null;
  parent?: string | null;
}

export interface AgentEntry {
  words: string[];
  kind: ActorKind;
  label: string;
}

export interface ActorRules {
  entries: ReadonlyMap<string, ActorEntry>;
  /** Every name and alias of a named actor. */
  names: PhraseMatcher<ActorEntry>;
  /** Generic agents: troops, police, officials, civilians, ... */
  agents: PhraseMatcher<AgentEntry>;
  /** The state entry of each country (ISO3), for composing "Pakistani troops". */
  states: ReadonlyMap<string, ActorEntry>;
}

function readJson(file: URL): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DataError(file.pathname, (e as Error).message, { cause: e });
  }
}

function entriesOf(file: URL, key: string): unknown[] {
  const data = readJson(file) as Record<string, unknown>;
  const list = data?.[key];
  if (!Array.isArray(list)) throw new DataError(file.pathname, `expecting a "${key}" array`);
  return list;
}

function checkEntry(file: URL, raw: unknown): ActorEntry {
  const e = raw as ActorEntry;
  if (!e || typeof e.id !== "string" || typeof e.name !== "string" || !Array.isArray(e.aliases)) {
    throw new DataError(file.pathname, `bad actor entry ${JSON.stringify(raw).slice(0, 80)}`);
  }
  if (!(ACTOR_KINDS as readonly string[]).includes(e.kind)) throw new DataError(file.pathname, `actor ${e.id}: unknown kind "${e.kind}"`);
  return e;
}

/** Load `actors/phoenix.json`, `actors/curated.json` and `actors/agents.json` from `dir`. */
export function loadActorRules(dir: URL): ActorRules {
  const entries = new Map<string, ActorEntry>();
  for (const name of ["phoenix.json", "curated.json"]) {
    const file = new URL(name, dir);
    // a curated entry with the same id replaces the built one
    for (const raw of entriesOf(file, "actors")) {
      const e = checkEntry(file, raw);
      entries.set(e.id, e);
    }
  }
  const names = new PhraseMatcher<ActorEntry>();
  const states = new Map<string, ActorEntry>();
  for (const e of entries.values()) {
    const exact = new Set(e.exact ?? []);
    for (const alias of new Set([e.name, ...e.aliases])) if (!exact.has(alias)) names.add(alias, e);
    for (const alias of exact) names.add(alias, e, true);
    if (e.kind === "state" && e.country && (!states.has(e.country) || !e.parent)) states.set(e.country, e);
  }
  const agents = new PhraseMatcher<AgentEntry>();
  const agentFile = new URL("agents.json", dir);
  for (const raw of entriesOf(agentFile, "agents")) {
    const a = raw as AgentEntry;
    if (!Array.isArray(a.words) || !(ACTOR_KINDS as readonly string[]).includes(a.kind)) {
      throw new DataError(agentFile.pathname, `bad agent entry ${JSON.stringify(raw).slice(0, 80)}`);
    }
    for (const w of a.words) agents.add(w, a);
  }
  return { entries, names, agents, states };
}
