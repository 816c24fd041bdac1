/**
 * The store's contract: one suite that every driver's test runs whole against a real database.
 * `open` must return a store on an empty archive of the test's own.
 */
import { describe, expect, it } from "vitest";
import type { Actor, Event, ExtractionRecord, Modality, PloverType } from "../core/index.js";
import { InputError, StoreError } from "../core/index.js";
import { contentHash, minHash, NEAR_DUPLICATE_THRESHOLD } from "../ingest/index.js";
import type { FeedState, ImportedEvent, NewDocument, Store } from "./store.js";
import { countsContract } from "./counts.contract.js";
import { viewsContract } from "./views.contract.js";

const OPTIONS = { nearDuplicateThreshold: NEAR_DUPLICATE_THRESHOLD };

export interface EventSpec {
  type: PloverType;
  /** A part of the text: the event's evidence. */
  sentence: string;
  actor?: string[];
  recipient?: string[];
  country?: string | null;
  admin1?: string | null;
  date?: string | null;
  /** The last day, when not the first. */
  end?: string;
  modality?: Modality;
  claim?: string | null;
  /** The low figure of the event's deaths. */
  deaths?: number | null;
}

/** A hand-made record for `text`: actors by name (alias = name in upper case), events as given. */
export function recordOf(id: string, text: string, events: EventSpec[], extractor = "test@1"): ExtractionRecord {
  const names = [...new Set(events.flatMap((e) => [...(e.actor ?? []), ...(e.recipient ?? [])]))];
  const actors: Actor[] = names.map((name, i) => ({
    id: `a${i + 1}`, name, aliases: [name.toUpperCase()], kind: "armed_group", country: null, parent: null, mentions: [],
  }));
  const idOf = (name: string) => `a${names.indexOf(name) + 1}`;
  const built: Event[] = events.map((e, i) => {
    const start = text.indexOf(e.sentence);
    if (start < 0) throw new Error(`"${e.sentence}" is not in the text`);
    return {
      id: `e${i + 1}`, type: e.type, mode: null,
      actor: (e.actor ?? []).map(idOf), recipient: (e.recipient ?? []).map(idOf),
      modality: e.modality ?? "asserted",
      date: e.date ? { start: e.date, end: e.end ?? e.date } : null,
      location: e.country === undefined && e.admin1 === undefined ? null : {
        name: e.admin1 ?? e.country ?? "", country: e.country ?? null, admin1: e.admin1 ?? null, admin2: null,
        lat: null, lon: null, precision: "admin1",
      },
      fatalities: e.deaths === undefined || e.deaths === null ? null : { low: e.deaths, high: e.deaths }, injuries: null, claim: e.claim ?? null, evidence: [[start, start + e.sentence.length]],
    };
  });
  const claims = events.some((e) => e.claim) ? [{
    id: "c1", speaker: { text: "a provincial spokesman", kind: "anonymous_official" as const, organization: null, name: null },
    hedged: true, evidence: [[0, 10] as [number, number]],
  }] : [];
  return { id, published: "2026-02-01", actors, events: built, statistics: [], claims, places: [], relations: [], extractor };
}

export function newDocument(key: string, text: string, events: EventSpec[] = [], extra: Partial<NewDocument> = {}): NewDocument {
  return {
    key, source: `${key}.txt`, url: null, title: null, published: "2026-02-01", retrievedAt: "2026-02-02T10:00:00.000Z",
    text, contentHash: contentHash(text), signature: minHash(text), record: recordOf(key, text, events), ...extra,
  };
}

const MIGRATED = "Rebels shelled the ridge at dawn. The Ridge Rebels are backed by the Hill Council, the army said.";

/** A document with what the first schema kept only in the record's JSON: a relation, a mention, a claim's text. */
export function migrationDocument(): NewDocument {
  const doc = newDocument("one", MIGRATED, [{ type: "ASSAULT", sentence: "Rebels shelled the ridge", actor: ["Ridge Rebels"], date: "2026-01-20" }]);
  const record = doc.record as ExtractionRecord;
  record.actors.push({ id: "a9", name: "Hill Council", aliases: [], kind: "armed_group", country: null, parent: null, mentions: [[69, 81]] });
  record.relations.push({ type: "sponsors", actor: "a9", recipient: "a1", modality: "asserted", claim: null, evidence: [[34, 81]] });
  record.claims.push({ id: "c1", speaker: { text: "the army", kind: "organization", organization: null, name: null }, hedged: false, evidence: [[34, MIGRATED.length]] });
  record.statistics.push({ subject: "a9", measure: "backers", value: 1, period: null, claim: "c1", evidence: [[69, 81]] });
  return doc;
}

/** Checks that an archive holding `migrationDocument()` under the first schema was migrated with its rows filled in. */
export async function expectMigrated(store: Store): Promise<void> {
  expect((await store.events({ actor: "ridge rebels" })).map((e) => e.type)).toEqual(["ASSAULT"]);
  expect((await store.events({ text: "shelling" })).map((e) => e.type)).toEqual(["ASSAULT"]);
  expect((await store.facets({})).types).toEqual([{ type: "ASSAULT", count: 1 }]);
  expect((await store.actors({})).map((a) => [a.name, a.documents, a.events])).toEqual([["Ridge Rebels", 1, 1], ["Hill Council", 1, 0]]);
  expect((await store.facets({ until: "2026-01-20" })).types).toEqual([{ type: "ASSAULT", count: 1 }]);
  expect((await store.timeSeries({}, { interval: "month", by: "none" })).series[0]?.points).toEqual([{ period: "2026-01-01", events: 1, fatalities: 0 }]);
  const council = await store.actor("hill council");
  expect(council?.relations.map((r) => [r.type, r.actor, r.recipient, r.text])).toEqual([
    ["sponsors", "Hill Council", "Ridge Rebels", "The Ridge Rebels are backed by the Hill Council"],
  ]);
  expect(council?.mentions.map((m) => m.text)).toEqual(["Hill Council"]);
  expect((await store.claims({})).map((c) => c.text)).toEqual([MIGRATED.slice(34)]);
  expect((await store.statistics({})).map((st) => [st.subject, st.measure, st.value, st.period, st.text])).toEqual([["Hill Council", "backers", 1, null, "Hill Council"]]);
}

const NORTH = "Militia fighters shelled a market in the northern town on Tuesday. Police arrested four suspects near the border crossing.";
const SOUTH = "Hundreds of students marched through the southern capital on Friday, demanding the release of detained journalists.";

/** A wire story long enough for shingles to tell a lightly edited copy from another story. */
const WIRE = [
  "Heavy fighting broke out on Monday between army units and the Hill Front rebels around the river port,",
  "residents said, as both sides brought reinforcements towards the crossing that controls the only paved road",
  "into the valley. Aid agencies said several thousand families had left their villages over the weekend and",
  "that convoys carrying food and medicine had been turned back at two checkpoints. A regional official said",
  "the army had retaken a hilltop position overlooking the port, a claim the rebels denied in a statement",
  "posted online. The valley has seen sporadic clashes since a ceasefire collapsed in the spring.",
].join(" ");

function seed(): NewDocument[] {
  return [
    newDocument("north", NORTH, [
      { type: "ASSAULT", sentence: "Militia fighters shelled a market in the northern town on Tuesday.", actor: ["Hill Front"],
        country: "AFG", admin1: "Balkh", date: "2026-01-20", claim: "c1" },
      { type: "COERCE", sentence: "Police arrested four suspects near the border crossing.", actor: ["Border Police"],
        recipient: ["Hill Front"], country: "AFG", admin1: "Kunduz", date: "2026-01-22", modality: "asserted" },
    ], { url: "https://news.example/north", title: "Market shelled" }),
    newDocument("south", SOUTH, [
      { type: "PROTEST", sentence: "Hundreds of students marched through the southern capital on Friday", actor: ["Student Union"],
        country: "PAK", admin1: "Sindh", date: "2026-02-06", modality: "hypothetical" },
    ], { title: "Students march", published: "2026-02-07" }),
  ];
}

/** Events around week, month and year boundaries (1 January 2026 is a Thursday). */
const WEEKS = "Gunmen killed three guards at a depot. Rebels raided the depot again the next day. "
  + "Students protested outside the court. Police detained a reporter at the airport. Troops shelled a ridge at some point.";

function weeks(): NewDocument[] {
  return [newDocument("weeks", WEEKS, [
    { type: "ASSAULT", sentence: "Gunmen killed three guards at a depot.", actor: ["Hill Front"], country: "AFG", date: "2026-01-04", deaths: 3 },
    { type: "ASSAULT", sentence: "Rebels raided the depot again the next day.", actor: ["Hill Front", "Border Police"], country: "AFG", date: "2026-01-05" },
    { type: "PROTEST", sentence: "Students protested outside the court.", actor: ["Student Union"], country: "PAK", date: "2026-01-11", deaths: 1 },
    { type: "COERCE", sentence: "Police detained a reporter at the airport.", date: "2026-02-01", deaths: 2 },
    { type: "ASSAULT", sentence: "Troops shelled a ridge at some point.", actor: ["Hill Front"], country: "AFG", deaths: 7 },
  ])];
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store`, { timeout: 30_000 }, () => {
    const withStore = async (test: (store: Store) => Promise<void>): Promise<void> => {
      const store = await open();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    it("stores documents with their metadata and record, and reads them back", () => withStore(async (store) => {
      const outcomes = await store.saveBatch(seed(), OPTIONS);
      expect(outcomes.map((o) => o.status)).toEqual(["new", "new"]);
      const north = await store.document(outcomes[0]?.id ?? -1);
      expect(north).toMatchObject({
        key: "north", source: "north.txt", url: "https://news.example/north", title: "Market shelled", published: "2026-02-01",
        retrievedAt: "2026-02-02T10:00:00.000Z", contentHash: contentHash(NORTH), duplicateOf: null, extractor: "test@1", events: 2, text: NORTH,
      });
      expect((await store.record(outcomes[0]?.id ?? -1))?.events.map((e) => e.type)).toEqual(["ASSAULT", "COERCE"]);
      expect(await store.counts()).toEqual({ documents: 2, duplicates: 0, events: 3, actors: 3, claims: 1 });
    }));

    it("finds a stored document by hash or URL; saving it again changes nothing", () => withStore(async (store) => {
      const [first] = await store.saveBatch(seed(), OPTIONS);
      const again = await store.saveBatch(seed(), OPTIONS);
      expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
      expect(again[0]?.id).toBe(first?.id);
      const edited = newDocument("north-2", `${NORTH} Updated.`, [], { url: "https://news.example/north" });
      expect((await store.saveBatch([edited], OPTIONS))[0]?.status).toBe("unchanged");
      expect(await store.findDocument(contentHash(SOUTH), null)).toBe(again[1]?.id);
      expect(await store.findDocument("0".repeat(64), "https://news.example/north")).toBe(first?.id);
      expect(await store.findDocument("0".repeat(64), "https://news.example/other")).toBeNull();
      expect((await store.counts()).events).toBe(3);
    }));

    it("links a lightly edited copy to the first one, without counting its events again", () => withStore(async (store) => {
      const events: EventSpec[] = [{ type: "ASSAULT", sentence: "Heavy fighting broke out on Monday", actor: ["Hill Front"] }];
      const [original] = await store.saveBatch([newDocument("wire", WIRE, events)], OPTIONS);
      const copy = `RIVER PORT (Daily Courier) - ${WIRE.replace("several thousand", "thousands of")} Reporting by our correspondent.`;
      const [syndicated, other] = await store.saveBatch([newDocument("copy", copy, events), newDocument("north", NORTH)], OPTIONS);
      expect(syndicated).toMatchObject({ status: "near-duplicate", duplicateOf: original?.id });
      expect(other?.status).toBe("new");
      expect(await store.counts()).toMatchObject({ documents: 3, duplicates: 1, events: 1 });
      expect((await store.document(syndicated?.id ?? -1))?.duplicateOf).toBe(original?.id);
      expect((await store.recordsToCheck(0, 10)).map((r) => r.id)).toEqual([original?.id, other?.id]);
    }));

    it("commits a batch whole or not at all", () => withStore(async (store) => {
      const bad = newDocument("bad", SOUTH, [{ type: "PROTEST", sentence: "Hundreds of students" }]);
      const record = bad.record as ExtractionRecord;
      record.events.push({ ...(record.events[0] as Event) }); // the same event id twice breaks a unique key
      await expect(store.saveBatch([newDocument("north", NORTH), bad], OPTIONS)).rejects.toBeInstanceOf(StoreError);
      expect(await store.counts()).toEqual({ documents: 0, duplicates: 0, events: 0, actors: 0, claims: 0 });
      expect(await store.findDocument(contentHash(NORTH), null)).toBeNull();
      expect((await store.saveBatch([newDocument("north", NORTH)], OPTIONS))[0]?.status).toBe("new");
    }));

    it("filters events by country, admin1, dates, type, actor, modality and text", () => withStore(async (store) => {
      await store.saveBatch(seed(), OPTIONS);
      const types = async (query: Parameters<Store["events"]>[0]) => (await store.events(query)).map((e) => e.type);
      expect(await types({})).toEqual(["PROTEST", "COERCE", "ASSAULT"]); // latest first
      expect(await types({ country: "afg" })).toEqual(["COERCE", "ASSAULT"]);
      expect(await types({ admin1: "kunduz" })).toEqual(["COERCE"]);
      expect(await types({ since: "2026-01-21", until: "2026-02-01" })).toEqual(["COERCE"]);
      expect(await types({ type: "ASSAULT" })).toEqual(["ASSAULT"]);
      expect(await types({ actor: "hill front" })).toEqual(["COERCE", "ASSAULT"]);
      expect(await types({ actor: "STUDENT UNION" })).toEqual(["PROTEST"]);
      expect(await types({ actor: "Hill" })).toEqual([]);
      expect(await types({ modality: "hypothetical" })).toEqual(["PROTEST"]);
      expect(await types({ text: "shelling markets" })).toEqual(["ASSAULT"]); // stemmed
      expect(await types({ text: '"border" crossing*' })).toEqual(["COERCE"]); // quotes and operators are not syntax
      expect(await types({ country: "AFG", type: "PROTEST" })).toEqual([]);
      expect(await types({ limit: 1 })).toEqual(["PROTEST"]);
    }));

    it("counts events per day, ISO week and month, split by type, country, actor or not at all", () => withStore(async (store) => {
      await store.saveBatch(weeks(), OPTIONS);
      const p = (period: string, events: number, fatalities: number) => ({ period, events, fatalities });
      expect(await store.timeSeries({}, { interval: "week", by: "country" })).toEqual({
        interval: "week", by: "country", series: [
          { key: "AFG", points: [p("2025-12-29", 1, 3), p("2026-01-05", 1, 0)] },
          { key: "PAK", points: [p("2026-01-05", 1, 1)] },
          { key: null, points: [p("2026-01-26", 1, 2)] },
        ],
      });
      expect((await store.timeSeries({}, { interval: "month", by: "type" })).series).toEqual([
        { key: "ASSAULT", points: [p("2026-01-01", 2, 3)] },
        { key: "COERCE", points: [p("2026-02-01", 1, 2)] },
        { key: "PROTEST", points: [p("2026-01-01", 1, 1)] },
      ]);
      expect((await store.timeSeries({}, { interval: "day", by: "none" })).series).toEqual([
        { key: "all", points: [p("2026-01-04", 1, 3), p("2026-01-05", 1, 0), p("2026-01-11", 1, 1), p("2026-02-01", 1, 2)] },
      ]);
      expect((await store.timeSeries({}, { interval: "week", by: "actor" })).series).toEqual([
        { key: "Hill Front", points: [p("2025-12-29", 1, 3), p("2026-01-05", 1, 0)] },
        { key: "Border Police", points: [p("2026-01-05", 1, 0)] },
        { key: "Student Union", points: [p("2026-01-05", 1, 1)] },
        { key: null, points: [p("2026-01-26", 1, 2)] },
      ]);
    }));

    it("counts only the events the filters keep, and the top series when asked", () => withStore(async (store) => {
      await store.saveBatch([...weeks(), ...seed()], OPTIONS);
      const series = async (query: Parameters<Store["events"]>[0], top?: number) =>
        (await store.timeSeries(query, { interval: "month", by: "type", ...(top === undefined ? {} : { top }) })).series
          .map((s) => `${s.key}:${s.points.map((x) => `${x.period}=${x.events}/${x.fatalities}`).join(",")}`);
      expect(await series({ country: "afg" })).toEqual(["ASSAULT:2026-01-01=3/3", "COERCE:2026-01-01=1/0"]);
      expect(await series({ actor: "border police" })).toEqual(["ASSAULT:2026-01-01=1/0", "COERCE:2026-01-01=1/0"]);
      expect(await series({ since: "2026-01-11", until: "2026-01-31" })).toEqual(["ASSAULT:2026-01-01=1/0", "COERCE:2026-01-01=1/0", "PROTEST:2026-01-01=1/1"]);
      expect(await series({ text: "depot" })).toEqual(["ASSAULT:2026-01-01=2/3"]);
      expect(await series({ modality: "hypothetical", limit: 1 })).toEqual(["PROTEST:2026-02-01=1/0"]);
      expect(await series({}, 2)).toEqual(["ASSAULT:2026-01-01=3/3", "COERCE:2026-01-01=1/0,2026-02-01=1/2"]); // COERCE ties PROTEST, first by key
      expect(await series({ country: "NZL" })).toEqual([]);
    }));

    it("finds words latest first, undated events last, with the other filters and a limit", () => withStore(async (store) => {
      const text = "Rebels shelled the airport at dawn. Troops shelled a ridge near the pass. Gunmen shelled a school in the valley. "
        + "Militia shelled the market later. Nobody was hurt.";
      await store.saveBatch([newDocument("shelling", text, [
        { type: "ASSAULT", sentence: "Rebels shelled the airport at dawn.", actor: ["Hill Front"], country: "AFG", date: "2026-01-04", deaths: 3 },
        { type: "ASSAULT", sentence: "Troops shelled a ridge near the pass.", country: "AFG", deaths: 5 },
        { type: "ASSAULT", sentence: "Gunmen shelled a school in the valley.", actor: ["Hill Front"], country: "PAK", date: "2025-12-30", deaths: 1 },
        { type: "ASSAULT", sentence: "Militia shelled the market later.", country: "AFG", date: "2026-01-04" },
        { type: "MOBILIZE", sentence: "Nobody was hurt.", country: "AFG", date: "2026-01-05", deaths: 9 },
      ])], OPTIONS);
      const words = async (query: Parameters<Store["events"]>[0]) => (await store.events(query)).map((e) => e.sentence.split(" ")[0]);
      expect(await words({ text: "shelling" })).toEqual(["Militia", "Rebels", "Gunmen", "Troops"]);
      // The same order as the listing without words: text only narrows it.
      expect(await words({ text: "shell" })).toEqual((await words({})).filter((w) => ["Militia", "Rebels", "Gunmen", "Troops"].includes(w ?? "")));
      expect(await words({ text: "shelled", country: "AFG" })).toEqual(["Militia", "Rebels", "Troops"]);
      expect(await words({ text: "shelled", actor: "HILL FRONT" })).toEqual(["Rebels", "Gunmen"]);
      expect(await words({ text: "shelled", until: "2026-01-01" })).toEqual(["Gunmen"]);
      expect(await words({ text: "shelled", since: "2026-01-01", type: "ASSAULT" })).toEqual(["Militia", "Rebels"]);
      expect(await words({ text: "shelled market", modality: "asserted" })).toEqual(["Militia"]);
      expect(await words({ text: "shelled", limit: 2 })).toEqual(["Militia", "Rebels"]);
      expect(await words({ text: "shelled", admin1: "Kunduz" })).toEqual([]);
      // By toll, highest first, toll-less last, with the other filters; a page by cursor goes on where the one before stopped.
      expect(await words({ text: "shelled", sort: "-fatalities" })).toEqual(["Troops", "Rebels", "Gunmen", "Militia"]);
      expect(await words({ text: "shelled", sort: "-fatalities", limit: 2 })).toEqual(["Troops", "Rebels"]);
      expect(await words({ text: "shelled", sort: "-fatalities", actor: "hill front", limit: 1 })).toEqual(["Rebels"]);
      expect(await words({ text: "shelled", sort: "-fatalities", since: "2026-01-01", limit: 1 })).toEqual(["Rebels"]);
      const [, second] = await store.events({ text: "shelled", sort: "-fatalities", limit: 2 });
      const after = { value: second?.fatalitiesLow ?? null, id: second?.id ?? 0 };
      expect(await words({ text: "shelled", sort: "-fatalities", limit: 2, after })).toEqual(["Gunmen", "Militia"]);
      expect(await words({ text: "shelled", sort: "-fatalities", limit: 1, after: { value: null, id: Number.MAX_SAFE_INTEGER } })).toEqual(["Militia"]);
    }));

    it("returns an event with its names, claim, evidence and sentence", () => withStore(async (store) => {
      const [north] = await store.saveBatch(seed(), OPTIONS);
      const [listed] = await store.events({ type: "COERCE" });
      const event = await store.event(listed?.id ?? -1);
      expect(event).toMatchObject({
        documentId: north?.id, localId: "e2", actors: ["Border Police"], recipients: ["Hill Front"], claim: null,
        country: "AFG", admin1: "Kunduz", dateStart: "2026-01-22", dateEnd: "2026-01-22", modality: "asserted",
      });
      const [start, end] = event?.evidence[0] ?? [0, 0];
      expect(event?.sentence).toBe(NORTH.slice(start, end));
      expect((await store.events({ type: "ASSAULT" }))[0]?.claim).toBe("c1");
      expect(await store.event(999_999)).toBeNull();
    }));

    it("pages through every matching event in id order, with sides, claim, document and place", () => withStore(async (store) => {
      const [north, south] = await store.saveBatch(seed(), OPTIONS);
      const pages: Array<Array<{ id: number; type: string }>> = [];
      for await (const page of store.eventPages({ limit: 1 }, 2)) pages.push(page.map((e) => ({ id: e.id, type: e.type })));
      expect(pages.map((page) => page.map((e) => e.type))).toEqual([["ASSAULT", "COERCE"], ["PROTEST"]]); // limit ignored
      const ids = pages.flat().map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const all = [];
      for await (const page of store.eventPages({ country: "AFG" })) all.push(...page);
      expect(all.map((e) => e.type)).toEqual(["ASSAULT", "COERCE"]);
      const [assault, coerce] = all;
      expect(assault).toMatchObject({
        documentId: north?.id, admin2: null, precision: "admin1", injuriesLow: null,
        actorParties: [{ localId: "a1", name: "Hill Front", kind: "armed_group", country: null }], recipientParties: [],
        claimSource: { speaker: "a provincial spokesman", kind: "anonymous_official", name: null, hedged: true },
        document: { key: "north", source: "north.txt", url: "https://news.example/north", title: "Market shelled", published: "2026-02-01" },
      });
      expect(coerce).toMatchObject({ claimSource: null, recipientParties: [{ name: "Hill Front" }], actorParties: [{ name: "Border Police" }] });
      const byActor = [];
      for await (const page of store.eventPages({ actor: "student union" })) byActor.push(...page);
      expect(byActor.map((e) => [e.documentId, e.modality])).toEqual([[south?.id, "hypothetical"]]);
      let none = 0;
      for await (const page of store.eventPages({ text: "journalists", type: "ASSAULT" })) none += page.length;
      expect(none).toBe(0);
    }));

    it("keeps imported events apart, by source; a file is imported whole or not at all, and once", () => withStore(async (store) => {
      await store.saveBatch(seed(), OPTIONS);
      const row = (sourceId: string, country: string, date: string, line: number): ImportedEvent => ({
        sourceId, line, dateStart: date, dateEnd: date, eventType: "Battles", subEventType: "Armed clash", ploverType: null, mode: null, modality: null,
        actors: ["Hill Front"], recipients: ["Border Police", "Militia"], country, admin1: "Kunduz", admin2: null, place: "Kunduz", lat: 36.7, lon: 68.9,
        fatalitiesLow: 3, fatalitiesHigh: 3, notes: "Fighting near the bridge.", fields: { event_id: sourceId, country },
      });
      async function* rows(...events: ImportedEvent[]) { yield* events; }
      async function* broken() {
        yield row("AFG9", "AFG", "2026-01-09", 2);
        throw new InputError("bad.csv", 3, "4 fields, the header has 5");
      }
      const file = (hash: string, source: "acled" | "ucdp" = "acled") => ({ source, path: `${hash}.csv`, contentHash: hash, importedAt: "2026-02-03T09:00:00.000Z" });
      const first = await store.importEvents(file("h1"), rows(row("AFG1", "AFG", "2026-01-10", 2), row("PAK1", "PAK", "2026-01-12", 3)));
      expect(first).toMatchObject({ status: "imported", events: 2 });
      expect(await store.importEvents(file("h1"), rows(row("AFG2", "AFG", "2026-01-11", 2)))).toEqual({ status: "unchanged", fileId: first.fileId, events: 0 });
      await expect(store.importEvents(file("h2"), broken())).rejects.toThrow("bad.csv:3: 4 fields, the header has 5");
      await store.importEvents(file("h3"), rows({ ...row("AFG1", "AFG", "2026-01-10", 5), fatalitiesLow: 4, fatalitiesHigh: null }));
      await store.importEvents(file("h4", "ucdp"), rows(row("101", "AFG", "2026-01-10", 2)));
      const read = async (query: Parameters<Store["importedPages"]>[0], size?: number) => {
        const all = [];
        for await (const page of store.importedPages(query, size)) all.push(...page);
        return all;
      };
      const acled = await read({ source: "acled" }, 1);
      expect(acled.map((e) => [e.sourceId, e.line, e.fatalitiesLow, e.fatalitiesHigh])).toEqual([["AFG1", 5, 4, null], ["PAK1", 3, 3, 3]]);
      expect(acled[1]).toMatchObject({ source: "acled", actors: ["Hill Front"], recipients: ["Border Police", "Militia"], lat: 36.7, fields: { event_id: "PAK1", country: "PAK" } });
      expect((await read({ source: "acled", country: "pak" })).map((e) => e.sourceId)).toEqual(["PAK1"]);
      expect((await read({ source: "acled", admin1: "KUNDUZ", since: "2026-01-11", until: "2026-01-31" })).map((e) => e.sourceId)).toEqual(["PAK1"]);
      expect((await read({ source: "ucdp" })).map((e) => e.sourceId)).toEqual(["101"]);
      expect(await store.counts()).toMatchObject({ events: 3 }); // the extracted events only
    }));

    it("summarises actors and searches documents", () => withStore(async (store) => {
      await store.saveBatch(seed(), OPTIONS);
      const actors = await store.actors({});
      expect(actors[0]).toEqual({ name: "Hill Front", kind: "armed_group", country: null, documents: 1, events: 2 });
      expect((await store.actors({ name: "border police" })).map((a) => a.name)).toEqual(["Border Police"]);
      expect((await store.documents({ text: "journalists" })).map((d) => d.key)).toEqual(["south"]);
      expect((await store.documents({ text: "shelled" })).map((d) => d.key)).toEqual(["north"]);
      expect((await store.documents({})).map((d) => d.key)).toEqual(["south", "north"]);
      expect((await store.documents({ until: "2026-02-03" })).map((d) => d.key)).toEqual(["north"]);
    }));

    it("replaces a record: the old rows go, the new ones come, with the new extractor", () => withStore(async (store) => {
      const [north] = await store.saveBatch(seed(), OPTIONS);
      const id = north?.id ?? -1;
      const record = recordOf("north", NORTH, [{ type: "MOBILIZE", sentence: "Police arrested four suspects", actor: ["Police"] }], "test@2");
      await store.replaceRecord(id, record);
      expect((await store.events({ country: "AFG" }))).toEqual([]);
      expect((await store.events({ type: "MOBILIZE" })).map((e) => e.actors)).toEqual([["Police"]]);
      expect((await store.actors({ name: "Hill Front" }))).toEqual([]);
      expect((await store.document(id))?.extractor).toBe("test@2");
      expect(await store.counts()).toMatchObject({ documents: 2, events: 2, claims: 0 });
      await expect(store.replaceRecord(999_999, record)).rejects.toBeInstanceOf(StoreError);
    }));

    it("keeps a feed's polling state and the items read from it, per feed", () => withStore(async (store) => {
      const feed = "https://wire.example/rss";
      expect(await store.feedState(feed)).toBeNull();
      expect(await store.seenFeedItems(feed, ["a"])).toEqual(new Set());
      const polled: FeedState = {
        url: feed, etag: '"v1"', lastModified: "Tue, 03 Mar 2026 10:00:00 GMT", polledAt: "2026-03-03T10:00:05.000Z",
        status: 200, error: null, failures: 0,
      };
      await store.recordFeedPoll(polled, ["guid-1", "https://wire.example/2", "guid-1"]);
      await store.recordFeedPoll({ ...polled, url: "https://other.example/atom" }, ["guid-3"]);
      expect(await store.feedState(feed)).toEqual(polled);
      expect(await store.seenFeedItems(feed, ["guid-1", "guid-3", "https://wire.example/2", "new"]))
        .toEqual(new Set(["guid-1", "https://wire.example/2"]));
      expect(await store.seenFeedItems(feed, [])).toEqual(new Set());

      // A failed poll keeps the validators and the items, and counts the failure.
      const failed: FeedState = { ...polled, polledAt: "2026-03-03T10:15:00.000Z", status: 404, error: "HTTP 404 Not Found", failures: 1 };
      await store.recordFeedPoll(failed, []);
      expect(await store.feedState(feed)).toEqual(failed);
      await store.recordFeedPoll({ ...failed, status: null, error: "no complete answer within 30 s", failures: 2 }, ["guid-1", "guid-4"]);
      expect(await store.feedState(feed)).toMatchObject({ status: null, failures: 2, etag: '"v1"' });
      expect(await store.seenFeedItems(feed, ["guid-1", "guid-4"])).toEqual(new Set(["guid-1", "guid-4"]));
      expect(await store.seenFeedItems("https://other.example/atom", ["guid-1", "guid-3"])).toEqual(new Set(["guid-3"]));
    }));

    viewsContract((test) => () => withStore(test));
    countsContract((test) => () => withStore(test));
  });
}
