// API
export * from './api/types';
export * from './api/cases-types';
export { ApiError, NETWORK_ERROR, isApiError, fieldErrorsOf } from './api/errors';
export {
  ApiClient,
  createApiClient,
  sessionKey,
  newIdempotencyKey,
  type ApiClientOptions,
  type FetchLike,
  type KeyValueStorage,
  type QueryValue,
  type RequestOptions,
  type SessionChangeReason,
  type SessionListener,
  type StoredSession,
} from './api/client';
// auth, context, router
export { createAuthStore, type AuthStore, type AuthStoreDefinition } from './auth/store';
export { createCordon, useCordon, useApi, useAuth, cordonKey, type ActivationFormOptions, type CordonContext, type NavItem } from './context';
export { installAuthGuard, decide, safeRedirect, type GuardOptions } from './router/guard';
export { withSharedRoutes, type SharedRouteOptions } from './router/routes';
// i18n and formatting
export {
  createCordonI18n,
  mergeMessages,
  useLocale,
  useErrorText,
  sharedVi,
  sharedEn,
  LOCALES,
  LOCALE_KEY,
  type Locale,
  type AppMessages,
  type SharedMessages,
} from './i18n';
export { messageCompiler, compileMessage } from './i18n/compiler';
export { casesVi, casesEn } from './i18n/messages/cases';
export { staffVi, staffEn } from './i18n/messages/staff';
export { formatDate, formatDateTime, parseDmy, isoToDmy, todayIso, TIME_ZONE } from './format/date';
export { formatTotal } from './format/number';
// UI kit
export { default as AppShell } from './components/AppShell.vue';
export { default as BaseButton } from './components/BaseButton.vue';
export { default as TextField } from './components/TextField.vue';
export { default as SelectField } from './components/SelectField.vue';
export type { SelectOption } from './components/SelectField.vue';
export { default as AlertBox } from './components/AlertBox.vue';
export { default as EmptyState } from './components/EmptyState.vue';
export { default as LoadingSkeleton } from './components/LoadingSkeleton.vue';
export { default as ErrorPage } from './components/ErrorPage.vue';
export { default as ModalDialog } from './components/ModalDialog.vue';
export { default as ConfirmDialog } from './components/ConfirmDialog.vue';
export { default as AdminUnitPicker } from './components/AdminUnitPicker.vue';
export { default as PasswordRules } from './components/PasswordRules.vue';
export { default as CopyButton } from './components/CopyButton.vue';
export { default as DateField } from './components/DateField.vue';
export { default as IsoDateField } from './components/IsoDateField.vue';
export { default as SymptomChecklist } from './components/SymptomChecklist.vue';
// Shared views (SignInView, ActivateView, ChangePasswordView, NoAccessPage, NotFoundPage) are
// not re-exported here so the router can lazy-load them: import '@cordon/web/views/<Name>.vue'.
// composables and browser helpers
export { qs, useUrlFilters, usePagedList, useSelection, type Page, type PagedList } from './composables';
export { saveBlob, openPdf } from './download';
// app wiring
export { createCordonApp, type CordonAppOptions } from './bootstrap';
export { default as DailyChart, type ChartSeries } from './components/DailyChart.vue';
// movements: declarations and green lane (types), the QR code of a declaration or pass
export * from './api/movements-types';
export { default as QrCode, qrPath, type QrEncoder, type QrMatrix } from './components/QrCode.vue';
