// The workspace's buildable packages, in build order, with the inputs that decide whether a build is stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

// docs/guides: the in-app help bundles the user guides and their screenshots.
const SPA_INPUTS = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'public', '../../libs/web/src', '../../libs/web/package.json', '../../libs/contracts/src', '../../docs/guides'];

export const PACKAGES = [
  { name: '@cordon/contracts', dir: 'libs/contracts', inputs: ['src', 'tsconfig.build.json', 'package.json'], output: 'dist' },
  { name: '@cordon/api', dir: 'apps/api', inputs: ['src', 'tsconfig.build.json', 'package.json', '../../libs/contracts/src'], output: 'dist' },
  { name: '@cordon/citizen', dir: 'apps/citizen', inputs: SPA_INPUTS, output: 'dist' },
  { name: '@cordon/commune', dir: 'apps/commune', inputs: SPA_INPUTS, output: 'dist' },
  { name: '@cordon/province', dir: 'apps/province', inputs: SPA_INPUTS, output: 'dist' },
];

function walk(path, files) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    files.push(path);
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry === 'dist' || entry.endsWith('.spec.ts') || entry === 'test') continue;
    walk(join(path, entry), files);
  }
}

/** A hash of every input file (path and content) plus the lockfile: equal hashes mean the build is current. */
export function inputHash(pkg) {
  const hash = createHash('sha256');
  const files = [];
  for (const input of pkg.inputs) walk(resolve(ROOT, pkg.dir, input), files);
  files.push(resolve(ROOT, 'pnpm-lock.yaml'));
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

export function stampFile(pkg) {
  return resolve(ROOT, pkg.dir, pkg.output, '.build-hash');
}

export function isCurrent(pkg) {
  const stamp = stampFile(pkg);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === inputHash(pkg);
}
