/**
 * `sitrep eval`: extracts a gold set into a temporary prediction file and hands both to the
 * shared scorer, whose output and exit status become ours. The scorer is run, never copied:
 * the sets we do not see are scored by the same file.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { ConfigError, InputError } from "../core/index.js";
import { readInputs, type IngestOptions } from "../ingest/index.js";
import { PACKAGE_ROOT, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { extractAll, ingestOptions, loadExtractor } from "./extract.js";
import { EVAL_HELP } from "./help.js";
import { createSink } from "./output.js";

const SCORER = "../shared/tools/score.mjs";

/** Runs `sitrep eval ARGS`; resolves to the scorer's exit status. */
export async function runEval(args: string[], debug: boolean): Promise<number> {
  const { values, positionals } = parseCommand("eval", () => parseArgs({
    args,
    allowPositionals: true,
    options: {
      scorer: { type: "string" },
      verbose: { type: "boolean" },
      json: { type: "boolean" },
      "max-bytes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
  if (values.help) {
    process.stdout.write(EVAL_HELP);
    return 0;
  }
  const [gold, ...extra] = positionals;
  if (gold === undefined || extra.length > 0) throw new UsageError("expected one gold file: sitrep eval GOLD.jsonl", "eval");
  if (!existsSync(gold)) throw new InputError(gold, null, "no such file");
  const scorer = findScorer(values.scorer);
  const flags = [...(values.verbose ? ["--verbose"] : []), ...(values.json ? ["--json"] : [])];
  const dir = await mkdtemp(join(tmpdir(), "sitrep-eval-"));
  try {
    const predictions = join(dir, "predictions.jsonl");
    await extractTo(gold, predictions, ingestOptions(values, "eval"), debug);
    return await runScorer(scorer, ["--gold", gold, "--pred", predictions, ...flags]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The scorer given, or the shared one beside the current folder, or beside the package. */
export function findScorer(given: string | undefined): string {
  if (given !== undefined) {
    if (!existsSync(given)) throw new ConfigError("--scorer", `no such file: ${given}`);
    return resolve(given);
  }
  const candidates = [resolve(SCORER), resolve(PACKAGE_ROOT, SCORER)];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new ConfigError("--scorer", `scorer not found at ${[...new Set(candidates)].join(" or ")}; give its path`);
  }
  return found;
}

async function extractTo(gold: string, predictions: string, options: IngestOptions, debug: boolean): Promise<void> {
  const extractor = await loadExtractor();
  const out = createWriteStream(predictions);
  const sink = createSink("jsonl", out);
  // Gold sets are JSONL whatever their name; only id, published and text are read.
  await extractAll(readInputs([gold], { ...options, format: "jsonl" }), extractor, sink, debug);
  await sink.end();
  out.end();
  await finished(out);
}

async function runScorer(scorer: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, [scorer, ...args], { stdio: "inherit" });
  const [code] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  return code ?? 1;
}
