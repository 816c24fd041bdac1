/**
 * Where the archive is, for every command that reads or writes it: `--pg URL` (or SITREP_PG) for
 * PostgreSQL, else `--db FILE` (or SITREP_DB), else ./sitrep.db. Read here, passed down.
 */
import type { Store, StoreLocation } from "../store/index.js";

/** The parseArgs options every store command accepts. */
export const STORE_OPTIONS = {
  db: { type: "string" },
  pg: { type: "string" },
} as const;

export const DEFAULT_DB = "sitrep.db";

/** The store's location from the flags, then the environment, then the default file. */
export function storeLocation(values: { db?: string | undefined; pg?: string | undefined }, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const pg = values.pg ?? (values.db === undefined ? env["SITREP_PG"] : undefined);
  if (pg) {
    const schema = env["SITREP_PG_SCHEMA"];
    return schema ? { postgres: pg, schema } : { postgres: pg };
  }
  return { sqlite: values.db ?? env["SITREP_DB"] ?? DEFAULT_DB };
}

/** Opens the store the flags name; the store module is imported only now. */
export async function openStoreFrom(values: { db?: string | undefined; pg?: string | undefined }): Promise<Store> {
  const { openStore } = await import("../store/index.js");
  return openStore(storeLocation(values));
}

/** Help lines shared by the store commands. */
export const STORE_HELP = `  --db FILE                  the SQLite archive (default ./sitrep.db, or SITREP_DB)
  --pg URL                   a PostgreSQL archive instead: postgres://user:pass@host:port/db
                             (or SITREP_PG; SITREP_PG_SCHEMA picks a schema, default public)`;
