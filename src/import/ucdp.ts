/**
 * UCDP GED CSV rows as imported events: id, date_start, date_end, type_of_violence, side_a,
 * side_b, country, adm_1, adm_2, where_coordinates, latitude, longitude, best, low, high,
 * where_description; and Sitrep's columns when the file is a Sitrep export read back.
 */
import type { ExchangeTables } from "../export/index.js";
import type { ImportedEvent } from "../store/index.js";
import { csvRecords } from "./csv-file.js";
import { CountryIndex, RowReader } from "./fields.js";
import { importedSides } from "./sides.js";

export const UCDP_REQUIRED = [["id"], ["date_start"], ["type_of_violence"], ["side_a"], ["side_b"], ["country"], ["best"]] as const;

/** UCDP's names of its types of violence, by code. */
export const VIOLENCE_NAMES: Record<string, string> = { "1": "state-based", "2": "non-state", "3": "one-sided" };

/** The events of a UCDP GED CSV file, in file order. */
export async function* ucdpEvents(path: string, tables: ExchangeTables): AsyncGenerator<ImportedEvent> {
  const countries = new CountryIndex(tables);
  for await (const record of csvRecords(path, UCDP_REQUIRED)) {
    const row = new RowReader(path, record);
    const dateStart = row.day("date_start");
    const best = row.count("best");
    const violence = row.text("type_of_violence");
    yield {
      sourceId: row.text("id") ?? `${path}:${record.line}`,
      line: record.line,
      dateStart,
      dateEnd: row.day("date_end") ?? dateStart,
      eventType: violence === null ? null : VIOLENCE_NAMES[violence] ?? violence,
      subEventType: null,
      ploverType: row.text("plover_type"),
      mode: row.text("mode"),
      modality: row.text("modality"),
      ...importedSides(row, row.names("side_a"), row.names("side_b")),
      country: countries.find(row.text("country_iso3"), null, row.text("country")),
      admin1: row.text("adm_1"),
      admin2: row.text("adm_2"),
      place: row.text("where_coordinates"),
      lat: row.number("latitude"),
      lon: row.number("longitude"),
      fatalitiesLow: row.count("low") ?? best,
      fatalitiesHigh: row.has("fatalities_high") ? row.count("high") : row.count("high") ?? best,
      notes: row.text("where_description", "source_headline"),
      fields: record.fields,
    };
  }
}
