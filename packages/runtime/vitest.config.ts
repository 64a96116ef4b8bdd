import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Starts (or reuses, when MONGODB_URI and TEMPORAL_ADDRESS are set) one MongoDB-protocol store and one Temporal
    // dev server.
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup/quiet-temporal.ts'],
    // Integration tests talk to real servers and bundle workflow code: give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
