/**
 * How the CLI shows a failure (citty's split): a SitrepError is one line, its message; anything
 * else is a bug and gets its stack. `--debug` adds the stack to both.
 */
import { SitrepError } from "../core/index.js";

/** A wrong command line: unknown command or option, missing argument. Exit status 1. */
export class UsageError extends SitrepError {
  /** The command whose help to point at ("extract"), or null for the top level. */
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super("EUSAGE", message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** The text to print on stderr for an error, every line prefixed `sitrep: ` where it is ours. */
export function describeError(error: unknown, debug: boolean): string {
  if (error instanceof UsageError) {
    const help = error.command === null ? "sitrep --help" : `sitrep ${error.command} --help`;
    return `sitrep: ${error.message} (see '${help}')`;
  }
  if (error instanceof SitrepError) {
    return debug ? `sitrep: ${error.message}\n${stackOf(error)}` : `sitrep: ${error.message}`;
  }
  return `sitrep: internal error: ${stackOf(error)}`;
}

function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? "" : `\ncaused by: ${stackOf(error.cause)}`;
  return `${error.stack ?? error.message}${cause}`;
}
