import type { AccountDto, } from './dtos/account.dto';
import type { CitizenProfileDto, JurisdictionDto, SessionUserDto } from './dtos/auth.dto';
import type { CitizenProfile } from './citizen-profile.entity';
import type { User } from './user.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function jurisdictionOf(user: User, unitNames: Map<string, string>): JurisdictionDto {
  return {
    unitCode: user.unitCode,
    level: user.unitLevel,
    unitName: user.unitCode ? (unitNames.get(user.unitCode) ?? null) : null,
    checkpointId: user.checkpointId,
  };
}

export function toAccountDto(user: User, unitNames: Map<string, string>): AccountDto {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    jurisdiction: jurisdictionOf(user, unitNames),
    title: user.title,
    agency: user.agency,
    phone: user.phone,
    email: user.email,
    status: user.status,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    lastLoginAt: iso(user.lastLoginAt),
    failedLogins: user.failedLogins,
    activationExpiresAt: iso(user.activationExpiresAt),
    createdAt: user.createdAt.toISOString(),
  };
}

export function toSessionUser(user: User, unitNames: Map<string, string>, profile?: CitizenProfile | null): SessionUserDto {
  const dto: SessionUserDto = { id: user.id, username: user.username, fullName: user.fullName, role: user.role, jurisdiction: jurisdictionOf(user, unitNames) };
  if (profile) {
    const p: CitizenProfileDto = {
      idNumber: profile.idNumber,
      dateOfBirth: profile.dateOfBirth,
      gender: profile.gender,
      phone: profile.phone,
      address: profile.address,
      communeCode: profile.communeCode,
      communeName: profile.communeCode ? (unitNames.get(profile.communeCode) ?? null) : null,
    };
    dto.profile = p;
  }
  return dto;
}

/** What the audit trail keeps of an account: no secrets, no password or code hashes. */
export function auditView(user: User): Record<string, unknown> {
  return {
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    status: user.status,
    unitCode: user.unitCode,
    checkpointId: user.checkpointId,
    title: user.title,
    agency: user.agency,
    phone: user.phone,
    email: user.email,
  };
}
