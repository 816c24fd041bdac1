/**
 * Runs the built `sitrep serve` or `sitrep demo` on loopback, port 0, and hands back its URL
 * (plain JavaScript, shared by test/dashboard.test.ts and bench/dashboard.mjs).
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAIN = join(ROOT, "dist/cli/main.js");

/**
 * Starts `sitrep ARGS` (a `serve` or `demo` command) and resolves once it prints where it serves.
 * @param {string[]} args
 * @param {{timeoutMs?: number, cwd?: string}} [options]
 * @returns {Promise<{url: string, output: () => string, stop: () => Promise<void>}>}
 */
export function startSitrep(args, { timeoutMs = 300_000, cwd = ROOT } = {}) {
  const child = spawn(process.execPath, [MAIN, ...args, "--host", "127.0.0.1", "--port", "0"], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const output = () => out;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve(undefined);
      });
      // Ctrl-C, so that `demo` removes its temporary archive.
      child.kill("SIGINT");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`sitrep ${args.join(" ")}: not serving after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk) => {
      out += chunk;
      const m = /serving .* at (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output, stop });
      }
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", (chunk) => (out += chunk));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`sitrep ${args.join(" ")} exited (${code ?? signal}) before serving:\n${out}`));
    });
  });
}
