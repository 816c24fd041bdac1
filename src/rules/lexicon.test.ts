import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DataError } from "../core/index.js";
import { createExtractor } from "../extract/index.js";
import { lexicon, loadLexicon, parseLexicon } from "./lexicon.js";

const FILE = "lexicon.json";
const good = { "time-links": { note: "Words after which an -ing form has no subject.", words: ["before", "after"] } };

/** The message `parseLexicon` throws for `data`, which must be a one-line DataError naming the file. */
function rejection(data: unknown): string {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  try {
    parseLexicon(FILE, text);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    const message = (e as Error).message;
    expect(message.startsWith(`${FILE}: `)).toBe(true);
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("accepted");
}

describe("lexicon file", () => {
  it("gives each class's words as a set, in file order", () => {
    const lex = parseLexicon(FILE, JSON.stringify(good));
    expect(lex.names).toEqual(["time-links"]);
    expect([...lex.wordClass("time-links")]).toEqual(["before", "after"]);
  });

  it("names the file and the class when a class is unknown", () => {
    const lex = parseLexicon(FILE, JSON.stringify(good));
    expect(() => lex.wordClass("time-link")).toThrow(`${FILE}: no word class "time-link"`);
  });

  it("records the classes asked for", () => {
    const lex = parseLexicon(FILE, JSON.stringify({ ...good, "object-pronouns": { note: "Pronouns.", words: ["them"] } }));
    expect([...lex.asked]).toEqual([]);
    lex.wordClass("object-pronouns");
    expect([...lex.asked]).toEqual(["object-pronouns"]);
  });

  it("rejects a malformed file with a one-line message", () => {
    expect(rejection("{ not json")).toContain(`${FILE}: `);
    expect(rejection(["before"])).toBe(`${FILE}: expecting an object of word classes`);
    expect(rejection({ "time-links": ["before"] })).toBe(`${FILE}: word class "time-links": expecting {"note", "words"}`);
    expect(rejection({ "time-links": { words: ["before"] } })).toBe(`${FILE}: word class "time-links": expecting a "note" string`);
    expect(rejection({ "time-links": { note: "Links.", words: [] } })).toContain('expecting a non-empty "words" array');
    expect(rejection({ "time-links": { note: "Links.", words: ["before", 3] } })).toContain("word 2 is not a trimmed, non-empty string (3)");
    expect(rejection({ "time-links": { note: "Links.", words: ["before "] } })).toContain("word 1 is not");
    expect(rejection({ "time-links": { note: "Links.", words: ["before"], word: ["after"] } })).toContain('unknown field "word"');
    expect(rejection({ TIME_LINKS: good["time-links"] })).toContain('word class "TIME_LINKS": name is not kebab-case');
  });

  it("rejects a class written twice, which JSON would silently let the second replace", () => {
    const text = '{"time-links": {"note": "Links.", "words": ["before"]},\n "time-links": {"note": "More.", "words": ["after"]}}';
    expect(() => parseLexicon(FILE, text)).toThrow(`${FILE}: word class "time-links" is defined twice`);
  });

  it("names a file that cannot be read", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-lexicon-"));
    try {
      const missing = pathToFileURL(join(dir, "missing.json"));
      expect(() => loadLexicon(missing)).toThrow(DataError);
      const broken = join(dir, "broken.json");
      writeFileSync(broken, '{"time-links": {"note": "x", "words": "before"}}');
      expect(() => loadLexicon(pathToFileURL(broken))).toThrow(`${broken}: word class "time-links": expecting a non-empty "words" array`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the shipped lexicon", () => {
  it("has every class asked for by the extractor, so none is dead data", async () => {
    const extractor = await createExtractor();
    const record = extractor.extract({ id: "t", published: "2026-01-05", text: "Gunmen attacked a police post near the town on Monday, killing two officers, the ministry said." });
    expect(record.events.length).toBeGreaterThan(0);
    const lex = lexicon();
    expect(lex.names.length).toBeGreaterThan(0);
    expect(lex.names.filter((name) => !lex.asked.has(name))).toEqual([]);
  });
});
