/** `sitrep token create|list|revoke`: the API's tokens, kept hashed in the archive. */
import { parseArgs } from "node:util";
import { TOKEN_ROLES, type StoredToken } from "../store/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { TOKEN_HELP } from "./help.js";
import { oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { renderList, writeOut, type Column } from "./table.js";

const COLUMNS: Column<StoredToken>[] = [
  { title: "id", value: (t) => t.id },
  { title: "name", value: (t) => t.name },
  { title: "role", value: (t) => t.role },
  { title: "created", value: (t) => t.createdAt },
  { title: "revoked", value: (t) => t.revokedAt },
];

/** Runs `sitrep token ARGS`; resolves to the exit status. */
export async function runToken(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand("token", () => parseArgs({
    args,
    allowPositionals: true,
    options: { ...STORE_OPTIONS, role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) {
    process.stdout.write(TOKEN_HELP);
    return values.help ? 0 : 1;
  }
  if (action === "create") {
    const role = oneOf("role", values.role, TOKEN_ROLES, "token");
    if (role === undefined) throw new UsageError("token create: --role is required (reader, analyst or admin)", "token");
    const { newSecret, tokenHash } = await import("../server/access.js");
    const secret = newSecret();
    const store = await openStoreFrom(values);
    try {
      const token = await store.createToken({ name: values.name ?? null, role, hash: tokenHash(secret), createdAt: new Date().toISOString() });
      process.stdout.write(`${secret}\n`);
      process.stderr.write(`sitrep: token ${token.id} (${role}${token.name ? `, ${token.name}` : ""}) made; its secret, above, is shown this once\n`);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (action === "list") {
    const store = await openStoreFrom(values);
    try {
      await writeOut(process.stdout, renderList("table", await store.tokens(), COLUMNS));
    } finally {
      await store.close();
    }
    return 0;
  }
  if (action === "revoke") {
    const id = Number(rest[0]);
    if (rest.length !== 1 || !Number.isSafeInteger(id) || id < 1) throw new UsageError("token revoke: expected one token id (see 'sitrep token list')", "token");
    const store = await openStoreFrom(values);
    try {
      if (!(await store.revokeToken(id, new Date().toISOString()))) throw new UsageError(`token revoke: no live token ${id}`, "token");
      process.stdout.write(`revoked token ${id}\n`);
    } finally {
      await store.close();
    }
    return 0;
  }
  throw new UsageError(`token: unknown action "${action}" (create, list or revoke)`, "token");
}
