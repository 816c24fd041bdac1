/**
 * Page cursors: opaque to clients, base64url of `[value, id]` (the last row's sort value and
 * id), checked on the way back in.
 */
import type { Cursor } from "../store/index.js";
import { HttpError } from "./errors.js";

/** The cursor text for the page after `cursor`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

/** The cursor a client sent back; a 400 when it is not one of ours. */
export function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [value, id] = parsed as unknown[];
    const valueOk = value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
    if (valueOk && Number.isSafeInteger(id)) return { value: value as Cursor["value"], id: id as number };
  }
  throw new HttpError(400, "cursor: not a cursor this server gave (start again without it)");
}

/** A page of `items` fetched with one row more than `limit`: the items and the next page's cursor. */
export function page<T>(rows: readonly T[], limit: number, cursorOf: (last: T) => Cursor): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
