import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/azurite.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Storage tests share one Azurite; each file uses its own table names.
    fileParallelism: true,
  },
});
