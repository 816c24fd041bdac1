import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";

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
});
