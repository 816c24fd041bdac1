/** `sitrep watch`: feeds polled round after round until stopped, their new items ingested. */
import { parseArgs } from "node:util";
import { DEFAULT_MAX_BYTES, FETCH_TIMEOUT_MS, HostPacer, isUrl, loadFeedReader } from "../ingest/index.js";
import { parseDuration, watchFeeds } from "../watch/index.js";
import { parseCommand } from "./args.js";
import { describeError, UsageError } from "./errors.js";
import { ingestOptions, loadExtractor } from "./extract.js";
import { WATCH_HELP } from "./help.js";
import { summary } from "./ingest.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

/** Runs `sitrep watch ARGS`; resolves to the exit status (0 when stopped; with --once, 2 when a feed failed). */
export async function runWatch(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parseCommand("watch", () => parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...STORE_OPTIONS,
      every: { type: "string" },
      once: { type: "boolean" },
      "host-delay": { type: "string" },
      timeout: { type: "string" },
      "max-bytes": { type: "string" },
      batch: { type: "string" },
      "no-follow": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(WATCH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("no feed: give the URL of one or more RSS or Atom feeds", "watch");
  const notUrl = positionals.find((feed) => !isUrl(feed));
  if (notUrl !== undefined) throw new UsageError(`"${notUrl}" is not an http(s) URL (watch polls feeds on the web; ingest reads files)`, "watch");
  const everyMs = duration(values.every ?? "15m", "--every", 1000);
  const hostDelayMs = duration(values["host-delay"] ?? "1s", "--host-delay", 0);
  const timeoutMs = duration(values.timeout ?? `${FETCH_TIMEOUT_MS / 1000}s`, "--timeout", 1000);
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new UsageError(`--batch: expected a positive whole number, got "${values.batch}"`, "watch");
  }
  const { maxBytes = DEFAULT_MAX_BYTES } = ingestOptions(values, "watch");

  // The first Ctrl-C or SIGTERM stops after the batch in hand; a second one quits at once
  // (what is committed stays whole either way: batches are transactions).
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const started = Date.now();
  try {
    const [extractor, store, reader] = await Promise.all([loadExtractor(), openStoreFrom(values), loadFeedReader()]);
    try {
      const feeds = [...new Set(positionals)];
      const pacer = new HostPacer(hostDelayMs);
      const follow = { maxBytes, pacer, timeoutMs, signal: stop.signal, warn: (line: string) => process.stderr.write(`sitrep: ${line}\n`) };
      const result = await watchFeeds(feeds, {
        store, extractor, maxBytes, everyMs, timeoutMs, pacer,
        signal: stop.signal,
        once: values.once === true,
        documents: values["no-follow"] === true
          ? async (label, item) => reader.itemDocument(label, item, null)
          : async (label, item) => reader.followedDocument(label, item, null, follow),
        onRejected: (error) => process.stderr.write(`${describeError(error, debug)}\n`),
        now: () => new Date(),
        log: (line) => process.stdout.write(`${line}\n`),
        warn: follow.warn,
        ...(batchSize === undefined ? {} : { batchSize }),
      });
      const rounds = `${result.rounds} round${result.rounds === 1 ? "" : "s"} of ${feeds.length} feed${feeds.length === 1 ? "" : "s"}`;
      process.stdout.write(`watched ${rounds}: ${summary(result.tally, (Date.now() - started) / 1000)}\n`);
      return values.once === true && !stop.signal.aborted && (result.failed > 0 || result.tally.rejected > 0) ? 2 : 0;
    } finally {
      await store.close();
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function duration(text: string, option: string, least: number): number {
  const ms = parseDuration(text);
  if (ms === null || ms < least) {
    throw new UsageError(`${option}: expected a duration such as 30s, 15m or 1h${least > 0 ? ` (at least ${least / 1000}s)` : ""}, got "${text}"`, "watch");
  }
  return ms;
}
