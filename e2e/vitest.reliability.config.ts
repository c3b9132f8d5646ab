import { defineConfig } from 'vitest/config';

// `pnpm test:reliability`: faults (kill -9, database outage), fuzzing, security and accessibility checks
// against the built platform, one file at a time (each starts its own processes).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['reliability/**/*.spec.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
