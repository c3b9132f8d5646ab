/**
 * The checkpoint's offline queue: passages recorded on this phone that the API has not confirmed yet.
 * Each keeps ITS OWN Idempotency-Key, so a resend after a lost answer records the passage once.
 *
 * - `QueueStore`: where the queue lives: IndexedDB (survives a reload), or memory where there is none
 *   (jsdom, private modes that refuse IndexedDB).
 * - `PassageQueue`: the logic (write ahead, send, keep on no answer / 5xx, drop on 4xx), store and sender injected.
 */
import { isApiError } from '@cordon/web';

export type QueuedKind = 'DECLARATION' | 'GREEN_LANE' | 'PAPER' | 'TRIP';

export interface QueuedPassage {
  /** Also the Idempotency-Key sent with every attempt. */
  id: string;
  kind: QueuedKind;
  checkpointId: string;
  /** API path under /api/v1, e.g. `/checkpoints/<id>/passages`. */
  path: string;
  body: Record<string, unknown>;
  /** What the officer sees in the queue (the code, or the traveller's name). */
  label: string;
  /** When the officer tapped (ISO). */
  recordedAt: string;
  attempts: number;
  lastError?: string;
}

export interface QueueStore {
  all(): Promise<QueuedPassage[]>;
  put(item: QueuedPassage): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A store in memory (tests, or a browser without IndexedDB: lost on reload). */
export function memoryQueueStore(): QueueStore {
  const items = new Map<string, QueuedPassage>();
  return {
    all: async () => [...items.values()].map((x) => structuredCloneSafe(x)).sort(byTime),
    put: async (item) => void items.set(item.id, structuredCloneSafe(item)),
    delete: async (id) => void items.delete(id),
  };
}

function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const byTime = (a: QueuedPassage, b: QueuedPassage) => a.recordedAt.localeCompare(b.recordedAt);

const DB_NAME = 'cordon-province';
const STORE = 'passage-queue';

/** The queue in IndexedDB (database `cordon-province`, object store `passage-queue`, key `id`). */
export function indexedDbQueueStore(idb: IDBFactory = indexedDB): QueueStore {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = null;
        reject(req.error ?? new Error('IndexedDB unavailable'));
      };
    }));
  const run = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> => {
    const d = await db();
    return new Promise<T>((resolve, reject) => {
      const tx = d.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error ?? req.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  };
  return {
    all: async () => (await run<QueuedPassage[]>('readonly', (s) => s.getAll())).sort(byTime),
    put: async (item) => void (await run('readwrite', (s) => s.put(item))),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
  };
}

/** IndexedDB where the browser has it, else memory. */
export function defaultQueueStore(): QueueStore {
  if (typeof indexedDB === 'undefined' || !indexedDB) return memoryQueueStore();
  const idb = indexedDbQueueStore();
  const mem = memoryQueueStore();
  let failed = false;
  // A browser that refuses IndexedDB (some private modes) falls back to memory for the session.
  const guard =
    <A extends unknown[], R>(f: (s: QueueStore) => (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (!failed) {
        try {
          return await f(idb)(...a);
        } catch {
          failed = true;
        }
      }
      return f(mem)(...a);
    };
  return { all: guard((s) => s.all), put: guard((s) => s.put), delete: guard((s) => s.delete) };
}

/**
 * Whether a failed send should stay in the queue: no answer (network), a server error, or an answer that
 * says "not now" (401 while the session is renewed, 408, 429, a request still in progress).
 */
export function isRetryable(e: unknown): boolean {
  if (!isApiError(e)) return true;
  if (e.status === 0 || e.status >= 500) return true;
  return e.status === 401 || e.status === 408 || e.status === 429 || e.code === 'IDEMPOTENCY_IN_PROGRESS';
}

export type Sender = (item: QueuedPassage) => Promise<unknown>;

export type SendResult<T> = { status: 'sent'; result: T } | { status: 'queued'; error: unknown } | { status: 'rejected'; error: unknown };

export interface FlushReport {
  sent: number;
  /** Refused by the API (4xx): taken out of the queue. */
  rejected: { item: QueuedPassage; error: unknown }[];
  /** Still waiting (no answer or 5xx). */
  kept: number;
}

export class PassageQueue {
  private readonly inFlight = new Set<string>();
  private flushing: Promise<FlushReport> | null = null;

  constructor(
    private readonly store: QueueStore,
    private readonly send: Sender,
  ) {}

  list(): Promise<QueuedPassage[]> {
    return this.store.all();
  }

  /**
   * Records one passage: written to the queue first (a crash or reload cannot lose it), then sent.
   * Sent -> removed; no answer or 5xx -> kept for a resend; 4xx -> removed, the error is returned.
   */
  async submit<T>(item: QueuedPassage): Promise<SendResult<T>> {
    await this.store.put(item);
    return this.attempt<T>(item);
  }

  private async attempt<T>(item: QueuedPassage): Promise<SendResult<T>> {
    this.inFlight.add(item.id);
    try {
      const result = (await this.send(item)) as T;
      await this.store.delete(item.id);
      return { status: 'sent', result };
    } catch (error) {
      if (isRetryable(error)) {
        await this.store.put({ ...item, attempts: item.attempts + 1, lastError: errorCode(error) });
        return { status: 'queued', error };
      }
      await this.store.delete(item.id);
      return { status: 'rejected', error };
    } finally {
      this.inFlight.delete(item.id);
    }
  }

  /** Resends every waiting passage, oldest first, each with its own key; stops at the first lost connection. */
  flush(): Promise<FlushReport> {
    this.flushing ??= this.doFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async doFlush(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, rejected: [], kept: 0 };
    const items = (await this.store.all()).filter((i) => !this.inFlight.has(i.id));
    let offline = false;
    for (const item of items) {
      if (offline) {
        report.kept++;
        continue;
      }
      const r = await this.attempt(item);
      if (r.status === 'sent') report.sent++;
      else if (r.status === 'rejected') report.rejected.push({ item, error: r.error });
      else {
        report.kept++;
        if (isApiError(r.error) && r.error.status === 0) offline = true;
        else if (!isApiError(r.error)) offline = true;
      }
    }
    return report;
  }
}

function errorCode(e: unknown): string {
  return isApiError(e) ? e.code : e instanceof Error ? e.message : 'UNKNOWN';
}
