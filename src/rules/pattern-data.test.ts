import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLOVER_TYPES } from "../core/record.js";

interface Phrase { after: string[]; type: string | null; mode: string | null; cameo: string | null }
interface Verb { lemma: string; type: string | null; mode: string | null; cameo: string | null; phrases: Phrase[] }
interface Noun { words: string[]; type: string; mode: string | null; twoSided: boolean }
interface Modes {
  modes: Record<string, { mode: string; words: string[] }[]>;
  conflictCooperation: Record<string, { score: number; modes?: Record<string, number> }>;
}

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../data/patterns/${name}`, import.meta.url), "utf8")) as T;

const built = load<{ verbs: Verb[] }>("verbs.json").verbs;
const curated = load<{ verbs: Verb[] }>("curated-verbs.json").verbs;
const nouns = load<{ nouns: Noun[] }>("nouns.json").nouns;
const modes = load<Modes>("modes.json");

/** The lexicon the extractor sees: a curated entry replaces the built one (FORMATS.md). */
const lexicon = new Map<string, Verb>([...built, ...curated].map((v) => [v.lemma, v]));
const types = new Set<string>(PLOVER_TYPES);
const modesOf = (type: string) => new Set((modes.modes[type] ?? []).map((m) => m.mode));

/** Every (where, type, mode) a file codes. */
function codings(): [string, string | null, string | null][] {
  const out: [string, string | null, string | null][] = [];
  for (const [file, verbs] of [["verbs.json", built], ["curated-verbs.json", curated]] as const) {
    for (const v of verbs) {
      out.push([`${file} ${v.lemma}`, v.type, v.mode]);
      for (const p of v.phrases) out.push([`${file} ${v.lemma} + ${p.after.join(" ")}`, p.type, p.mode]);
    }
  }
  for (const n of nouns) out.push([`nouns.json ${n.words.join(" ")}`, n.type, n.mode]);
  return out;
}

describe("pattern data", () => {
  it("codes only PLOVER types, and modes the manual lists for that type", () => {
    const bad = codings().filter(([, type, mode]) =>
      (type !== null && !types.has(type)) || (mode !== null && (type === null || !modesOf(type).has(mode))));
    expect(bad).toEqual([]);
  });

  it("gives every noun a type", () => {
    expect(nouns.filter((n) => !types.has(n.type) || n.words.length === 0)).toEqual([]);
  });

  it("lists each lemma once per file, as a lowercase base form", () => {
    // wink-nlp lemmas are single lowercase words; "-ing", "-ed" and "-ies" endings would be
    // inflected forms that never match (need, string, bring... end that way as base forms)
    const baseEndingLikeInflection = new Set(["need", "string", "succeed", "bring", "embed", "shed", "proceed", "exceed", "spring"]);
    for (const verbs of [built, curated]) {
      const lemmas = verbs.map((v) => v.lemma);
      expect(new Set(lemmas).size).toBe(lemmas.length);
      const bad = lemmas.filter((l) => !/^[a-z][a-z'-]*[a-z]$/.test(l)
        || (/(ing|ed|ies)$/.test(l) && !baseEndingLikeInflection.has(l)));
      expect(bad).toEqual([]);
    }
  });

  it("writes phrase words in lowercase, one word each", () => {
    const bad = [...built, ...curated].flatMap((v) => v.phrases)
      .filter((p) => p.after.length === 0 || p.after.some((w) => w !== w.toLowerCase() || /[\s_$+%^*&]/.test(w)));
    expect(bad).toEqual([]);
  });

  it("maps the key news verbs as the PLOVER manual does", () => {
    const expected: Record<string, string> = {
      attack: "ASSAULT", kill: "ASSAULT", shell: "ASSAULT", strike: "ASSAULT", arrest: "COERCE",
      detain: "COERCE", accuse: "ACCUSE", condemn: "ACCUSE", investigate: "ACCUSE", meet: "CONSULT",
      threaten: "THREATEN", warn: "THREATEN", protest: "PROTEST", deploy: "MOBILIZE",
      sanction: "SANCTION", agree: "AGREE", pledge: "AGREE", reject: "REJECT", veto: "REJECT",
      demand: "REQUEST", urge: "REQUEST", withdraw: "RETREAT", release: "RETREAT", aid: "AID",
      donate: "AID", praise: "SUPPORT", welcome: "SUPPORT", cooperate: "COOPERATE",
    };
    const got = Object.fromEntries(Object.keys(expected).map((l) => [l, lexicon.get(l)?.type]));
    expect(got).toEqual(expected);
    expect(lexicon.get("arrest")?.mode).toBe("arrest");
    expect(lexicon.get("kidnap")?.mode).toBe("abduct");
  });

  it("leaves generic verbs without an event of their own", () => {
    const generic = ["say", "tell", "be", "have", "make", "go", "take", "get", "come", "see", "announce", "report", "call", "hold"];
    expect(generic.filter((l) => lexicon.get(l)?.type)).toEqual([]);
  });

  it("refines verbs by the words that follow", () => {
    const phrase = (lemma: string, after: string) =>
      lexicon.get(lemma)?.phrases.find((p) => p.after.join(" ") === after);
    expect(phrase("hold", "talk")?.type).toBe("CONSULT");
    expect(phrase("carry", "out airstrike")).toMatchObject({ type: "ASSAULT", mode: "aerial" });
    expect(phrase("open", "fire")).toMatchObject({ type: "ASSAULT", mode: "firearms" });
    expect(phrase("call", "for")?.type).toBe("REQUEST");
    expect(phrase("deny", "request")?.type).toBe("REJECT");
    expect(phrase("order", "inquiry")).toMatchObject({ type: "ACCUSE", mode: "investigate" });
    expect(phrase("impose", "curfew")).toMatchObject({ type: "COERCE", mode: "curfew" });
    expect(lexicon.get("deny")?.type).toBeNull();
  });

  it("marks two-sided fighting and the manual's modes on nouns", () => {
    const noun = (words: string) => nouns.find((n) => n.words.join(" ") === words);
    expect(noun("clashes")).toMatchObject({ type: "ASSAULT", twoSided: true });
    expect(noun("car bomb")).toMatchObject({ type: "ASSAULT", mode: "explosives", twoSided: false });
    expect(noun("drone strike")?.mode).toBe("drone");
    expect(noun("general strike")).toMatchObject({ type: "PROTEST", mode: "strike" });
    expect(noun("ceasefire")).toMatchObject({ type: "RETREAT", mode: "ceasefire" });
  });

  it("lists every type with its manual modes and a conflict-cooperation score", () => {
    expect(Object.keys(modes.modes).sort()).toEqual([...PLOVER_TYPES].sort());
    expect([...modesOf("ASSAULT")]).toEqual(expect.arrayContaining(["aerial", "drone", "explosives", "suicide-attack", "heavy-weapons", "unconventional"]));
    expect(modesOf("REQUEST")).toEqual(modesOf("REJECT"));
    for (const type of PLOVER_TYPES) {
      const cc = modes.conflictCooperation[type];
      expect(typeof cc?.score).toBe("number");
      // every scored mode is a mode of its type
      for (const mode of Object.keys(cc?.modes ?? {})) expect(modesOf(type).has(mode)).toBe(true);
    }
    expect(modes.conflictCooperation.ASSAULT?.modes?.unconventional).toBe(-10);
  });
});
