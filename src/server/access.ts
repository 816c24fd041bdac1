/**
 * Who may call what. With no live token in the archive the server runs in open-demo mode: every
 * route open, to loopback clients only (and `sitrep serve` refuses to listen anywhere else).
 * Once a token exists, a request's `Authorization: Bearer` token gives its role.
 */
import { createHash, randomBytes } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Store, StoredToken, TokenRole } from "../store/index.js";
import { HttpError } from "./errors.js";
import { ROLES, type Role } from "./route.js";

export type AccessMode = "open-demo" | "tokens";

export interface Access {
  /** The current mode: it changes when the first token is made or the last revoked. */
  mode(): Promise<AccessMode>;
  /** The caller's token when the request may act as `role`; null in open-demo mode; a 401 or 403 otherwise. */
  authorize(c: Context, role: Role): Promise<StoredToken | null>;
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

/** SHA-256 of a token's secret, hex: all the archive keeps of it. */
export function tokenHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function newSecret(): string {
  return `sitrep_${randomBytes(32).toString("base64url")}`;
}

const rank = (role: TokenRole | Role): number => ROLES.indexOf(role);

/** Access over the archive's tokens. */
export function storeAccess(store: Store): Access {
  const mode = async (): Promise<AccessMode> => ((await store.liveTokens()) > 0 ? "tokens" : "open-demo");
  return {
    mode,
    async authorize(c, role) {
      if ((await mode()) === "open-demo") {
        if (isLoopback(clientAddress(c))) return null;
        throw new HttpError(403, "this server runs in open-demo mode (no tokens configured) and answers loopback clients only", "EFORBIDDEN");
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
      if (match === null) throw new HttpError(401, "no token: send Authorization: Bearer TOKEN", "EAUTH");
      const token = await store.tokenByHash(tokenHash(match[1] ?? ""));
      if (token === null) throw new HttpError(401, "the token is not valid (unknown or revoked)", "EAUTH");
      if (rank(token.role) < rank(role)) throw new HttpError(403, `this needs the ${role} role; the token's is ${token.role}`, "EFORBIDDEN");
      return token;
    },
  };
}
