import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, type ApiErrorBody } from '@cordon/contracts';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { DomainError, STATUS_OF_CODE } from './domain-error';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.VALIDATION_FAILED,
  422: ErrorCode.IDEMPOTENCY_KEY_REUSED,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * Turns every error into the documented shape; unique violations become 409, never 500; a database that is
 * down, unreachable or too slow becomes 503 SERVICE_UNAVAILABLE with Retry-After (logged as a warning,
 * one line, since an outage would otherwise flood the log with stack traces).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const { body, headers } = this.toBody(exception, String(request.id));
    if (body.code === ErrorCode.SERVICE_UNAVAILABLE) {
      this.logger.warn({ msg: 'database unavailable', requestId: body.requestId, error: describe(exception) });
    } else if (body.statusCode >= 500) {
      this.logger.error({ msg: 'unhandled error', requestId: body.requestId, error: (exception as Error)?.stack ?? String(exception) });
    }
    for (const [k, v] of Object.entries(headers ?? {})) reply.header(k, v);
    // A handler may have set another type already (CSV and PDF downloads set theirs before validation runs).
    reply.removeHeader('content-disposition');
    reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown, requestId: string): { body: ApiErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        body: { statusCode: STATUS_OF_CODE[exception.code], code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}), requestId },
        headers: exception.headers,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        body: { statusCode: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly', requestId },
        headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; constraint?: string; detail?: string };
      if (pg.code === '23505') {
        const field = /\(([^)]+)\)=/.exec(pg.detail ?? '')?.[1];
        return {
          body: { statusCode: 409, code: ErrorCode.DUPLICATE, message: 'A record with this value already exists', ...(field ? { details: [{ field, code: 'unique', message: `${field} is already used` }] } : {}), requestId },
        };
      }
      if (pg.code === '23503') return { body: { statusCode: 409, code: ErrorCode.CONFLICT, message: 'A referenced record does not exist or is still in use', requestId } };
      // Invalid text representation, datetime format or value, numeric out of range, and a character the
      // database cannot store (NUL, a lone surrogate): the input's fault.
      if (pg.code === '22P02' || pg.code === '22007' || pg.code === '22008' || pg.code === '22003' || pg.code === '22021') {
        return { body: { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message: 'Invalid value', requestId } };
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { body: { statusCode: status, code: CODE_OF_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED), message: Array.isArray(message) ? message.join('; ') : String(message), requestId } };
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { body: { statusCode: fastifyStatus, code: CODE_OF_STATUS[fastifyStatus] ?? ErrorCode.VALIDATION_FAILED, message: (exception as Error).message, requestId } };
    }
    return { body: { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal error', requestId } };
  }
}

/** The error's message and, for a driver error, its code (no stack: the cause is the database, not the code path). */
function describe(exception: unknown): string {
  const e = exception as { message?: string; code?: string; driverError?: { code?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return `${code ? `${code} ` : ''}${e?.driverError?.message ?? e?.message ?? String(exception)}`;
}
