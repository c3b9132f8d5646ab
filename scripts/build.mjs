#!/usr/bin/env node
// Builds the workspace in order, skipping packages whose inputs have not changed since their last build.
// `--force` rebuilds everything.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputHash, isCurrent, PACKAGES, ROOT, stampFile } from './packages.mjs';

export function build({ force = false, quiet = false } = {}) {
  const started = Date.now();
  for (const pkg of PACKAGES) {
    if (!force && isCurrent(pkg)) {
      if (!quiet) console.log(`✓ ${pkg.name} is up to date`);
      continue;
    }
    console.log(`▶ building ${pkg.name}...`);
    const hash = inputHash(pkg);
    const result = spawnSync('pnpm', ['run', 'build'], { cwd: resolve(ROOT, pkg.dir), stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`✗ ${pkg.name} failed to build`);
      process.exit(result.status ?? 1);
    }
    writeFileSync(stampFile(pkg), hash);
  }
  if (!quiet) console.log(`Build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) build({ force: process.argv.includes('--force') });
