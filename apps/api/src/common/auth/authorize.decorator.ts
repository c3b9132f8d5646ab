import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Role } from '@cordon/contracts';

export const AUTHORIZATION_KEY = 'cordon:authorization';
export type RateLimitBucket = 'auth' | 'public';

export interface AuthorizationRule {
  /** Anyone may call it (no token). */
  public?: boolean;
  /** Roles that may call it; records are further limited by the jurisdiction policy. */
  roles?: readonly Role[];
  /** Per-address request budget for public endpoints (false: none, for health probes). */
  rateLimit?: RateLimitBucket | false;
}

/**
 * The one place an endpoint declares who may call it. The guard enforces it; the declaration also
 * appears in the OpenAPI document (x-roles / x-public) so the role matrix is generated from it.
 */
export function Authorize(...roles: Role[]): MethodDecorator & ClassDecorator {
  const rule: AuthorizationRule = { roles };
  return applyDecorators(SetMetadata(AUTHORIZATION_KEY, rule), ApiBearerAuth(), ApiExtension('x-roles', roles));
}

/** A public endpoint: no token needed, rate limited per client address. */
export function Public(rateLimit: RateLimitBucket | false = 'public'): MethodDecorator & ClassDecorator {
  const rule: AuthorizationRule = { public: true, rateLimit };
  return applyDecorators(SetMetadata(AUTHORIZATION_KEY, rule), ApiExtension('x-public', true), ApiExtension('x-rate-limit', rateLimit));
}
