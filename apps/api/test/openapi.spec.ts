import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_ROLES } from '@cordon/contracts';
import { createTestApp, type TestApp } from './support/test-app';

type Operation = { 'x-roles'?: string[]; 'x-public'?: boolean; security?: unknown[] };

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is served with Swagger UI', async () => {
    const ui = await t.http.get('/api/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('declares who may call every operation (x-roles with known roles, or x-public)', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(10);
    const undeclared = operations.filter(({ op }) => !op['x-public'] && !(op['x-roles']?.length));
    expect(undeclared.map((o) => o.name)).toEqual([]);
    for (const { op } of operations) for (const role of op['x-roles'] ?? []) expect(ALL_ROLES).toContain(role);
    for (const { op } of operations.filter((o) => o.op['x-roles'])) expect(op.security).toEqual([{ bearer: [] }]);
  });

  it('matches the committed libs/contracts/openapi.json (run `pnpm --filter @cordon/api openapi` when this fails)', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../../libs/contracts/openapi.json'), 'utf8'));
    expect(doc).toEqual(committed);
  });
});
