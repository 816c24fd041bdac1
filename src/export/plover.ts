/**
 * PLOVER JSON records, one a line (the manual's suggested JSONL), in the field names of the
 * manual's "PLOVER JSON" tables: actor and recipient entity objects, event and mode lists,
 * event_loc, event_text, quad_code and event_scale (from data/exchange/plover.json), the dead and
 * injured, text_info and cite_info; Sitrep's modality and claim beside them.
 */
import type { ExchangeEvent, ExchangeParty } from "../store/index.js";
import { jsonFormat, type EventFormat } from "./format.js";
import type { ExchangeTables } from "./tables.js";

/** One event as a PLOVER record. */
export function ploverRecord(tables: ExchangeTables, e: ExchangeEvent): object {
  const { plover, countries } = tables;
  const entity = (p: ExchangeParty) => ({ code: p.country, sector: plover.sectors[p.kind] ?? null, entity_text: p.name, kind: p.kind });
  const [first] = e.evidence;
  return {
    id: `e${e.id}`,
    has_event: true,
    date: e.dateStart,
    enddate: e.dateEnd,
    actor: e.actorParties.map(entity),
    recipient: e.recipientParties.map(entity),
    event: [e.type],
    mode: e.mode === null ? [] : [e.mode],
    context: [],
    event_loc: e.place === null && e.country === null ? null : {
      extracted_place: e.place, resolved_place: e.place, lat: e.lat, lon: e.lon,
      district: e.admin2, province: e.admin1, country: e.country === null ? null : countries.get(e.country)?.name ?? null,
      country_code: e.country, resolution: e.precision === null ? null : plover.resolution[e.precision] ?? null,
    },
    event_text: [e.sentence],
    quad_code: plover.quad[e.type] ?? null,
    event_scale: plover.scores[e.mode === null ? e.type : `${e.type}:${e.mode}`] ?? plover.scores[e.type] ?? null,
    dead: e.fatalitiesLow,
    dead_high: e.fatalitiesHigh,
    injured: e.injuriesLow,
    injured_high: e.injuriesHigh,
    modality: e.modality,
    claim: e.claimSource,
    text_info: first === undefined ? null : { start: first[0], end: first[1], spans: e.evidence },
    cite_info: {
      citation: e.document.key, url: e.document.url, title: e.document.title, publication: e.document.published,
      coder: "sitrep", codebook: "plover", document_id: `d${e.documentId}`,
    },
  };
}

/** The PLOVER JSONL export. */
export function ploverFormat(tables: ExchangeTables): EventFormat {
  return jsonFormat("application/x-ndjson", (event) => ploverRecord(tables, event), { head: "", between: "", after: "\n", tail: "" });
}
