// A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` in a temp folder (as the
// `postgres` user when run as root: PostgreSQL refuses to run as root), started with `pg_ctl` on
// a free loopback port; `stop()` stops it and deletes the folder. Plain JavaScript so that both
// the Vitest setup and `npm run bench` can use it.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The folder holding initdb and pg_ctl: SITREP_PG_BIN, Debian's newest, or pg_config's; or null. */
export function findPostgresBin() {
  const candidates = [process.env.SITREP_PG_BIN];
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

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** As root, the uid and gid of the unprivileged user the server runs as; otherwise null. */
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  const user = process.env.SITREP_TEST_PG_USER ?? "postgres";
  try {
    return {
      uid: Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim()),
      gid: Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim()),
    };
  } catch {
    throw new Error(`running as root, PostgreSQL needs an unprivileged user "${user}" (useradd --system ${user}, or set SITREP_TEST_PG_USER)`);
  }
}

function run(bin, args, options) {
  const result = spawnSync(bin, args, { ...options, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${result.status ?? result.signal}): ${String(result.stderr ?? "").trim()}`);
}

/**
 * Starts a cluster with the binaries in `bin`. `durable: false` turns fsync off (tests kill
 * clients, never the server); benchmarks keep PostgreSQL's defaults. Returns { url, stop }.
 */
export async function startPostgres(bin, { durable = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-pg-"));
  const owner = serverUser();
  const options = { cwd: dir, ...(owner ?? {}) };
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const port = await freePort();
  run(join(bin, "initdb"), ["-D", data, "-U", "sitrep", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-locale"], options);
  const speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${speed}`;
  run(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"], options);
  return {
    url: `postgres://sitrep@127.0.0.1:${port}/postgres`,
    stop() {
      spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { ...options, timeout: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
