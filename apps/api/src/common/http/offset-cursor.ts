import { invalid } from '../errors/domain-error';

/** An opaque cursor over lists whose order is not a stable key (e.g. "overdue first"). */
export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalid('cursor', 'invalid', 'cursor is not valid');
  return Number(match[1]);
}

export function page<T>(rows: T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? encodeOffset(offset + limit) : null };
}
