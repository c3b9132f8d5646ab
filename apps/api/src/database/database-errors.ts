/**
 * Errors that mean "the database cannot be reached or did not answer in time" (not "the request is wrong"):
 * the API answers them with 503 SERVICE_UNAVAILABLE and a Retry-After, and stays up; the pool reconnects
 * by itself once PostgreSQL is back.
 */

/** Socket-level failures of node-postgres (the server is down, restarting or unreachable). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/**
 * SQLSTATEs: class 08 (connection exception), 53300 too_many_connections, 57014 query_canceled (the
 * statement timeout), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up
 * or shutting down), 57P05 idle_session_timeout.
 */
const SQLSTATES = new Set(['53300', '57014', '57P01', '57P02', '57P03', '57P05']);

/** node-postgres, pg-pool and TypeORM raise these without a code. */
const MESSAGES = [
  /timeout exceeded when trying to connect/i, // pg-pool: no connection within connectionTimeoutMillis
  /connection terminated/i, // the server closed the socket ("unexpectedly", "due to connection timeout")
  /connection timeout/i,
  /is not queryable/i, // a client whose connection already failed
  /query read timeout/i,
  /driver not connected/i, // TypeORM before (re)connecting
  /cannot use a pool after calling end/i,
];

const DEPTH = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < DEPTH && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
    // Node's AggregateError (several addresses refused): unavailable when every attempt was.
    if (Array.isArray(e.errors) && e.errors.length && e.errors.every((inner) => isDatabaseUnavailable(inner))) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
