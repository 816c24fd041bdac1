/**
 * Rows out in the format asked for: `table` (aligned columns for a terminal), `csv` (RFC 4180),
 * `json` (a pretty array) or `jsonl` (one object a line). Tables and CSV show the columns given;
 * JSON shows each item whole.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";

export const LIST_FORMATS = ["table", "json", "jsonl", "csv"] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

type Cell = string | number | boolean | null;

export interface Column<T> {
  title: string;
  value: (item: T) => Cell;
  /** Widest a table cell may be; longer text is cut with "…". */
  max?: number;
}

const text = (cell: Cell): string => (cell === null ? "" : String(cell));

function csvField(cell: Cell): string {
  const value = text(cell);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cut(value: string, max: number | undefined): string {
  const flat = value.replace(/\s+/g, " ");
  return max !== undefined && flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The rendered output, whole (listings are bounded by --limit). */
export function renderList<T>(format: ListFormat, items: readonly T[], columns: readonly Column<T>[]): string {
  if (format === "json") return `${JSON.stringify(items, null, 2)}\n`;
  if (format === "jsonl") return items.map((item) => `${JSON.stringify(item)}\n`).join("");
  if (format === "csv") {
    const rows = [columns.map((c) => csvField(c.title)), ...items.map((item) => columns.map((c) => csvField(c.value(item))))];
    return rows.map((row) => `${row.join(",")}\r\n`).join("");
  }
  const cells = items.map((item) => columns.map((c) => cut(text(c.value(item)), c.max)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(columns.map((c) => c.title)), ...cells.map(line)].map((l) => `${l}\n`).join("");
}

/** Writes `chunk`, waiting for the stream to drain. */
export async function writeOut(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}
