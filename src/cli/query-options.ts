/** Options shared by the commands that answer from the archive: format, limit, dates, checked. */
import { MODALITIES, PLOVER_TYPES } from "../core/index.js";
import { checkPublished } from "../ingest/index.js";
import type { EventQuery } from "../store/index.js";
import { UsageError } from "./errors.js";
import { LIST_FORMATS, type ListFormat } from "./table.js";

export const LIST_OPTIONS = {
  format: { type: "string", default: "table" },
  limit: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `--format`, one of table, json, jsonl, csv. */
export function listFormat(value: string | undefined, command: string): ListFormat {
  const format = LIST_FORMATS.find((name) => name === value);
  if (!format) throw new UsageError(`--format: expected ${LIST_FORMATS.join(", ")}, got "${value}"`, command);
  return format;
}

/** `--limit N`, a positive whole number, or undefined. */
export function listLimit(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: expected a positive whole number, got "${value}"`, command);
  return limit;
}

/** A `--since`/`--until` day, checked (YYYY-MM-DD), or undefined. */
export function day(flag: string, value: string | undefined, command: string): string | undefined {
  if (value === undefined) return undefined;
  const checked = checkPublished(value);
  if (typeof checked !== "string") throw new UsageError(`--${flag}: expected a day such as 2026-01-31, got "${value}"`, command);
  return checked;
}

/** One of `allowed` (compared in upper or lower case as the list spells it), or a usage error. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], command: string): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`--${flag}: expected one of ${allowed.join(", ")}, got "${value}"`, command);
  return found;
}

/** The parseArgs options of the event filters (`events`, `trend`, `export`). */
export const EVENT_FILTER_OPTIONS = {
  country: { type: "string" }, admin1: { type: "string" }, since: { type: "string" }, until: { type: "string" },
  type: { type: "string" }, actor: { type: "string" }, modality: { type: "string" }, text: { type: "string" },
} as const;

type FilterValues = { [K in keyof typeof EVENT_FILTER_OPTIONS]?: string | undefined };

/** The event filters given, checked; absent ones are left out. */
export function eventQuery(values: FilterValues, command: string): EventQuery {
  const query: EventQuery = {};
  if (values.country) query.country = values.country;
  if (values.admin1) query.admin1 = values.admin1;
  if (values.actor) query.actor = values.actor;
  if (values.text) query.text = values.text;
  const since = day("since", values.since, command);
  if (since) query.since = since;
  const until = day("until", values.until, command);
  if (until) query.until = until;
  const type = oneOf("type", values.type, PLOVER_TYPES, command);
  if (type) query.type = type;
  const modality = oneOf("modality", values.modality, MODALITIES, command);
  if (modality) query.modality = modality;
  return query;
}
