import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { contractsSource, featureFlags } from './vite.shared.ts';

export default defineConfig({
  plugins: [vue()],
  define: featureFlags,
  resolve: { alias: { '@cordon/contracts': contractsSource } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
