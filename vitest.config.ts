import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Starts a throwaway PostgreSQL cluster for the store tests (see the file, and DEVELOPERS.md).
    globalSetup: ["test/postgres-cluster.ts"],
  },
});
