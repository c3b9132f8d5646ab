/**
 * `pnpm --filter @cordon/api seed [--demo]`: seeds the administrative units (SEED_UNITS=province|all) and,
 * with --demo, the demo accounts. Idempotent. Migrations must have run.
 */
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { seedAdminUnits } from '../modules/geography/admin-units.seed';
import { seedIsolationPolicies } from '../modules/cases/policies.service';
import { seedDemo } from '../seed/demo-seed';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase();
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    console.log(`Administrative units inserted: ${await seedAdminUnits(db.dataSource, config.SEED_UNITS)}`);
    console.log(`Isolation policy versions inserted: ${await seedIsolationPolicies(db.dataSource)}`);
    if (process.argv.includes('--demo')) {
      if (config.isProduction) throw new Error('Demo accounts are never seeded in production');
      console.log(`Demo accounts created: ${(await seedDemo(db.dataSource, config.DEMO_PASSWORD)).created}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
