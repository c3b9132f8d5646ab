import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@cordon/contracts';
import { DomainError, invalid } from '../errors/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { IDEMPOTENT_KEY } from './idempotent.decorator';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The database session running a statement, as "<backend pid>:<backend start in µs>" (unique while the server runs). */
const SESSION_OF = (a: string) => `${a}.pid || ':' || (extract(epoch FROM ${a}.backend_start) * 1000000)::bigint`;
const THIS_SESSION = `(SELECT ${SESSION_OF('a')} FROM pg_stat_activity a WHERE a.pid = pg_backend_pid())`;

/**
 * Idempotency-Key (IETF httpapi draft) for retried writes, remembered in PostgreSQL for 24 hours and
 * scoped to the caller and the route: a retry returns the first result; the same key while the first
 * request runs -> 409; the same key with another body -> 422. A pending key remembers the database session
 * that reserved it: once that session is gone (the API was killed mid-request, or PostgreSQL restarted), the
 * reservation is abandoned and a retry runs. The write of the cut-off attempt may have committed, so
 * such a retry can repeat it (at least once, never blocked for 24 hours).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.dataSource.query(`DELETE FROM idempotency_records WHERE created_at < now() - interval '24 hours'`).catch(() => undefined), 3600_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT_KEY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) throw invalid('Idempotency-Key', 'format', 'Idempotency-Key must be 1-200 visible ASCII characters');
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = (Reflect.getMetadata('__httpCode__', context.getHandler()) as number | undefined) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.run(request, reply, key, status, next));
  }

  private async run(request: FastifyRequest & { user?: AuthUser }, reply: FastifyReply, key: string, status: number, next: CallHandler): Promise<unknown> {
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const scope = `${request.user ? `user:${request.user.id}` : `ip:${request.ip}`} ${route}`;
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    // Forget an expired record, and a reservation whose session is gone (one written before sessions were recorded: after 10 minutes).
    await this.dataSource.query(
      `DELETE FROM idempotency_records r WHERE r.scope = $1 AND r.key = $2 AND (r.created_at < now() - interval '24 hours' OR (r.response_status IS NULL AND (
         (r.holder IS NULL AND r.created_at < now() - interval '10 minutes')
         OR (r.holder IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE ${SESSION_OF('a')} = r.holder)))))`,
      [scope, key],
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_records (scope, key, request_hash, holder) VALUES ($1, $2, $3, ${THIS_SESSION}) ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.length === 0) {
      const [existing] = await this.dataSource.query(`SELECT request_hash, response_status, response_body FROM idempotency_records WHERE scope = $1 AND key = $2`, [scope, key]);
      if (!existing) throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is still being processed');
      if (existing.request_hash !== requestHash) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request body');
      if (existing.response_status === null) throw new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is still being processed');
      reply.status(existing.response_status);
      reply.header('Idempotent-Replayed', 'true');
      return existing.response_body;
    }
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: null });
      await this.dataSource.query(`UPDATE idempotency_records SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`, [scope, key, status, JSON.stringify(result ?? null)]);
      return result;
    } catch (err) {
      // A failed first attempt is not remembered: the client may retry with the same key. (With the database
      // down this fails too; the reservation is then abandoned with its session and a retry runs.)
      await this.dataSource.query(`DELETE FROM idempotency_records WHERE scope = $1 AND key = $2`, [scope, key]).catch(() => undefined);
      throw err;
    }
  }
}
