/**
 * The view's filters and how they live in the URL's query string, so that a view can be shared
 * and reloaded. Pure functions (tested in filters.test.ts); values the URL brings are checked
 * here, and the server checks them again.
 */
import { MODALITIES, PLOVER_TYPES } from "../core/record.js";

export const FILTER_KEYS = ["since", "until", "country", "admin1", "type", "actor", "modality", "text"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const SORTS = ["-date", "date", "-fatalities", "fatalities", "id"] as const;
export type Sort = (typeof SORTS)[number];

/** What the URL holds: the filters, the table's order and the event shown in the panel. */
export interface View {
  filters: Filters;
  sort: Sort;
  event: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{3}$/;
const TYPES: ReadonlySet<string> = new Set(PLOVER_TYPES);
const MODALITY_SET: ReadonlySet<string> = new Set(MODALITIES);

/** True for a real calendar day `YYYY-MM-DD` (not 2024-02-30). */
function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The value kept for a filter, or undefined when it is empty or not of the filter's form. */
function clean(key: FilterKey, raw: string | null): string | undefined {
  const value = raw?.trim() ?? "";
  if (value === "" || value.length > 200) return undefined;
  switch (key) {
    case "since":
    case "until":
      return isDay(value) ? value : undefined;
    case "country":
      return COUNTRY.test(value.toUpperCase()) ? value.toUpperCase() : undefined;
    case "type":
      return TYPES.has(value.toUpperCase()) ? value.toUpperCase() : undefined;
    case "modality":
      return MODALITY_SET.has(value) ? value : undefined;
    default:
      return value;
  }
}

/** Reads a view from a query string (`location.search`); unknown or malformed values are dropped. */
export function readView(search: string): View {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = clean(key, params.get(key));
    if (value !== undefined) filters[key] = value;
  }
  const sort = params.get("sort");
  const event = Number(params.get("event"));
  return {
    filters,
    sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "-date",
    event: Number.isSafeInteger(event) && event > 0 ? event : null,
  };
}

/** The query string of a view, in a fixed order, without defaults: `?country=SYR&type=ASSAULT`. */
export function writeView(view: View): string {
  const params = filterParams(view.filters);
  if (view.sort !== "-date") params.set("sort", view.sort);
  if (view.event !== null) params.set("event", String(view.event));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The API query of a set of filters (the same names the API takes), optionally without some. */
export function filterParams(filters: Filters, without: readonly FilterKey[] = []): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "" && !without.includes(key)) params.set(key, value);
  }
  return params;
}

/** Filters changed by a patch: an empty or undefined value removes the filter. */
export function patchFilters(filters: Filters, patch: Filters): Filters {
  const next: Filters = { ...filters };
  for (const key of FILTER_KEYS) {
    if (!(key in patch)) continue;
    const value = clean(key, patch[key] ?? null);
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  // A division belongs to a country: another country drops it.
  if ("country" in patch && patch.country !== filters.country && !("admin1" in patch)) delete next.admin1;
  return next;
}

/** True when two filter sets ask the same thing. */
export function sameFilters(a: Filters, b: Filters): boolean {
  return filterParams(a).toString() === filterParams(b).toString();
}
