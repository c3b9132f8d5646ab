import { AccountStatus, type Agency, foldVietnamese, JURISDICTION_LEVEL_OF_ROLE, Role } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { forbidden, invalid } from '../../common/errors/domain-error';
import type { JurisdictionPolicy } from '../../common/policy/jurisdiction.policy';
import type { Checkpoint } from '../geography/checkpoints/checkpoint.entity';
import type { ResolvedUnit } from '../geography/geography.service';
import { uuidv7 } from '../../common/ids';
import type { User } from './user.entity';

/** Which staff roles each administering role may provision (DESIGN.md section 1). */
export const PROVISIONABLE: Partial<Record<Role, readonly Role[]>> = {
  ACCOUNT_ADMIN: [Role.CHECKPOINT_OFFICER, Role.POLICE_ADMIN, Role.TRANSPORT_OFFICER, Role.HEALTH_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_STAFF, Role.COMMUNE_LEADER, Role.ACCOUNT_ADMIN],
  POLICE_ADMIN: [Role.CHECKPOINT_OFFICER],
};

export type Jurisdiction = Pick<User, 'unitCode' | 'unitLevel' | 'provinceCode' | 'districtCode' | 'communeCode' | 'checkpointId'>;

export function mayProvision(caller: AuthUser, role: Role): boolean {
  return (PROVISIONABLE[caller.role] ?? []).includes(role);
}

export function assertMayProvision(caller: AuthUser, role: Role): void {
  if (!mayProvision(caller, role)) throw forbidden(`Your role may not provision ${role} accounts`);
}

/**
 * The jurisdiction an account of `role` gets from an already looked-up unit or checkpoint: checks it fits the
 * role's level and lies in the caller's jurisdiction. Throws field-level validation errors (or 403 when out of scope).
 */
export function jurisdictionOf(
  policy: JurisdictionPolicy,
  caller: AuthUser,
  role: Role,
  given: { unitCode?: string | null; checkpointRef?: string | null },
  unit: ResolvedUnit | null,
  checkpoint: Checkpoint | null,
  checkpointField = 'checkpointId',
): Jurisdiction {
  const level = JURISDICTION_LEVEL_OF_ROLE[role];
  if (level === 'CHECKPOINT') {
    if (!given.checkpointRef) throw invalid(checkpointField, 'required', `${checkpointField} is required for checkpoint officers`);
    if (!checkpoint || !checkpoint.active) throw invalid(checkpointField, 'unknown', `${checkpointField} is not an active checkpoint`);
    policy.assertUnitInScope(caller, checkpoint);
    // An officer's jurisdiction is the checkpoint; the codes of its unit let administrators find the account.
    return { unitCode: null, unitLevel: null, provinceCode: checkpoint.provinceCode, districtCode: checkpoint.districtCode, communeCode: checkpoint.communeCode, checkpointId: checkpoint.id };
  }
  if (!given.unitCode) throw invalid('unitCode', 'required', `unitCode is required for ${role}`);
  if (!unit) throw invalid('unitCode', 'unknown', 'unitCode is not a known administrative unit');
  if (unit.level !== level) throw invalid('unitCode', 'level', `${role} needs a ${level} unit, not a ${unit.level}`);
  policy.assertUnitInScope(caller, unit);
  return { unitCode: unit.code, unitLevel: unit.level, provinceCode: unit.provinceCode, districtCode: unit.districtCode, communeCode: unit.communeCode, checkpointId: null };
}

/** The fields of a staff account that is waiting for its holder to activate it with a one-time code. */
export function pendingAccount(
  fields: { username: string; fullName: string; role: Role; title?: string | null; agency?: Agency | null; phone?: string | null; email?: string | null },
  jurisdiction: Jurisdiction,
  activation: { hash: string; expiresAt: Date },
  createdBy: string,
): Partial<User> {
  return {
    id: uuidv7(),
    username: fields.username,
    passwordHash: null,
    fullName: fields.fullName,
    fullNameFolded: foldVietnamese(fields.fullName),
    role: fields.role,
    status: AccountStatus.PENDING_ACTIVATION,
    ...jurisdiction,
    title: fields.title ?? null,
    agency: fields.role === Role.CHECKPOINT_OFFICER ? (fields.agency ?? null) : null,
    phone: fields.phone ?? null,
    email: fields.email?.toLowerCase() ?? null,
    failedLogins: 0,
    lockedUntil: null,
    activationCodeHash: activation.hash,
    activationExpiresAt: activation.expiresAt,
    sessionVersion: 0,
    createdBy,
  };
}
