import { describe, expect, it } from "vitest";
import { bandKeys, contentHash, minHash, signatureBytes, signatureFromBytes, similarity } from "./fingerprint.js";

const STORY = [
  "Flooding along the lower river forced the evacuation of three districts on Thursday, the civil defence",
  "agency said, after two nights of heavy rain overwhelmed the embankments built last year. Rescue boats",
  "ferried residents from rooftops while the army opened schools as shelters for more than ten thousand",
  "people. The agency warned that water levels would keep rising until the weekend and asked farmers to",
  "move livestock to higher ground before the roads were cut.",
].join(" ");
const OTHER = [
  "The finance ministry announced a new bond issue on Tuesday to cover the budget gap left by lower export",
  "earnings, and promised to cut spending on fuel subsidies over the next two years, a plan that opposition",
  "parties said would hurt poorer households and that unions threatened to answer with a general strike.",
].join(" ");

describe("fingerprints", () => {
  it("hash equal texts alike and different texts apart", () => {
    expect(contentHash(STORY)).toBe(contentHash(`${STORY}`));
    expect(contentHash(STORY)).not.toBe(contentHash(`${STORY} `));
    expect(contentHash("")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("score a lightly edited copy close, and another story far", () => {
    const copy = `LOWER RIVER (Wire) - ${STORY.replace("more than ten thousand", "over 10,000")} (Editing by the desk)`;
    expect(similarity(minHash(STORY), minHash(STORY))).toBe(1);
    expect(similarity(minHash(STORY), minHash(copy))).toBeGreaterThan(0.7);
    expect(similarity(minHash(STORY), minHash(OTHER))).toBeLessThan(0.2);
    expect(similarity(minHash(STORY.toUpperCase().replace(/,/g, "")), minHash(STORY))).toBe(1); // case and punctuation
  });

  it("share a band between close copies, not between other stories", () => {
    const bands = new Set(bandKeys(minHash(STORY)));
    expect(bandKeys(minHash(`${STORY} More to follow.`)).some((b) => bands.has(b))).toBe(true);
    expect(bandKeys(minHash(OTHER)).some((b) => bands.has(b))).toBe(false);
    expect(bands.size).toBe(16);
  });

  it("round-trip a signature through bytes", () => {
    const signature = minHash(STORY);
    expect(signatureFromBytes(signatureBytes(signature))).toEqual(signature);
    expect(minHash("two words")).toHaveLength(64); // shorter than a shingle: one shingle
  });
});
