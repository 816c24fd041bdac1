/**
 * CSV cells and rows as RFC 4180 writes them: fields separated by commas, rows ended by CRLF, a
 * field quoted (its quotes doubled) when it holds a comma, a quote or a line break.
 *
 * Exports are opened in spreadsheets, which run a cell that begins with `=`, `+`, `-` or `@` (or
 * a tab or carriage return before one) as a formula: text from a news report must never do that
 * ("=HYPERLINK(…)" in a quoted sentence). Such a text cell is written with a leading `'`, which
 * spreadsheets show as text and `unguardCell` removes on import. Numbers are never guarded, so a
 * negative longitude stays a number.
 */

/** A cell's value: text, a number, a yes/no, or nothing (an empty field). */
export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, CRLF-terminated. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

/** A text cell as it was before `csvField` guarded it. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
