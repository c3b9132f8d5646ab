#!/usr/bin/env node
// `pnpm dev`: the API recompiled on change and restarted (node --watch), and the three SPAs on Vite dev
// servers (hot reload) that proxy /api to it. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './packages.mjs';

spawnSync('pnpm', ['run', 'build'], { cwd: resolve(ROOT, 'libs/contracts'), stdio: 'inherit' });
spawnSync('pnpm', ['run', 'build'], { cwd: resolve(ROOT, 'apps/api'), stdio: 'inherit' });

const env = { ...process.env, SEED_DEMO: process.env.SEED_DEMO ?? 'true', DATA_DIR: process.env.DATA_DIR ?? resolve(ROOT, '.data') };
const processes = [
  ['api:tsc', 'pnpm', ['run', 'dev'], 'apps/api'],
  ['api', process.execPath, ['--watch-path=dist', 'dist/main.js'], 'apps/api'],
  ['citizen', 'pnpm', ['run', 'dev', '--port', '5173', '--strictPort'], 'apps/citizen'],
  ['commune', 'pnpm', ['run', 'dev', '--port', '5174', '--strictPort'], 'apps/commune'],
  ['province', 'pnpm', ['run', 'dev', '--port', '5175', '--strictPort'], 'apps/province'],
].map(([name, cmd, args, dir]) => {
  const child = spawn(cmd, args, { cwd: resolve(ROOT, dir), env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`.padEnd(11);
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(String(d).split('\n').filter(Boolean).map((l) => `${prefix} ${l}\n`).join('')));
  return child;
});
console.log('Dev servers: citizen http://localhost:5173/citizen/  commune http://localhost:5174/commune/  province http://localhost:5175/province/  API http://localhost:3000');
const stop = () => {
  for (const child of processes) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
