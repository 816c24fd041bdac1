/**
 * A thread of the extraction pool: loads the extractor once, then answers each document posted
 * to it with its record, or with the message of the error its extraction threw.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ExtractionRecord, SourceDocument } from "../core/index.js";
import { minHash } from "../ingest/fingerprint.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./protocol.js";

interface Extractor { readonly version: string; extract(doc: SourceDocument): ExtractionRecord }

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error("extract-worker.js runs as a worker thread only");

const post = (reply: WorkerReply): void => port.postMessage(reply);
const describe = (error: unknown) => ({
  message: error instanceof Error ? error.message : String(error),
  code: typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : null,
});

let extractor: Extractor | null = null;
// Messages wait in the port's queue until the listener below is attached, after the load.
try {
  const module = (await import(setup.module)) as { createExtractor: (options?: unknown) => Promise<Extractor> };
  extractor = await module.createExtractor(setup.options);
  post({ kind: "ready", version: extractor.version });
} catch (error) {
  post({ kind: "failed", ...describe(error) });
}

if (extractor !== null) {
  const ready = extractor;
  port.on("message", (request: WorkerRequest) => {
    try {
      const json = JSON.stringify(ready.extract(request.doc));
      post({ kind: "record", id: request.id, json, signature: request.signed ? minHash(request.doc.text) : null });
    } catch (error) {
      post({ kind: "error", id: request.id, message: describe(error).message });
    }
  });
}
