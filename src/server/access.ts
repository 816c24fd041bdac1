/**
 * Who may call what. With no tokens configured the server runs in open-demo mode: every route
 * open, to loopback clients only (and it refuses to listen anywhere else). With tokens, a
 * request's bearer token gives its role.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { HttpError } from "./errors.js";
import type { Role } from "./route.js";

export type AccessMode = "open-demo" | "tokens";

export interface Access {
  readonly mode: AccessMode;
  /** Resolves when the request may act as `role`; a 401 or 403 otherwise. */
  authorize(c: Context, role: Role): Promise<void>;
}

/** Whether `address` is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}

/** Whether a host name to listen on is loopback only. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || isLoopback(host);
}

/** The client's address as the socket has it (no forwarding header is trusted). */
export function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Open-demo access: every role granted, to loopback clients only. */
export function openDemoAccess(): Access {
  return {
    mode: "open-demo",
    async authorize(c) {
      if (!isLoopback(clientAddress(c))) {
        throw new HttpError(403, "this server runs in open-demo mode (no tokens configured) and answers loopback clients only", "EFORBIDDEN");
      }
    },
  };
}
