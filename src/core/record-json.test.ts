import { describe, expect, it } from "vitest";
import { recordFromJson, recordJson } from "./record-json.js";
import type { ExtractionRecord } from "./record.js";

describe("recordJson", () => {
  const text = '{ "extractor": "sitrep@0", "events": [ ] }';

  it("gives back the very text a record was read from, not a new serialisation", () => {
    const record = recordFromJson(text);
    expect(record.extractor).toBe("sitrep@0");
    expect(recordJson(record)).toBe(text);
  });

  it("serialises a record made otherwise", () => {
    const record = { extractor: "sitrep@0", events: [] } as unknown as ExtractionRecord;
    expect(recordJson(record)).toBe('{"extractor":"sitrep@0","events":[]}');
  });
});
