/**
 * The extractor: one document in, its evidence-linked record out.
 *
 * @example
 * const extractor = await createExtractor();
 * const record = extractor.extract({ id: "r1", published: "2026-03-04", text });
 */
import type { ExtractionRecord, SourceDocument } from "../core/index.js";

export interface Extractor {
  /** `name@version` of the extractor; stored with every record. */
  readonly version: string;
  extract(doc: SourceDocument): ExtractionRecord;
}

export interface ExtractorOptions {
  /** Folder holding the rules data (actors/, patterns/, gazetteer/); defaults to the package's data/. */
  dataDir?: string;
}

/** Placeholder until the extraction stages land: an empty but well-formed record. */
export async function createExtractor(_options: ExtractorOptions = {}): Promise<Extractor> {
  const version = "sitrep-extract@0.1.0";
  return {
    version,
    extract: (doc) => ({
      id: doc.id, published: doc.published, actors: [], events: [], statistics: [], claims: [],
      places: [], relations: [], extractor: version,
    }),
  };
}
