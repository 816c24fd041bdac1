/**
 * `sitrep reextract`: runs the current extractor again over stored documents whose record another
 * version made (all of them with --all), replacing each record in its own transaction.
 */
import { parseArgs } from "node:util";
import { parseCommand } from "./args.js";
import { loadExtractor } from "./extract.js";
import { REEXTRACT_HELP } from "./help.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

const PAGE = 200;

/** Runs `sitrep reextract ARGS`; resolves to the exit status (2 when a document failed). */
export async function runReextract(args: string[]): Promise<number> {
  const { values } = parseCommand("reextract", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, all: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(REEXTRACT_HELP);
    return 0;
  }
  const [extractor, store] = await Promise.all([loadExtractor(), openStoreFrom(values)]);
  let done = 0;
  let current = 0;
  let failed = 0;
  try {
    for (let after = 0; ;) {
      const page = await store.recordsToCheck(after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]?.id ?? after;
      for (const { id, extractor: made } of page) {
        if (made === extractor.version && !values.all) {
          current += 1;
          continue;
        }
        const doc = await store.document(id);
        if (doc === null) continue;
        try {
          await store.replaceRecord(id, extractor.extract({ id: doc.key, text: doc.text, published: doc.published }));
          done += 1;
        } catch (error) {
          failed += 1;
          process.stderr.write(`sitrep: d${id} (${doc.source}): extraction failed: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    }
  } finally {
    await store.close();
  }
  process.stdout.write(`re-extracted ${done} documents with ${extractor.version}; ${current} already had its records; ${failed} failed\n`);
  return failed > 0 ? 2 : 0;
}
