import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { APP_OF_ROLE, type Role } from '@cordon/contracts';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { LoginResponse, SessionUser } from '../api/types';

/**
 * Creates the app's auth store (Pinia setup store, id `auth`) bound to its API client.
 * The session is read from storage at once (so a reload keeps the user), and
 * `restore()` refreshes the user from GET /auth/me.
 */
export function createAuthStore(api: ApiClient) {
  return defineStore('auth', () => {
    const user = shallowRef<SessionUser | null>(api.getSession()?.user ?? null);
    /** True once restore() has run (the guard waits for it). */
    const ready = ref(false);
    let restoring: Promise<void> | null = null;

    api.onSessionChange((session) => {
      user.value = session?.user ?? null;
    });

    const isSignedIn = computed(() => user.value !== null);
    const role = computed<Role | null>(() => user.value?.role ?? null);
    /** Whether the signed-in role works in this SPA. */
    const belongsToApp = computed(() => (role.value ? APP_OF_ROLE[role.value] === api.app : false));

    function hasRole(...roles: Role[]): boolean {
      return role.value !== null && roles.includes(role.value);
    }

    /** Takes the answer of login / activate / register / refresh as the new session. */
    function acceptSession(res: LoginResponse): SessionUser {
      api.setSession(res, 'signed-in');
      user.value = res.user;
      ready.value = true;
      return res.user;
    }

    async function signIn(username: string, password: string): Promise<SessionUser> {
      const res = await api.post<LoginResponse>('/auth/login', { username: username.trim(), password }, { auth: false });
      return acceptSession(res);
    }

    async function activate(username: string, activationCode: string, newPassword: string): Promise<SessionUser> {
      const res = await api.post<LoginResponse>(
        '/auth/activate',
        { username: username.trim(), activationCode: activationCode.trim(), newPassword },
        { auth: false },
      );
      return acceptSession(res);
    }

    async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await api.post<void>('/auth/change-password', { currentPassword, newPassword });
    }

    /** Ends the session on the server (best effort) and forgets it here. */
    async function signOut(): Promise<void> {
      const s = api.getSession();
      try {
        if (s) await api.post<void>('/auth/logout', { refreshToken: s.refreshToken }, { retryOn401: false });
      } catch {
        /* offline or already expired: forget it locally anyway */
      } finally {
        api.clearSession('cleared');
        user.value = null;
      }
    }

    /** Reloads the user from GET /auth/me if a session is stored (once; later calls share it). */
    function restore(force = false): Promise<void> {
      if (restoring && !force) return restoring;
      restoring = (async () => {
        if (!api.getSession()) {
          user.value = null;
          return;
        }
        try {
          const me = await api.get<SessionUser>('/auth/me');
          api.updateUser(me);
          user.value = me;
        } catch (e) {
          // 401 after a refused refresh: the client cleared the session.
          // Offline: keep the cached user so the app still opens.
          if (e instanceof ApiError && e.status === 401) user.value = null;
        }
      })().finally(() => {
        ready.value = true;
      });
      return restoring;
    }

    return { user, ready, isSignedIn, role, belongsToApp, hasRole, acceptSession, signIn, activate, changePassword, signOut, restore };
  });
}

export type AuthStoreDefinition = ReturnType<typeof createAuthStore>;
export type AuthStore = ReturnType<AuthStoreDefinition>;
