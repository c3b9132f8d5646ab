#!/usr/bin/env node
// Where a server's CPU time went: `node bench/profile-summary.mjs <file.cpuprofile> [--top N]` prints the
// self time by origin (a package of node_modules, the app's own code, Node's internals, native code, GC,
// idle) and the hottest functions. `pnpm bench --profile` writes such a file for the app under load.
import { readFileSync } from 'node:fs';


/** The origin a profile node's time is charged to. */
export function originOf(callFrame) {
  const { url, functionName } = callFrame;
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8 (compiling, runtime)';
  if (!url) return `native: ${functionName || '(anonymous)'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const app = /\/(apps|libs)\/([^/]+)\//.exec(url);
  return app ? `${app[1]}/${app[2]} (own code)` : url;
}

/** Self time per node in ms, from the profile's samples and time deltas. */
export function selfTimes(profile) {
  const ms = new Map();
  profile.samples.forEach((id, i) => ms.set(id, (ms.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return ms;
}

export function summarize(profile) {
  const self = selfTimes(profile);
  const byOrigin = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    if (!t) continue;
    total += t;
    const origin = originOf(node.callFrame);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + t);
    const where = node.callFrame.url ? `${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/')}:${node.callFrame.lineNumber + 1}` : '';
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  }
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, t]) => ({ name, ms: +t.toFixed(1), share: +((100 * t) / total).toFixed(1) }));
  return { totalMs: +total.toFixed(0), byOrigin: sorted(byOrigin), byFunction: sorted(byFunction) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const topIndex = process.argv.indexOf('--top');
  const TOP = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`CPU profile ${file}: ${(summary.totalMs / 1000).toFixed(1)} s sampled`);
  console.log('\nSelf time by origin:');
  for (const row of summary.byOrigin.slice(0, TOP)) console.log(`${row.share.toFixed(1).padStart(6)} %  ${row.name}`);
  console.log('\nHottest functions (self time):');
  for (const row of summary.byFunction.slice(0, TOP)) console.log(`${row.share.toFixed(1).padStart(6)} %  ${row.name}`);
}
