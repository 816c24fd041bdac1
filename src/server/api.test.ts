import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, inject } from "vitest";
import { openStore } from "../store/index.js";
import { accessCases } from "./access.cases.js";
import { apiCases } from "./api.cases.js";

const dir = mkdtempSync(join(tmpdir(), "sitrep-api-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

apiCases("SQLite", () => openStore({ sqlite: join(dir, `api-${++files}.db`) }));
accessCases("SQLite", () => openStore({ sqlite: join(dir, `api-${++files}.db`) }));

const url = inject("postgresUrl");
if (url === null) process.stderr.write("\n!!! PostgreSQL API tests SKIPPED: no server (see DEVELOPERS.md)\n\n");
describe.skipIf(url === null)("PostgreSQL", () => {
  const open = () => openStore({ postgres: url ?? "", schema: `t_${randomBytes(6).toString("hex")}` });
  apiCases("PostgreSQL", open);
  accessCases("PostgreSQL", open);
});
