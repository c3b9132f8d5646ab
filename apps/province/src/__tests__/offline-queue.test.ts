import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@cordon/web';
import { PassageQueue, defaultQueueStore, isRetryable, memoryQueueStore, type QueuedPassage } from '../offline-queue';

function item(n: number, over: Partial<QueuedPassage> = {}): QueuedPassage {
  return {
    id: `key-${n}`,
    kind: 'DECLARATION',
    checkpointId: 'cp-1',
    path: '/checkpoints/cp-1/passages',
    body: { code: `CODE000${n}`, direction: 'IN', outcome: 'ALLOWED', recordedAt: `2022-03-12T01:0${n}:00.000Z` },
    label: `CODE000${n}`,
    recordedAt: `2022-03-12T01:0${n}:00.000Z`,
    attempts: 0,
    ...over,
  };
}

const network = () => ApiError.network(new TypeError('Failed to fetch'));
const status = (s: number, code = `HTTP_${s}`) => new ApiError({ status: s, code, message: code });

describe('offline queue', () => {
  it('sends at once and keeps nothing when the API answers', async () => {
    const store = memoryQueueStore();
    const send = vi.fn(async () => ({ ok: true }));
    const q = new PassageQueue(store, send);
    expect(await q.submit(item(1))).toEqual({ status: 'sent', result: { ok: true } });
    expect(await store.all()).toEqual([]);
  });

  it('keeps a passage without an answer and resends it with the same key until it goes through', async () => {
    const store = memoryQueueStore();
    const keys: string[] = [];
    let online = false;
    const q = new PassageQueue(store, async (i) => {
      keys.push(i.id);
      if (!online) throw network();
      return { ok: true };
    });
    expect((await q.submit(item(1))).status).toBe('queued');
    expect((await q.submit(item(2))).status).toBe('queued');
    const waiting = await q.list();
    expect(waiting.map((i) => i.id)).toEqual(['key-1', 'key-2']);
    expect(waiting[0]).toMatchObject({ attempts: 1, lastError: 'NETWORK_ERROR' });

    // still offline: the flush stops at the first lost connection
    keys.length = 0;
    expect(await q.flush()).toEqual({ sent: 0, rejected: [], kept: 2 });
    expect(keys).toEqual(['key-1']);

    online = true;
    keys.length = 0;
    expect(await q.flush()).toEqual({ sent: 2, rejected: [], kept: 0 });
    expect(keys).toEqual(['key-1', 'key-2']);
    expect(await q.list()).toEqual([]);
  });

  it('keeps 5xx answers, drops 4xx answers with their error', async () => {
    const store = memoryQueueStore();
    const answers: Record<string, unknown> = { 'key-1': status(503, 'INTERNAL_ERROR'), 'key-2': status(409, 'DECLARATION_EXPIRED') };
    const q = new PassageQueue(store, async (i) => {
      throw answers[i.id];
    });
    expect((await q.submit(item(1))).status).toBe('queued');
    const r = await q.submit(item(2));
    expect(r.status).toBe('rejected');
    expect((await q.list()).map((i) => i.id)).toEqual(['key-1']);

    answers['key-1'] = status(400, 'VALIDATION_FAILED');
    const report = await q.flush();
    expect(report.sent).toBe(0);
    expect(report.rejected.map((x) => [x.item.id, (x.error as ApiError).code])).toEqual([['key-1', 'VALIDATION_FAILED']]);
    expect(await q.list()).toEqual([]);
  });

  it('does not send a passage twice at the same time', async () => {
    const store = memoryQueueStore();
    let release!: () => void;
    const send = vi.fn(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true });
        }),
    );
    const q = new PassageQueue(store, send);
    const first = q.submit(item(1));
    await new Promise((r) => setTimeout(r, 0));
    await q.flush(); // the item is in flight: not sent again
    expect(send).toHaveBeenCalledTimes(1);
    release();
    expect((await first).status).toBe('sent');
  });

  it('tells which failures are worth a resend', () => {
    expect(isRetryable(network())).toBe(true);
    expect(isRetryable(status(500))).toBe(true);
    expect(isRetryable(status(429))).toBe(true);
    expect(isRetryable(status(401))).toBe(true);
    expect(isRetryable(status(409, 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    expect(isRetryable(status(409, 'DECLARATION_EXPIRED'))).toBe(false);
    expect(isRetryable(status(403))).toBe(false);
  });

  it('falls back to memory where there is no IndexedDB (jsdom)', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const store = defaultQueueStore();
    await store.put(item(1));
    expect((await store.all()).map((i) => i.id)).toEqual(['key-1']);
    await store.delete('key-1');
    expect(await store.all()).toEqual([]);
  });
});
