/**
 * Vitest global setup: a PostgreSQL server for the store tests (see DEVELOPERS.md). With
 * SITREP_TEST_PG set, that server is used; otherwise a throwaway cluster is started
 * (postgres-server.mjs) and stopped at the end. Without PostgreSQL binaries the PostgreSQL tests
 * are skipped, loudly; under CI (CI=true) that is an error instead.
 */
import type { TestProject } from "vitest/node";
// Plain JavaScript, shared with the benchmark (bench/ingest.mjs).
import { findPostgresBin, startPostgres } from "./postgres-server.mjs";

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env["SITREP_TEST_PG"];
  if (given) {
    project.provide("postgresUrl", given);
    return undefined;
  }
  const bin = findPostgresBin() as string | null;
  if (bin === null) {
    const message = "PostgreSQL 15 binaries not found (initdb): the PostgreSQL store tests are SKIPPED. See DEVELOPERS.md.";
    if (process.env["CI"]) throw new Error(message);
    process.stderr.write(`\n!!! ${message}\n\n`);
    project.provide("postgresUrl", null);
    return undefined;
  }
  const server = (await startPostgres(bin)) as { url: string; stop: () => void };
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
