import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { escapeLiteral } from 'pg';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@cordon/contracts';
import { DomainError, invalid } from '../errors/domain-error';
import type { AuthUser } from '../auth/auth-user';
import { type IdempotencyClaim, idempotencyClaims } from './idempotency-claim';
import { IDEMPOTENT_KEY } from './idempotent.decorator';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * A claim that committed without its answer, and whose database session is gone: the API died between the
 * commit and the answer (or PostgreSQL restarted). A backend with the same pid that started after the claim
 * is another session. A claim without a recorded session (written by an older version) counts after 10 minutes.
 */
const ABANDONED = `r.response_status IS NULL AND (
  (r.holder_pid IS NULL AND r.created_at < now() - interval '10 minutes')
  OR (r.holder_pid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = r.holder_pid AND a.backend_start <= r.created_at)))`;

/**
 * Idempotency-Key (IETF httpapi draft) for retried writes, remembered in PostgreSQL for 24 hours and
 * scoped to the caller and the route: a retry returns the first result; the same key while the first
 * request runs -> 409; the same key with another body -> 422. The key is claimed inside the request's own
 * first transaction (IdempotencyClaimSubscriber), so no reservation outlives a request cut off before its
 * commit, and the hot paths pay one statement inside their transaction plus the stored answer. A claim that
 * committed but whose process died before storing the answer is abandoned with its database session, and a
 * retry runs again (at least once: never blocked for 24 hours).
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
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const claim: IdempotencyClaim = {
      scope: `${request.user ? `user:${request.user.id}` : `ip:${request.ip}`} ${route}`,
      key,
      requestHash: createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex'),
      state: 'open',
    };
    return from(this.run(claim, reply, status, next));
  }

  private async run(claim: IdempotencyClaim, reply: FastifyReply, status: number, next: CallHandler): Promise<unknown> {
    // A second round only when another request took the key between our look-up and our claim.
    for (let round = 0; round < 3; round++) {
      const previous = await this.previousAnswer(claim);
      if (previous) {
        reply.status(previous.status);
        reply.header('Idempotent-Replayed', 'true');
        return previous.body;
      }
      reopen(claim);
      try {
        const result = await idempotencyClaims.run(claim, () => lastValueFrom(next.handle(), { defaultValue: null }));
        if (claim.state === 'taken') continue; // the handler swallowed IdempotencyKeyTaken: its writes rolled back
        await this.dataSource.query(rememberAnswer(claim, status, result));
        return result;
      } catch (err) {
        if (claim.state === 'taken') continue;
        // A failed attempt is not remembered: the client may retry with the same key. (A claim normally rolls
        // back with the failed transaction; this removes one that a first transaction of the request committed.)
        if (claim.state === 'claimed') {
          await this.dataSource.query(`DELETE FROM idempotency_records WHERE scope = $1 AND key = $2 AND response_status IS NULL`, [claim.scope, claim.key]).catch(() => undefined);
        }
        throw err;
      }
    }
    throw inProgress();
  }

  /** The answer to replay; null when the request should run (no record, or an expired or abandoned one, now removed). */
  private async previousAnswer(claim: IdempotencyClaim): Promise<{ status: number; body: unknown } | null> {
    const [existing] = await this.dataSource.query(
      `SELECT r.request_hash, r.response_status, r.response_body, r.created_at < now() - interval '24 hours' OR (${ABANDONED}) AS stale
         FROM idempotency_records r WHERE r.scope = $1 AND r.key = $2`,
      [claim.scope, claim.key],
    );
    if (!existing) return null;
    if (existing.stale) {
      await this.dataSource.query(
        `DELETE FROM idempotency_records r WHERE r.scope = $1 AND r.key = $2 AND (r.created_at < now() - interval '24 hours' OR (${ABANDONED}))`,
        [claim.scope, claim.key],
      );
      return null;
    }
    if (existing.request_hash !== claim.requestHash) throw new DomainError(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used with a different request body');
    if (existing.response_status === null) throw inProgress();
    return { status: existing.response_status, body: existing.response_body };
  }
}

/**
 * The answer to replay, stored after the request's commit in one round trip and without waiting for its WAL
 * flush (an asynchronous commit): lost only if PostgreSQL itself crashes in the next instant, and then the
 * claim is abandoned with its session and a retry runs (the at-least-once case above). One simple query, so
 * the values are inlined as escaped literals (SET LOCAL needs the two statements in one implicit transaction).
 */
function rememberAnswer(claim: IdempotencyClaim, status: number, result: unknown): string {
  const values = [claim.scope, claim.key, claim.requestHash].map(escapeLiteral).join(', ');
  return `SET LOCAL synchronous_commit = off;
    INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body)
    VALUES (${values}, ${Number(status)}, ${escapeLiteral(JSON.stringify(result ?? null))}::jsonb)
    ON CONFLICT (scope, key) DO UPDATE SET response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body`;
}

/** Before each round (a function, so that the compiler does not narrow what the transaction subscriber changes). */
function reopen(claim: IdempotencyClaim): void {
  claim.state = 'open';
}

function inProgress(): DomainError {
  return new DomainError(ErrorCode.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is still being processed');
}
