/**
 * ACLED CSV rows as imported events: ACLED's own export columns (event_id_cnty or event_id,
 * event_date, event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, country,
 * iso, admin1, admin2, location, latitude, longitude, fatalities, notes), and Sitrep's columns
 * when the file is a Sitrep export read back.
 */
import type { ExchangeTables } from "../export/index.js";
import type { ImportedEvent } from "../store/index.js";
import { csvRecords } from "./csv-file.js";
import { CountryIndex, RowReader } from "./fields.js";
import { importedSides } from "./sides.js";

export const ACLED_REQUIRED = [["event_id_cnty", "event_id"], ["event_date"], ["event_type"], ["actor1"], ["country"]] as const;

/** The events of an ACLED CSV file, in file order. */
export async function* acledEvents(path: string, tables: ExchangeTables): AsyncGenerator<ImportedEvent> {
  const countries = new CountryIndex(tables);
  for await (const record of csvRecords(path, ACLED_REQUIRED)) {
    const row = new RowReader(path, record);
    const dateStart = row.day("event_date");
    const fatalities = row.count("fatalities");
    yield {
      sourceId: row.text("event_id_cnty", "event_id") ?? `${path}:${record.line}`,
      line: record.line,
      dateStart,
      dateEnd: row.day("date_end") ?? dateStart,
      eventType: row.text("event_type"),
      subEventType: row.text("sub_event_type"),
      ploverType: row.text("plover_type"),
      mode: row.text("mode"),
      modality: row.text("modality"),
      ...importedSides(row, row.names("actor1", "assoc_actor_1"), row.names("actor2", "assoc_actor_2")),
      country: countries.find(row.text("country_iso3"), row.number("iso"), row.text("country")),
      admin1: row.text("admin1"),
      admin2: row.text("admin2"),
      place: row.text("location"),
      lat: row.number("latitude"),
      lon: row.number("longitude"),
      fatalitiesLow: fatalities,
      // ACLED's count is one number; Sitrep's export gives the upper bound apart (empty: "at least").
      fatalitiesHigh: row.has("fatalities_high") ? row.count("fatalities_high") : fatalities,
      notes: row.text("notes"),
      fields: record.fields,
    };
  }
}
