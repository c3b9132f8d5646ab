import { ApiError, NETWORK_ERROR, newIdempotencyKey } from '@cordon/web';

/**
 * One Idempotency-Key per filled-in form: kept while the outcome of a send is unknown (no answer,
 * a server failure, the first send still running), so a double tap or a retry creates one record;
 * renewed after a definite refusal (the API does not remember a refused request) or for a new form.
 */
export function useSubmitKey() {
  let key = newIdempotencyKey();
  return {
    get current(): string {
      return key;
    },
    /** After a failed send: keep the key unless the API definitely refused the request. */
    afterFailure(e: unknown): void {
      if (!(e instanceof ApiError)) return;
      const unknownOutcome =
        e.code === NETWORK_ERROR || e.status === 0 || e.status >= 500 || e.status === 429 || e.code === 'IDEMPOTENCY_IN_PROGRESS';
      if (!unknownOutcome) key = newIdempotencyKey();
    },
    /** A new form instance. */
    renew(): void {
      key = newIdempotencyKey();
    },
  };
}
