import { ref } from 'vue';
import { useApi, useAuth } from '@cordon/web';
import type { Checkpoint, CheckpointList } from '../movements-types';

const CACHE_KEY = 'cordon.province.checkpoint';

function cached(id: string | null | undefined): Checkpoint | null {
  try {
    const raw = localStorage.getItem(CACHE_KEY);
    const c = raw ? (JSON.parse(raw) as Checkpoint) : null;
    return c && (!id || c.id === id) ? c : null;
  } catch {
    return null;
  }
}

/**
 * The officer's own checkpoint (GET /checkpoints answers only theirs), remembered on the phone so the
 * scan screen works after a reload without a connection.
 */
export function useMyCheckpoint() {
  const api = useApi();
  const auth = useAuth();
  const ownId = auth.user?.jurisdiction.checkpointId ?? null;
  const checkpoint = ref<Checkpoint | null>(cached(ownId));
  const failure = ref<unknown>(null);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = !checkpoint.value;
    failure.value = null;
    try {
      const res = await api.get<CheckpointList>('/checkpoints');
      const mine = res.items.find((c) => c.id === ownId) ?? res.items[0] ?? null;
      checkpoint.value = mine;
      try {
        if (mine) localStorage.setItem(CACHE_KEY, JSON.stringify(mine));
      } catch {
        /* no storage */
      }
    } catch (e) {
      if (!checkpoint.value && ownId) {
        // Offline on the first visit: the account knows the checkpoint; both directions offered.
        checkpoint.value = { id: ownId, code: '', name: '', unitCode: '', unitName: '', districtCode: null, road: '', directions: ['IN', 'OUT'], active: true };
      }
      failure.value = e;
    } finally {
      loading.value = false;
    }
  }

  return { checkpoint, failure, loading, load };
}
