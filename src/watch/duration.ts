/** Durations on the command line: `30s`, `15m`, `1h`, `500ms`. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The duration in milliseconds, or null when `text` is not one (a number and ms, s, m or h). */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? NaN));
}

/** `15m`, `1h30m`, `45s`: a duration for log lines, to the second. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  return minutes % 60 === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
