/**
 * The period a report covers, and the one before it that its figures are compared with. Days are
 * whole UTC days, both ends included.
 */

/** The length of a report's period when the filters give no start. */
export const DEFAULT_DAYS = 30;

export interface Period {
  since: string;
  until: string;
  /** Days from `since` to `until`, both included. */
  days: number;
}

export interface ReportPeriods {
  current: Period;
  /** The same number of days, ending the day before `current` starts. */
  previous: Period;
  /** How the current period was chosen, in a sentence for the report. */
  chosen: string;
}

const DAY_MS = 86_400_000;

/** The day `n` days after `day` (before, when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `since` to `until`, both included. */
export function daysBetween(since: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The report's periods from the filters' `since`/`until` and the last day of the matching events
 * (`latest`, null when none is dated). Neither given: the last DEFAULT_DAYS days up to `latest`;
 * only `until`: the DEFAULT_DAYS days up to it; only `since`: from it up to `latest`. `latest` is
 * never taken past `today`, so a misread year (a 2124) does not move the period into the future.
 *
 * @example
 * choosePeriods({}, "2026-03-14", "2026-11-26").current // { since: "2026-02-13", until: "2026-03-14", days: 30 }
 */
export function choosePeriods(given: { since?: string; until?: string }, latest: string | null, today: string): ReportPeriods {
  const last = latest === null || latest > today ? today : latest;
  let since: string;
  let until: string;
  let chosen: string;
  if (given.since && given.until) {
    [since, until] = given.since <= given.until ? [given.since, given.until] : [given.until, given.since];
    chosen = "the period asked for";
  } else if (given.until) {
    until = given.until;
    since = addDays(until, 1 - DEFAULT_DAYS);
    chosen = `the ${DEFAULT_DAYS} days up to the day asked for`;
  } else if (given.since) {
    since = given.since;
    until = last < since ? since : last;
    chosen = latest === null ? "from the day asked for (no matching event has a date)" : "from the day asked for to the latest date of the matching events";
  } else {
    until = last;
    since = addDays(until, 1 - DEFAULT_DAYS);
    chosen = latest === null
      ? `the last ${DEFAULT_DAYS} days up to today (no matching event has a date)`
      : `the last ${DEFAULT_DAYS} days of the archive's matching events, up to the latest event date`;
  }
  const days = daysBetween(since, until);
  const previousUntil = addDays(since, -1);
  return {
    current: { since, until, days },
    previous: { since: addDays(previousUntil, 1 - days), until: previousUntil, days },
    chosen,
  };
}
