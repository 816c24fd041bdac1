/**
 * The store's contract, third part: facets, date ranges and time series read from the rollups
 * (counts.ts) equal what the events themselves give, counted here from the event listing, for
 * combinations of filters, after batches, re-extractions (rows deleted and written again) and
 * corrections. Run by `storeContract` for every driver.
 */
import { expect, it } from "vitest";
import type { ExtractionRecord } from "../core/index.js";
import { NEAR_DUPLICATE_THRESHOLD } from "../ingest/index.js";
import type { EventFilter } from "./event-filter.js";
import { newDocument, recordOf, type EventSpec } from "./store.contract.js";
import type { Facets, Interval, Store, StoredEvent, TimeSeriesOptions } from "./store.js";
import { ALL_KEY, toTimeSeries } from "./time-series.js";

const OPTIONS = { nearDuplicateThreshold: NEAR_DUPLICATE_THRESHOLD };

const BORDER = "Gunmen raided a border post at night. Rebels shelled the border post again. Police detained two smugglers at the crossing. "
  + "Villagers protested the curfew outside the governor's office. The army said it would retake the pass soon.";
const BORDER_EVENTS: EventSpec[] = [
  { type: "ASSAULT", sentence: "Gunmen raided a border post at night.", actor: ["Hill Front"], country: "AFG", admin1: "Balkh", date: "2026-01-04", deaths: 3 },
  { type: "ASSAULT", sentence: "Rebels shelled the border post again.", actor: ["Hill Front"], country: "AFG", admin1: "Balkh", date: "2026-01-04", deaths: 2 },
  { type: "COERCE", sentence: "Police detained two smugglers at the crossing.", actor: ["Border Police"], country: "AFG", admin1: "Kunduz",
    date: "2026-01-05", end: "2026-01-19" },
  { type: "PROTEST", sentence: "Villagers protested the curfew outside the governor's office.", country: "PAK", admin1: "Sindh", date: "2026-02-01",
    modality: "hypothetical", deaths: 1 },
  { type: "ASSAULT", sentence: "The army said it would retake the pass soon.", actor: ["Army"], country: "AFG", modality: "negated", deaths: 4 },
];
const VALLEY = "Troops shelled the valley road in the morning. Militants attacked a convoy near the river. Students marched in the capital.";
const VALLEY_EVENTS: EventSpec[] = [
  { type: "ASSAULT", sentence: "Troops shelled the valley road in the morning.", actor: ["Army"], recipient: ["Hill Front"], country: "AFG",
    admin1: "Balkh", date: "2026-01-04", deaths: 5 },
  { type: "ASSAULT", sentence: "Militants attacked a convoy near the river.", actor: ["Hill Front"], country: null, date: "2025-12-29", end: "2026-01-02" },
  { type: "PROTEST", sentence: "Students marched in the capital.", actor: ["Student Union"], country: "PAK", admin1: "Punjab", date: "2026-03-31" },
];

/** Filter combinations: each rollup field alone and together, and filters only the events hold. */
const FILTERS: EventFilter[] = [
  {}, { country: "afg" }, { admin1: "balkh" }, { type: "ASSAULT" }, { modality: "asserted" }, { since: "2026-01-10" }, { until: "2026-01-04" },
  { since: "2026-01-05", until: "2026-02-01" }, { country: "AFG", type: "ASSAULT", since: "2026-01-01" }, { country: "PAK", modality: "hypothetical", until: "2026-03-01" },
  { actor: "Hill Front" }, { text: "shelled" }, { country: "NOR" },
];
const SERIES: TimeSeriesOptions[] = (["day", "week", "month"] as Interval[]).flatMap((interval) =>
  (["none", "type", "country"] as const).map((by) => ({ interval, by })));

/** Every event matching `filter`, from the events table. */
const listed = (store: Store, filter: EventFilter): Promise<StoredEvent[]> => store.events({ ...filter, limit: 10_000 });

const omit = (filter: EventFilter, key: keyof EventFilter): EventFilter => Object.fromEntries(Object.entries(filter).filter(([k]) => k !== key));

function counted<K>(events: readonly StoredEvent[], keyOf: (e: StoredEvent) => K | null): Array<{ key: K; count: number }> {
  const counts = new Map<string, { key: K; count: number }>();
  for (const e of events) {
    const key = keyOf(e);
    if (key === null) continue;
    const id = JSON.stringify(key);
    counts.set(id, { key, count: (counts.get(id)?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
}

/** The facets of `filter` counted from the event listing. */
async function expectedFacets(store: Store, filter: EventFilter): Promise<Facets> {
  const dated = await listed(store, omit(omit(filter, "since"), "until"));
  const starts = dated.flatMap((e) => (e.dateStart === null ? [] : [e.dateStart])).sort();
  const ends = dated.flatMap((e) => (e.dateEnd === null ? [] : [e.dateEnd])).sort();
  return {
    countries: counted(await listed(store, omit(filter, "country")), (e) => e.country).map(({ key, count }) => ({ code: key, count })),
    admin1: counted(await listed(store, omit(filter, "admin1")), (e) => (e.country === null || e.admin1 === null ? null : [e.country, e.admin1] as const))
      .map(({ key, count }) => ({ country: key[0], name: key[1], count })),
    types: counted(await listed(store, omit(filter, "type")), (e) => e.type).map(({ key, count }) => ({ type: key, count })),
    modalities: counted(await listed(store, omit(filter, "modality")), (e) => e.modality).map(({ key, count }) => ({ modality: key, count })),
    dateRange: starts.length === 0 || ends.length === 0 ? null : { min: starts[0] ?? "", max: ends[ends.length - 1] ?? "" },
  };
}

/** The first day of the period holding `day` (weeks start on Monday). */
function periodOf(day: string, interval: Interval): string {
  if (interval === "day") return day;
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Checks every view the rollups answer, for every filter combination, against the listing. */
async function expectCountsAsListed(store: Store): Promise<void> {
  // The actor listing (actor_counts) against each name's own summary, counted from its rows and links.
  const actors = await store.actors({ limit: 1000 });
  for (const name of new Set(actors.map((a) => a.name))) {
    expect(actors.filter((a) => a.name === name), name).toEqual(await store.actors({ name, limit: 1000 }));
  }
  for (const filter of FILTERS) {
    expect(await store.facets(filter), JSON.stringify(filter)).toEqual(await expectedFacets(store, filter));
    const events = await listed(store, filter);
    for (const options of SERIES) {
      const rows = new Map<string, { key: string | null; period: string; events: number; fatalities: number }>();
      for (const e of events) {
        if (e.dateStart === null) continue;
        const key = options.by === "type" ? e.type : options.by === "country" ? e.country : ALL_KEY;
        const period = periodOf(e.dateStart, options.interval);
        const row = rows.get(`${key}|${period}`) ?? { key, period, events: 0, fatalities: 0 };
        row.events += 1;
        row.fatalities += e.fatalitiesLow ?? 0;
        rows.set(`${key}|${period}`, row);
      }
      expect(await store.timeSeries(filter, options), `${JSON.stringify(filter)} ${JSON.stringify(options)}`).toEqual(toTimeSeries([...rows.values()], options));
      // The top series alone (chosen from the rollups when they hold the filters), ties by key, null last.
      for (const top of [1, 2]) {
        expect(await store.timeSeries(filter, { ...options, top }), `${JSON.stringify(filter)} ${JSON.stringify(options)} top ${top}`)
          .toEqual(toTimeSeries([...rows.values()], { ...options, top }));
      }
    }
  }
}

/** The counts' tests, inside `storeContract`'s describe; `withStore` opens a fresh archive for each. */
export function countsContract(withStore: (test: (store: Store) => Promise<void>) => () => Promise<void>): void {
  it("counts facets and series as the events do, after batches and re-extractions", withStore(async (store) => {
    const [border] = await store.saveBatch([newDocument("border", BORDER, BORDER_EVENTS)], OPTIONS);
    await expectCountsAsListed(store);
    // Two actor rows of one name in one document, both sides of one event: one document, one event.
    const twice = newDocument("valley", VALLEY, VALLEY_EVENTS);
    const record = twice.record as ExtractionRecord;
    const army = record.actors.find((a) => a.name === "Army");
    if (army === undefined) throw new Error("no Army in the record");
    record.actors.push({ ...army, id: "a9" });
    record.events[0]?.recipient.push("a9");
    record.events[1]?.actor.push("a9");
    const [valley] = await store.saveBatch([twice], OPTIONS);
    expect((await store.actors({ name: "Army" })).map((a) => [a.documents, a.events])).toEqual([[2, 3]]);
    expect((await store.facets({})).countries).toEqual([{ code: "AFG", count: 5 }, { code: "PAK", count: 2 }]);
    await expectCountsAsListed(store);
    // Re-extraction: the border post's events go (one key emptied, one thinned), one moves to another day and type.
    await store.replaceRecord(border?.id ?? 0, recordOf("border", BORDER, [
      { ...BORDER_EVENTS[0] as EventSpec, type: "COERCE", date: "2026-01-06", deaths: 8 }, BORDER_EVENTS[3] as EventSpec,
    ], "test@2"));
    expect((await store.facets({ country: "AFG" })).types).toEqual([{ type: "ASSAULT", count: 1 }, { type: "COERCE", count: 1 }]);
    await expectCountsAsListed(store);
    await store.replaceRecord(valley?.id ?? 0, recordOf("valley", VALLEY, [], "test@2"));
    await expectCountsAsListed(store);
    await store.replaceRecord(valley?.id ?? 0, recordOf("valley", VALLEY, VALLEY_EVENTS, "test@3"));
    await expectCountsAsListed(store);
  }));

  it("counts facets and series as the events do when corrections leave events out or merge actors", withStore(async (store) => {
    const [border] = await store.saveBatch([newDocument("border", BORDER, BORDER_EVENTS), newDocument("valley", VALLEY, VALLEY_EVENTS)], OPTIONS);
    const at = "2026-03-01T00:00:00.000Z";
    // One of two events sharing every counted field, and the only event of another key.
    const [raid] = await store.events({ text: "raided" });
    const [march] = await store.events({ text: "marched" });
    await store.addCorrection({ kind: "event-wrong", eventId: raid?.id ?? 0 }, null, at);
    await store.addCorrection({ kind: "event-wrong", eventId: raid?.id ?? 0, note: "twice" }, null, at);
    await store.addCorrection({ kind: "event-wrong", eventId: march?.id ?? 0 }, null, at);
    const dates = await store.facets({ country: "PAK" });
    expect(dates.dateRange).toEqual({ min: "2026-02-01", max: "2026-02-01" });
    expect((await store.timeSeries({ admin1: "Balkh" }, { interval: "day", by: "none" })).series[0]?.points)
      .toEqual([{ period: "2026-01-04", events: 2, fatalities: 7 }]);
    await expectCountsAsListed(store);
    await store.addCorrection({ kind: "merge-actors", from: "Student Union", into: "Hill Front" }, null, at);
    await expectCountsAsListed(store);
    // Re-extracted, the events marked wrong stay out.
    await store.replaceRecord(border?.id ?? 0, recordOf("border", BORDER, BORDER_EVENTS, "test@2"));
    await expectCountsAsListed(store);
  }));
}
