import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { removeDataDir, startCordon, tempDataDir, type Cordon } from './cordon';

/**
 * For a browser spec file: one platform (`pnpm start` as built, on a temporary data folder with the demo
 * data) and one Chromium, started before its tests and removed after them. Read `cordon` and `browser`
 * inside tests (they are set once `beforeAll` has run); `dataDir` may hold a test's own files too.
 */
export function withPlatformAndBrowser(): { readonly cordon: Cordon; readonly browser: Browser; readonly dataDir: string } {
  const dataDir = tempDataDir();
  const state = { dataDir } as { cordon: Cordon; browser: Browser; dataDir: string };
  beforeAll(async () => {
    [state.cordon, state.browser] = await Promise.all([startCordon(dataDir), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.cordon?.stop();
    removeDataDir(dataDir);
  });
  return state;
}
