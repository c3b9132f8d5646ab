import { DataSource, DataSourceOptions } from 'typeorm';
import { IdempotencyClaimSubscriber } from '../common/idempotency/idempotency-claim';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** How long the API waits on the database before answering 503 (see AppConfig DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS). */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool (pg-pool `connectionTimeoutMillis`). */
  connectTimeoutMs?: number;
  /** PostgreSQL `statement_timeout` of every pooled connection; 0 or unset: none. */
  statementTimeoutMs?: number;
}

/**
 * TypeORM options: migrations only, never synchronize. Without timeouts (the command-line tools) a
 * request waits for the database as long as it takes; the API passes its configured timeouts so that it
 * fails fast while PostgreSQL is down and reconnects by itself when it is back (the pool opens new
 * connections on demand; broken idle ones are dropped).
 */
export function dataSourceOptions(url: string, poolSize: number, timeouts: DatabaseTimeouts = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Claims an Idempotency-Key in the first transaction of the request that carries it.
    subscribers: [IdempotencyClaimSubscriber],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      idleTimeoutMillis: 30000,
      application_name: 'cordon-api',
      // TCP keepalive notices a peer that vanished (network cut, failed host) on idle pooled connections.
      keepAlive: true,
      ...(timeouts.connectTimeoutMs ? { connectionTimeoutMillis: timeouts.connectTimeoutMs } : {}),
      ...(timeouts.statementTimeoutMs ? { statement_timeout: timeouts.statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(url: string, poolSize = 2, timeouts: DatabaseTimeouts = {}): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize, timeouts));
}
