/** Command-line options of a bench script: a wrong option is one line and exit status 2, not a stack trace. */
import { parseArgs } from "node:util";

export function benchOptions(name, options) {
  try {
    return parseArgs({ options }).values;
  } catch (err) {
    const known = Object.keys(options).map((k) => `--${k}`).join(", ");
    console.error(`${name}: ${err instanceof Error ? err.message : String(err)} (options: ${known})`);
    process.exit(2);
  }
}
