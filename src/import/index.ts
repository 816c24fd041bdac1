/**
 * Imports of other datasets' files (ACLED, UCDP GED) into the archive, apart from extracted
 * events: each file read as a stream and stored in one transaction, whole or not at all.
 *
 * @example
 * await importFile(store, "acled", "acled-2026.csv");
 */
import type { ExchangeTables } from "../export/index.js";
import { loadExchangeTables } from "../export/index.js";
import type { ImportedEvent, ImportOutcome, ImportSource, Store } from "../store/index.js";
import { acledEvents } from "./acled.js";
import { fileHash } from "./csv-file.js";
import { ucdpEvents } from "./ucdp.js";

export { compareEvents, type Comparison, type CompareOptions, type CompareRow } from "./compare.js";

/** The events of a file of `source`, in file order; a bad row throws an InputError naming its line. */
export function readImport(source: ImportSource, path: string, tables: ExchangeTables): AsyncGenerator<ImportedEvent> {
  return source === "acled" ? acledEvents(path, tables) : ucdpEvents(path, tables);
}

/** Imports one file: all of its events or, when a row is bad, none. */
export async function importFile(store: Store, source: ImportSource, path: string, tables: ExchangeTables = loadExchangeTables()): Promise<ImportOutcome> {
  const contentHash = await fileHash(path);
  return store.importEvents({ source, path, contentHash, importedAt: new Date().toISOString() }, readImport(source, path, tables));
}
