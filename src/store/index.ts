/**
 * The archive: `openStore` picks the driver (SQLite by default, PostgreSQL when a URL is given);
 * nothing else in Sitrep knows which one it talks to. The PostgreSQL driver and its `pg` package
 * are imported only when chosen.
 *
 * @example
 * const store = await openStore({ sqlite: "sitrep.db" });
 * const events = await store.events({ country: "AFG", since: "2026-01-01" });
 */
import type { Store } from "./store.js";

export type * from "./store.js";
export { CORRECTION_KINDS, DRIVERS, EVENT_SORTS, IMPORT_SOURCES, INTERVALS, SERIES_KEYS, TOKEN_ROLES } from "./store.js";
export { DEFAULT_LIMIT, eventSortValue } from "./queries.js";

export type StoreLocation = { sqlite: string } | { postgres: string; schema?: string };

/** Opens (creating and migrating when needed) the archive at `location`. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if ("postgres" in location) {
    const { openPostgresStore } = await import("./postgres/postgres-store.js");
    return openPostgresStore({ url: location.postgres, ...(location.schema ? { schema: location.schema } : {}) });
  }
  const { openSqliteStore } = await import("./sqlite/sqlite-store.js");
  return openSqliteStore(location.sqlite);
}
