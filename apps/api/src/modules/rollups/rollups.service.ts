import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';

const VN_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** The one state row of the dashboards' rollups. */
const STATE = 'dashboards';
/** Rows whose transaction started up to this long before the last refresh, but committed after it, are still picked up. */
export const ROLLUP_LATE_MARGIN = '2 minutes';
/** Key of the advisory lock that lets one replica at a time refresh. */
const LOCK = `hashtext('cordon.rollups')`;

/**
 * Makes the next refresh rebuild every rollup (it removes the state). For writers that put rows into the base
 * tables around the API (`pnpm seed:load`, the demo data), with past timestamps the incremental refresh would
 * never read; run it in the transaction that writes them, or after them.
 */
export const ROLLUPS_STALE_SQL = `DELETE FROM rollup_state`;

/**
 * One rollup: how a bucket is found from the base rows changed since the watermark, and how its rows are
 * recomputed. A bucket is (day, key), or the whole key when `day` is null (cases: a recovery or a reopening
 * moves a case between days, and the old day is not on the row any more, so the whole commune is recomputed).
 */
interface RollupSpec {
  table: string;
  columns: string;
  /** The base rows' aggregate; `join` narrows it to the touched buckets (alias t: day, key), `where` adds a filter. */
  select: (join: string, where: string) => string;
  touched: string;
  /** Rollup column holding the bucket key, and how a touched bucket matches base rows with a non-null key. */
  key: string;
  day: boolean;
  baseMatch: string;
  baseNullMatch: string;
}

const SPECS: RollupSpec[] = [
  {
    table: 'rollup_arrivals',
    columns: 'day, province_code, district_code, commune_code, risk_level, from_zone, total',
    select: (join, where) => `SELECT d.travel_date, d.province_code, d.district_code, d.commune_code, d.risk_level, d.origin_zone_level IS NOT NULL, count(*)::int
      FROM movement_declarations d ${join} WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6`,
    touched: `SELECT DISTINCT travel_date AS day, commune_code AS key FROM movement_declarations WHERE created_at > $1 AND created_at <= $2`,
    key: 'commune_code',
    day: true,
    baseMatch: 'JOIN rollup_touched t ON d.travel_date = t.day AND d.commune_code = t.key',
    baseNullMatch: 'd.commune_code IS NULL AND d.travel_date IN (SELECT day FROM rollup_touched WHERE key IS NULL)',
  },
  {
    table: 'rollup_arrival_origins',
    columns: 'day, province_code, district_code, origin_province_code, total',
    select: (join, where) => `SELECT d.travel_date, d.province_code, d.district_code, d.origin_province_code, count(*)::int
      FROM movement_declarations d ${join} WHERE ${where} GROUP BY 1, 2, 3, 4`,
    touched: `SELECT DISTINCT travel_date AS day, district_code AS key FROM movement_declarations WHERE created_at > $1 AND created_at <= $2`,
    key: 'district_code',
    day: true,
    baseMatch: 'JOIN rollup_touched t ON d.travel_date = t.day AND d.district_code = t.key',
    baseNullMatch: 'd.district_code IS NULL AND d.travel_date IN (SELECT day FROM rollup_touched WHERE key IS NULL)',
  },
  {
    table: 'rollup_passages',
    columns: 'day, province_code, district_code, commune_code, checkpoint_id, direction, outcome, source, total',
    select: (join, where) => `SELECT ${VN_DAY('p.recorded_at')}, p.province_code, p.district_code, p.commune_code, p.checkpoint_id, p.direction, p.outcome, p.source, count(*)::int
      FROM passages p ${join} WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    touched: `SELECT DISTINCT ${VN_DAY('recorded_at')} AS day, checkpoint_id AS key FROM passages WHERE received_at > $1 AND received_at <= $2`,
    key: 'checkpoint_id',
    day: true,
    // The Vietnam day as a range of instants, so idx_passages_checkpoint (checkpoint_id, recorded_at) serves it.
    baseMatch: `JOIN rollup_touched t ON p.checkpoint_id = t.key AND p.recorded_at >= (t.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND p.recorded_at < ((t.day + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`,
    baseNullMatch: 'false',
  },
  {
    table: 'rollup_cases',
    columns: 'day, province_code, district_code, commune_code, new_cases, recoveries',
    select: (join, where) => `SELECT day, province_code, district_code, commune_code, sum(n)::int, sum(r)::int FROM (
        SELECT c.positive_test_date AS day, c.province_code, c.district_code, c.commune_code, 1 AS n, 0 AS r FROM cases c ${join} WHERE ${where}
        UNION ALL
        SELECT ${VN_DAY('c.recovered_at')}, c.province_code, c.district_code, c.commune_code, 0, 1 FROM cases c ${join} WHERE ${where} AND c.recovered_at IS NOT NULL
      ) x GROUP BY 1, 2, 3, 4`,
    touched: `SELECT DISTINCT NULL::date AS day, commune_code AS key FROM cases WHERE updated_at > $1 AND updated_at <= $2`,
    key: 'commune_code',
    day: false,
    baseMatch: 'JOIN rollup_touched t ON c.commune_code = t.key',
    baseNullMatch: 'c.commune_code IS NULL AND EXISTS (SELECT 1 FROM rollup_touched WHERE key IS NULL)',
  },
];

/** Why a refresh rebuilt everything: asked to, no state (new database, or made stale), or a migration applied since the last rebuild. */
export type RebuildReason = 'asked' | 'no-state' | 'migration';

export interface RefreshResult {
  full: boolean;
  /** Set when `full`. */
  reason?: RebuildReason;
  /** Buckets recomputed (all of them on a full rebuild: -1). */
  buckets: number;
  ms: number;
}

/**
 * Keeps the dashboard rollups fresh: every ROLLUP_REFRESH_SECONDS one replica (advisory lock) recomputes the
 * (day, commune / checkpoint) buckets whose base rows changed since its watermark (minus ROLLUP_LATE_MARGIN for
 * transactions that commit late), in one transaction, and advances the watermark; a restarted process catches
 * up the same way. It rebuilds everything only when the state is missing (a new database, or a writer around
 * the API ran ROLLUPS_STALE_SQL) or older than the schema (a migration was applied since the last rebuild).
 * ROLLUP_REFRESH_SECONDS=0: no timer; every dashboard read refreshes first (tests read exactly what they wrote).
 */
@Injectable()
export class RollupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Rollups');
  private timer?: NodeJS.Timeout;
  private running?: Promise<RefreshResult | null>;
  /** A refresh of this process succeeded (or another replica held the lock and did it). */
  private warm = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The timer starts with the application; its first refresh comes after the start-up migrations, at the interval or at the first dashboard read. */
  onApplicationBootstrap(): void {
    const seconds = this.config.ROLLUP_REFRESH_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Called before a dashboard reads the rollups: in synchronous mode refreshes now (waiting for another
   * refresh to finish); otherwise only the first read after start waits, for the first refresh (which catches
   * up what was written while no process refreshed, or rebuilds when the state is missing or predates a migration).
   */
  async ensureFresh(): Promise<void> {
    if (this.config.ROLLUP_REFRESH_SECONDS === 0) await this.refresh({ wait: true });
    else if (!this.warm) await this.tick();
  }

  private tick(): Promise<RefreshResult | null> {
    this.running ??= this.refresh()
      .then((result) => {
        if (result) this.warm = true;
        return result;
      })
      .catch((err: unknown) => {
        this.logger.error(`refresh failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * One refresh in one transaction. Returns null when another replica holds the lock (unless `wait`).
   * `full` forces a rebuild of every bucket.
   */
  async refresh(options: { wait?: boolean; full?: boolean } = {}): Promise<RefreshResult | null> {
    const started = performance.now();
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = 0`);
      if (options.wait) await manager.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
      else if (!(await manager.query(`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`))[0].ok) return null;
      const [{ now }] = await manager.query(`SELECT now() AS now`);
      const [state]: { watermark: Date; migration: string | null }[] = await manager.query(`SELECT watermark, migration FROM rollup_state WHERE name = $1`, [STATE]);
      const migration = await this.lastMigration(manager);
      const reason: RebuildReason | undefined = options.full ? 'asked' : !state ? 'no-state' : state.migration !== migration ? 'migration' : undefined;
      const full = reason !== undefined;
      let buckets = -1;
      if (full) {
        for (const spec of SPECS) {
          await manager.query(`DELETE FROM ${spec.table}`);
          await manager.query(`INSERT INTO ${spec.table} (${spec.columns}) ${spec.select('', 'true')}`);
          await manager.query(`ANALYZE ${spec.table}`); // the planner's estimates of the new rows
        }
      } else {
        const [{ since }] = await manager.query(`SELECT $1::timestamptz - interval '${ROLLUP_LATE_MARGIN}' AS since`, [state.watermark]);
        // A few buckets out of many: recompute each through its index (a nested loop), never by scanning a base table.
        await manager.query(`SET LOCAL enable_hashjoin = off`);
        await manager.query(`SET LOCAL enable_mergejoin = off`);
        buckets = 0;
        for (const spec of SPECS) buckets += await this.refreshBuckets(manager, spec, since, now);
      }
      const ms = Math.round(performance.now() - started);
      await manager.query(
        `INSERT INTO rollup_state (name, watermark, refreshed_at, rebuilt_at, rebuild_ms, migration) VALUES ($1, $2, now(), CASE WHEN $3 THEN now() END, CASE WHEN $3 THEN $4::int END, $5)
         ON CONFLICT (name) DO UPDATE SET watermark = EXCLUDED.watermark, refreshed_at = EXCLUDED.refreshed_at,
           rebuilt_at = COALESCE(EXCLUDED.rebuilt_at, rollup_state.rebuilt_at), rebuild_ms = COALESCE(EXCLUDED.rebuild_ms, rollup_state.rebuild_ms),
           migration = CASE WHEN $3 THEN EXCLUDED.migration ELSE rollup_state.migration END`,
        [STATE, now, full, ms, migration],
      );
      return { full, reason, buckets, ms };
    });
    if (result?.full) this.logger.log(`rebuilt the dashboard rollups in ${result.ms} ms (${result.reason})`);
    else if (result) this.logger.debug(`refreshed ${result.buckets} rollup buckets in ${result.ms} ms`);
    return result;
  }

  /** The migration applied last (by the order they were applied), or null before any. */
  private async lastMigration(manager: EntityManager): Promise<string | null> {
    const table = (this.dataSource.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations';
    const [row]: { name: string }[] = await manager.query(`SELECT name FROM ${table} ORDER BY id DESC LIMIT 1`);
    return row?.name ?? null;
  }

  /** Recomputes the buckets touched in (since, until]; returns how many. */
  private async refreshBuckets(manager: EntityManager, spec: RollupSpec, since: Date, until: Date): Promise<number> {
    // Rows stamped after this refresh began (a clock ahead, generated data) wait for a later refresh: each is read about once.
    await manager.query(`CREATE TEMP TABLE rollup_touched ON COMMIT DROP AS ${spec.touched}`, [since, until]);
    const [{ n, nulls }] = await manager.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE key IS NULL)::int AS nulls FROM rollup_touched`);
    if (n > 0) {
      await manager.query(`ANALYZE rollup_touched`);
      const sameDay = spec.day ? 'r.day = t.day AND ' : '';
      await manager.query(`DELETE FROM ${spec.table} r USING rollup_touched t WHERE ${sameDay}r.${spec.key} = t.key`);
      await manager.query(`INSERT INTO ${spec.table} (${spec.columns}) ${spec.select(spec.baseMatch, 'true')}`);
      if (nulls > 0) {
        const nullDay = spec.day ? ' AND r.day IN (SELECT day FROM rollup_touched WHERE key IS NULL)' : '';
        await manager.query(`DELETE FROM ${spec.table} r WHERE r.${spec.key} IS NULL${nullDay}`);
        await manager.query(`INSERT INTO ${spec.table} (${spec.columns}) ${spec.select('', spec.baseNullMatch)}`);
      }
    }
    await manager.query(`DROP TABLE rollup_touched`);
    return n;
  }
}
