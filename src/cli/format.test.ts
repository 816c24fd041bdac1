import { describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../core/index.js";
import { formatRecord, period } from "./format.js";

const TEXT = "Border guards fired on smugglers near Zarat on Friday, killing two, a police source said.";
const span = (words: string): [number, number] => [TEXT.indexOf(words), TEXT.indexOf(words) + words.length];

const RECORD: ExtractionRecord = {
  id: "t-1", published: "2025-04-05", extractor: "test",
  actors: [
    { id: "a1", name: "Border guards", aliases: [], kind: "military", country: null, parent: null, mentions: [span("Border guards")] },
    { id: "a2", name: "smugglers", aliases: ["smuggling gang"], kind: "other", country: null, parent: null, mentions: [span("smugglers")] },
  ],
  events: [{
    id: "e1", type: "ASSAULT", mode: "firearms", actor: ["a1"], recipient: ["a2"], modality: "asserted",
    date: { start: "2025-04-04", end: "2025-04-04" }, location: null, fatalities: { low: 2, high: 2 }, injuries: null,
    claim: "c1", evidence: [span("Border guards fired on smugglers near Zarat on Friday, killing two")],
  }],
  claims: [{ id: "c1", speaker: { text: "a police source", kind: "anonymous_official", organization: null, name: null }, hedged: false, evidence: [span("a police source said")] }],
  statistics: [], places: [], relations: [],
};

describe("formatRecord", () => {
  it("shows who did what to whom, the facts, the claim and the quoted evidence", () => {
    expect(formatRecord(RECORD, TEXT).split("\n")).toEqual([
      "== t-1 (published 2025-04-05)",
      "Actors",
      "  a1  Border guards (military, country unknown)",
      "  a2  smugglers (other, country unknown)  also: smuggling gang",
      "Events",
      "  e1  ASSAULT/firearms  Border guards → smugglers",
      "      asserted · 2025-04-04 · 2 killed",
      "      according to a police source (anonymous_official)",
      '      "Border guards fired on smugglers near Zarat on Friday, killing two"',
      "Claims",
      "  c1  a police source (anonymous_official)",
      '      "a police source said"',
      "",
    ]);
  });

  it("says so when nothing was found", () => {
    const empty = { ...RECORD, published: null, actors: [], events: [], claims: [] };
    expect(formatRecord(empty, TEXT)).toBe("== t-1\n  nothing found\n");
  });
});

describe("period", () => {
  it("gives an interval at its natural grain", () => {
    expect(period({ start: "2025-02-01", end: "2025-02-28" })).toBe("2025-02");
    expect(period({ start: "2024-01-01", end: "2024-12-31" })).toBe("2024");
    expect(period({ start: "2024-02-01", end: "2024-02-28" })).toBe("2024-02-01 to 2024-02-28");
    expect(period({ start: "2025-03-02", end: "2025-03-09" })).toBe("2025-03-02 to 2025-03-09");
  });
});
