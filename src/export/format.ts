/** What every export format is: text before, a chunk per page of events, text after. */
import type { EventQuery, ExchangeEvent } from "../store/index.js";
import { csvRow, type Cell } from "./csv.js";

export interface EventFormat {
  /** The media type of the output, for HTTP. */
  readonly contentType: string;
  /** Narrows the store's query to the events the format holds (UCDP: violence only). */
  narrow(query: EventQuery): EventQuery;
  head(): string;
  /** The text of one page of events, in order. */
  page(events: readonly ExchangeEvent[]): string | Promise<string>;
  tail(): string;
  /** How many output rows (CSV rows, features, records, STIX objects) were written. */
  readonly written: number;
}

export interface CsvColumn { name: string; value: (event: ExchangeEvent) => Cell }

/** A CSV format: a header row, then one row per event that `keep` accepts. */
export function csvFormat(columns: readonly CsvColumn[], keep: (event: ExchangeEvent) => boolean = () => true,
  narrow: (query: EventQuery) => EventQuery = (query) => query): EventFormat {
  let written = 0;
  return {
    contentType: "text/csv; charset=utf-8",
    narrow,
    head: () => csvRow(columns.map((c) => c.name)),
    page(events) {
      let text = "";
      for (const event of events) {
        if (!keep(event)) continue;
        text += csvRow(columns.map((c) => c.value(event)));
        written += 1;
      }
      return text;
    },
    tail: () => "",
    get written() {
      return written;
    },
  };
}

/**
 * A format of one JSON text per event: `head`, each text with `between` before it (but the first)
 * and `after` it, then `tail` (GeoJSON's array of features, PLOVER's lines).
 */
export function jsonFormat(contentType: string, render: (event: ExchangeEvent) => object,
  frame: { head: string; between: string; after: string; tail: string }): EventFormat {
  let written = 0;
  return {
    contentType,
    narrow: (query) => query,
    head: () => frame.head,
    page(events) {
      let text = "";
      for (const event of events) {
        text += `${written === 0 ? "" : frame.between}${JSON.stringify(render(event))}${frame.after}`;
        written += 1;
      }
      return text;
    },
    tail: () => frame.tail,
    get written() {
      return written;
    },
  };
}
