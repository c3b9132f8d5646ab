import { todayIso, type Declaration, type GreenLane } from '@cordon/web';

/** How many answers a phone keeps of each kind (the most recent first). */
export const OFFLINE_MAX = 20;

export const DECLARATIONS_KEY = 'cordon.citizen.declarations';
export const GREEN_LANE_KEY = 'cordon.citizen.greenLane';

interface Stored {
  id: string;
  createdAt: string;
}

/**
 * The API's answers kept in localStorage so a QR code shows at the checkpoint without a connection:
 * the last OFFLINE_MAX by creation time; a newer answer of the same id replaces the old one.
 */
export function offlineStore<T extends Stored>(key: string, max = OFFLINE_MAX) {
  function all(): T[] {
    try {
      const raw = localStorage.getItem(key);
      const list: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object' && typeof x.id === 'string') as T[]) : [];
    } catch {
      return [];
    }
  }
  function get(id: string): T | null {
    return all().find((x) => x.id === id) ?? null;
  }
  function put(...items: T[]): void {
    const byId = new Map(all().map((x) => [x.id, x]));
    for (const item of items) byId.set(item.id, item);
    const list = [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, max);
    try {
      localStorage.setItem(key, JSON.stringify(list));
    } catch {
      // storage full or disabled: the page still shows the answer it has
    }
  }
  return { all, get, put };
}

export const declarationStore = offlineStore<Declaration>(DECLARATIONS_KEY);
export const greenLaneStore = offlineStore<GreenLane>(GREEN_LANE_KEY);

/** Still usable at a checkpoint: the API said valid and the validity has not run out since. */
export function declarationValid(d: Pick<Declaration, 'valid' | 'validUntil'>, now = Date.now()): boolean {
  return d.valid && Date.parse(d.validUntil) > now;
}

/** A green-lane pass usable today: approved and today within validFrom..validTo (re-checked offline). */
export function greenLaneValid(g: Pick<GreenLane, 'status' | 'validFrom' | 'validTo'>, today = todayIso()): boolean {
  return g.status === 'APPROVED' && g.validFrom <= today && today <= g.validTo;
}

/** `K7M2QX9P` -> `K7M2 QX9P` (read aloud in groups of four). */
export function groupCode(code: string | null | undefined): string {
  return (code ?? '').replace(/[\s-]/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
