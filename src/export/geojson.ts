/**
 * A GeoJSON FeatureCollection (RFC 7946), streamed: one Feature per event, a Point at its place
 * ([longitude, latitude]) or a null geometry when the place has no coordinates, the event's facts
 * as properties.
 */
import type { ExchangeEvent } from "../store/index.js";
import { jsonFormat, type EventFormat } from "./format.js";

/** One event as a GeoJSON Feature. */
export function eventFeature(e: ExchangeEvent): object {
  return {
    type: "Feature",
    id: `e${e.id}`,
    geometry: e.lat === null || e.lon === null ? null : { type: "Point", coordinates: [e.lon, e.lat] },
    properties: {
      id: `e${e.id}`,
      type: e.type, mode: e.mode, modality: e.modality,
      date_start: e.dateStart, date_end: e.dateEnd,
      actors: e.actorParties.map(({ name, kind, country }) => ({ name, kind, country })),
      recipients: e.recipientParties.map(({ name, kind, country }) => ({ name, kind, country })),
      place: e.place, country: e.country, admin1: e.admin1, admin2: e.admin2, precision: e.precision,
      fatalities: e.fatalitiesLow === null ? null : { low: e.fatalitiesLow, high: e.fatalitiesHigh },
      injuries: e.injuriesLow === null ? null : { low: e.injuriesLow, high: e.injuriesHigh },
      claim: e.claimSource,
      evidence: e.evidence, sentence: e.sentence,
      document: { ...e.document, id: `d${e.documentId}` },
    },
  };
}

/** The GeoJSON export. */
export function geojsonFormat(): EventFormat {
  return jsonFormat("application/geo+json", eventFeature, { head: '{"type":"FeatureCollection","features":[\n', between: ",\n", after: "", tail: "\n]}\n" });
}
