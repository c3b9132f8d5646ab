import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '@cordon/contracts';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { DomainError } from '../errors/domain-error';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import type { AuthUser } from './auth-user';
import { AUTHORIZATION_KEY, type AuthorizationRule } from './authorize.decorator';

/**
 * The single gate in front of every endpoint: an endpoint without a declaration is refused (fail closed);
 * public endpoints are rate limited; others need a valid access token and one of the declared roles.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthorizationRule | undefined>(AUTHORIZATION_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new DomainError(ErrorCode.FORBIDDEN, 'This endpoint declares no authorization rule');
    if (rule.public) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (rule.rateLimit !== false) await this.rateLimits.consume(rule.rateLimit ?? 'public', request.ip);
      return true;
    }
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (!rule.roles?.includes(user.role)) throw new DomainError(ErrorCode.FORBIDDEN, 'Your role may not do this');
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof DomainError) throw err;
    // Loading the account failed because the database is down: 503, not "sign in again" (which would end sessions).
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first (missing, expired or invalid access token)');
    return user;
  }
}
