import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { StoreError } from "../../core/index.js";
import { expectMigrated, migrationDocument, storeContract } from "../store.contract.js";
import { openPostgresStore } from "./postgres-store.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by test/postgres-cluster.ts: the test server's URL, or null when none could be started. */
    postgresUrl: string | null;
  }
}

const url = inject("postgresUrl");
if (url === null) process.stderr.write("\n!!! PostgreSQL store tests SKIPPED: no server (see DEVELOPERS.md)\n\n");

/** Each test gets a schema of its own in the shared test server. */
const open = async () => openPostgresStore({ url: url ?? "", schema: `t_${randomBytes(6).toString("hex")}` });

describe.skipIf(url === null)("PostgreSQL", () => {
  storeContract("PostgreSQL", open);

  it("migrates a schema once, even when two processes open it together", async () => {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore({ url: url ?? "", schema })));
    expect((await Promise.all(stores.map((s) => s.counts()))).map((c) => c.documents)).toEqual([0, 0, 0]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("migrates a schema of the first version, filling the new tables and columns from the old ones", async () => {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const store = await openPostgresStore({ url: url ?? "", schema });
    await store.saveBatch([migrationDocument()], { nearDuplicateThreshold: 0.7 });
    await store.close();
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: url ?? "", options: `-c search_path=${schema}` });
    await client.connect();
    await client.query(`DROP TABLE event_names; DROP TABLE feed_items; DROP TABLE feeds; DROP TABLE tokens; DROP TABLE corrections; DROP TABLE relations; DROP TABLE statistics; DROP INDEX claims_document; DROP INDEX actors_name;
      DROP INDEX events_fatalities; ALTER TABLE actors DROP COLUMN mentions; ALTER TABLE claims DROP COLUMN sentence;
      DROP TABLE imported_events; DROP TABLE imported_files; DROP INDEX events_listing;
      DROP TRIGGER event_counts_change ON events; DROP FUNCTION event_counts_change(); DROP TABLE event_counts; DROP TABLE event_kinds;
      DROP TRIGGER event_series_change ON events; DROP FUNCTION event_series_change(); DROP TABLE event_series;
      DROP FUNCTION actor_counts_add() CASCADE; DROP FUNCTION actor_counts_remove() CASCADE; DROP FUNCTION actor_counts_drop() CASCADE;
      DROP FUNCTION actor_counts_link() CASCADE; DROP FUNCTION actor_counts_unlink() CASCADE; DROP TABLE actor_counts; DROP FUNCTION events_added() CASCADE; DELETE FROM sitrep_migrations WHERE version > 1`);
    await client.end();
    const migrated = await openPostgresStore({ url: url ?? "", schema });
    await expectMigrated(migrated);
    await migrated.close();
  });

  it("says in one line, without the password, which server it cannot reach", async () => {
    const error = await openPostgresStore({ url: "postgres://sitrep:secret@127.0.0.1:1/none" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(String((error as Error).message)).toMatch(/^open PostgreSQL postgres:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/none: /);
  });
});
