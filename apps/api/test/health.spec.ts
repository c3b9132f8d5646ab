import { createTestApp, type TestApp } from './support/test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reports the database up and the applied migrations', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(res.body.migrations).toBeGreaterThanOrEqual(2);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 503 when the database is unreachable', async () => {
    const other = await createTestApp();
    await other.dataSource.destroy();
    const res = await other.http.get('/api/v1/health').expect(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: 'down' });
    await other.app.close().catch(() => undefined);
  });
});
