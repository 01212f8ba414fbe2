import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "agreements/**/*.test.ts"],
    globalSetup: ["src/store/testDatabaseSetup.ts", "src/web/browser/webBuildSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll (browser tests: text the page shows once its request has answered) waits up to 10 s, not 1 s.
    expect: { poll: { timeout: 10_000 } },
    // A failed test runs again up to twice before it counts as failed: the last CI run failed with no output kept,
    // after the suite had passed here on a quiet and on a loaded machine. Vitest names every test it retried, so a
    // timing flake is reported without blocking, and a real fault still fails all three attempts.
    retry: 2,
  },
});
