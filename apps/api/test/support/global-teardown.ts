import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../../src/database/embedded-database';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __cordonDb?: EmbeddedDatabase; __cordonDir?: string };
  await g.__cordonDb?.stop();
  if (g.__cordonDir) rmSync(g.__cordonDir, { recursive: true, force: true });
}
