/**
 * The store's contract, second part: the views the HTTP API serves (pages and orders of events,
 * bounding boxes, facets, the actor network, one actor, claims, speakers, statistics). Run by
 * `storeContract` for every driver.
 */
import { expect, it } from "vitest";
import type { Actor, Claim, Event, ExtractionRecord } from "../core/index.js";
import { NotFoundError } from "../core/index.js";
import { contentHash, minHash, NEAR_DUPLICATE_THRESHOLD } from "../ingest/index.js";
import { eventSortValue } from "./queries.js";
import type { Cursor, EventQuery, EventSort, NewDocument, Store, StoredEvent } from "./store.js";

const OPTIONS = { nearDuplicateThreshold: NEAR_DUPLICATE_THRESHOLD };

const RAID = "Hill Front fighters raided Kala village on Monday, killing six guards. Border Police detained two of the raiders near Kandahar. "
  + "Police officials said the Hill Front is directed by the Valley Council. The ministry counted 40 attacks in the province this year.";
const MARCH = "Students of the Student Union marched in Karachi on Friday. Hill Front gunmen later fired on the marchers, killing two.";

const span = (text: string, words: string): [number, number] => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return [start, start + words.length];
};

function actor(text: string, id: string, name: string, kind: Actor["kind"], mention: string): Actor {
  return { id, name, aliases: [name.toUpperCase()], kind, country: "AFG", parent: null, mentions: [span(text, mention)] };
}

interface EventArgs {
  type: Event["type"]; actor: string[]; recipient: string[]; words: string; date: string | null;
  place: [lat: number, lon: number, country: string] | null; killed: number | null; claim?: string;
}

function event(text: string, id: string, a: EventArgs): Event {
  return {
    id, type: a.type, mode: null, actor: a.actor, recipient: a.recipient, modality: "asserted",
    date: a.date === null ? null : { start: a.date, end: a.date },
    location: a.place === null ? null : { name: "somewhere", country: a.place[2], admin1: null, admin2: null, lat: a.place[0], lon: a.place[1], precision: "point" },
    fatalities: a.killed === null ? null : { low: a.killed, high: a.killed }, injuries: null, claim: a.claim ?? null, evidence: [span(text, a.words)],
  };
}

function raidRecord(): ExtractionRecord {
  const claim: Claim = {
    id: "c1", speaker: { text: "Police officials", kind: "anonymous_official", organization: null, name: null }, hedged: false,
    evidence: [span(RAID, "Police officials said the Hill Front is directed by the Valley Council.")],
  };
  return {
    id: "raid", published: "2026-01-13", extractor: "test@1",
    actors: [
      actor(RAID, "a1", "Hill Front", "armed_group", "Hill Front"), actor(RAID, "a2", "Border Police", "police", "Border Police"),
      actor(RAID, "a3", "Valley Council", "armed_group", "Valley Council"),
    ],
    events: [
      event(RAID, "e1", { type: "ASSAULT", actor: ["a1"], recipient: ["a2"], words: "Hill Front fighters raided Kala village", date: "2026-01-12",
        place: [34.5, 69.2, "AFG"], killed: 6, claim: "c1" }),
      event(RAID, "e2", { type: "COERCE", actor: ["a2"], recipient: ["a1"], words: "Border Police detained two of the raiders", date: "2026-01-13",
        place: [31.6, 65.7, "AFG"], killed: null }),
    ],
    claims: [claim],
    relations: [{ type: "directs", actor: "a3", recipient: "a1", modality: "asserted", claim: "c1", evidence: [span(RAID, "the Hill Front is directed by the Valley Council")] }],
    statistics: [{ subject: "a1", measure: "attacks", value: 40, period: { start: "2026-01-01", end: "2026-12-31" }, claim: null,
      evidence: [span(RAID, "The ministry counted 40 attacks in the province this year.")] }],
    places: [],
  };
}

function marchRecord(): ExtractionRecord {
  return {
    id: "march", published: "2026-02-07", extractor: "test@1",
    actors: [actor(MARCH, "a1", "Student Union", "civilians", "Student Union"), actor(MARCH, "a2", "Hill Front", "armed_group", "Hill Front")],
    events: [
      event(MARCH, "e1", { type: "PROTEST", actor: ["a1"], recipient: [], words: "Students of the Student Union marched in Karachi", date: "2026-02-06",
        place: [24.9, 67.0, "PAK"], killed: 0 }),
      event(MARCH, "e2", { type: "ASSAULT", actor: ["a2"], recipient: ["a1"], words: "Hill Front gunmen later fired on the marchers", date: null,
        place: null, killed: 2 }),
    ],
    claims: [], relations: [], statistics: [], places: [],
  };
}

function doc(key: string, text: string, record: ExtractionRecord, published: string): NewDocument {
  return {
    key, source: `${key}.txt`, url: `https://news.example/${key}`, title: key, published, retrievedAt: `${published}T12:00:00.000Z`,
    text, contentHash: contentHash(text), signature: minHash(text), record,
  };
}

/** Stores the two documents the views' tests read (a raid with a claim, a relation and a statistic; a march). */
export async function seedViews(store: Store): Promise<void> {
  await store.saveBatch([doc("raid", RAID, raidRecord(), "2026-01-13"), doc("march", MARCH, marchRecord(), "2026-02-07")], OPTIONS);
}

/** Every page of `query` in `sort`, `size` rows a page, walked by cursor. */
async function walk(store: Store, query: EventQuery, sort: EventSort, size: number): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after: Cursor | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await store.events({ ...query, sort, limit: size, ...(after ? { after } : {}) });
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < size || last === undefined) break;
    after = { value: eventSortValue(last, sort), id: last.id };
  }
  return all;
}

/** The views' tests, inside `storeContract`'s describe; `withStore` opens a fresh archive for each. */
export function viewsContract(withStore: (test: (store: Store) => Promise<void>) => () => Promise<void>): void {
  const seeded = (test: (store: Store) => Promise<void>) => withStore(async (store) => {
    await seedViews(store);
    await test(store);
  });
  const words = (events: readonly StoredEvent[]) => events.map((e) => e.sentence.split(" ").slice(0, 2).join(" "));

  it("orders events by date, toll or id, undated and toll-less last, and walks every page once", seeded(async (store) => {
    expect(words(await walk(store, {}, "-date", 1))).toEqual(["Students of", "Border Police", "Hill Front", "Hill Front"]);
    expect(words(await walk(store, {}, "date", 2))).toEqual(["Hill Front", "Border Police", "Students of", "Hill Front"]);
    expect((await walk(store, {}, "-fatalities", 1)).map((e) => e.fatalitiesLow)).toEqual([6, 2, 0, null]);
    expect((await walk(store, {}, "fatalities", 3)).map((e) => e.fatalitiesLow)).toEqual([0, 2, 6, null]);
    const byId = await walk(store, {}, "id", 1);
    expect(byId.map((e) => e.id)).toEqual([...byId.map((e) => e.id)].sort((a, b) => a - b));
    expect(new Set(byId.map((e) => e.id)).size).toBe(4);
    expect(words(await walk(store, { actor: "hill front" }, "-date", 1))).toEqual(["Border Police", "Hill Front", "Hill Front"]);
    expect(words(await walk(store, { actor: "hill front" }, "-fatalities", 1))).toEqual(["Hill Front", "Hill Front", "Border Police"]);
  }));

  it("gives each event its document, and filters by a bounding box", seeded(async (store) => {
    const [latest] = await store.events({ limit: 1 });
    expect(latest?.document).toMatchObject({ title: "march", url: "https://news.example/march", source: "march.txt", published: "2026-02-07" });
    expect(words(await store.events({ bbox: [60, 29, 75, 38] }))).toEqual(["Border Police", "Hill Front"]);
    expect(words(await store.events({ bbox: [66, 30, 75, 38], type: "ASSAULT" }))).toEqual(["Hill Front"]);
    expect(await store.events({ bbox: [170, -10, -170, 10] })).toEqual([]);
    expect(words(await store.events({ bbox: [60, 20, -170, 38] }))).toEqual(["Students of", "Border Police", "Hill Front"]);
  }));

  it("counts facets of the events in view, each ignoring its own filter", seeded(async (store) => {
    const all = await store.facets({});
    expect(all.countries).toEqual([{ code: "AFG", count: 2 }, { code: "PAK", count: 1 }]);
    expect(all.types).toEqual([{ type: "ASSAULT", count: 2 }, { type: "COERCE", count: 1 }, { type: "PROTEST", count: 1 }]);
    expect(all.dateRange).toEqual({ min: "2026-01-12", max: "2026-02-06" });
    const afghan = await store.facets({ country: "AFG", type: "ASSAULT" });
    expect(afghan.countries).toEqual([{ code: "AFG", count: 1 }]); // the type filter applies, the country filter not
    expect(afghan.types).toEqual([{ type: "ASSAULT", count: 1 }, { type: "COERCE", count: 1 }]);
    expect(afghan.modalities).toEqual([{ modality: "asserted", count: 1 }]);
    expect((await store.facets({ since: "2026-02-01" })).dateRange).toEqual({ min: "2026-01-12", max: "2026-02-06" });
    expect((await store.facets({ country: "NOR" })).types).toEqual([]);
  }));

  it("draws the network: event edges by type, and standing relations among its actors", seeded(async (store) => {
    const network = await store.network({}, { limit: 10, sample: 100 });
    expect(network.nodes.find((n) => n.name === "Hill Front")).toEqual({ id: "Hill Front", name: "Hill Front", kind: "armed_group", country: "AFG", events: 3 });
    const assaults = network.edges.filter((e) => e.kind === "event" && e.type === "ASSAULT").map((e) => [e.source, e.target, e.count]);
    expect(assaults.sort()).toEqual([["Hill Front", "Border Police", 1], ["Hill Front", "Student Union", 1]]);
    expect(network.edges.find((e) => e.kind === "directs")).toMatchObject({ source: "Valley Council", target: "Hill Front", type: null, count: 1 });
    expect(network.nodes.map((n) => n.name)).toContain("Valley Council");
    expect(network).toMatchObject({ events: 4, truncated: false });
    const small = await store.network({ type: "ASSAULT" }, { limit: 1, sample: 1 });
    expect(small).toMatchObject({ events: 1, truncated: true });
    expect(small.nodes.map((n) => n.name)).toEqual(["Border Police"]); // one event, two actors of one event each: by name
    const [edge] = (await store.network({ country: "PAK" }, { limit: 10, sample: 10 })).edges;
    expect(edge).toBeUndefined(); // a protest with no recipient draws no edge
  }));

  it("describes one actor by name or alias: kind, counts, aliases, relations and mentions in context", seeded(async (store) => {
    const detail = await store.actor("HILL FRONT");
    expect(detail).toMatchObject({ name: "Hill Front", kind: "armed_group", country: "AFG", documents: 2, events: 3, aliases: ["HILL FRONT"] });
    expect(detail?.relations.map((r) => [r.type, r.actor, r.recipient, r.text])).toEqual([["directs", "Valley Council", "Hill Front", "the Hill Front is directed by the Valley Council"]]);
    expect(detail?.mentions.map((m) => m.document.title)).toEqual(["march", "raid"]);
    for (const mention of detail?.mentions ?? []) {
      expect(mention.text).toBe("Hill Front");
      expect(mention.context.text.slice(mention.start - mention.context.start, mention.end - mention.context.start)).toBe("Hill Front");
    }
    expect(detail?.mentions[1]?.context.text).toBe("Hill Front fighters raided Kala village on Monday, killing six guards.");
    expect(await store.actor("Hill")).toBeNull();
  }));

  it("lists claims and speakers, narrowed by the events resting on them", seeded(async (store) => {
    const [claim] = await store.claims({});
    expect(claim).toMatchObject({ localId: "c1", speaker: "Police officials", speakerKind: "anonymous_official", hedged: false,
      text: "Police officials said the Hill Front is directed by the Valley Council.", document: { title: "raid" } });
    expect(await store.claims({ country: "PAK" })).toEqual([]);
    expect(await store.claims({ hedged: true })).toEqual([]);
    expect((await store.claims({ type: "ASSAULT", speakerKind: "anonymous_official" })).length).toBe(1);
    expect(await store.claims({ after: { value: null, id: claim?.id ?? 0 } })).toEqual([]);
    expect(await store.speakers({})).toEqual([{ speaker: "Police officials", kind: "anonymous_official", claims: 1, hedged: 0 }]);
    expect(await store.speakers({ type: "PROTEST" })).toEqual([]);
  }));

  it("lists statistics with their subject by name, period and text, by measure and by the events of their document", seeded(async (store) => {
    const [stat] = await store.statistics({});
    expect(stat).toMatchObject({ subject: "Hill Front", measure: "attacks", value: 40, period: { start: "2026-01-01", end: "2026-12-31" },
      text: "The ministry counted 40 attacks in the province this year.", document: { title: "raid" } });
    expect(await store.statistics({ measure: "deaths" })).toEqual([]);
    expect((await store.statistics({ country: "AFG" })).length).toBe(1);
    expect(await store.statistics({ country: "PAK" })).toEqual([]);
  }));

  it("pages documents by cursor and actors by offset", seeded(async (store) => {
    const [first] = await store.documents({ limit: 1 });
    expect(first?.key).toBe("march");
    const rest = await store.documents({ limit: 5, after: { value: first?.published ?? null, id: first?.id ?? 0 } });
    expect(rest.map((d) => d.key)).toEqual(["raid"]);
    const actors = (await store.actors({})).map((a) => a.name);
    expect(actors[0]).toBe("Hill Front");
    expect((await store.actors({ offset: 1, limit: 100 })).map((a) => a.name)).toEqual(actors.slice(1));
  }));

  it("keeps tokens by hash: listed, found while live, revoked once", seeded(async (store) => {
    const reader = await store.createToken({ name: "desk", role: "reader", hash: "a".repeat(64), createdAt: "2026-03-01T00:00:00.000Z" });
    await store.createToken({ name: null, role: "admin", hash: "b".repeat(64), createdAt: "2026-03-02T00:00:00.000Z" });
    expect(reader).toEqual({ id: reader.id, name: "desk", role: "reader", createdAt: "2026-03-01T00:00:00.000Z", revokedAt: null });
    expect((await store.tokens()).map((t) => t.role)).toEqual(["reader", "admin"]);
    expect(await store.tokenByHash("a".repeat(64))).toEqual(reader);
    expect(await store.tokenByHash("c".repeat(64))).toBeNull();
    expect(await store.liveTokens()).toBe(2);
    expect(await store.revokeToken(reader.id, "2026-03-03T00:00:00.000Z")).toBe(true);
    expect(await store.revokeToken(reader.id, "2026-03-04T00:00:00.000Z")).toBe(false);
    expect(await store.tokenByHash("a".repeat(64))).toBeNull();
    expect([await store.liveTokens(), (await store.tokens())[0]?.revokedAt]).toEqual([1, "2026-03-03T00:00:00.000Z"]);
  }));

  it("applies corrections on read: an event marked wrong is left out, even after re-extraction", seeded(async (store) => {
    const [protest] = await store.events({ type: "PROTEST" });
    const at = "2026-03-01T00:00:00.000Z";
    const wrong = await store.addCorrection({ kind: "event-wrong", eventId: protest?.id ?? 0, note: "a rehearsal, not a march" }, "desk", at);
    expect(wrong).toMatchObject({ kind: "event-wrong", documentId: protest?.documentId, eventType: "PROTEST", evidence: protest?.evidence, note: "a rehearsal, not a march", createdBy: "desk" });
    expect(words(await store.events({}))).toEqual(["Border Police", "Hill Front", "Hill Front"]);
    expect((await store.facets({})).types.map((t) => t.type)).toEqual(["ASSAULT", "COERCE"]);
    expect((await store.network({}, { limit: 10, sample: 10 })).events).toBe(3);
    expect((await store.timeSeries({}, { interval: "month", by: "type" })).series.map((x) => x.key)).toEqual(["ASSAULT", "COERCE"]);
    await store.replaceRecord(protest?.documentId ?? 0, marchRecord()); // new rows, new ids, the same events
    expect((await store.events({ type: "PROTEST" })).length).toBe(0);
    expect((await store.events({ type: "ASSAULT" })).length).toBe(2);
    await expect(store.addCorrection({ kind: "event-wrong", eventId: 999_999 }, null, at)).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.corrections()).map((c) => c.kind)).toEqual(["event-wrong"]);
  }));

  it("applies corrections on read: an alias finds its actor, a merged actor shows under the other's name", seeded(async (store) => {
    const at = "2026-03-01T00:00:00.000Z";
    await store.addCorrection({ kind: "alias", actor: "Hill Front", alias: "HF" }, null, at);
    expect(words(await store.events({ actor: "hf" }))).toEqual(["Border Police", "Hill Front", "Hill Front"]);
    expect((await store.actor("HF"))?.name).toBe("Hill Front");
    expect((await store.actor("hill front"))?.aliases).toContain("hf");
    await store.addCorrection({ kind: "merge-actors", from: "Valley Council", into: "Hill Front" }, null, at);
    await store.addCorrection({ kind: "merge-actors", from: "Student Union", into: "Hill Front" }, null, at);
    const merged = await store.actor("Student Union");
    expect(merged).toMatchObject({ name: "Hill Front", documents: 2, events: 4 });
    expect(merged?.aliases).toEqual(expect.arrayContaining(["Student Union", "Valley Council"]));
    // The listing counts the merged actors' rows under the name they show as, by kind and country, each document and event once.
    const listing = await store.actors({});
    expect(listing.map((a) => [a.name, a.kind, a.documents, a.events])).toEqual([
      ["Hill Front", "armed_group", 2, 3], ["Border Police", "police", 1, 2], ["Hill Front", "civilians", 1, 2],
    ]);
    expect(await store.actors({ offset: 1, limit: 1 })).toEqual(listing.slice(1, 2));
    expect(await store.actors({ kind: "civilians" })).toEqual(listing.slice(2));
    expect(await store.actors({ name: "Valley Council" })).toEqual(listing.filter((a) => a.name === "Hill Front"));
    expect(await store.actors({ name: "border police" })).toEqual(listing.slice(1, 2));
    expect((await store.events({ actor: "Hill Front" })).length).toBe(4);
    // A word search by the merged actor finds the events of every name merged into it.
    expect((await store.events({ actor: "Hill Front", text: "marched" })).map((e) => e.type)).toEqual(["PROTEST"]);
    expect((await store.events({ type: "PROTEST" }))[0]?.actors).toEqual(["Hill Front"]);
    const network = await store.network({}, { limit: 10, sample: 10 });
    expect(network.nodes.map((n) => n.name).sort()).toEqual(["Border Police", "Hill Front"]);
    await store.replaceRecord((await store.events({ type: "PROTEST" }))[0]?.documentId ?? 0, marchRecord());
    expect((await store.events({ actor: "hf", type: "PROTEST" })).map((e) => e.actors)).toEqual([["Hill Front"]]);
  }));
}
