import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { keyHash, words } from "./words.js";

const texts = (t: string) => analyze(t, new Set()).tokens.map((x) => x.text);

describe("analyze", () => {
  it("keeps a word whole across letters beyond Latin-1 ('Erdoğan', 'Vučić', 'Łukaszenka', 'Brașov')", () => {
    const t = "Recep Tayyip Erdoğan met Aleksandar Vučić and Łukaszenka in Brașov.";
    expect(texts(t)).toEqual(["Recep", "Tayyip", "Erdoğan", "met", "Aleksandar", "Vučić", "and", "Łukaszenka", "in", "Brașov", "."]);
    for (const tok of analyze(t, new Set()).tokens) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
  });
  it("reads the tags and lemmas of plain words as before", () => {
    const a = analyze("Gunmen killed 12 villagers in Zamfara.", new Set());
    expect(a.tokens.map((x) => x.lemma)).toEqual(["gunmen", "kill", "12", "villager", "in", "zamfara", "."]);
  });
  it("places every token after runs of spaces, tabs, no-break spaces and line breaks", () => {
    const t = "  Erdoğan\u00a0said:\tit's   done.\r\n\r\nVučić didn't  go. U.S. forces";
    const a = analyze(t, new Set());
    expect(a.tokens.map((x) => [x.start, x.text, x.lemma])).toEqual([
      [2, "Erdoğan", "erdoğan"], [10, "said", "say"], [14, ":", ":"], [16, "it", "it"], [18, "'s", "be"], [23, "done", "do"],
      [27, ".", "."], [32, "Vučić", "vučić"], [38, "did", "do"], [41, "n't", "not"], [46, "go", "go"], [48, ".", "."],
      [50, "U.S.", "u.s."], [55, "forces", "force"],
    ]);
    for (const tok of a.tokens) expect(t.slice(tok.start, tok.end)).toBe(tok.text);
    expect(a.sentences.map((x) => [x.first, x.last, x.paragraph])).toEqual([[0, 7, 0], [7, 12, 1], [12, 14, 1]]);
  });
});

describe("words", () => {
  it("keeps plain tokens whole, splits hyphenated ones and drops marks", () => {
    const w = words(analyze("Al-Shabaab's IS-K fighters, 12 (of them) fled.", new Set()));
    expect(w.map((x) => [x.key, x.text])).toEqual([
      ["al", "Al"], ["shabaab", "Shabaab"], ["s", "'s"], ["is", "IS"], ["k", "K"], ["fighters", "fighters"],
      ["12", "12"], ["of", "of"], ["them", "them"], ["fled", "fled"],
    ]);
    for (const x of w) expect(x.hash).toBe(keyHash(x.key));
  });
});
