import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "agreements/**/*.test.ts"],
    globalSetup: ["src/store/testDatabaseSetup.ts", "src/web/browser/webBuildSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll (browser tests: text the page shows once its request has answered) waits up to 10 s, not 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
