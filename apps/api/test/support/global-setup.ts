import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { EmbeddedDatabase } from '../../src/database/embedded-database';
import { seedAdminUnits } from '../../src/modules/geography/admin-units.seed';
import { seedIsolationPolicies } from '../../src/modules/cases/policies.service';

export const TEMPLATE_DB = 'cordon_template';

/**
 * One PostgreSQL for the whole run (embedded, or the server at DATABASE_URL), with a template database
 * migrated and seeded once; each test file clones it (CREATE DATABASE ... TEMPLATE, tens of ms).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-test-'));
    const db = await EmbeddedDatabase.start(dir, undefined);
    (globalThis as { __cordonDb?: EmbeddedDatabase; __cordonDir?: string }).__cordonDb = db;
    (globalThis as { __cordonDir?: string }).__cordonDir = dir;
    adminUrl = db.url;
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await client.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const ds = createDataSource(templateUrl);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedAdminUnits(ds, 'province');
  await seedIsolationPolicies(ds);
  await ds.destroy();
  process.env.CORDON_TEST_ADMIN_URL = adminUrl;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
