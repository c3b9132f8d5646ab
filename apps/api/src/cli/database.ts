
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-database';

/**
 * For the command-line tools: the database of DATABASE_URL, or the embedded one in DATA_DIR
 * (the platform must not be running on the same DATA_DIR at the same time).
 */
export async function openDatabase(): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    // `pnpm --filter @cordon/api ...` runs in apps/api: default to the repository's .data, as `pnpm start` does.
    const dataDir = process.env.DATA_DIR ? resolve(config.DATA_DIR) : resolve(__dirname, '../../../../.data');
    embedded = await EmbeddedDatabase.start(dataDir, config.EMBEDDED_PG_PORT);
    url = embedded.urlFor('cordon');
  }
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

