import { ErrorCode, type ErrorDetail } from '@cordon/contracts';

/** A rule broken in the domain: services throw these; one filter maps codes to HTTP statuses. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** One exhaustive map from error codes to HTTP statuses. */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNSUPPORTED_FILE: 400,
  PASSWORD_POLICY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 401,
  TOKEN_REUSED: 401,
  ACTIVATION_CODE_INVALID: 400,
  WRONG_PASSWORD: 400,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_INACTIVE: 403,
  ACTIVATION_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  DECLARATION_EXPIRED: 409,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export const notFound = (what = 'Record') => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'Your role may not do this') => new DomainError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string, code: ErrorCode = ErrorCode.CONFLICT) => new DomainError(code, message);
export const invalid = (field: string, code: string, message: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', [{ field, code, message }]);
