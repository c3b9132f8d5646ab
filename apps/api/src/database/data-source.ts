import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options: migrations only, never synchronize. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, idleTimeoutMillis: 30000, application_name: 'cordon-api' },
  };
}

export function createDataSource(url: string, poolSize = 2): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
