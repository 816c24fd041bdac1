/**
 * ACLED-like CSV: ACLED's columns (event type and sub-type mapped from the PLOVER type and mode by
 * data/exchange/acled.json; interaction codes from the actors' kinds), then Sitrep's own: the
 * PLOVER coding, modality, whose claim it is, and where in which document it was read.
 */
import type { ExchangeEvent, ExchangeParty } from "../store/index.js";
import type { Cell } from "./csv.js";
import { csvFormat, type CsvColumn, type EventFormat } from "./format.js";
import { intervalDays, sourceName, spansText, twoSides } from "./sides.js";
import type { AcledTable, ExchangeTables } from "./tables.js";

/** ACLED's event type and sub-event type for a PLOVER event: the first rule of the table that fits. */
export function acledType(table: AcledTable, type: string, mode: string | null, recipientKinds: readonly string[]): [string, string] {
  const civilian = recipientKinds.length > 0 && recipientKinds.every((k) => table.civilianKinds.includes(k));
  for (const rule of table.eventTypes) {
    if (rule.type !== "*" && rule.type !== type) continue;
    if (rule.modes !== undefined && (mode === null || !rule.modes.includes(mode))) continue;
    if (rule.recipient === "civilians" && !civilian) continue;
    return [rule.eventType, rule.subEventType];
  }
  return ["Strategic developments", "Other"]; // unreachable: the table is checked to end with "*"
}

/** ACLED's actor category (inter code) of one side in an event. */
export function interCode(table: AcledTable, party: ExchangeParty | undefined, event: ExchangeEvent, initiator: boolean): number | null {
  if (party === undefined) return null;
  const state = table.stateKinds.includes(party.kind);
  // ACLED codes a state's forces acting outside their country as external forces.
  if (state && party.country !== null && event.country !== null && party.country !== event.country) return table.foreignStateInter;
  // Those who protest are protesters (or rioters) whatever else they are, unless they are the state.
  if (event.type === "PROTEST" && initiator && !state) {
    return event.mode !== null && table.protestInter.riotModes.includes(event.mode) ? table.protestInter.rioters : table.protestInter.protesters;
  }
  return table.inter[party.kind] ?? null;
}

/** ACLED's time precision: 1 a day, 2 up to a week, 3 longer. */
function timePrecision(event: ExchangeEvent): number | null {
  const days = intervalDays(event.dateStart, event.dateEnd);
  return days === null ? null : days === 0 ? 1 : days <= 7 ? 2 : 3;
}

const names = (parties: readonly ExchangeParty[]): string | null => (parties.length === 0 ? null : parties.map((p) => p.name).join("; "));

/** The ACLED columns, then Sitrep's. */
export function acledColumns(tables: ExchangeTables): CsvColumn[] {
  const { acled, countries } = tables;
  const interOf = (e: ExchangeEvent): [number | null, number | null] => {
    const [one, two] = twoSides(e);
    const initiatorsFirst = one === e.actorParties;
    return [interCode(acled, one[0], e, true), interCode(acled, two[0], e, !initiatorsFirst)];
  };
  const type = (e: ExchangeEvent) => acledType(acled, e.type, e.mode, e.recipientParties.map((p) => p.kind));
  const col = (name: string, value: (e: ExchangeEvent) => Cell): CsvColumn => ({ name, value });
  return [
    col("event_id", (e) => `e${e.id}`),
    col("event_date", (e) => e.dateStart),
    col("year", (e) => (e.dateStart === null ? null : Number(e.dateStart.slice(0, 4)))),
    col("time_precision", timePrecision),
    col("event_type", (e) => type(e)[0]),
    col("sub_event_type", (e) => type(e)[1]),
    col("actor1", (e) => twoSides(e)[0][0]?.name ?? null),
    col("assoc_actor_1", (e) => names(twoSides(e)[0].slice(1))),
    col("inter1", (e) => interOf(e)[0]),
    col("actor2", (e) => twoSides(e)[1][0]?.name ?? null),
    col("assoc_actor_2", (e) => names(twoSides(e)[1].slice(1))),
    col("inter2", (e) => interOf(e)[1]),
    col("interaction", (e) => {
      const [one, two] = interOf(e);
      if (one === null) return two === null ? null : two * 10;
      return two === null ? one * 10 : Math.min(one, two) * 10 + Math.max(one, two);
    }),
    col("country", (e) => (e.country === null ? null : countries.get(e.country)?.name ?? e.country)),
    col("iso", (e) => (e.country === null ? null : countries.get(e.country)?.numeric ?? null)),
    col("admin1", (e) => e.admin1),
    col("admin2", (e) => e.admin2),
    col("location", (e) => e.place),
    col("latitude", (e) => e.lat),
    col("longitude", (e) => e.lon),
    col("geo_precision", (e) => (e.precision === null ? null : acled.geoPrecision[e.precision] ?? null)),
    col("source", (e) => sourceName(e.document)),
    col("source_scale", () => null), // what kind of outlet it is, Sitrep does not know
    col("notes", (e) => e.sentence),
    col("fatalities", (e) => e.fatalitiesLow),
    ...sitrepColumns(),
  ];
}

/** Sitrep's own columns, shared by the ACLED and UCDP exports. */
export function sitrepColumns(): CsvColumn[] {
  const col = (name: string, value: (e: ExchangeEvent) => Cell): CsvColumn => ({ name, value });
  return [
    col("date_end", (e) => e.dateEnd),
    col("country_iso3", (e) => e.country),
    col("plover_type", (e) => e.type),
    col("mode", (e) => e.mode),
    col("modality", (e) => e.modality),
    col("fatalities_high", (e) => e.fatalitiesHigh),
    col("injuries_low", (e) => e.injuriesLow),
    col("injuries_high", (e) => e.injuriesHigh),
    col("actor_kinds", (e) => e.actorParties.map((p) => p.kind).join("; ") || null),
    col("recipients", (e) => names(e.recipientParties)),
    col("recipient_kinds", (e) => e.recipientParties.map((p) => p.kind).join("; ") || null),
    col("speaker", (e) => e.claimSource?.speaker ?? null),
    col("speaker_kind", (e) => e.claimSource?.kind ?? null),
    col("hedged", (e) => (e.claimSource === null ? null : e.claimSource.hedged)),
    col("evidence", spansText),
    col("document_id", (e) => `d${e.documentId}`),
    col("document_key", (e) => e.document.key),
    col("url", (e) => e.document.url),
    col("title", (e) => e.document.title),
    col("published", (e) => e.document.published),
  ];
}

/** The ACLED-like CSV export. */
export function acledFormat(tables: ExchangeTables): EventFormat {
  return csvFormat(acledColumns(tables));
}
