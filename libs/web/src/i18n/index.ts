import { createI18n, useI18n, type I18n } from 'vue-i18n';
import { ApiError } from '../api/errors';
import { messageCompiler } from './compiler';
import { en } from './messages/en';
import { vi } from './messages/vi';

export { vi as sharedVi, en as sharedEn };
export type { SharedMessages } from './messages/vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_KEY = 'cordon.locale';

type Tree = { [key: string]: string | Tree };

/** Deep merge: the app's messages over the shared ones. */
export function mergeMessages<A extends object, B extends object>(base: A, extra: B): A & B {
  const out: Tree = { ...(base as Tree) };
  for (const [k, v] of Object.entries(extra as Tree)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? mergeMessages(prev, v) : v;
  }
  return out as A & B;
}

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    if (v === 'vi' || v === 'en') return v;
  } catch {
    /* no storage */
  }
  return 'vi';
}

function applyDocumentLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export interface AppMessages {
  vi: object;
  en: object;
}

/** vue-i18n (Composition API) with the shared messages plus the app's; Vietnamese by default. */
export function createCordonI18n(appMessages: AppMessages = { vi: {}, en: {} }, locale: Locale = storedLocale()): I18n<
  Record<string, unknown>,
  Record<string, unknown>,
  Record<string, unknown>,
  string,
  false
> {
  applyDocumentLang(locale);
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messageCompiler,
    missingWarn: false,
    fallbackWarn: false,
    messages: {
      vi: mergeMessages(vi, appMessages.vi),
      en: mergeMessages(en, appMessages.en),
    } as unknown as Record<string, never>,
  }) as never;
}

/** The language switch: current locale, and a setter that persists the choice. */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  function setLocale(next: Locale): void {
    locale.value = next;
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      /* no storage */
    }
    applyDocumentLang(next);
  }
  function toggle(): void {
    setLocale(locale.value === 'vi' ? 'en' : 'vi');
  }
  return { locale, setLocale, toggle };
}

/** Translates any thrown error: an ApiError by its code, otherwise a generic sentence. */
export function useErrorText() {
  const { t, te } = useI18n({ useScope: 'global' });
  return (e: unknown): string => {
    if (e instanceof ApiError) {
      if (te(`errors.${e.code}`)) return t(`errors.${e.code}`);
      return e.message || t('errors.UNKNOWN');
    }
    return t('errors.UNKNOWN');
  };
}
