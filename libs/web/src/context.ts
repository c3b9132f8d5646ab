import { inject, type App as VueApp, type InjectionKey } from 'vue';
import type { App, Role } from '@cordon/contracts';
import type { ApiClient } from './api/client';
import type { AuthStoreDefinition } from './auth/store';

/** One navigation entry of the AppShell; shown only to the listed roles (all roles if none). */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  roles?: Role[];
}

export interface CordonContext {
  app: App;
  api: ApiClient;
  useAuth: AuthStoreDefinition;
  /** i18n key of the app's name in the header. */
  appNameKey: string;
  nav: NavItem[];
  /** Citizen sign-in offers registration; sign-in offers activation with a one-time code (staff and citizens). */
  signIn: {
    usernameLabelKey: string;
    usernamePlaceholderKey?: string;
    usernameInputmode?: 'text' | 'numeric' | 'tel';
    register?: boolean;
    activate?: boolean;
    /** The activation form (/activate), when its username is not a staff username. */
    activation?: ActivationFormOptions;
  };
}

/** Citizens activate with their phone number (their username), and get the code from the commune. */
export interface ActivationFormOptions {
  usernameLabelKey: string;
  usernamePlaceholderKey?: string;
  /** i18n key of the sentence under the title (default: the staff one, code from the Dept. of Information and Communications). */
  introKey?: string;
  /** i18n key of the words before the sign-in page's "Kích hoạt tài khoản" link (default: first time, with a code). */
  promptKey?: string;
  /** The username is a phone number: phone keyboard, checked as one, spaces dropped; not prefilled from sign-in otherwise. */
  phone?: boolean;
}

export const cordonKey: InjectionKey<CordonContext> = Symbol('cordon');

/** Vue plugin providing the app's API client, auth store and settings to the shared UI. */
export function createCordon(context: CordonContext) {
  return {
    install(app: VueApp) {
      app.provide(cordonKey, context);
    },
  };
}

export function useCordon(): CordonContext {
  const ctx = inject(cordonKey, null);
  if (!ctx) throw new Error('createCordon() is not installed');
  return ctx;
}

export function useApi(): ApiClient {
  return useCordon().api;
}

export function useAuth() {
  return useCordon().useAuth();
}
