import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        // Browser and build-output tests read dist/: `npm test` builds it first, and the global
        // setup refuses a dist/ whose build stamp does not match the sources.
        test: {
          name: 'e2e',
          globalSetup: ['tests/e2e/support/freshDist.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
