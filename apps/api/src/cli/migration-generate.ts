/**
 * `pnpm --filter @cordon/api migration:generate <Name>`: diffs the entities against a database migrated
 * to the latest migration and writes src/database/migrations/<timestamp>-<Name>.ts (DDL only).
 * Uses DATABASE_URL, or a throw-away embedded PostgreSQL when unset.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-database';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: migration:generate <PascalCaseName>');
    process.exit(2);
  }
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'cordon-migrate-'));
    embedded = await EmbeddedDatabase.start(dir, undefined);
    url = embedded.url;
  }
  const ds = createDataSource(url);
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('No changes: the entities match the migrations.');
      process.exitCode = 1;
      return;
    }
    const timestamp = Date.now();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const file = join(__dirname, '../../src/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}; add it to src/database/migrations/index.ts.`);
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
