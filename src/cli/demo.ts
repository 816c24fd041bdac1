/**
 * `sitrep demo`: builds a fresh SQLite archive in a temporary folder from the bundled examples
 * (the project's sample reports, Wikinews conflict articles, Wikipedia current-events
 * summaries), serves it, and deletes it when stopped.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../core/index.js";
import { readInputs } from "../ingest/index.js";
import { PACKAGE_ROOT, parseCommand } from "./args.js";
import { describeError } from "./errors.js";
import { loadExtractor } from "./extract.js";
import { DEMO_HELP } from "./help.js";
import { createProgress } from "./progress.js";
import { parsePort, serveStore } from "./serve.js";

/** The bundled examples, in the order they are read (examples/SOURCE.md says where each comes from). */
export const DEMO_INPUTS = ["reports.jsonl", "wikinews-conflict.jsonl", "current-events.jsonl"] as const;

function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith("..") ? path : near;
}

/** Runs `sitrep demo ARGS`; resolves to the exit status once the server has stopped. */
export async function runDemo(args: string[], debug: boolean): Promise<number> {
  const { values } = parseCommand("demo", () => parseArgs({
    args,
    options: { port: { type: "string" }, host: { type: "string", default: "127.0.0.1" }, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(DEMO_HELP);
    return 0;
  }
  const port = values.port === undefined ? null : parsePort(values.port, "demo");
  // Relative to the current folder when inside it: a document's `source` need not show where the package lives.
  const inputs = DEMO_INPUTS.map((name) => displayPath(join(PACKAGE_ROOT, "examples", name)));
  const missing = inputs.find((path) => !existsSync(path));
  if (missing !== undefined) throw new ConfigError("demo", `${missing} not found (the examples ship with a clone of the repository)`);

  const dir = mkdtempSync(join(tmpdir(), "sitrep-demo-"));
  const file = join(dir, "demo.db");
  const started = Date.now();
  process.stdout.write(`Building the demo archive ${file} from examples/ (removed when the server stops)...\n`);
  const [{ ingestAll }, { openStore }, extractor] = await Promise.all([import("../pipeline.js"), import("../store/index.js"), loadExtractor()]);
  const store = await openStore({ sqlite: file });
  try {
    const progress = createProgress(process.stderr, null);
    const tally = await ingestAll(readInputs(inputs, { format: "jsonl" }), extractor, store, {
      onProgress: (t) => progress.update(t),
      onRejected: (error) => process.stderr.write(`${describeError(error, debug)}\n`),
    });
    progress.clear();
    const counts = await store.counts();
    process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${tally.new} documents, ${counts.events} events, ${counts.actors} actor mentions, ${counts.claims} claims.\n`);
    await serveDemo(store, values.host, port);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

/** Serves on `port`, or on 8080 and, when that is taken, on any free port. */
async function serveDemo(store: Parameters<typeof serveStore>[0], host: string, port: number | null): Promise<void> {
  try {
    await serveStore(store, host, port ?? 8080, "the demo archive");
  } catch (error) {
    if (port !== null || !(error instanceof ConfigError && error.key === "--port")) throw error;
    await serveStore(store, host, 0, "the demo archive");
  }
}
