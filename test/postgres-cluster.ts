/**
 * Vitest global setup: a throwaway PostgreSQL cluster for the store tests. With SITREP_TEST_PG
 * set, that server is used instead. Otherwise `initdb` makes a cluster in a temp folder (as the
 * `postgres` user when run as root: PostgreSQL refuses to run as root), `pg_ctl` starts it on a
 * free loopback port, and teardown stops it and deletes the folder. Without PostgreSQL binaries
 * the PostgreSQL tests are skipped, loudly; under CI (CI=true) that is an error instead.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server URL for the store tests, or null when none could be started. */
    postgresUrl: string | null;
  }
}

/** The folder holding initdb and pg_ctl: SITREP_PG_BIN, Debian's newest, or pg_config's. */
function findBin(): string | null {
  const candidates = [process.env["SITREP_PG_BIN"]];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, "bin")));
  }
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on PATH
  }
  return candidates.find((dir) => dir !== undefined && existsSync(join(dir, "initdb"))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** As root, the uid and gid of the unprivileged user the server runs as. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const user = process.env["SITREP_TEST_PG_USER"] ?? "postgres";
  try {
    const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(`running as root, PostgreSQL needs an unprivileged user "${user}" (useradd --system ${user}, or set SITREP_TEST_PG_USER)`);
  }
}

function run(bin: string, args: string[], options: SpawnSyncOptions): void {
  const result = spawnSync(bin, args, { ...options, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(" ")} failed (${result.status ?? result.signal}): ${String(result.stderr ?? "").trim()}`);
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env["SITREP_TEST_PG"];
  if (given) {
    project.provide("postgresUrl", given);
    return undefined;
  }
  const bin = findBin();
  if (bin === null) {
    const message = "PostgreSQL 15 binaries not found (initdb): the PostgreSQL store tests are SKIPPED. See DEVELOPERS.md.";
    if (process.env["CI"]) throw new Error(message);
    process.stderr.write(`\n!!! ${message}\n\n`);
    project.provide("postgresUrl", null);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pg-"));
  const owner = serverUser();
  const options: SpawnSyncOptions = { cwd: dir, ...(owner ?? {}) };
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const port = await freePort();
  run(join(bin, "initdb"), ["-D", data, "-U", "sitrep", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-locale"], options);
  // Durability settings off: the tests kill clients, never this server, and want speed.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], options);
  project.provide("postgresUrl", `postgres://sitrep@127.0.0.1:${port}/postgres`);
  return () => {
    spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { ...options, timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
  };
}
