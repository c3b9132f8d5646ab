import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import type { UserConfig } from 'vite';

/**
 * The Vite (and Vitest) configuration the three SPAs share; each app's vite.config.ts
 * calls it with its name, so they never copy each other.
 */
export const contractsSource = fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url));

/** Compile-time flags: Composition-API-only vue-i18n without its message compiler (see i18n/compiler.ts). */
export const featureFlags = {
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
};

export interface CordonAppConfig {
  /** citizen | commune | province: served under /<app>/. */
  app: 'citizen' | 'commune' | 'province';
  /** Dev server port. */
  port: number;
}

export function cordonViteConfig({ app, port }: CordonAppConfig): UserConfig & { test: Record<string, unknown> } {
  return {
    base: `/${app}/`,
    plugins: [vue()],
    define: featureFlags,
    resolve: {
      alias: {
        // The package's main is the API's CommonJS build; the SPAs use the TypeScript source.
        '@cordon/contracts': contractsSource,
      },
    },
    server: {
      port,
      proxy: { '/api': 'http://localhost:3000' },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: true,
    },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.ts'],
    },
  };
}
