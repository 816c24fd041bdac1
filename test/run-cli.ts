/** Runs the built CLI (`node dist/cli/main.js`) as a child process, for the end-to-end tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const MAIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

export interface Run { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Starts `sitrep ARGS` in `cwd`; `child` is there to be killed, `done` resolves when it ends. */
export function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input = ""): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr?.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdin?.end(input);
  const done = new Promise<Run>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `sitrep ARGS` to its end. */
export function sitrep(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input = ""): Promise<Run> {
  return start(args, cwd, env, input).done;
}

export const lines = (text: string): string[] => text.split("\n").filter((line) => line !== "");
