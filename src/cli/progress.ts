/**
 * Progress of a long ingest on stderr: on a terminal, one line redrawn at most every 200 ms
 * with documents/s and an ETA; elsewhere, a plain log line at most every 10 s.
 */
import type { Writable } from "node:stream";
import type { IngestTally } from "../pipeline.js";

export interface Progress {
  update(tally: IngestTally): void;
  /** Clears the terminal line before other output. */
  clear(): void;
}

/** `totalBytes`: the inputs' size when known, for the ETA (texts' share of it read so far). */
export function createProgress(out: Writable & { isTTY?: boolean; columns?: number }, totalBytes: number | null): Progress {
  const started = Date.now();
  let last = started;
  let shown = false;
  const tty = out.isTTY === true;
  const every = tty ? 200 : 10_000;
  return {
    update(tally) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? tally.read / seconds : 0;
      const counts = `${tally.read} documents, ${rate.toFixed(1)}/s: ${tally.new} new, ${tally.unchanged} unchanged, ${tally.nearDuplicates} near-duplicates, ${tally.rejected} rejected`;
      if (!tty) {
        out.write(`sitrep: ingest: ${counts}\n`);
        return;
      }
      const share = totalBytes ? Math.min(0.99, tally.bytes / totalBytes) : null;
      const eta = share && share > 0 ? ` ETA ${formatDuration((seconds / share) * (1 - share))}` : "";
      const bar = share === null ? "" : `[${"#".repeat(Math.round(share * 20)).padEnd(20, ".")}] `;
      const line = `${bar}${counts}${eta}`;
      out.write(`\r\x1b[K${line.slice(0, (out.columns ?? 120) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) out.write("\r\x1b[K");
      shown = false;
    },
  };
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, "0")}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
