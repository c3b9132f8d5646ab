import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cordon';
import { saveFigures, seconds } from './support/harness';

/**
 * Authorization matrix: the API suite's matrix (apps/api/test/matrix, one case per operation x role, each in
 * and out of the caller's jurisdiction, the allowed roles read from the operation's own `x-roles`) run here
 * once more, to print its figures: a leak is a case where a role that may never call the operation, or a
 * record outside the caller's jurisdiction, got a 2xx. And every operation of the OpenAPI document declares
 * who may call it (`x-roles`) or that it is public (`x-public`).
 */

const API = join(ROOT, 'apps/api');

interface JestAssertion {
  title: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped';
  failureMessages: string[];
}
interface JestReport {
  numTotalTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; status: string; message: string; assertionResults: JestAssertion[] }[];
}

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: API, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// eslint-disable-next-line no-control-regex -- Jest's messages carry colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

/** A failed case is a leak when the refused or out-of-scope call it checks was answered 2xx. */
function isLeak(failure: string): boolean {
  const text = failure.replace(ANSI, '');
  return /\+\s+"status": 2\d\d/.test(text) || /Expected: 40[34]\s+Received: 2\d\d/.test(text);
}

describe('authorization matrix', () => {
  it('tells a leak from another failure in Jest\'s messages', () => {
    expect(isLeak('expect(received).toEqual(expected)\n\n  Object {\n-   "code": "FORBIDDEN",\n-   "status": 403,\n+   "code": undefined,\n+   "status": 200,\n  }')).toBe(true);
    expect(isLeak('expect(received).toBe(expected) // Object.is equality\n\nExpected: 404\nReceived: 201')).toBe(true);
    expect(isLeak('expect(received).toBe(expected)\n\nExpected: "2xx"\nReceived: {"status": 404}')).toBe(false);
    expect(isLeak('expect(received).toBe(expected) // Object.is equality\n\nExpected: 404\nReceived: 500')).toBe(false);
  });

  it('declares a rule for every operation of the OpenAPI document', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'libs/contracts/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { 'x-roles'?: string[]; 'x-public'?: boolean }>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ operation: `${method.toUpperCase()} ${path}`, op })));
    const undeclared = operations.filter(({ op }) => !(Array.isArray(op['x-roles']) && op['x-roles'].length > 0) && op['x-public'] !== true).map((o) => o.operation);
    const both = operations.filter(({ op }) => op['x-roles'] && op['x-public']).map((o) => o.operation);
    console.log(`[matrix] OpenAPI: ${operations.length} operations, ${operations.length - undeclared.length} with a declared rule (${operations.filter((o) => o.op['x-public']).length} public), ${undeclared.length} without`);
    expect({ undeclared, both }).toEqual({ undeclared: [], both: [] });
  });

  it('runs the endpoint x role x jurisdiction matrix with no leak and no failure', async () => {
    const t0 = Date.now();
    const built = await run([join(API, 'node_modules/typescript/bin/tsc'), '-p', '../../libs/contracts/tsconfig.build.json']);
    expect(built.code, built.output).toBe(0);
    const out = join(tmpdir(), `cordon-matrix-${process.pid}.json`);
    const jest = await run(['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', 'test/matrix', '--json', `--outputFile=${out}`]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as JestReport;
    rmSync(out, { force: true });

    const cases = report.testResults.flatMap((f) => f.assertionResults).map((a) => ({ a, m: /^(GET|POST|PUT|PATCH|DELETE) (\S+) as ([A-Z_]+)$/.exec(a.title) }));
    const matrixCases = cases.filter((c) => c.m);
    const failed = cases.filter((c) => c.a.status === 'failed');
    const leaks = failed.filter((c) => c.a.failureMessages.some(isLeak)).map((c) => c.a.title);
    const figures = {
      operations: new Set(matrixCases.map((c) => `${c.m![1]} ${c.m![2]}`)).size,
      roles: new Set(matrixCases.map((c) => c.m![3])).size,
      cases: matrixCases.length,
      otherTests: cases.length - matrixCases.length,
      failed: failed.length,
      leaks: leaks.length,
      suitesThatFailedToRun: report.numRuntimeErrorTestSuites + report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length,
      seconds: seconds(Date.now() - t0),
    };
    saveFigures('matrix', { ...figures, leakedCases: leaks, failedCases: failed.map((c) => c.a.title) });
    console.log(`[matrix] ${figures.operations} operations x ${figures.roles} roles: ${figures.cases} cases, ${figures.leaks} leaks, ${figures.failed} failed (${figures.seconds} s)`);
    if (failed.length || figures.suitesThatFailedToRun) console.log(jest.output.slice(-6000));
    expect(figures.cases).toBeGreaterThan(0);
    expect({ leaks, failed: failed.map((c) => c.a.title), suitesThatFailedToRun: figures.suitesThatFailedToRun, exit: jest.code }).toEqual({ leaks: [], failed: [], suitesThatFailedToRun: 0, exit: 0 });
  });
});
