/** `sitrep serve`: the HTTP API and the dashboard over an archive, until interrupted. */
import { parseArgs } from "node:util";
import type { Store } from "../store/index.js";
import { PACKAGE_ROOT, packageVersion, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { loadExtractor } from "./extract.js";
import { SERVE_HELP } from "./help.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";

export const SERVE_OPTIONS = {
  port: { type: "string", default: "8080" },
  host: { type: "string", default: "127.0.0.1" },
} as const;

/** `--port`: 0 to 65535. */
export function parsePort(value: string, command: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new UsageError(`--port: expected a port number from 0 to 65535, got "${value}"`, command);
  return port;
}

/**
 * Serves `store` on `host`:`port` until SIGINT or SIGTERM, then closes the server and the store.
 * `describe` names the archive in the start-up line.
 */
export async function serveStore(store: Store, host: string, port: number, describe: string): Promise<void> {
  const { createApp, dashboardRoot, isLoopbackHost, listen, storeAccess } = await import("../server/index.js");
  const access = storeAccess(store);
  const mode = await access.mode();
  if (!isLoopbackHost(host) && mode === "open-demo") {
    throw new UsageError(`--host ${host}: no API tokens are configured, so the server answers loopback clients only; make one with 'sitrep token create --role reader' first`, "serve");
  }
  const dashboard = await dashboardRoot(`${PACKAGE_ROOT}dist/dashboard`);
  const app = createApp({
    store, access, version: packageVersion(), dashboard, extractor: loadExtractor, log: (line) => process.stderr.write(`sitrep: ${line}\n`),
    shapes: async () => {
      const { findShapesFile, loadShapes } = await import("../report/index.js");
      const file = findShapesFile(PACKAGE_ROOT);
      return file === null ? null : loadShapes(file);
    },
  });
  const server = await listen(app, host, port);
  process.stdout.write(`Sitrep is serving ${describe} at ${server.url}/ (API reference: ${server.url}/api/docs)\n`);
  process.stdout.write(`${mode === "open-demo" ? "open-demo mode: no tokens configured, loopback clients only. " : "API tokens required. "}Ctrl-C stops.\n`);
  if (dashboard === null) process.stdout.write("(the dashboard is not built in this copy: dist/dashboard is missing)\n");
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
}

/** Runs `sitrep serve ARGS`; resolves to the exit status once the server has stopped. */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseCommand("serve", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...SERVE_OPTIONS, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = parsePort(values.port, "serve");
  const store = await openStoreFrom(values);
  try {
    await serveStore(store, values.host, port, store.driver === "sqlite" ? `the archive ${values.db ?? process.env["SITREP_DB"] ?? "sitrep.db"}` : "the PostgreSQL archive");
  } finally {
    await store.close();
  }
  return 0;
}
