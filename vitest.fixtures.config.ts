import { defineConfig } from 'vitest/config';

// The Gmail adapter against saved Gmail pages only (the project's and the shared set,
// or the directory in PAYLADDER_GMAIL_FIXTURES). `vitest run` runs this suite too.
export default defineConfig({
  test: {
    include: ['test/gmail/fixtures.test.ts'],
    testTimeout: 30_000,
  },
});
