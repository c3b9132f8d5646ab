import { ref, type Ref } from 'vue';
import { newIdempotencyKey, useApi, type ApiClient } from '@cordon/web';
import { PassageQueue, defaultQueueStore, type FlushReport, type QueueStore, type QueuedKind, type QueuedPassage, type SendResult } from '../offline-queue';

/** Resend the waiting passages this often (and at once when the phone gets a connection back). */
export const FLUSH_INTERVAL_MS = 30_000;

export interface RejectedPassage {
  label: string;
  error: unknown;
}

export interface OfflineQueueState {
  items: Ref<QueuedPassage[]>;
  flushing: Ref<boolean>;
  /** Passages the API refused on a resend (4xx): out of the queue, shown with their error. */
  rejected: Ref<RejectedPassage[]>;
  submit<T>(kind: QueuedKind, checkpointId: string, path: string, body: Record<string, unknown>, label: string): Promise<SendResult<T>>;
  flush(): Promise<FlushReport>;
  refresh(): Promise<void>;
}

let storeFactory: () => QueueStore = defaultQueueStore;

/** Tests: where the next queue keeps its items. */
export function setQueueStoreFactory(factory: () => QueueStore): void {
  storeFactory = factory;
}

let current: { api: ApiClient; state: OfflineQueueState; dispose: () => void } | null = null;

function create(api: ApiClient): { api: ApiClient; state: OfflineQueueState; dispose: () => void } {
  const queue = new PassageQueue(storeFactory(), (item) => api.post(item.path, item.body, { idempotencyKey: item.id }));
  const items = ref<QueuedPassage[]>([]);
  const flushing = ref(false);
  const rejected = ref<RejectedPassage[]>([]);

  async function refresh(): Promise<void> {
    items.value = await queue.list();
  }

  async function flush(): Promise<FlushReport> {
    flushing.value = true;
    try {
      const report = await queue.flush();
      if (report.rejected.length) {
        rejected.value = [...rejected.value, ...report.rejected.map((r) => ({ label: r.item.label, error: r.error }))];
      }
      return report;
    } finally {
      await refresh();
      flushing.value = false;
    }
  }

  async function submit<T>(kind: QueuedKind, checkpointId: string, path: string, body: Record<string, unknown>, label: string) {
    const id = newIdempotencyKey();
    const recordedAt = typeof body.recordedAt === 'string' ? body.recordedAt : new Date().toISOString();
    const item: QueuedPassage = { id, kind, checkpointId, path, body: { ...body, recordedAt }, label, recordedAt, attempts: 0 };
    const result = await queue.submit<T>(item);
    await refresh();
    return result;
  }

  const onOnline = () => void flush();
  const timer = setInterval(() => {
    if (items.value.length) void flush();
  }, FLUSH_INTERVAL_MS);
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  // What an earlier visit left in the queue goes out now.
  void refresh().then(() => (items.value.length ? flush() : undefined));

  const state: OfflineQueueState = { items, flushing, rejected, submit, flush, refresh };
  return {
    api,
    state,
    dispose: () => {
      clearInterval(timer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };
}

/** The app's one offline queue of passages (shared by the scan, paper and shift screens). */
export function useOfflineQueue(): OfflineQueueState {
  const api = useApi();
  if (!current || current.api !== api) {
    current?.dispose();
    current = create(api);
  }
  return current.state;
}

/** Tests: stop the timers of the current queue. */
export function disposeOfflineQueue(): void {
  current?.dispose();
  current = null;
}
