import { defineConfig } from 'vitest/config';

// Browser journeys and process lifecycle against the built platform (apps/api/dist serving the SPAs).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
