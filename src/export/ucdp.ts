/**
 * UCDP GED-like CSV. GED records organised violence only, so the export holds the ASSAULT events
 * (data/exchange/ucdp.json `types`); the kind of violence comes from the sides' kinds, the
 * precision codes from the event's place and date interval, best/low/high from its death toll.
 */
import type { EventQuery, ExchangeEvent } from "../store/index.js";
import { sitrepColumns } from "./acled.js";
import type { Cell } from "./csv.js";
import { csvFormat, type CsvColumn, type EventFormat } from "./format.js";
import { intervalDays, sourceName, twoSides } from "./sides.js";
import type { ExchangeTables } from "./tables.js";

/** UCDP's type of violence: one-sided against civilians, state-based when a state is a side, else non-state. */
export function violenceType(tables: ExchangeTables, event: ExchangeEvent): number {
  const { civilianKinds, stateKinds } = tables.acled;
  const { violence } = tables.ucdp;
  const targets = event.recipientParties;
  if (targets.length > 0 && targets.every((p) => civilianKinds.includes(p.kind))) return violence.oneSided;
  const sides = [...event.actorParties, ...targets];
  return sides.some((p) => stateKinds.includes(p.kind)) ? violence.stateBased : violence.nonState;
}

/** The UCDP GED columns Sitrep can fill, then Sitrep's own. */
export function ucdpColumns(tables: ExchangeTables): CsvColumn[] {
  const { ucdp, countries } = tables;
  const col = (name: string, value: (e: ExchangeEvent) => Cell): CsvColumn => ({ name, value });
  const side = (e: ExchangeEvent, i: 0 | 1) => {
    const parties = twoSides(e)[i];
    if (parties.length === 0) return null;
    return parties.map((p) => p.name).join("; ");
  };
  const datePrecision = (e: ExchangeEvent): number | null => {
    const days = intervalDays(e.dateStart, e.dateEnd);
    if (days === null) return null;
    return ucdp.datePrecision.find((p) => p.maxDays === null || days + 1 <= p.maxDays)?.code ?? null;
  };
  return [
    col("id", (e) => `e${e.id}`),
    col("year", (e) => (e.dateStart === null ? null : Number(e.dateStart.slice(0, 4)))),
    col("type_of_violence", (e) => violenceType(tables, e)),
    col("side_a", (e) => side(e, 0)),
    col("side_b", (e) => side(e, 1)),
    col("source_article", (e) => e.document.url ?? e.document.key),
    col("source_office", (e) => sourceName(e.document)),
    col("source_date", (e) => e.document.published),
    col("source_headline", (e) => e.document.title),
    col("source_original", (e) => e.claimSource?.speaker ?? null),
    col("where_prec", (e) => (e.precision === null ? null : ucdp.wherePrecision[e.precision] ?? null)),
    col("where_coordinates", (e) => e.place),
    col("where_description", (e) => e.sentence),
    col("adm_1", (e) => e.admin1),
    col("adm_2", (e) => e.admin2),
    col("latitude", (e) => e.lat),
    col("longitude", (e) => e.lon),
    col("geom_wkt", (e) => (e.lat === null || e.lon === null ? null : `POINT (${e.lon} ${e.lat})`)),
    col("country", (e) => (e.country === null ? null : countries.get(e.country)?.name ?? e.country)),
    col("date_prec", datePrecision),
    col("date_start", (e) => e.dateStart),
    col("date_end", (e) => e.dateEnd),
    // The text rarely says whose dead they were: the toll is of unknown status, not split by side.
    col("deaths_unknown", (e) => e.fatalitiesLow),
    col("best", (e) => e.fatalitiesLow),
    col("high", (e) => e.fatalitiesHigh),
    col("low", (e) => e.fatalitiesLow),
    ...sitrepColumns().filter((c) => c.name !== "date_end"),
  ];
}

/** The UCDP GED-like CSV export. */
export function ucdpFormat(tables: ExchangeTables): EventFormat {
  const types = tables.ucdp.types;
  const narrow = (query: EventQuery): EventQuery =>
    (query.type === undefined && types.length === 1 ? { ...query, type: types[0] as EventQuery["type"] } : query);
  return csvFormat(ucdpColumns(tables), (e) => types.includes(e.type), narrow);
}
