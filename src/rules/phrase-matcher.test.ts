import { describe, expect, it } from "vitest";
import { analyze } from "../nlp/index.js";
import { words } from "../nlp/words.js";
import { wordClass } from "./lexicon.js";
import { PhraseMatcher } from "./phrase-matcher.js";

const wordsOf = (text: string) => words(analyze(text, wordClass("abbreviations")));

function matcher(): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  m.add("Northern Ridge", "ridge");
  m.add("Northern Ridge Front", "front");
  m.add("Northern Ridge Front for Unity", "unity");
  m.add("NRF", "front", true);
  m.add("Ridge", "short");
  return m;
}

describe("PhraseMatcher", () => {
  it("finds the longest phrase at a word, and no phrase in the middle of one", () => {
    const ws = wordsOf("Fighters of the Northern Ridge Front crossed the river.");
    const m = matcher();
    const at = ws.findIndex((w) => w.key === "northern");
    expect(m.longestAt(ws, at)).toEqual({ first: at, last: at + 3, values: ["front"] });
    expect(m.longestAt(ws, at - 1)).toBeNull();
  });
  it("stops at the limit and falls back to a shorter phrase the caller accepts", () => {
    const ws = wordsOf("The Northern Ridge Front for Unity met.");
    const m = matcher();
    const at = ws.findIndex((w) => w.key === "northern");
    expect(m.longestAt(ws, at)?.values).toEqual(["unity"]);
    expect(m.longestAt(ws, at, at + 3)?.values).toEqual(["front"]);
    expect(m.longestAt(ws, at, ws.length, (a, b) => b - a <= 2)?.values).toEqual(["ridge"]);
    expect(m.longestAt(ws, at, ws.length, () => false)).toBeNull();
  });
  it("matches an exact phrase only as written", () => {
    const m = matcher();
    expect(m.longestAt(wordsOf("NRF"), 0)?.values).toEqual(["front"]);
    expect(m.longestAt(wordsOf("nrf"), 0)).toBeNull();
  });
  it("looks phrases up whole, ignoring exact marks", () => {
    const m = matcher();
    expect(m.lookup("northern ridge")).toEqual(["ridge"]);
    expect(m.lookup("nrf")).toEqual(["front"]);
    expect(m.lookup("northern")).toEqual([]);
    expect(m.lookup("")).toEqual([]);
    expect(m.starts("northern")).toBe(true);
    expect(m.starts("ridge")).toBe(true);
    expect(m.starts("front")).toBe(false);
    expect(m.size).toBe(5);
  });
});
