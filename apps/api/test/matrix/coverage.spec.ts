import { ACCOUNT_ROWS } from '../support/matrix-rows/accounts';
import { CASE_ROWS, MATRIX_EXEMPT } from '../support/matrix-rows/cases';
import { MOVEMENT_ROWS } from '../support/matrix-rows/movements';
import { createTestApp, type TestApp } from '../support/test-app';

describe('authorization matrix coverage', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('has a matrix row for every operation that declares roles', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
    const declared = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op['x-roles']).map(([method]) => `${method.toUpperCase()} ${path}`));
    const covered = new Set([...ACCOUNT_ROWS, ...CASE_ROWS, ...MOVEMENT_ROWS].map((r) => r.operation));
    const missing = declared.filter((op) => !covered.has(op) && !MATRIX_EXEMPT[op]);
    expect(missing).toEqual([]);
  });
});
