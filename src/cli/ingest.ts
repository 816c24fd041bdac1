/** `sitrep ingest`: documents from files and folders into the archive, extracted, in batches. */
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { folderFiles, readInputs } from "../ingest/index.js";
import type { IngestTally } from "../pipeline.js";
import { parseCommand } from "./args.js";
import { describeError, UsageError } from "./errors.js";
import { ingestOptions } from "./extract.js";
import { INGEST_HELP } from "./help.js";
import { JOBS_OPTION, openBoth, openRecordSource, parseJobs } from "./jobs.js";
import { createProgress } from "./progress.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

/** Runs `sitrep ingest ARGS`; resolves to the exit status (0, or 2 when a document was rejected). */
export async function runIngest(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parseCommand("ingest", () => parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...STORE_OPTIONS, ...JOBS_OPTION,
      published: { type: "string" },
      "max-bytes": { type: "string" },
      batch: { type: "string" },
      "no-follow": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(INGEST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("no input: give files or folders, or - for stdin", "ingest");
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new UsageError(`--batch: expected a positive whole number, got "${values.batch}"`, "ingest");
  }
  const ingest = ingestOptions(values, "ingest");
  const jobs = await parseJobs(values.jobs, "ingest");
  const [extractor, store] = await openBoth(openRecordSource(jobs), openStoreFrom(values));
  // Made once the threads are up, so that their start-up is not counted in documents/s.
  const progress = createProgress(process.stderr, await totalBytes(positionals));
  const warn = (message: string) => {
    progress.clear();
    process.stderr.write(`sitrep: ${message}\n`);
  };
  const options = { ...ingest, folders: true, follow: values["no-follow"] !== true, warn };
  const { ingestAll } = await import("../pipeline.js");
  const started = Date.now();
  try {
    const tally = await ingestAll(readInputs(positionals, options), extractor, store, {
      ...(batchSize === undefined ? {} : { batchSize }),
      onProgress: (t) => progress.update(t),
      onRejected: (error) => {
        progress.clear();
        process.stderr.write(`${describeError(error, debug)}\n`);
      },
    });
    progress.clear();
    process.stdout.write(`${summary(tally, (Date.now() - started) / 1000)}\n`);
    return tally.rejected > 0 ? 2 : 0;
  } finally {
    progress.clear();
    await Promise.all([store.close(), extractor.close()]);
  }
}

/** The inputs' total size in bytes (folders walked), or null when any is unknown (stdin). */
async function totalBytes(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  try {
    for (const input of inputs) {
      if (input === "-") return null;
      const info = await stat(input);
      if (!info.isDirectory()) total += info.size;
      else for (const file of await folderFiles(input)) total += (await stat(file)).size;
    }
  } catch {
    return null; // the reader will report the file
  }
  return total;
}

/** The closing line: `ingested 12 documents in 1.5 s (8.0/s): 10 new, 1 unchanged, 0 near-duplicates, 1 rejected (1 empty file)`. */
export function summary(tally: IngestTally, seconds: number): string {
  const reasons = [...tally.reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`);
  const rate = seconds > 0 ? (tally.read / seconds).toFixed(1) : "0";
  return `ingested ${tally.read} documents in ${seconds.toFixed(1)} s (${rate}/s): ${tally.new} new, ${tally.unchanged} unchanged, `
    + `${tally.nearDuplicates} near-duplicates, ${tally.rejected} rejected${reasons.length > 0 ? ` (${reasons.join(", ")})` : ""}`;
}
