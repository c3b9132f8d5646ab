import { AsyncLocalStorage } from 'node:async_hooks';
import { EntitySubscriberInterface, EventSubscriber, type TransactionStartEvent } from 'typeorm';

/**
 * The Idempotency-Key of the request being handled. The first transaction the request starts claims it
 * (inserts its record), so the claim commits or rolls back with the request's own writes: a request cut off
 * before its commit leaves no claim behind, and a concurrent duplicate waits on the claim, then replays.
 */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  /** open: not yet claimed; claimed: a transaction inserted the record; taken: another request holds the key. */
  state: 'open' | 'claimed' | 'taken';
}

export const idempotencyClaims = new AsyncLocalStorage<IdempotencyClaim>();

/** Thrown out of the claiming transaction (which rolls back) when another request holds the key. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('Idempotency-Key held by another request');
  }
}

@EventSubscriber()
export class IdempotencyClaimSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const claim = idempotencyClaims.getStore();
    if (claim?.state !== 'open') return;
    claim.state = 'claimed';
    // ON CONFLICT waits for a concurrent claim of the same key to commit (-> taken) or roll back (-> ours).
    const inserted: unknown[] = await event.queryRunner.query(
      `INSERT INTO idempotency_records (scope, key, request_hash, holder_pid) VALUES ($1, $2, $3, pg_backend_pid()) ON CONFLICT DO NOTHING RETURNING 1`,
      [claim.scope, claim.key, claim.requestHash],
    );
    if (inserted.length === 0) {
      claim.state = 'taken';
      throw new IdempotencyKeyTaken();
    }
  }
}
