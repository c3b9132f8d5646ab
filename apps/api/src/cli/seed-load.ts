/**
 * `pnpm seed:load [--scale province|national] [--seed N] [--until YYYY-MM-DD]`: fills a data folder with the
 * data of a hard epidemic wave, for benchmarks and for trying the apps at scale (`DATA_DIR=<folder> pnpm start`).
 * The data folder defaults to .data-load/<scale>; DATABASE_URL loads an external server instead. A folder that
 * was loaded with the same scale and seed is reused as it is.
 */
import 'reflect-metadata';
import { hash } from '@node-rs/argon2';
import { existsSync, mkdirSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { vietnamDate } from '../common/time';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-database';
import { ensureDatabase } from '../database/ensure-database';
import { seedIsolationPolicies } from '../modules/cases/policies.service';
import { seedAdminUnits } from '../modules/geography/admin-units.seed';
import { seedDemo } from '../seed/demo-seed';
import { LOAD_PLANS, type LoadPlan, scaledPlan } from '../seed/load/load-plan';
import { loadSteps } from '../seed/load/load-steps';

interface LoadRecord {
  scale: LoadPlan['scale'];
  seed: number;
  fraction: number;
  until: string;
  /** Steps done so far: each step is one statement, so an interrupted load resumes after the last one. */
  completedSteps: string[];
  rows: Record<string, number>;
  seconds: number;
  finishedAt: string | null;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
  const scale = (argument('scale') ?? 'province') as LoadPlan['scale'];
  if (!LOAD_PLANS[scale]) throw new Error('--scale must be province or national');
  // --fraction 0.01 loads a hundredth of the rows (quick trials and the loader's own test).
  const fraction = Number(argument('fraction') ?? 1);
  if (!(fraction > 0 && fraction <= 1)) throw new Error('--fraction must be in (0, 1]');
  const plan = scaledPlan(LOAD_PLANS[scale], fraction);
  const seed = Number(argument('seed') ?? 20220301);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const until = argument('until') ?? vietnamDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new Error('--until must be YYYY-MM-DD');
  const config = loadConfig();

  let embedded: EmbeddedDatabase | undefined;
  let previous: LoadRecord | null = null;
  let url = config.DATABASE_URL;
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '../../../../.data-load', scale));
  const recordFile = join(dataDir, 'load.json');
  if (!url) {
    mkdirSync(dataDir, { recursive: true });
    previous = existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as LoadRecord) : null;
    if (previous) {
      if (previous.scale !== scale || previous.seed !== seed || previous.fraction !== fraction) {
        throw new Error(`${dataDir} holds another load (${previous.scale}, seed ${previous.seed}); choose another DATA_DIR`);
      }
      if (previous.finishedAt) {
        console.log(`${dataDir} already holds the ${scale} load (seed ${seed}, until ${previous.until}): reusing it. Start it with DATA_DIR=${dataDir} pnpm start.`);
        return;
      }
      console.log(`Resuming the interrupted load after: ${previous.completedSteps.join(', ')}`);
    }
    const { bavail, bsize } = statfsSync(dataDir);
    const free = bavail * bsize;
    if (free < plan.diskBytes) throw new Error(`${scale} needs about ${(plan.diskBytes / 1024 ** 3).toFixed(0)} GB free in ${dataDir}; there are ${(free / 1024 ** 3).toFixed(1)} GB`);
    embedded = await EmbeddedDatabase.start(dataDir, config.EMBEDDED_PG_PORT);
    await ensureDatabase(embedded.url, 'cordon');
    url = embedded.urlFor('cordon');
  }

  const started = Date.now();
  const until_ = previous?.until ?? until;
  const record: LoadRecord = previous ?? { scale, seed, fraction, until: until_, completedSteps: [], rows: {}, seconds: 0, finishedAt: null };
  const save = () => embedded && writeFileSync(recordFile, JSON.stringify(record, null, 2));
  const rows = record.rows;
  const dataSource = createDataSource(url);
  const client = new Client({ connectionString: url });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    console.log(`Administrative units: ${await seedAdminUnits(dataSource, scale === 'national' ? 'all' : 'province')} inserted`);
    await seedIsolationPolicies(dataSource);
    await seedDemo(dataSource, config.DEMO_PASSWORD);
    await client.connect();
    // The pg_temp functions of the steps live in this one session. A lost load is simply run again.
    await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    const passwordHash = await hash(config.DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    console.log(`Loading the ${scale} scale (seed ${seed}, ${plan.days} days until ${until_}) into ${embedded ? dataDir : 'DATABASE_URL'}`);
    for (const step of loadSteps(plan, seed, until_, passwordHash)) {
      // Set-up steps (session functions, weight tables) always run; data steps only once.
      if (step.table && record.completedSteps.includes(step.name)) continue;
      const count = async () => (step.table ? Number((await client.query(`SELECT count(*) FROM ${step.table}`)).rows[0].count) : 0);
      const before = await count();
      const t0 = Date.now();
      await client.query(step.sql);
      const seconds = (Date.now() - t0) / 1000;
      const added = (await count()) - before;
      if (step.table) {
        rows[step.table] = (rows[step.table] ?? 0) + added;
        // Fresh statistics keep the planner from nested loops over a table that just grew by a million rows.
        await client.query(`ANALYZE ${step.table}`);
        record.completedSteps.push(step.name);
        record.seconds += seconds;
        save();
      }
      console.log(`  ${step.name.padEnd(46)} ${step.table ? `${added.toLocaleString('en').padStart(11)} rows` : ''.padStart(16)} ${seconds.toFixed(1).padStart(7)} s${step.table && seconds > 0 ? `  ${Math.round(added / seconds).toLocaleString('en')} rows/s` : ''}`);
    }
    const t0 = Date.now();
    await client.query('ANALYZE');
    console.log(`  ${'analyze'.padEnd(46)} ${''.padStart(16)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(`Loaded ${total.toLocaleString('en')} rows in ${record.seconds.toFixed(0)} s of inserts (${Math.round(total / record.seconds).toLocaleString('en')} rows/s); this run took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    record.finishedAt = new Date().toISOString();
    save();
    if (embedded) {
      console.log(`Start it with: DATA_DIR=${dataDir}${scale === 'national' ? ' SEED_UNITS=all' : ''} pnpm start`);
    }
  } finally {
    await client.end().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
