/** Events as CSV (RFC 4180), for spreadsheets: a cell that a spreadsheet would run as a formula is quoted as text. */
import type { StoredEvent } from "../store/index.js";

type Cell = string | number | null;

const COLUMNS: ReadonlyArray<[string, (e: StoredEvent) => Cell]> = [
  ["id", (e) => e.id], ["date_start", (e) => e.dateStart], ["date_end", (e) => e.dateEnd], ["type", (e) => e.type], ["mode", (e) => e.mode],
  ["modality", (e) => e.modality], ["actors", (e) => e.actors.join("; ")], ["recipients", (e) => e.recipients.join("; ")],
  ["country", (e) => e.country], ["admin1", (e) => e.admin1], ["place", (e) => e.place], ["lat", (e) => e.lat], ["lon", (e) => e.lon],
  ["fatalities_low", (e) => e.fatalitiesLow], ["fatalities_high", (e) => e.fatalitiesHigh], ["claim", (e) => e.claim],
  ["sentence", (e) => e.sentence], ["document_id", (e) => e.documentId], ["document_title", (e) => e.document.title],
  ["document_url", (e) => e.document.url], ["published", (e) => e.document.published],
];

/** One CSV field. Text opening with = + - @ (or a tab or return) is prefixed with ' so that no spreadsheet evaluates it. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  let value = String(cell);
  if (typeof cell === "string" && /^[=+\-@\t\r]/.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const CSV_HEADER = `${COLUMNS.map(([title]) => title).join(",")}\r\n`;

/** The CSV lines of `events`. */
export function csvRows(events: readonly StoredEvent[]): string {
  return events.map((e) => `${COLUMNS.map(([, value]) => csvField(value(e))).join(",")}\r\n`).join("");
}
