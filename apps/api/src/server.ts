import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from './app';
import { AppConfig, loadConfig } from './config/app-config';
import { resolveSecrets } from './config/secrets';
import { EmbeddedDatabase } from './database/embedded-database';
import { ensureDatabase } from './database/ensure-database';
import { JsonLogger } from './common/logging/json-logger';
import { seedAdminUnits } from './modules/geography/admin-units.seed';
import { seedIsolationPolicies } from './modules/cases/policies.service';
import { seedDemo, type DemoAccount } from './seed/demo-seed';

export interface RunningServer {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  demoAccounts: DemoAccount[];
  stop(): Promise<void>;
}

/** A PostgreSQL advisory lock held on one connection while `work` runs (other connections do the work). */
async function withStartupLock(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  const STARTUP_LOCK = 7_421_001; // any constant shared by every Cordon process
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Waiting for another replica's migrations may outlast DB_STATEMENT_TIMEOUT_MS: no timeout on this session.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/**
 * Starts the platform: the database (embedded unless DATABASE_URL is set), the API with the SPAs,
 * migrations, the admin units, and the demo accounts when SEED_DEMO is on.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = new JsonLogger(config.LOG_LEVEL);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await EmbeddedDatabase.start(config.DATA_DIR, config.EMBEDDED_PG_PORT, (line) => logger.debug({ msg: line }, 'EmbeddedPostgres'));
    await ensureDatabase(embedded.url, 'cordon');
    databaseUrl = embedded.urlFor('cordon');
    logger.log({ msg: 'embedded PostgreSQL started', port: embedded.port, dataDir: embedded.databaseDir }, 'Database');
  }
  let app: NestFastifyApplication | undefined;
  try {
    app = await createApp({ config, databaseUrl, secrets: resolveSecrets(config), logger, serveWeb: true });
    const dataSource = app.get(DataSource);
    let demoAccounts: DemoAccount[] = [];
    // Replicas starting together take turns: one migrates and seeds, the others then find nothing to do.
    await withStartupLock(dataSource, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) logger.log({ msg: 'migrations applied', migrations: applied.map((m) => m.name) }, 'Database');
      const units = await seedAdminUnits(dataSource, config.SEED_UNITS);
      if (units) logger.log({ msg: 'administrative units seeded', count: units }, 'Seed');
      const policies = await seedIsolationPolicies(dataSource);
      if (policies) logger.log({ msg: 'isolation policies seeded', count: policies }, 'Seed');
      if (config.SEED_DEMO) {
        const demo = await seedDemo(dataSource, config.DEMO_PASSWORD);
        demoAccounts = demo.accounts;
        if (demo.created) logger.log({ msg: 'demo accounts seeded', count: demo.created }, 'Seed');
      }
    });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpAdapter().getInstance().server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://localhost:${port}`;
    const running = app;
    let stopping: Promise<void> | undefined;
    return {
      app,
      config,
      url,
      demoAccounts,
      stop: () =>
        (stopping ??= (async () => {
          await running.close();
          await embedded?.stop();
        })()),
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
}
