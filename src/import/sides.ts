/** The two sides of an imported row as Sitrep's actors and recipients. */
import type { RowReader } from "./fields.js";

/**
 * A row's sides as actor and recipient lists. A Sitrep export read back carries `recipients`:
 * an empty one means two-sided fighting, whose second side is another initiator (see
 * export/sides.ts). Any other file's first side acts on the second.
 */
export function importedSides(row: RowReader, first: string[], second: string[]): { actors: string[]; recipients: string[] } {
  if (!row.has("recipients")) return { actors: first, recipients: second };
  const recipients = row.names("recipients");
  return recipients.length === 0 ? { actors: [...first, ...second], recipients } : { actors: first, recipients };
}
