/** `pnpm --filter @cordon/api migration:run`: applies pending migrations (the API also does this at start-up). */
import 'reflect-metadata';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const db = await openDatabase();
  try {
    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
