import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exchangeArchive } from "../export/exchange.fixture.js";
import { exportEvents, loadExchangeTables, type ExportFormat } from "../export/index.js";
import type { ExchangeEvent, ImportSource, Store, StoredImportedEvent } from "../store/index.js";
import { compareEvents, importFile, type CompareRow } from "./index.js";

const tables = loadExchangeTables();
// Each test has an archive of its own (the fixture's documents), so none sees another's imports.
let store: Store;
let dir: string;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, dir, close } = await exchangeArchive());
});
afterEach(async () => close());

async function exportTo(format: ExportFormat, name: string): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  await exportEvents(store, format, {}, out, { tables });
  out.end();
  await finished(out);
  return path;
}

async function imported(source: ImportSource): Promise<StoredImportedEvent[]> {
  const all: StoredImportedEvent[] = [];
  for await (const page of store.importedPages({ source })) all.push(...page);
  return all;
}

async function sitrepEvents(): Promise<ExchangeEvent[]> {
  const all: ExchangeEvent[] = [];
  for await (const page of store.eventPages({})) all.push(...page);
  return all;
}

/** What a round trip must keep of an event. */
const facts = (e: ExchangeEvent | StoredImportedEvent) => ({
  dateStart: e.dateStart, dateEnd: e.dateEnd, mode: e.mode, modality: e.modality, country: e.country, admin1: e.admin1,
  admin2: e.admin2, lat: e.lat, lon: e.lon, fatalitiesLow: e.fatalitiesLow, fatalitiesHigh: e.fatalitiesHigh,
  actors: "actorParties" in e ? e.actors : e.actors, recipients: e.recipients,
  type: "ploverType" in e ? e.ploverType : e.type,
  place: e.place,
  text: "sentence" in e ? e.sentence : e.notes,
});

/** Imports `text` as a file; resolves to the error message, or null when it was imported. */
async function importText(source: ImportSource, name: string, text: string | Uint8Array): Promise<string | null> {
  const path = join(dir, name);
  await writeFile(path, text);
  try {
    await importFile(store, source, path, tables);
    return null;
  } catch (error) {
    return (error as Error).message.replace(`${dir}/`, "");
  }
}

const ACLED_HEADER = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,country,iso,admin1,admin2,location,latitude,longitude,fatalities,notes";

describe("import", { timeout: 30_000 }, () => {
  it("reads back what the ACLED and UCDP exports wrote: the same events", async () => {
    const events = await sitrepEvents();
    expect((await importFile(store, "acled", await exportTo("acled", "sitrep-acled.csv"), tables)).events).toBe(events.length);
    const acled = await imported("acled");
    expect(acled.map((e) => e.sourceId)).toEqual(events.map((e) => `e${e.id}`));
    expect(acled.map(facts)).toEqual(events.map(facts));
    expect(acled.map((e) => e.eventType)).toContain("Explosions/Remote violence");
    const assaults = events.filter((e) => e.type === "ASSAULT");
    await importFile(store, "ucdp", await exportTo("ucdp", "sitrep-ucdp.csv"), tables);
    const ucdp = await imported("ucdp");
    expect(ucdp.map(facts)).toEqual(assaults.map(facts));
    expect(ucdp.map((e) => e.eventType)).toEqual(["state-based", "one-sided", "one-sided"]);
    expect(await importFile(store, "acled", join(dir, "sitrep-acled.csv"), tables)).toMatchObject({ status: "unchanged", events: 0 });
  });

  it("reads ACLED's own files: written dates, numeric country codes, associated actors, quoted notes", async () => {
    const text = [
      ACLED_HEADER,
      'SDN101,14 March 2026,2026,Battles,Armed clash,Military Forces of Sudan (2019-),,1,Rapid Support Forces,Militia A; Militia B,2,Sudan,729,North Darfur,,El Fasher,13.63,25.35,12,"Clashes near the market, residents said ""heavy"" fire."',
      "SDN102,2026-03-15,2026,Protests,Peaceful protest,Protesters (Sudan),,6,,,0,Sudan,729,Khartoum,,Khartoum,15.5,32.56,0,",
    ].join("\r\n");
    expect(await importText("acled", "acled-sudan.csv", `\uFEFF${text}\r\n`)).toBeNull();
    const [battle, protest] = (await imported("acled")).filter((e) => e.sourceId.startsWith("SDN"));
    expect(battle).toMatchObject({
      dateStart: "2026-03-14", dateEnd: "2026-03-14", eventType: "Battles", country: "SDN", admin1: "North Darfur", place: "El Fasher",
      actors: ["Military Forces of Sudan (2019-)"], recipients: ["Rapid Support Forces", "Militia A", "Militia B"],
      fatalitiesLow: 12, fatalitiesHigh: 12, lat: 13.63, notes: 'Clashes near the market, residents said "heavy" fire.', ploverType: null, line: 2,
    });
    expect(protest).toMatchObject({ dateStart: "2026-03-15", recipients: [], fatalitiesLow: 0, notes: null, fields: { iso: "729", inter1: "6" } });
  });

  it("reads UCDP GED files: types of violence, country names with former names, best, low and high", async () => {
    const text = [
      "id,year,type_of_violence,side_a,side_b,country,adm_1,adm_2,where_coordinates,latitude,longitude,date_start,date_end,best,high,low",
      "9001,2026,1,Government of DR Congo (Zaire),M23,DR Congo (Zaire),Nord-Kivu,,Goma town,-1.68,29.22,2026-01-27 00:00:00.000,2026-01-29 00:00:00.000,40,55,30",
    ].join("\n");
    expect(await importText("ucdp", "ged.csv", text)).toBeNull();
    const [goma] = (await imported("ucdp")).filter((e) => e.sourceId === "9001");
    expect(goma).toMatchObject({
      eventType: "state-based", country: "COD", admin1: "Nord-Kivu", dateStart: "2026-01-27", dateEnd: "2026-01-29",
      actors: ["Government of DR Congo (Zaire)"], recipients: ["M23"], fatalitiesLow: 30, fatalitiesHigh: 55,
    });
  });

  it("refuses a bad file whole, in one line naming the file and the line", async () => {
    const good = "SDN201,2026-04-01,2026,Battles,Armed clash,Army,,1,Rebels,,2,Sudan,729,Kassala,,Kassala,15.45,36.4,3,fighting";
    const before = (await imported("acled")).length; // none
    const cases: Array<[string, string | Uint8Array, string]> = [
      ["columns.csv", "id,date,what\n1,2026-01-01,x\n", "columns.csv:1: not this format's columns: no event_id_cnty or event_id, event_date, event_type, actor1, country"],
      ["quote.csv", `${ACLED_HEADER}\n${good}\nSDN202,2026-04-02,2026,Battles,Armed clash,"Army,,1,Rebels,,2,Sudan,729,Kassala,,Kassala,15.45,36.4,3,x\n`,
        "quote.csv:3: a quoted field is never closed"],
      ["fields.csv", `${ACLED_HEADER}\n${good}\n${good.replace("SDN201", "SDN203")},extra\n`, "fields.csv:3: 21 fields, the header has 20"],
      ["latin1.csv", Buffer.concat([Buffer.from(`${ACLED_HEADER}\n${good}\n`), Buffer.from("SDN204,2026-04-03,2026,Battles,Armed clash,Arm\xe9e,,1,Rebels,,2,Sudan,729,Kassala,,Kassala,15.45,36.4,3,x\n", "latin1")]),
        "latin1.csv:3: not UTF-8 text"],
      ["date.csv", `${ACLED_HEADER}\n${good}\n${good.replace("SDN201,2026-04-01", "SDN205,2026-02-30")}\n`, 'date.csv:3: event_date: not a date "2026-02-30"'],
      ["toll.csv", `${ACLED_HEADER}\n${good.replace(",3,fighting", ",three,fighting")}\n`, 'toll.csv:2: fatalities: not a number "three"'],
      ["empty.csv", "", "empty.csv: empty file"],
    ];
    for (const [name, text, message] of cases) expect(await importText("acled", name, text)).toBe(message);
    expect((await imported("acled")).length).toBe(before); // nothing of any of them was kept
    expect(await importText("acled", "good.csv", `${ACLED_HEADER}\n${good}\n`)).toBeNull();
    expect((await imported("acled")).length).toBe(before + 1);
  });

  it("compares Sitrep's events with a dataset's: matches by category, place and day, misses and extras", async () => {
    const header = ACLED_HEADER;
    const rows = [
      // The fixture's clash at Bahram on 2026-01-20: a day later in the dataset, in the same province.
      "CMP1,2026-01-21,2026,Battles,Armed clash,Hill Front,,2,Military Forces of Afghanistan,,1,Afghanistan,4,Kandahar,,Bahram,31.62,65.71,4,clash",
      // The drone strike, the same day, placed 20 km away in a province the dataset spells otherwise.
      "CMP2,2026-01-21,2026,Explosions/Remote violence,Air/drone strike,Unidentified,,8,Civilians,,7,Afghanistan,4,Qandahar,,Bahram,31.75,65.9,0,drone",
      // A protest two days off: no match.
      "CMP3,2026-02-08,2026,Protests,Peaceful protest,Protesters,,6,,,0,Pakistan,586,Balochistan,,Quetta,30.19,67.01,0,march",
    ];
    expect(await importText("acled", "compare.csv", `${header}\n${rows.join("\n")}\n`)).toBeNull();
    const out: CompareRow[] = [];
    const counts = await compareEvents(store, tables, { source: "acled", since: "2026-01-01", until: "2026-02-28", country: "AFG" }, (row) => { out.push(row); });
    expect(out.filter((r) => r.status === "match").map((r) => [r.imported, r.days])).toEqual([["CMP1", 1], ["CMP2", 0]]);
    expect(out.find((r) => r.imported === "CMP2")?.km).toBeGreaterThan(15);
    expect(counts.matches).toBe(2);
    const strict = await compareEvents(store, tables, { source: "acled", country: "AFG", since: "2026-01-01", km: 10, days: 0 }, () => undefined);
    expect(strict.matches).toBe(0);
    const pakistan: CompareRow[] = [];
    await compareEvents(store, tables, { source: "acled", country: "PAK", since: "2026-02-01", until: "2026-02-28" }, (row) => { pakistan.push(row); });
    expect(pakistan.find((r) => r.imported === "CMP3")?.status).toBe("miss");
    expect(pakistan.filter((r) => r.status === "extra").map((r) => r.category)).toContain("Protests");
  });
});
