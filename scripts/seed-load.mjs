#!/usr/bin/env node
// `pnpm seed:load [--scale province|national] [--seed N] [--until YYYY-MM-DD]`: builds what is stale, then
// loads a data folder (default .data-load/<scale>) with a wave's worth of data. See docs/performance.md.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from './build.mjs';
import { ROOT } from './packages.mjs';

build({ quiet: true });
const run = spawnSync(process.execPath, [resolve(ROOT, 'apps/api/dist/cli/seed-load.js'), ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
