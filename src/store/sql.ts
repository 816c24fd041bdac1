/**
 * What the shared queries are built with: the `Dialect` a driver supplies (placeholders,
 * full-text match, lists, booleans), and `Where`, which collects conditions with their bound
 * parameters. Every value a caller gives goes in as a parameter, never into the SQL text.
 */
import type { Cursor, Interval } from "./store.js";

export interface Dialect {
  /** The n-th (1-based) parameter's placeholder: `?` or `$n`. */
  param(n: number): string;
  /** A condition that event `e` matches the full-text query in parameter `p`. */
  eventText(p: string): string;
  /** A condition that document `d` matches the full-text query in parameter `p`. */
  documentText(p: string): string;
  /** The full-text query for the driver, from the user's words. */
  textQuery(words: string[]): string;
  /** `column` equals parameter `p`, ignoring case. */
  caseless(column: string, p: string): string;
  /** A subquery of the ids in parameter `p`, and that parameter's value for `ids`. */
  idList(p: string): string;
  idParam(ids: readonly number[]): unknown;
  /** A subquery of the strings in parameter `p`, and that parameter's value for `values`. */
  textList(p: string): string;
  textParam(values: readonly string[]): unknown;
  /** A subquery of rows (name, shown) from parameter `p`, and that parameter's value for `pairs`. */
  pairList(p: string): string;
  pairParam(pairs: ReadonlyArray<readonly [string, string]>): unknown;
  /** A boolean as the driver binds it. */
  bool(value: boolean): unknown;
  /** The first day (YYYY-MM-DD) of the `interval` holding the day in `column` (weeks start on Monday). */
  period(interval: Interval, column: string): string;
}

export interface Sql { text: string; params: unknown[] }

export type Row = Record<string, unknown>;

/** The default number of rows a listing returns. */
export const DEFAULT_LIMIT = 100;

/** A sort order: by `column` (nulls last) then by `id`, or by `id` alone when `column` is null. */
export interface Order { column: string | null; id: string; descending: boolean }

/**
 * Collects conditions and their parameters. SQLite's `?` placeholders bind in the order they
 * appear, so conditions must be added in the order they are written into the statement.
 */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[];
  readonly dialect: Dialect;

  constructor(dialect: Dialect, params: unknown[] = []) {
    this.dialect = dialect;
    this.params = params;
  }

  /** Binds `value`; returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return this.dialect.param(this.params.length);
  }

  add(value: unknown, condition: (p: string) => string): void {
    this.conditions.push(condition(this.param(value)));
  }

  /** A condition without parameters. */
  raw(condition: string): void {
    this.conditions.push(condition);
  }

  /** `EXISTS (SELECT 1 FROM from WHERE …)`, the inner conditions built by `build` on the same parameters. */
  exists(from: string, build: (inner: Where) => void): void {
    const inner = new Where(this.dialect, this.params);
    build(inner);
    this.conditions.push(`EXISTS (SELECT 1 FROM ${from} ${inner.text()})`);
  }

  /** Rows after `after` in `order` (keyset pagination). */
  after(order: Order, after: Cursor | undefined): void {
    if (after === undefined) return;
    const op = order.descending ? "<" : ">";
    const { column, id } = order;
    if (column === null) this.add(after.id, (p) => `${id} ${op} ${p}`);
    else if (after.value === null) this.add(after.id, (p) => `${column} IS NULL AND ${id} ${op} ${p}`);
    else {
      const [v1, v2, last] = [this.param(after.value), this.param(after.value), this.param(after.id)];
      this.conditions.push(`(${column} ${op} ${v1} OR (${column} = ${v2} AND ${id} ${op} ${last}) OR ${column} IS NULL)`);
    }
  }

  text(): string {
    return this.conditions.length === 0 ? "" : `WHERE ${this.conditions.join(" AND ")}`;
  }

  limit(limit: number | undefined): string {
    return `LIMIT ${this.param(limit ?? DEFAULT_LIMIT)}`;
  }
}

/** `ORDER BY` text for `order`. */
export function orderBy(order: Order): string {
  const dir = order.descending ? "DESC" : "ASC";
  return order.column === null ? `ORDER BY ${order.id} ${dir}` : `ORDER BY ${order.column} ${dir} NULLS LAST, ${order.id} ${dir}`;
}

export const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
export const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
/** A boolean column: SQLite stores 0/1, PostgreSQL true/false. */
export const bool = (value: unknown): boolean => value === true || value === 1 || value === "1";
