/**
 * Exports of the archive's events in the formats analysts already use, streamed: the store is read
 * a page at a time and each page is written out, waiting for the output to drain, before the next
 * is read, so memory stays flat whatever the number of events.
 *
 * @example
 * await exportEvents(store, "acled", { country: "SDN" }, createWriteStream("sudan.csv"));
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { EventQuery, Store } from "../store/index.js";
import { acledFormat } from "./acled.js";
import type { EventFormat } from "./format.js";
import { geojsonFormat } from "./geojson.js";
import { ploverFormat } from "./plover.js";
import { stixFormat } from "./stix/index.js";
import { loadExchangeTables, type ExchangeTables } from "./tables.js";
import { ucdpFormat } from "./ucdp.js";

export const EXPORT_FORMATS = ["acled", "ucdp", "geojson", "plover", "stix"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type { EventFormat } from "./format.js";
export { loadExchangeTables, type ExchangeTables } from "./tables.js";
export { csvField, csvRow, unguardCell, type Cell } from "./csv.js";
export { acledType, interCode } from "./acled.js";
export { violenceType } from "./ucdp.js";
export { uuidv5, stixId } from "./stix/index.js";

/** A fresh writer of `format` for the events of `query` (each counts what it wrote). */
export function createFormat(format: ExportFormat, tables: ExchangeTables, store: Store, query: EventQuery): EventFormat {
  switch (format) {
    case "acled": return acledFormat(tables);
    case "ucdp": return ucdpFormat(tables);
    case "geojson": return geojsonFormat();
    case "plover": return ploverFormat(tables);
    case "stix": return stixFormat(tables, store, query);
  }
}

export interface ExportOptions {
  tables?: ExchangeTables;
  /** Events read per page (default the store's). */
  pageSize?: number;
}

/** Writes the events matching `query` to `out` in `format`; resolves to the number of rows written. Does not end `out`. */
export async function exportEvents(store: Store, format: ExportFormat, query: EventQuery, out: Writable, options: ExportOptions = {}): Promise<number> {
  const writer = createFormat(format, options.tables ?? loadExchangeTables(), store, query);
  const put = async (chunk: string): Promise<void> => {
    if (chunk !== "" && !out.write(chunk)) await once(out, "drain");
  };
  await put(writer.head());
  for await (const page of store.eventPages(writer.narrow(query), options.pageSize)) await put(await writer.page(page));
  await put(writer.tail());
  return writer.written;
}
