import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "agreements/**/*.test.ts"],
    globalSetup: ["src/store/testDatabaseSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
