import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalid } from '../errors/domain-error';

/** How a key value travels in a cursor (as text) and is cast back. */
export type KeyKind = 'boolean' | 'int' | 'date' | 'uuid';

/** One column of a list's order: an SQL expression over the query's alias, sorted descending. */
export interface KeyColumn {
  sql: string;
  kind: KeyKind;
}

/** The key as cursor text (dates as YYYY-MM-DD whatever the server's DateStyle). */
const asText = (c: KeyColumn) => (c.kind === 'date' ? `to_char(${c.sql}, 'YYYY-MM-DD')` : `(${c.sql})::text`);

const PATTERNS: Record<KeyKind, RegExp> = {
  boolean: /^(true|false)$/,
  int: /^-?\d{1,9}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/** The longest keyset cursor the lists hand out (the query DTOs' MaxLength of `cursor`). */
export const CURSOR_MAX_LENGTH = 120;

/** An opaque cursor: the sort key of the last row of a page ("k:" and the values, as text). */
export function encodeKeyset(values: readonly string[]): string {
  return Buffer.from(`k:${values.join('|')}`).toString('base64url');
}

/** The sort key in a cursor, checked against the list's order (a cursor of another list or order is refused). */
export function decodeKeyset(cursor: string, order: readonly KeyColumn[]): string[] {
  const text = Buffer.from(cursor, 'base64url').toString();
  const values = text.startsWith('k:') ? text.slice(2).split('|') : [];
  if (values.length !== order.length || !values.every((v, i) => PATTERNS[order[i].kind].test(v))) throw invalid('cursor', 'invalid', 'cursor is not valid');
  return values;
}

/**
 * Keyset paging over one or more branches of a query (their union is the list; a record is in one branch
 * only). The order is every column of `order` descending, the last one unique (the id), so a page starts
 * right after the previous page's last key with `(k0, k1, ..) < (..)`: a row comparison that a B-tree index
 * on (the branch's equality columns, k0, k1, ..) answers by reading only the page, however deep the page
 * and however many rows match. Each branch is ordered and limited on its own (its index), then the branches
 * are merged: a jurisdiction rule with an OR (a province, or no province at all) becomes two index scans, and
 * a column of a few values that leads an index (a case's status) one scan per value.
 */
export class KeysetQuery<T extends ObjectLiteral> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: readonly SelectQueryBuilder<T>[],
    private readonly order: readonly KeyColumn[],
  ) {
    if (!branches.length) throw new Error('a keyset query needs a branch');
  }

  /**
   * The ids of one page (at most `limit`) after `cursor`, in order, the cursor of the next page, and how many
   * rows match, counted up to `cap`: exact when at most `cap` match, otherwise `total` is `cap` and `capped`
   * is true (more than `cap`). The count reads the branches in the list's order (the index the pages use), one
   * after the other, and stops after cap + 1 rows in all, so its cost does not grow with the table either.
   *
   * Both queries read one snapshot (the total and the page agree) without parallel workers: a scan that stops
   * after a page or cap + 1 rows is over before workers would have started (the planner, estimating the whole
   * scan, would otherwise start them for the count).
   */
  async read(limit: number, cursor: string | undefined, cap: number): Promise<{ ids: string[]; nextCursor: string | null; total: number; capped: boolean }> {
    const after = cursor ? decodeKeyset(cursor, this.order) : null;
    const page = this.branches.map((branch) => {
      const qb = this.ordered(branch.clone().select(this.order[0].sql, 'k0'));
      this.order.slice(1).forEach((c, i) => qb.addSelect(c.sql, `k${i + 1}`));
      this.order.forEach((c, i) => qb.addSelect(asText(c), `t${i}`));
      if (after) {
        const params = Object.fromEntries(after.map((v, i) => [`keyset${i}`, v]));
        qb.andWhere(`(${this.order.map((c) => c.sql).join(', ')}) < (${this.order.map((c, i) => `:keyset${i}::${c.kind}`).join(', ')})`, params);
      }
      return qb.limit(limit + 1);
    });
    const sorted = this.order.map((_, i) => `k${i} DESC`).join(', ');
    const pageSql = page.length === 1 ? page[0].getQuery() : `SELECT * FROM (${page.map((p) => `(${p.getQuery()})`).join(' UNION ALL ')}) page ORDER BY ${sorted} LIMIT ${limit + 1}`;
    const counted = this.branches.map((branch) => this.ordered(branch.clone().select('1')).limit(cap + 1));
    const countSql = `SELECT count(*)::int AS n FROM (SELECT 1 FROM (${counted.map((p) => `(${p.getQuery()})`).join(' UNION ALL ')}) branches LIMIT ${cap + 1}) counted`;

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = true;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
      const rows: Record<string, string>[] = await runner.query(...this.escaped(pageSql, page));
      const [{ n }]: { n: number }[] = await runner.query(...this.escaped(countSql, counted));
      await runner.query('COMMIT');
      open = false;
      const last = this.order.length - 1;
      const items = rows.slice(0, limit);
      const end = items[items.length - 1];
      return {
        ids: items.map((r) => r[`t${last}`]),
        nextCursor: rows.length > limit && end ? encodeKeyset(this.order.map((_, i) => end[`t${i}`])) : null,
        total: Math.min(n, cap),
        capped: n > cap,
      };
    } finally {
      // A failed read leaves the transaction open: end it before the connection goes back to the pool.
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private ordered(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    qb.orderBy();
    this.order.forEach((c) => qb.addOrderBy(c.sql, 'DESC'));
    return qb;
  }

  private escaped(sql: string, parts: SelectQueryBuilder<T>[]): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(sql, Object.assign({}, ...parts.map((p) => p.getParameters())) as ObjectLiteral);
  }
}
