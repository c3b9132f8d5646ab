import type { ErrorDetail } from '@cordon/contracts';

/** Code of the error thrown when the request never got an answer (offline, DNS, CORS...). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

const CODE_OF_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** An error answer of the API (`{ statusCode, code, message, details?, requestId }`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; details?: ErrorDetail[]; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }

  /** Builds an ApiError from a non-2xx response, whatever its body. */
  static async fromResponse(res: Response): Promise<ApiError> {
    let body: unknown;
    try {
      const text = await res.text();
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const code =
      typeof b.code === 'string' ? b.code : (CODE_OF_STATUS[res.status] ?? (res.status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${res.status}`));
    const message = typeof b.message === 'string' ? b.message : res.statusText || code;
    const details = Array.isArray(b.details) ? (b.details as ErrorDetail[]) : undefined;
    const requestId = typeof b.requestId === 'string' ? b.requestId : (res.headers.get('x-request-id') ?? undefined);
    return new ApiError({ status: res.status, code, message, details, requestId });
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError({
      status: 0,
      code: NETWORK_ERROR,
      message: cause instanceof Error ? cause.message : 'Network request failed',
    });
    (err as { cause?: unknown }).cause = cause;
    return err;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Field-level errors of a 400 answer, keyed by field name (first message per field). */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) {
    for (const d of e.details) {
      if (d.field && !(d.field in out)) out[d.field] = d.message;
    }
  }
  return out;
}
