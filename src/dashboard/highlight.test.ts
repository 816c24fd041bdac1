import { describe, expect, it } from "vitest";
import { highlight } from "./highlight.js";

const joined = (pieces: ReturnType<typeof highlight>) => pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join("");

describe("highlight", () => {
  const text = "Militiamen burned two villages near the river, a medic said.";
  const at = 500; // document offset of text[0]

  it("marks spans given as document offsets", () => {
    const start = at + text.indexOf("burned");
    const pieces = highlight(text, at, [[start, start + "burned two villages".length]]);
    expect(joined(pieces)).toBe("Militiamen [burned two villages] near the river, a medic said.");
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("merges overlapping and touching spans and clips spans running past the passage", () => {
    const m = at + text.indexOf("Militiamen");
    const b = at + text.indexOf("burned");
    const pieces = highlight(text, at, [[b, b + 6], [m - 20, m + 5], [m + 3, m + 11], [b + 6, b + 10]]);
    expect(joined(pieces)).toBe("[Militiamen burned two] villages near the river, a medic said.");
  });

  it("ignores empty spans and spans outside the passage", () => {
    expect(joined(highlight(text, at, [[at + 3, at + 3], [0, 10], [at + 999, at + 1200]]))).toBe(text);
    expect(highlight("", 0, [])).toEqual([{ text: "", marked: false }]);
  });
});
