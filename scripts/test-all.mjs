#!/usr/bin/env node
// `pnpm test`: every suite of every package, one after another (parallel PostgreSQL servers and Chromiums
// are slower and flaky on 2 cores), then one line with the totals: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from './build.mjs';
import { ROOT } from './packages.mjs';

const RESULTS = resolve(ROOT, '.test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const jestArgs = (out) => ['--json', `--outputFile=${out}`];
const vitestArgs = (out) => ['--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
const SUITES = [
  { name: 'contracts', dir: 'libs/contracts', args: vitestArgs },
  { name: 'api', dir: 'apps/api', args: jestArgs },
  { name: 'web', dir: 'libs/web', args: vitestArgs },
  { name: 'citizen', dir: 'apps/citizen', args: vitestArgs },
  { name: 'commune', dir: 'apps/commune', args: vitestArgs },
  { name: 'province', dir: 'apps/province', args: vitestArgs },
  { name: 'e2e', dir: 'e2e', args: vitestArgs, needsBuild: true },
  // `pnpm test:reliability` (faults, fuzzing, security, accessibility): run by name only, after `pnpm test` in CI.
  { name: 'reliability', dir: 'e2e', script: 'test:reliability', args: vitestArgs, needsBuild: true, onlyByName: true },
];

const only = process.argv.slice(2);
const rows = [];
const started = Date.now();
for (const suite of SUITES.filter((s) => (only.length === 0 && !s.onlyByName) || only.includes(s.name))) {
  if (suite.needsBuild) build({ quiet: true });
  const out = resolve(RESULTS, `${suite.name}.json`);
  console.log(`\n━━━ ${suite.name} (${suite.dir}) ━━━`);
  const t0 = Date.now();
  const run = spawnSync('pnpm', ['run', suite.script ?? 'test', ...suite.args(out)], { cwd: resolve(ROOT, suite.dir), stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } });
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    // A suite that failed to load (syntax error, setup crash) counts as a failure too.
    failed += (report.numRuntimeErrorTestSuites ?? 0) + (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  }
  if (run.status !== 0 && failed === 0) failed = 1;
  rows.push({ name: suite.name, passed, failed, seconds: (Date.now() - t0) / 1000 });
}

const total = rows.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed }), { passed: 0, failed: 0 });
console.log('\nSuite        passed  failed  seconds');
for (const r of rows) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`);
console.log(`All suites took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
