import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExchangeEvent, Store } from "../store/index.js";
import { exchangeArchive, exchangeDocuments, sink } from "./exchange.fixture.js";
import { acledType, csvField, csvRow, exportEvents, loadExchangeTables, unguardCell, type ExportFormat } from "./index.js";

const tables = loadExchangeTables();
let store: Store;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await exchangeArchive());
});
afterAll(async () => close());

async function exported(format: ExportFormat, query = {}): Promise<{ text: string; written: number }> {
  const out = sink();
  const written = await exportEvents(store, format, query, out, { tables, pageSize: 2 });
  return { text: out.text(), written };
}

const rowsOf = (csv: string): Array<Record<string, string>> => parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says, and ends rows with CRLF", () => {
    expect(csvRow(["plain", 'say "no"', "a,b", "two\nlines", null, 3, -12.5, true])).toBe('plain,"say ""no""","a,b","two\nlines",,3,-12.5,true\r\n');
  });

  it("keeps a spreadsheet from running text that begins like a formula, but never touches numbers", () => {
    for (const text of ["=1+1", "+31 6", "-2 dead", "@channel", "\t=cmd"]) {
      expect(csvField(text).startsWith("'")).toBe(true);
      expect(unguardCell(csvField(text))).toBe(text);
    }
    expect(csvField(-69.97)).toBe("-69.97");
    expect(csvField("'quoted' plainly")).toBe("'quoted' plainly");
    expect(unguardCell("'quoted' plainly")).toBe("'quoted' plainly");
  });
});

describe("ACLED event types from PLOVER", () => {
  const type = (t: string, mode: string | null, recipients: string[] = []) => acledType(tables.acled, t, mode, recipients).join(" / ");
  it("follows the mode first, then who was struck", () => {
    expect(type("ASSAULT", "drone", ["civilians"])).toBe("Explosions/Remote violence / Air/drone strike");
    expect(type("ASSAULT", "firearms", ["civilians", "person"])).toBe("Violence against civilians / Attack");
    expect(type("ASSAULT", "firearms", ["civilians", "military"])).toBe("Battles / Armed clash");
    expect(type("ASSAULT", null, [])).toBe("Battles / Armed clash");
    expect(type("PROTEST", "riot")).toBe("Riots / Violent demonstration");
    expect(type("PROTEST", "demo")).toBe("Protests / Peaceful protest");
    expect(type("COERCE", "arrest")).toBe("Strategic developments / Arrests");
    expect(type("CONSULT", "visit")).toBe("Strategic developments / Other");
  });
});

describe("export", () => {
  it("writes ACLED-like rows with the mapped types, sides, interaction codes and Sitrep's columns", async () => {
    const { text, written } = await exported("acled");
    expect(text.startsWith("event_id,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,")).toBe(true);
    const rows = rowsOf(text);
    expect(written).toBe(6);
    expect(rows.map((r) => r["event_type"])).toEqual([
      "Battles", "Explosions/Remote violence", "Protests", "Protests", "Riots", "Strategic developments",
    ]);
    const [clash, drone, march, teargas, daubed, request] = rows;
    // Two-sided fighting: the first side is actor1, the other actor2.
    expect(clash).toMatchObject({
      actor1: "Hill Front", inter1: "2", actor2: "Afghan National Army", inter2: "1", interaction: "12", time_precision: "1",
      country: "Afghanistan", iso: "4", admin1: "Kandahar", admin2: "Daman", location: "Bahram", latitude: "31.62", longitude: "65.71",
      geo_precision: "1", source: "wire.example", fatalities: "4", speaker_kind: "anonymous_official", hedged: "false",
      plover_type: "ASSAULT", document_key: "valley", title: "Fighting at the river crossing",
    });
    expect(clash?.["notes"]).toBe("Hill Front fighters and army units fought for the river crossing near Bahram on Tuesday, leaving four soldiers dead");
    // A foreign state's forces are external forces (8); the struck civilians are 7.
    expect(drone).toMatchObject({ sub_event_type: "Air/drone strike", inter1: "8", inter2: "7", interaction: "78", fatalities: "", injuries_low: "9", hedged: "true" });
    expect(march).toMatchObject({ inter1: "6", interaction: "60", actor2: "", sub_event_type: "Peaceful protest", speaker: "" });
    expect(teargas).toMatchObject({ sub_event_type: "Excessive force against protesters", inter1: "1", inter2: "7" });
    expect(daubed).toMatchObject({ inter1: "5", time_precision: "3", geo_precision: "3", date_end: "2026-02-28" });
    expect(daubed?.["notes"]).toBe("'=HYPERLINK(\"http://x.example\") was daubed on a wall");
    expect(request).toMatchObject({ event_date: "", year: "", time_precision: "", country: "", modality: "future", sub_event_type: "Other" });
    const [start, end] = (clash?.["evidence"] ?? "").split("-").map(Number);
    expect(exchangeDocuments()[0]?.text.slice(start, end)).toBe(clash?.["notes"]);
  });

  it("narrows with the events filters", async () => {
    expect(rowsOf((await exported("acled", { country: "PAK", type: "PROTEST" })).text).map((r) => r["sub_event_type"]))
      .toEqual(["Peaceful protest", "Violent demonstration"]);
    expect(rowsOf((await exported("acled", { actor: "hill front" })).text).map((r) => r["event_id"])).toHaveLength(1);
    expect((await exported("acled", { since: "2027-01-01" })).text.split("\r\n")).toEqual([expect.stringMatching(/^event_id,/), ""]);
  });

  it("writes UCDP-like rows of the violent events only, with the kind of violence and precision codes", async () => {
    const { text, written } = await exported("ucdp");
    const rows = rowsOf(text);
    expect(written).toBe(3);
    expect(rows.map((r) => [r["type_of_violence"], r["side_a"], r["side_b"]])).toEqual([
      ["1", "Hill Front", "Afghan National Army"], ["3", "Pakistan Air Force", "shoppers"], ["3", "Quetta police", "students"],
    ]);
    expect(rows[0]).toMatchObject({ best: "4", low: "4", high: "4", where_prec: "1", date_prec: "1", geom_wkt: "POINT (65.71 31.62)", adm_2: "Daman" });
    expect((await exported("ucdp", { type: "PROTEST" })).written).toBe(0);
  });

  it("writes a GeoJSON FeatureCollection with [longitude, latitude] points and null geometry where no point is known", async () => {
    const { text, written } = await exported("geojson");
    const collection = JSON.parse(text) as { type: string; features: Array<{ id: string; geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }> };
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(written);
    expect(collection.features[0]?.geometry?.coordinates).toEqual([65.71, 31.62]);
    expect(collection.features[5]?.geometry).toBeNull();
    expect(collection.features[1]?.properties).toMatchObject({ mode: "drone", injuries: { low: 9, high: 9 }, claim: { kind: "witness", hedged: true } });
    expect(JSON.parse((await exported("geojson", { country: "XXX" })).text)).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("writes PLOVER JSON records, one a line, in the manual's field names", async () => {
    const { text } = await exported("plover");
    const records = text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(6);
    expect(records[1]).toMatchObject({
      date: "2026-01-21", event: ["ASSAULT"], mode: ["drone"], quad_code: 4, event_scale: -9.5, injured: 9,
      actor: [{ code: "PAK", sector: "MIL", entity_text: "Pakistan Air Force" }], recipient: [{ code: "AFG", sector: "CVL" }],
      event_loc: { resolved_place: "Bahram", district: "Daman", province: "Kandahar", country: "Afghanistan", country_code: "AFG", resolution: 4 },
      cite_info: { url: "https://www.wire.example/valley", coder: "sitrep" },
    });
    expect(records[5]).toMatchObject({ event: ["REQUEST"], date: null, event_loc: null, quad_code: 3, modality: "future" });
  });

  it("reads the next page only when the output has taken the last one", async () => {
    let pagesRead = 0;
    const counting: Store = Object.create(store, {
      eventPages: {
        value: async function* (query: Parameters<Store["eventPages"]>[0], size?: number): AsyncGenerator<ExchangeEvent[]> {
          for await (const page of store.eventPages(query, size)) {
            pagesRead += 1;
            yield page;
          }
        },
      },
    }) as Store;
    const pending: Array<() => void> = [];
    const slow = new Writable({ highWaterMark: 1, write(_chunk, _encoding, done) { pending.push(done); } });
    const running = exportEvents(counting, "plover", {}, slow, { tables, pageSize: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pagesRead).toBe(1); // the first page waits for the output to drain
    let finished = false;
    void running.then(() => { finished = true; });
    while (!finished) {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await running).toBe(6);
    expect(pagesRead).toBe(6);
  });
});
