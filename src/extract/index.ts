/**
 * The extractor: one document in, its evidence-linked record out.
 *
 * @example
 * const extractor = await createExtractor();
 * const record = extractor.extract({ id: "r1", published: "2026-03-04", text });
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ExtractionRecord, SourceDocument } from "../core/index.js";
import { loadActorRules } from "../rules/actors.js";
import { loadEventRules } from "../rules/events.js";
import { loadGazetteer } from "../rules/gazetteer.js";
import { loadRelationRules } from "../rules/relations.js";
import { extractDocument, type Rules } from "./document.js";

export interface Extractor {
  /** `name@version` of the extractor; stored with every record. */
  readonly version: string;
  extract(doc: SourceDocument): ExtractionRecord;
}

export interface ExtractorOptions {
  /** Folder holding the rules data (actors/, patterns/, gazetteer/); defaults to the package's data/. */
  dataDir?: string;
}

/** Bump when a change to the engine or the data changes what records say. */
export const EXTRACTOR_VERSION = "sitrep-extract@0.2.0";

/** Load the rules once; the returned extractor is reused for every document. */
export async function createExtractor(options: ExtractorOptions = {}): Promise<Extractor> {
  const dir = options.dataDir ? pathToFileURL(`${resolve(options.dataDir)}/`) : new URL("../../data/", import.meta.url);
  const gazetteer = loadGazetteer(new URL("gazetteer/", dir).pathname);
  const rules: Rules = {
    actors: loadActorRules(new URL("actors/", dir)),
    events: loadEventRules(new URL("patterns/", dir)),
    gazetteer,
    relations: loadRelationRules(new URL("patterns/", dir)),
  };
  return { version: EXTRACTOR_VERSION, extract: (doc) => extractDocument(doc, rules, EXTRACTOR_VERSION) };
}
