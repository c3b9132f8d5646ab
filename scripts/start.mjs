#!/usr/bin/env node
// `pnpm start`: builds what is stale, then runs the API (embedded PostgreSQL unless DATABASE_URL is set,
// migrations, admin units, demo accounts) serving the three SPAs. Runs in this process so Ctrl-C and
// SIGTERM reach the API directly and it stops the embedded database cleanly.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from './build.mjs';
import { ROOT } from './packages.mjs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Cordon needs Node.js 24 or newer (this is ${process.version}). See README.md.`);
  process.exit(1);
}
build({ quiet: true });
process.env.SEED_DEMO ??= 'true';
process.env.DATA_DIR ??= resolve(ROOT, '.data');
createRequire(import.meta.url)(resolve(ROOT, 'apps/api/dist/main.js'));
