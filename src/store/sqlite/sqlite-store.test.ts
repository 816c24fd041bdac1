import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StoreError } from "../../core/index.js";
import { expectMigrated, migrationDocument, newDocument, storeContract } from "../store.contract.js";
import Database from "better-sqlite3";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { openSqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const KEEP: unknown[] = [];

storeContract("SQLite", async () => openSqliteStore(join(dir, `archive-${++files}.db`)));

describe("SQLite archive file", () => {
  it("keeps what was committed across a reopen, and migrates once", async () => {
    const path = join(dir, "reopen.db");
    const first = openSqliteStore(path);
    await first.saveBatch([newDocument("one", "Troops withdrew from the ridge at dawn.")], { nearDuplicateThreshold: 0.7 });
    const feed = { url: "http://127.0.0.1/feed", etag: "W/\"7\"", lastModified: null, polledAt: "2026-03-01T00:00:00.000Z", status: 200, error: null, failures: 0 };
    await first.recordFeedPoll(feed, ["item-1"]);
    await first.close();
    const second = openSqliteStore(path);
    expect((await second.counts()).documents).toBe(1);
    expect(await second.feedState(feed.url)).toEqual(feed);
    expect(await second.seenFeedItems(feed.url, ["item-1", "item-2"])).toEqual(new Set(["item-1"]));
    await second.close();
  });

  it("migrates an archive of the first schema, filling the new tables and columns from the old ones", async () => {
    const path = join(dir, "v1.db");
    const store = openSqliteStore(path);
    await store.saveBatch([migrationDocument()], { nearDuplicateThreshold: 0.7 });
    await store.close();
    const raw = new Database(path);
    KEEP.push(raw); // see RETAINED in sqlite-store.ts: nothing of better-sqlite3 may become garbage on Node 24
    // Back to version 1: without what migrations 2 to 15 add, with the full-text table and triggers of 1.
    const first = SQLITE_MIGRATIONS[0]?.sql ?? "";
    raw.exec(`DROP TABLE event_names; DROP TABLE feed_items; DROP TABLE feeds; DROP TABLE tokens; DROP TABLE corrections; DROP TABLE relations; DROP TABLE statistics; DROP INDEX claims_document; DROP INDEX actors_name;
      DROP INDEX events_fatalities; ALTER TABLE actors DROP COLUMN mentions; ALTER TABLE claims DROP COLUMN sentence;
      DROP TABLE imported_events; DROP TABLE imported_files;
      DROP TRIGGER events_text_insert; DROP TRIGGER events_text_delete; DROP TRIGGER events_text_update; DROP TABLE events_text;
      DROP TRIGGER event_counts_insert; DROP TRIGGER event_counts_delete; DROP TRIGGER event_counts_update; DROP TABLE event_counts; DROP TABLE event_kinds;
      DROP TRIGGER event_series_insert; DROP TRIGGER event_series_delete; DROP TRIGGER event_series_update_old; DROP TRIGGER event_series_update_new; DROP TABLE event_series;
      DROP TRIGGER actor_counts_insert; DROP TRIGGER actor_counts_delete; DROP TRIGGER actor_counts_deleted; DROP TRIGGER actor_counts_link; DROP TRIGGER actor_counts_unlink; DROP TABLE actor_counts; DROP TABLE batch_writes;
      DROP TRIGGER documents_fts_insert; ${first.slice(first.indexOf("CREATE TRIGGER documents_fts_insert"), first.indexOf("CREATE TRIGGER documents_fts_delete"))}
      ${first.slice(first.indexOf("CREATE VIRTUAL TABLE events_fts"))} PRAGMA user_version = 1;`);
    raw.close();
    const migrated = openSqliteStore(path);
    await expectMigrated(migrated);
    await migrated.close();
    const check = new Database(path);
    const version = check.prepare("PRAGMA user_version").pluck();
    KEEP.push(check, version);
    expect(version.get()).toBe(SQLITE_MIGRATIONS.length);
    check.close();
  });

  it("finds by their words the documents of a batch and one written by plain SQL, and forgets a deleted one", async () => {
    const path = join(dir, "words.db");
    const store = openSqliteStore(path);
    await store.saveBatch([newDocument("one", "Troops withdrew from the ridge at dawn."), newDocument("two", "Ferries resumed crossings to the island.")],
      { nearDuplicateThreshold: 0.7 });
    const raw = new Database(path);
    KEEP.push(raw);
    raw.prepare(`INSERT INTO documents (doc_key, source, retrieved_at, content_hash, signature, text)
      VALUES ('three', 'three.txt', '2026-02-02T10:00:00.000Z', 'h3', x'00', 'Engineers rebuilt the ridge bridge.')`).run();
    raw.prepare("DELETE FROM documents WHERE doc_key = 'two'").run();
    raw.close();
    const keys = async (text: string) => (await store.documents({ text })).map((d) => d.key).sort();
    expect(await keys("ridge")).toEqual(["one", "three"]);
    expect(await keys("ferries")).toEqual([]);
    await store.saveBatch([newDocument("four", "Ferries to the ridge stopped.")], { nearDuplicateThreshold: 0.7 });
    expect(await keys("ridge")).toEqual(["four", "one", "three"]);
    await store.close();
  });

  it("says in one line which file it cannot open", () => {
    expect(() => openSqliteStore(join(dir, "missing", "folder", "x.db"))).toThrow(StoreError);
    expect(() => openSqliteStore(join(dir, "missing", "folder", "x.db"))).toThrow(/^open .*x\.db: /);
  });
});
