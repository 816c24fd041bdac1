/** The archive's events in an exchange format (the `sitrep export` formats), streamed as the client reads. */
import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import { createFormat, EXPORT_FORMATS, exportEvents, loadExchangeTables } from "../../export/index.js";
import type { Store } from "../../store/index.js";
import { route, type Route } from "../route.js";
import { EVENT_FILTERS } from "../schemas.js";
import { defined } from "./events.js";

export const EXPORT_QUERY = z.strictObject({
  ...EVENT_FILTERS,
  format: z.enum(EXPORT_FORMATS).describe("acled or ucdp (CSV), geojson, plover (JSON lines) or stix (a STIX 2.1 bundle)"),
});

const EXTENSIONS: Record<(typeof EXPORT_FORMATS)[number], string> = { acled: "csv", ucdp: "csv", geojson: "geojson", plover: "jsonl", stix: "json" };

export function exportRoutes(store: Store): Route[] {
  // Loaded once: the tables are the same for every request.
  const tables = loadExchangeTables();
  return [
    route({
      method: "get", path: "/api/export", tag: "events", role: "reader", query: EXPORT_QUERY,
      response: { contentType: "application/octet-stream", description: "every matching event in the format asked, streamed (no limit)" },
      summary: "Every event matching the filters, as ACLED- or UCDP-like CSV, GeoJSON, PLOVER JSON or a STIX 2.1 bundle",
    }, async ({ query }, c) => {
      const { format, ...filters } = query;
      const events = defined(filters);
      // The store is read a page at a time as the client takes the body: the pass-through holds
      // at most its buffer, and the export waits for it to drain.
      const body = new PassThrough();
      exportEvents(store, format, events, body, { tables }).then(() => body.end(), (error: unknown) => body.destroy(error as Error));
      const contentType = createFormat(format, tables, store, events).contentType;
      return c.body(Readable.toWeb(body) as ReadableStream<Uint8Array>, 200, {
        "Content-Type": contentType.includes("charset") || !contentType.startsWith("text/") ? contentType : `${contentType}; charset=utf-8`,
        "Content-Disposition": `attachment; filename="events.${EXTENSIONS[format]}"`,
      });
    }),
  ];
}
