/**
 * `sitrep reextract`: runs the current extractor again over stored documents whose record another
 * version made (all of them with --all), replacing each record in its own transaction. With
 * several threads, a few documents per thread are out at once, replaced in id order.
 */
import { parseArgs } from "node:util";
import { DOCUMENTS_PER_JOB } from "../pipeline.js";
import { inOrder } from "../pool/index.js";
import type { Store } from "../store/index.js";
import { parseCommand } from "./args.js";
import { REEXTRACT_HELP } from "./help.js";
import { JOBS_OPTION, openBoth, openRecordSource, parseJobs } from "./jobs.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

const PAGE = 200;

/** Runs `sitrep reextract ARGS`; resolves to the exit status (2 when a document failed). */
export async function runReextract(args: string[]): Promise<number> {
  const { values } = parseCommand("reextract", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...JOBS_OPTION, all: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(REEXTRACT_HELP);
    return 0;
  }
  const jobs = await parseJobs(values.jobs, "reextract");
  const [extractor, store] = await openBoth(openRecordSource(jobs), openStoreFrom(values));
  const tally = { done: 0, current: 0, failed: 0 };
  try {
    const redo = async (id: number) => {
      const doc = await store.document(id);
      if (doc === null) return null;
      try {
        return { id, doc, record: await extractor.extract({ id: doc.key, text: doc.text, published: doc.published }) };
      } catch (error) {
        return { id, doc, error };
      }
    };
    const window = jobs > 1 ? jobs * DOCUMENTS_PER_JOB : 1;
    for await (const result of inOrder(outdated(store, extractor.version, values.all === true, tally), redo, window)) {
      if (result === null) continue;
      try {
        if ("error" in result) throw result.error;
        await store.replaceRecord(result.id, result.record);
        tally.done += 1;
      } catch (error) {
        tally.failed += 1;
        process.stderr.write(`sitrep: d${result.id} (${result.doc.source}): extraction failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  } finally {
    await Promise.all([store.close(), extractor.close()]);
  }
  process.stdout.write(`re-extracted ${tally.done} documents with ${extractor.version}; ${tally.current} already had its records; ${tally.failed} failed\n`);
  return tally.failed > 0 ? 2 : 0;
}

/** Ids of the documents to extract again, page by page; counts in `tally.current` those left as they are. */
async function* outdated(store: Store, version: string, all: boolean, tally: { current: number }): AsyncGenerator<number> {
  for (let after = 0; ;) {
    const page = await store.recordsToCheck(after, PAGE);
    if (page.length === 0) return;
    after = page[page.length - 1]?.id ?? after;
    for (const { id, extractor: made } of page) {
      if (made === version && !all) tally.current += 1;
      else yield id;
    }
  }
}
