/**
 * Event patterns compiled for lookup: verb lemmas with their phrases, nominal triggers, and the
 * cue words that select a PLOVER mode.
 */
import { readFileSync } from "node:fs";
import { DataError, PLOVER_TYPES, type PloverType } from "../core/index.js";
import { PhraseMatcher } from "./phrase-matcher.js";

export interface VerbPhrase {
  after: string[];
  type: PloverType | null;
  mode: string | null;
  /**
   * The phrase disowns a part in an act ("denied any role in", "denied responsibility for"): when
   * an event noun follows, that event is coded, negated, with the verb's subject as its actor.
   */
  disowns?: boolean;
  /** The phrase codes its type only between armed sides ({@link VerbRule.armedSides}). */
  armedSides?: boolean;
}

export interface VerbRule {
  lemma: string;
  type: PloverType | null;
  mode: string | null;
  /**
   * The verb alone codes its type only when an armed force acts on an armed force or a state
   * ("the army engaged the rebels", not "engaged the public"): both sides named, otherwise nothing.
   */
  armedSides?: boolean;
  /**
   * The verb alone codes its type only when a crowd does it ("protesters gathered outside the
   * parliament"; not "ministers gathered in Doha"): an actor of the lexicon's `crowd-labels`.
   */
  crowd?: boolean;
  /**
   * Irregular past forms ("shot", "struck", "fought") that the tagger may read as a noun or an
   * adjective after the subject ("Gunmen shot dead a village chief"): read as the verb there.
   */
  pastForms?: string[];
  phrases: VerbPhrase[];
}

export interface NounRule {
  words: string[];
  type: PloverType;
  mode: string | null;
  twoSided: boolean;
  /**
   * "of" after the noun names those who act, and this preposition after them the target: "the
   * withdrawal of Ethiopian troops from Somalia" ("from"). Without it "of" names the target
   * ("the release of 40 students").
   */
  ofDoer?: string;
}

/** Words a speaker uses that make the speaking itself an act: the verbs that carry them, the words. */
export interface Judgements {
  verbs: ReadonlySet<string>;
  words: PhraseMatcher<true>;
}

export interface EventRules {
  verbs: ReadonlyMap<string, VerbRule>;
  /** Irregular past forms of coded verbs ({@link VerbRule.pastForms}) → their lemma. */
  pastForms: ReadonlyMap<string, string>;
  /** Judgements of condemnation (data/patterns/disapproval.json). */
  disapproval: Judgements;
  /** Threats in the speaker's own words (data/patterns/warnings.json). */
  warnings: Judgements;
  nouns: PhraseMatcher<NounRule>;
  /** Event nouns of one word ("clashes", "protests"): a capital at a headline's start makes them no name. */
  eventWords: ReadonlySet<string>;
  /** Per type, the cue phrases of each mode. */
  modes: ReadonlyMap<PloverType, PhraseMatcher<string>>;
}

const isType = (t: unknown): t is PloverType => (PLOVER_TYPES as readonly unknown[]).includes(t);

function read(file: URL): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new DataError(file.pathname, (e as Error).message, { cause: e });
  }
}

function verbsOf(file: URL): VerbRule[] {
  const list = read(file).verbs;
  if (!Array.isArray(list)) throw new DataError(file.pathname, 'expecting a "verbs" array');
  return list.map((raw: VerbRule) => {
    if (typeof raw?.lemma !== "string" || (raw.type !== null && !isType(raw.type))) {
      throw new DataError(file.pathname, `bad verb entry ${JSON.stringify(raw).slice(0, 80)}`);
    }
    const phrases = (raw.phrases ?? []).filter((p) => Array.isArray(p.after) && (p.type === null || isType(p.type)));
    if (raw.pastForms !== undefined && (!Array.isArray(raw.pastForms) || raw.pastForms.some((f) => typeof f !== "string"))) {
      throw new DataError(file.pathname, `bad "pastForms" in ${JSON.stringify(raw).slice(0, 80)}`);
    }
    return { lemma: raw.lemma.toLowerCase(), type: raw.type, mode: raw.mode ?? null, ...(raw.armedSides ? { armedSides: true } : {}),
      ...(raw.crowd ? { crowd: true } : {}),
      ...(raw.pastForms?.length ? { pastForms: raw.pastForms.map((f) => f.toLowerCase()) } : {}), phrases };
  });
}

/** Load `patterns/verbs.json`, `curated-verbs.json` (which wins), `nouns.json` and `modes.json`. */
export function loadEventRules(dir: URL): EventRules {
  const verbs = new Map<string, VerbRule>();
  for (const v of verbsOf(new URL("verbs.json", dir))) verbs.set(v.lemma, v);
  for (const v of verbsOf(new URL("curated-verbs.json", dir))) {
    const old = verbs.get(v.lemma);
    // curated phrases come first so they win; the built phrases remain behind them
    verbs.set(v.lemma, { ...v, phrases: [...v.phrases, ...(old?.phrases ?? [])] });
  }
  const pastForms = new Map<string, string>();
  for (const v of verbs.values()) for (const f of v.pastForms ?? []) pastForms.set(f, v.lemma);
  const nouns = new PhraseMatcher<NounRule>();
  const eventWords = new Set<string>();
  const nounFile = new URL("nouns.json", dir);
  const nounList = read(nounFile).nouns;
  if (!Array.isArray(nounList)) throw new DataError(nounFile.pathname, 'expecting a "nouns" array');
  for (const n of nounList as NounRule[]) {
    if (!isType(n.type)) throw new DataError(nounFile.pathname, `bad noun entry ${JSON.stringify(n).slice(0, 80)}`);
    const words = Array.isArray(n.words) ? n.words.join(" ") : String(n.words);
    if (n.ofDoer !== undefined && typeof n.ofDoer !== "string") throw new DataError(nounFile.pathname, `bad "ofDoer" in ${JSON.stringify(n).slice(0, 80)}`);
    nouns.add(words, { ...n, mode: n.mode ?? null, twoSided: Boolean(n.twoSided) });
    if (!words.includes(" ")) eventWords.add(words.toLowerCase());
  }
  const modes = new Map<PloverType, PhraseMatcher<string>>();
  const modeFile = new URL("modes.json", dir);
  const modeTable = (read(modeFile).modes ?? {}) as Record<string, { mode: string; words: string[] }[]>;
  for (const [type, list] of Object.entries(modeTable)) {
    if (!isType(type)) continue;
    const m = new PhraseMatcher<string>();
    for (const { mode, words } of list) for (const w of words ?? []) m.add(w, mode);
    modes.set(type, m);
  }
  const disapproval = judgementsOf(new URL("disapproval.json", dir));
  const warnings = judgementsOf(new URL("warnings.json", dir));
  return { verbs, pastForms, nouns, eventWords, modes, disapproval, warnings };
}

/** A lexicon of `verbs` and `words` (disapproval.json, warnings.json). */
function judgementsOf(file: URL): Judgements {
  const d = read(file) as { verbs?: unknown; words?: unknown };
  if (!Array.isArray(d.verbs) || !Array.isArray(d.words)) throw new DataError(file.pathname, 'expecting "verbs" and "words" arrays');
  const words = new PhraseMatcher<true>();
  for (const w of d.words) words.add(String(w), true);
  return { verbs: new Set(d.verbs.map(String)), words };
}
