import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The rows of a query, in its order, in batches of `batchSize`, through a server-side cursor inside one
 * read-only REPEATABLE READ transaction: the database sorts once, the export sees one snapshot, and the
 * process holds one batch at a time however many rows there are (OFFSET paging would sort again for every
 * page). The next batch is fetched only when the caller asks for it: an export piped to a slow client
 * (back-pressure) leaves the rest in the database. Stopping the iteration (a client that disconnects) closes
 * the cursor.
 */
export async function* streamRows<R>(dataSource: DataSource, sql: string, params: unknown[], batchSize = 1000): AsyncGenerator<R[]> {
  const leave = await exportSlot(dataSource);
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows: R[] = await runner.query(`FETCH ${batchSize} FROM export_rows`);
        if (!rows.length) break;
        yield rows;
        if (rows.length < batchSize) break;
      }
      await runner.query('COMMIT');
    } finally {
      // An abandoned export leaves the transaction open: end it before the connection goes back to the pool.
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  } finally {
    leave();
  }
}

/** The ids a query selects, in its order, in batches (see streamRows); the caller loads each batch's records by id. */
export async function* streamIdBatches<T extends ObjectLiteral>(dataSource: DataSource, query: SelectQueryBuilder<T>, idColumn: string, batchSize = 1000): AsyncGenerator<string[]> {
  const [sql, params] = query.clone().select(idColumn, 'id').getQueryAndParameters();
  for await (const rows of streamRows<{ id: string }>(dataSource, sql, params, batchSize)) yield rows.map((r) => r.id);
}

/**
 * An export holds one pooled connection (its cursor) while the caller loads each batch on another: with as
 * many exports running as the pool has connections, each would wait for a connection that none releases (a
 * pool deadlock, broken only by the connect timeout as 503s). So at most half the pool streams at once; the
 * other exports wait here, holding no connection.
 */
const exportSlots = new WeakMap<DataSource, { running: number; waiting: (() => void)[] }>();

async function exportSlot(dataSource: DataSource): Promise<() => void> {
  const poolSize = Number((dataSource.options as { extra?: { max?: number } }).extra?.max) || 10;
  const limit = Math.max(1, Math.floor(poolSize / 2));
  let slots = exportSlots.get(dataSource);
  if (!slots) exportSlots.set(dataSource, (slots = { running: 0, waiting: [] }));
  const state = slots;
  // A slot freed by a finishing export passes straight to the next waiting one (`running` stays the same).
  if (state.running < limit) state.running++;
  else await new Promise<void>((resolve) => state.waiting.push(resolve));
  let left = false;
  return () => {
    if (left) return;
    left = true;
    const next = state.waiting.shift();
    if (next) next();
    else state.running--;
  };
}

/** Puts records loaded by id back into the order of `ids` (dropping ids no longer found). */
export function inOrderOf<T extends { id: string }>(ids: string[], records: T[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => !!r);
}
