import { ConfigError, loadConfig } from '../src/config/app-config';

describe('configuration', () => {
  it('has working defaults for a local run', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './.data', DB_POOL_SIZE: 6, SEED_DEMO: false, DEMO_PASSWORD: 'Demo@12345', SEED_UNITS: 'province', ACCESS_TOKEN_TTL: 600 });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('parses numbers, booleans and lists', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'true', CORS_ORIGINS: 'https://a.vn, https://b.vn', RATE_LIMIT_AUTH_PER_MINUTE: '5' });
    expect(c).toMatchObject({ PORT: 8080, SEED_DEMO: true, CORS_ORIGINS: ['https://a.vn', 'https://b.vn'], RATE_LIMIT_AUTH_PER_MINUTE: 5 });
  });

  it('lists every bad value at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', ACCESS_TOKEN_TTL: '3600', SEED_DEMO: 'maybe', PUBLIC_URL: 'not a url' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'LOG_LEVEL', 'ACCESS_TOKEN_TTL', 'SEED_DEMO', 'PUBLIC_URL']));
  });

  it('requires a database, secrets and no demo data in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(/DATABASE_URL[\s\S]*JWT_ACCESS_SECRET[\s\S]*SEED_DEMO/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/cordon', JWT_ACCESS_SECRET: 's'.repeat(40) }).isProduction).toBe(true);
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_ACCESS_SECRET: 'short' })).toThrow(ConfigError);
  });
});
