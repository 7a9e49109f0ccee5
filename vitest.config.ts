import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (the domain rules and the card builders: no storage, no network, no
 * browser; `npm run test:unit`) and `integration` (everything that runs against real parts:
 * Azurite, real HTTP into the bot, the connector emulator, Chromium). `npm test` runs both.
 */
const unit = ['test/domain/**/*.test.ts', 'test/cards/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Storage tests share one Azurite; each file uses its own table names.
    fileParallelism: true,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: unit,
          globalSetup: ['test/support/azurite.global-setup.ts'],
        },
      },
    ],
  },
});
