#!/usr/bin/env node
/**
 * The `sitrep` command: dispatches to a subcommand, prints errors (one line for ours, a stack for
 * bugs or with --debug) and sets the exit status.
 */
import { packageVersion } from "./args.js";
import { describeError, UsageError } from "./errors.js";
import { MAIN_HELP } from "./help.js";

type Command = (args: string[], debug: boolean) => Promise<number>;

// Imported when run: loading the extractor's modules (the language model among them) takes most
// of a second that `--version`, `--help` and usage errors need not pay.
const COMMANDS = new Map<string, Command>([
  ["extract", async (args, debug) => (await import("./extract.js")).runExtract(args, debug)],
  ["eval", async (args, debug) => (await import("./eval.js")).runEval(args, debug)],
  ["ingest", async (args, debug) => (await import("./ingest.js")).runIngest(args, debug)],
  ["watch", async (args, debug) => (await import("./watch.js")).runWatch(args, debug)],
  ["events", async (args) => (await import("./events.js")).runEvents(args)],
  ["actors", async (args) => (await import("./actors.js")).runActors(args)],
  ["documents", async (args) => (await import("./documents.js")).runDocuments(args)],
  ["trend", async (args) => (await import("./trend.js")).runTrend(args)],
  ["show", async (args) => (await import("./show.js")).runShow(args)],
  ["reextract", async (args) => (await import("./reextract.js")).runReextract(args)],
  ["serve", async (args) => (await import("./serve.js")).runServe(args)],
  ["demo", async (args, debug) => (await import("./demo.js")).runDemo(args, debug)],
  ["token", async (args) => (await import("./token.js")).runToken(args)],
  ["export", async (args) => (await import("./export.js")).runExport(args)],
  ["import", async (args, debug) => (await import("./import.js")).runImport(args, debug)],
  ["compare", async (args) => (await import("./compare.js")).runCompare(args)],
  ["report", async (args) => (await import("./report.js")).runReport(args)],
]);

/** Runs the command line `argv` (without node and script); resolves to the exit status. */
async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((arg) => arg !== "--debug");
  const [command, ...rest] = args;
  try {
    if (command === undefined) {
      process.stderr.write(MAIN_HELP);
      return 1;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      const topic = COMMANDS.get(rest[0] ?? "");
      if (topic) return await topic(["--help"], debug);
      process.stdout.write(MAIN_HELP);
      return 0;
    }
    if (command === "--version" || command === "-v" || command === "version") {
      process.stdout.write(`sitrep ${packageVersion()}\n`);
      return 0;
    }
    const run = COMMANDS.get(command);
    if (run === undefined) {
      const what = command.startsWith("-") ? "option" : "command";
      throw new UsageError(`unknown ${what} "${command}"`);
    }
    return await run(rest, debug);
  } catch (error) {
    process.stderr.write(`${describeError(error, debug)}\n`);
    return 1;
  }
}

// A reader that stops early (`sitrep extract … | head`) closes the pipe: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
