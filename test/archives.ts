/** Fresh archives for the end-to-end tests: SQLite always, PostgreSQL when the test server runs. */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { inject } from "vitest";
import { openStore, type Store, type StoreLocation } from "../dist/store/index.js";

export interface Archive { name: string; args: string[]; env: NodeJS.ProcessEnv; location: StoreLocation }

/** A fresh archive of each kind (a new file in `dir`, a new schema): its CLI flags and environment, and how to open it here. */
export function archives(dir: string): Archive[] {
  const pgUrl = inject("postgresUrl");
  const file = join(dir, `${randomBytes(4).toString("hex")}.db`);
  const list: Archive[] = [{ name: "SQLite", args: ["--db", file], env: {}, location: { sqlite: file } }];
  if (pgUrl !== null) {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    list.push({ name: "PostgreSQL", args: ["--pg", pgUrl], env: { SITREP_PG_SCHEMA: schema }, location: { postgres: pgUrl, schema } });
  }
  return list;
}

/** Opens the archive at `location`, reads it, closes it. */
export async function withStore<T>(location: StoreLocation, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}
