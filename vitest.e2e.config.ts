import { defineConfig } from 'vitest/config';

// End-to-end suites drive real Chromium against the local Google fakes
// (test/support/). One file at a time: each launches its own browser, and two
// Chromiums on a 2-core CI machine slow each other into timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'test/support-tests/**/*.e2e.ts'],
    exclude: ['node_modules/**'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
