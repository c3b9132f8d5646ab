import { JURISDICTION_LEVEL_OF_ROLE, STAFF_ROLES, type Role, type UnitLevel } from '@cordon/contracts';
import type { Account, AdminUnit } from '@cordon/web';

/** Tuyen Quang: units offered when picking a jurisdiction lie under it. */
export const PROVINCE_CODE = '08';

export const ACCOUNT_STATUSES = ['ACTIVE', 'PENDING_ACTIVATION', 'LOCKED', 'DEACTIVATED'] as const;

/** Roles an ACCOUNT_ADMIN provisions (every staff role). */
export const PROVISIONABLE_ROLES: readonly Role[] = STAFF_ROLES;

/** The unit level a role's jurisdiction must have, or 'CHECKPOINT' / null. */
export function jurisdictionKind(role: Role | ''): UnitLevel | 'CHECKPOINT' | null {
  return role ? JURISDICTION_LEVEL_OF_ROLE[role] : null;
}

/** The `within` filter (the home province) for the unit picker of a level (none for the province itself). */
export function withinFor(level: UnitLevel): string | undefined {
  return level === 'PROVINCE' ? undefined : PROVINCE_CODE;
}

/** A picker value for an account's current jurisdiction (the API gives code and name). */
export function unitOfAccount(a: Pick<Account, 'jurisdiction'>): AdminUnit | null {
  const j = a.jurisdiction;
  if (!j.unitCode) return null;
  const name = j.unitName ?? j.unitCode;
  return { code: j.unitCode, name, nameWithType: name, level: j.level ?? 'COMMUNE', type: '', parentCode: null };
}

export type AccountAction = 'lock' | 'unlock' | 'reset' | 'deactivate';

/** Which actions make sense in a status (the API has the last word). */
export function actionsFor(status: Account['status']): AccountAction[] {
  switch (status) {
    case 'ACTIVE':
      return ['lock', 'reset', 'deactivate'];
    case 'PENDING_ACTIVATION':
      return ['reset', 'lock', 'deactivate'];
    case 'LOCKED':
      return ['unlock', 'reset', 'deactivate'];
    default:
      return [];
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isValidEmail(v: string): boolean {
  return EMAIL.test(v);
}

export interface AccountFormModel {
  username: string;
  fullName: string;
  role: Role | '';
  unit: AdminUnit | null;
  checkpointId: string;
  title: string;
  phone: string;
  email: string;
}

export type AccountFormErrors = Partial<Record<keyof AccountFormModel | 'unitCode', string>>;

export function emptyAccountForm(): AccountFormModel {
  return { username: '', fullName: '', role: '', unit: null, checkpointId: '', title: '', phone: '', email: '' };
}

/** Client-side checks of the account form; messages through `t`. */
export function validateAccountForm(
  f: AccountFormModel,
  mode: 'create' | 'edit',
  t: (key: string) => string,
  checks: { isValidPhone: (v: string) => boolean; usernamePattern: RegExp },
): AccountFormErrors {
  const e: AccountFormErrors = {};
  if (mode === 'create') {
    if (!f.username.trim()) e.username = t('validation.required');
    else if (!checks.usernamePattern.test(f.username.trim())) e.username = t('validation.username');
  }
  if (!f.fullName.trim()) e.fullName = t('validation.required');
  if (!f.role) e.role = t('validation.requiredChoice');
  const kind = jurisdictionKind(f.role);
  if (kind === 'CHECKPOINT') {
    if (mode === 'create' && !f.checkpointId.trim()) e.checkpointId = t('validation.required');
  } else if (kind && !f.unit) {
    e.unit = t('validation.pickFromList');
  } else if (kind && f.unit && f.unit.level !== kind && f.unit.type !== '') {
    e.unit = t('validation.pickFromList');
  }
  if (f.phone.trim() && !checks.isValidPhone(f.phone.replace(/\s/g, ''))) e.phone = t('validation.phone');
  if (f.email.trim() && !isValidEmail(f.email.trim())) e.email = t('validation.email');
  return e;
}
