/** Events: a filtered, sorted page; one event with its context and claim; the events in view as CSV. */
import { sentenceAround } from "../../core/index.js";
import { eventSortValue, type EventQuery, type Store } from "../../store/index.js";
import { decodeCursor, page } from "../cursor.js";
import { CSV_HEADER, csvRows } from "../csv.js";
import { HttpError } from "../errors.js";
import { EVENT, EVENT_DETAIL, pageOf } from "../responses.js";
import { route, type Route } from "../route.js";
import { EVENTS_CSV_QUERY, EVENTS_QUERY, idParam } from "../schemas.js";

/** Rows read from the store per page of a CSV download. */
const CSV_PAGE = 1000;

/** A store query from parsed parameters: the absent ones dropped. */
export function defined<T extends object>(values: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function eventRoutes(store: Store): Route[] {
  return [
    route({
      method: "get", path: "/api/events", tag: "events", role: "reader", query: EVENTS_QUERY, response: pageOf(EVENT),
      summary: "Events matching the filters, sorted, a page at a time",
    }, async ({ query }) => {
      const { cursor, limit = 100, ...rest } = query;
      const sort = rest.sort ?? "-date";
      const q: EventQuery = { ...defined(rest), sort, limit: limit + 1, ...(cursor ? { after: decodeCursor(cursor) } : {}) };
      return page(await store.events(q), limit, (e) => ({ value: eventSortValue(e, sort), id: e.id }));
    }),
    route({
      method: "get", path: "/api/events.csv", tag: "events", role: "reader", query: EVENTS_CSV_QUERY,
      response: { contentType: "text/csv", description: "the matching events as CSV, one row each, in the order asked" },
      summary: "The events in view as CSV",
    }, async ({ query }, c) => {
      const { limit = 10_000, ...rest } = query;
      const sort = rest.sort ?? "-date";
      const filters = { ...defined(rest), sort };
      const encoder = new TextEncoder();
      let sent = 0;
      let after: EventQuery["after"];
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(CSV_HEADER));
        },
        async pull(controller) {
          const rows = await store.events({ ...filters, limit: Math.min(CSV_PAGE, limit - sent), ...(after ? { after } : {}) });
          const last = rows[rows.length - 1];
          if (rows.length > 0) controller.enqueue(encoder.encode(csvRows(rows)));
          sent += rows.length;
          if (last === undefined || rows.length < CSV_PAGE || sent >= limit) controller.close();
          else after = { value: eventSortValue(last, sort), id: last.id };
        },
      });
      return c.body(body, 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="events.csv"' });
    }),
    route({
      method: "get", path: "/api/events/{id}", tag: "events", role: "reader", params: idParam("e"), response: EVENT_DETAIL,
      summary: "One event, with the sentence(s) around its evidence and the claim it rests on", errors: { 404: "no such event" },
    }, async ({ params }) => {
      const event = await store.event(params.id);
      if (event === null) throw new HttpError(404, `no event e${params.id}`, "ENOTFOUND");
      const [doc, record] = await Promise.all([store.document(event.documentId), store.record(event.documentId)]);
      const text = doc?.text ?? "";
      const [start, end] = sentenceAround(text, event.evidence);
      const claim = event.claim === null ? undefined : record?.claims.find((cl) => cl.id === event.claim);
      return {
        ...event,
        context: { text: text.slice(start, end), start },
        claimDetail: claim === undefined ? null : {
          localId: claim.id, speaker: claim.speaker.text, speakerKind: claim.speaker.kind, speakerName: claim.speaker.name, hedged: claim.hedged,
          text: claim.evidence.map(([s, e]) => text.slice(s, e)).join(" … "), evidence: claim.evidence,
        },
      };
    }),
  ];
}
