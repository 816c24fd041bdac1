/**
 * Checks the actor data under data/actors/ (built phoenix.json, hand-written curated.json and
 * agents.json): the shape data/FORMATS.md describes, and that key surface forms resolve.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTOR_KINDS } from "../core/record.js";

interface Entry {
  id: string;
  name: string;
  aliases: string[];
  exact?: string[];
  kind: string;
  country: string | null;
  parent: string | null;
}
interface Agent { words: string[]; kind: string; label: string }

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/actors/${name}`, import.meta.url), "utf8")) as T;
}

const phoenix = load<{ source: string; licence: string; actors: Entry[] }>("phoenix.json");
const curated = load<{ source: string; licence: string; actors: Entry[] }>("curated.json");
const agents = load<{ agents: Agent[] }>("agents.json").agents;

// A curated entry with the same id replaces the Phoenix one (FORMATS.md).
const byId = new Map<string, Entry>();
for (const e of [...phoenix.actors, ...curated.actors]) byId.set(e.id, e);

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const loose = new Map<string, Entry>();
const strict = new Map<string, Entry>();
for (const e of byId.values()) {
  for (const s of [e.name, ...e.aliases]) loose.set(fold(s), e);
  for (const s of e.exact ?? []) strict.set(s, e);
}
/** The entry a surface form names, as the matcher would see it: exact case first. */
const resolve = (s: string): Entry | undefined => strict.get(s) ?? loose.get(fold(s));

describe.each([["phoenix.json", phoenix.actors], ["curated.json", curated.actors]])("%s", (_file, actors) => {
  it("has unique ids", () => {
    const ids = actors.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses known kinds", () => {
    const bad = actors.filter((a) => !(ACTOR_KINDS as readonly string[]).includes(a.kind));
    expect(bad.map((a) => `${a.id}:${a.kind}`)).toEqual([]);
  });

  it("gives ISO3 countries or null", () => {
    const bad = actors.filter((a) => a.country !== null && !/^[A-Z]{3}$/.test(a.country));
    expect(bad.map((a) => a.id)).toEqual([]);
  });

  it("points every parent at an existing entry", () => {
    const bad = actors.filter((a) => a.parent !== null && !byId.has(a.parent));
    expect(bad.map((a) => `${a.id}->${a.parent}`)).toEqual([]);
  });

  it("has no empty names or aliases", () => {
    const bad = actors.filter((a) => !a.name.trim()
      || [...a.aliases, ...(a.exact ?? [])].some((s) => typeof s !== "string" || !s.trim()));
    expect(bad.map((a) => a.id)).toEqual([]);
  });
});

describe("actor data", () => {
  it("has a state entry for every country the curated file names", () => {
    const states = new Set(phoenix.actors.filter((a) => a.kind === "state").map((a) => a.country));
    expect(states.size).toBeGreaterThanOrEqual(193);
    const missing = curated.actors.filter((a) => a.country !== null && !states.has(a.country));
    expect(missing.map((a) => `${a.id}:${a.country}`)).toEqual([]);
  });

  it("curates at least 250 actors, no surface form on two of them", () => {
    expect(curated.actors.length).toBeGreaterThanOrEqual(250);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of curated.actors) {
      for (const s of [a.name, ...a.aliases]) {
        const k = fold(s);
        const other = owner.get(k);
        if (other !== undefined && other !== a.id) clashes.push(`${s}: ${other}, ${a.id}`);
        owner.set(k, a.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("resolves key aliases", () => {
    expect(resolve("ISKP")?.name).toBe("Islamic State Khorasan Province");
    expect(resolve("IS-K")?.id).toBe(resolve("ISKP")?.id);
    expect(resolve("Islamic State-Khorasan")?.id).toBe(resolve("ISKP")?.id);
    const taliban = resolve("Taliban");
    expect(taliban?.kind).toBe("government");
    expect(taliban?.country).toBe("AFG");
    expect(resolve("Islamic Emirate of Afghanistan")?.id).toBe(taliban?.id);
    const islamabad = resolve("Islamabad");
    expect(islamabad?.kind).toBe("state");
    expect(islamabad?.country).toBe("PAK");
    expect(resolve("Pakistan")?.id).toBe(islamabad?.id);
    const isi = resolve("ISI");
    expect(isi?.kind).toBe("intelligence");
    expect(isi?.parent).toBe(islamabad?.id);
    expect(resolve("Pakistani military")?.kind).toBe("military");
    expect(resolve("Tehreek-e-Taliban Pakistan")?.id).toBe(resolve("Pakistani Taliban")?.id);
    expect(resolve("IB")?.country).toBe("IND");
    expect(resolve("Daesh")?.id).toBe(resolve("IS")?.id);
    expect(resolve("Ansar Allah")?.id).toBe(resolve("Houthis")?.id);
    expect(resolve("Rapid Support Forces")?.kind).toBe("armed_group");
    expect(resolve("Israel Defense Forces")?.parent).toBe(resolve("Israel")?.id);
  });

  it("keeps short acronyms that are words case-sensitive", () => {
    for (const word of ["is", "us", "ib", "raw", "who", "pdf"]) expect(loose.has(word)).toBe(false);
    expect(resolve("US")?.country).toBe("USA");
    expect(resolve("WHO")?.kind).toBe("igo");
  });

  it("keeps cities other than capitals out of the state entries", () => {
    expect(resolve("Karachi")).toBeUndefined();
    expect(resolve("Kandahar")).toBeUndefined();
    expect(resolve("Kabul")?.country).toBe("AFG");
  });

  it("lists agents with known kinds and labels", () => {
    for (const a of agents) {
      expect(ACTOR_KINDS as readonly string[]).toContain(a.kind);
      expect(a.label.trim()).not.toBe("");
      expect(a.words.length).toBeGreaterThan(0);
    }
    const kindOf = (w: string) => agents.find((a) => a.words.includes(w))?.kind;
    expect(kindOf("troops")).toBe("military");
    expect(kindOf("air force")).toBe("military");
    expect(kindOf("policemen")).toBe("police");
    expect(kindOf("militants")).toBe("armed_group");
    expect(kindOf("villagers")).toBe("civilians");
    const words = agents.flatMap((a) => a.words);
    expect(new Set(words).size).toBe(words.length);
  });
});
