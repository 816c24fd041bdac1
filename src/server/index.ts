/**
 * The HTTP server: `createApp` builds the application over a store; `listen` serves it on a
 * host and port (port 0: any free one) and resolves once it is listening.
 */
import { createAdaptorServer } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import { ConfigError } from "../core/index.js";

export { createApp, apiRoutes, CONTENT_SECURITY_POLICY, type AppOptions } from "./app.js";
export { isLoopbackHost, newSecret, storeAccess, tokenHash, type Access, type AccessMode } from "./access.js";
export { dashboardRoot } from "./static-files.js";

export interface Listening {
  /** The base URL, such as http://127.0.0.1:8080. */
  url: string;
  port: number;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** Serves `app` on `host`:`port`; a port in use or a host that cannot be bound is a one-line ConfigError. */
export async function listen(app: Hono, host: string, port: number): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host, port });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason = error.code === "EADDRINUSE" ? `port ${port} is in use (--port picks another)`
        : error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND" ? `cannot listen on ${host} (not an address of this machine)`
          : error.message;
      reject(new ConfigError(error.code === "EADDRINUSE" ? "--port" : "--host", reason));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      if ("closeAllConnections" in server) server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
