/**
 * A small archive for the exchange tests: reports written for these tests, with hand-made records
 * covering what the formats tell apart (two-sided fighting, a drone strike on civilians, a march
 * and the police's answer, a foreign army, a request with no date or place, a claim that is
 * hedged, a sentence a spreadsheet would run as a formula, relations between actors).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Actor, Claim, Event, ExtractionRecord, Relation } from "../core/index.js";
import { contentHash, minHash, NEAR_DUPLICATE_THRESHOLD } from "../ingest/index.js";
import { openStore, type NewDocument, type Store } from "../store/index.js";

const span = (text: string, part: string): [number, number] => {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return [start, start + part.length];
};

type ActorSpec = [id: string, name: string, kind: Actor["kind"], country: string | null];

function record(id: string, text: string, published: string, actors: ActorSpec[], events: Array<Partial<Event> & { sentence: string }>,
  claims: Array<Omit<Claim, "evidence"> & { quote: string }> = [], relations: Array<Omit<Relation, "evidence"> & { quote: string }> = []): ExtractionRecord {
  return {
    id, published, extractor: "fixture@1", statistics: [], places: [],
    actors: actors.map(([aid, name, kind, country]) => ({ id: aid, name, aliases: [], kind, country, parent: null, mentions: [] })),
    events: events.map(({ sentence, ...e }, i) => ({
      id: `e${i + 1}`, type: "ASSAULT", mode: null, actor: [], recipient: [], modality: "asserted", date: null, location: null,
      fatalities: null, injuries: null, claim: null, ...e, evidence: [span(text, sentence)],
    })),
    claims: claims.map(({ quote, ...c }) => ({ ...c, evidence: [span(text, quote)] })),
    relations: relations.map(({ quote, ...r }) => ({ ...r, evidence: [span(text, quote)] })),
  };
}

function doc(key: string, text: string, published: string, rec: ExtractionRecord, url: string | null = null, title: string | null = null): NewDocument {
  return {
    key, source: `${key}.txt`, url, title, published, retrievedAt: `${published}T12:00:00.000Z`, text,
    contentHash: contentHash(text), signature: minHash(text), record: rec,
  };
}

const VALLEY = "Hill Front fighters and army units fought for the river crossing near Bahram on Tuesday, leaving four soldiers dead, a provincial spokesman said. " +
  "A drone struck the Bahram market on Wednesday, wounding nine shoppers, witnesses said, and the Hill Front reportedly blamed Pakistan's air force, which it says the Valley Council directs.";
const MARCH = "Thousands of students marched through Quetta on Friday. Police fired tear gas at the marchers near the university. " +
  "=HYPERLINK(\"http://x.example\") was daubed on a wall, and the union asked the courts to free its leaders.";

/** The fixture documents, each with its record. */
export function exchangeDocuments(): NewDocument[] {
  const valleyActors: ActorSpec[] = [
    ["a1", "Hill Front", "armed_group", "AFG"], ["a2", "Afghan National Army", "military", "AFG"], ["a3", "Pakistan Air Force", "military", "PAK"],
    ["a4", "shoppers", "civilians", "AFG"], ["a5", "Valley Council", "government", "AFG"],
  ];
  const bahram = { name: "Bahram", country: "AFG", admin1: "Kandahar", admin2: "Daman", lat: 31.62, lon: 65.71, precision: "point" as const };
  const valley = record("valley", VALLEY, "2026-01-22", valleyActors, [
    { sentence: "Hill Front fighters and army units fought for the river crossing near Bahram on Tuesday, leaving four soldiers dead",
      actor: ["a1", "a2"], date: { start: "2026-01-20", end: "2026-01-20" }, location: bahram, fatalities: { low: 4, high: 4 }, claim: "c1" },
    { sentence: "A drone struck the Bahram market on Wednesday, wounding nine shoppers", mode: "drone", actor: ["a3"], recipient: ["a4"],
      date: { start: "2026-01-21", end: "2026-01-21" }, location: bahram, injuries: { low: 9, high: 9 }, claim: "c2" },
  ], [
    { id: "c1", speaker: { text: "a provincial spokesman", kind: "anonymous_official", organization: null, name: null }, hedged: false, quote: "a provincial spokesman said" },
    { id: "c2", speaker: { text: "witnesses", kind: "witness", organization: null, name: null }, hedged: true, quote: "witnesses said" },
  ], [
    { type: "directs", actor: "a5", recipient: "a1", modality: "asserted", claim: null, quote: "the Valley Council directs" },
    { type: "at_war_with", actor: "a1", recipient: "a2", modality: "asserted", claim: "c1", quote: "fought for the river crossing" },
  ]);
  const quetta = { name: "Quetta", country: "PAK", admin1: "Balochistan", admin2: null, lat: 30.19, lon: 67.01, precision: "point" as const };
  const march = record("march", MARCH, "2026-02-07", [
    ["a1", "students", "civilians", "PAK"], ["a2", "Quetta police", "police", "PAK"], ["a3", "Students' Union", "civilians", "PAK"],
    ["a4", "courts", "government", "PAK"],
  ], [
    { sentence: "Thousands of students marched through Quetta on Friday", type: "PROTEST", mode: "demo", actor: ["a1"],
      date: { start: "2026-02-06", end: "2026-02-06" }, location: quetta },
    { sentence: "Police fired tear gas at the marchers near the university", mode: "crowd-control", actor: ["a2"], recipient: ["a1"],
      date: { start: "2026-02-06", end: "2026-02-06" }, location: quetta },
    { sentence: "=HYPERLINK(\"http://x.example\") was daubed on a wall", type: "PROTEST", mode: "vandalize", actor: ["a1"],
      date: { start: "2026-02-01", end: "2026-02-28" }, location: { ...quetta, name: "Balochistan", lat: 28.5, lon: 65.1, precision: "admin1" } },
    { sentence: "the union asked the courts to free its leaders", type: "REQUEST", actor: ["a3"], recipient: ["a4"], modality: "future" },
  ]);
  return [
    doc("valley", VALLEY, "2026-01-22", valley, "https://www.wire.example/valley", "Fighting at the river crossing"),
    doc("march", MARCH, "2026-02-07", march),
  ];
}

/** A SQLite archive in a temp folder holding the fixture documents; `close` closes and deletes it. */
export async function exchangeArchive(): Promise<{ store: Store; dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-exchange-"));
  const store = await openStore({ sqlite: join(dir, "sitrep.db") });
  await store.saveBatch(exchangeDocuments(), { nearDuplicateThreshold: NEAR_DUPLICATE_THRESHOLD });
  return {
    store, dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A writable that keeps what it is given. */
export function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk.toString()); done(); } });
  return Object.assign(out, { text: () => chunks.join("") });
}
