import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StoreError } from "../../core/index.js";
import { newDocument, storeContract } from "../store.contract.js";
import { openSqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

storeContract("SQLite", async () => openSqliteStore(join(dir, `archive-${++files}.db`)));

describe("SQLite archive file", () => {
  it("keeps what was committed across a reopen, and migrates once", async () => {
    const path = join(dir, "reopen.db");
    const first = openSqliteStore(path);
    await first.saveBatch([newDocument("one", "Troops withdrew from the ridge at dawn.")], { nearDuplicateThreshold: 0.7 });
    await first.close();
    const second = openSqliteStore(path);
    expect((await second.counts()).documents).toBe(1);
    await second.close();
  });

  it("says in one line which file it cannot open", () => {
    expect(() => openSqliteStore(join(dir, "missing", "folder", "x.db"))).toThrow(StoreError);
    expect(() => openSqliteStore(join(dir, "missing", "folder", "x.db"))).toThrow(/^open .*x\.db: /);
  });
});
