/** Roles exactly as DESIGN.md section 1. */
export const Role = {
  CITIZEN: 'CITIZEN',
  CHECKPOINT_OFFICER: 'CHECKPOINT_OFFICER',
  POLICE_ADMIN: 'POLICE_ADMIN',
  TRANSPORT_OFFICER: 'TRANSPORT_OFFICER',
  HEALTH_OFFICER: 'HEALTH_OFFICER',
  DISTRICT_OFFICER: 'DISTRICT_OFFICER',
  COMMUNE_STAFF: 'COMMUNE_STAFF',
  COMMUNE_LEADER: 'COMMUNE_LEADER',
  ACCOUNT_ADMIN: 'ACCOUNT_ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);
export const STAFF_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== Role.CITIZEN);

/** Which SPA each role works in. */
export const App = { CITIZEN: 'citizen', COMMUNE: 'commune', PROVINCE: 'province' } as const;
export type App = (typeof App)[keyof typeof App];

export const APP_OF_ROLE: Record<Role, App> = {
  CITIZEN: 'citizen',
  CHECKPOINT_OFFICER: 'province',
  POLICE_ADMIN: 'province',
  TRANSPORT_OFFICER: 'province',
  HEALTH_OFFICER: 'province',
  DISTRICT_OFFICER: 'commune',
  COMMUNE_STAFF: 'commune',
  COMMUNE_LEADER: 'commune',
  ACCOUNT_ADMIN: 'province',
};

export function rolesOfApp(app: App): Role[] {
  return ALL_ROLES.filter((r) => APP_OF_ROLE[r] === app);
}

/** The administrative level a staff role's jurisdiction must have (null: a checkpoint or none). */
export const JURISDICTION_LEVEL_OF_ROLE: Record<Role, UnitLevel | 'CHECKPOINT' | null> = {
  CITIZEN: null,
  CHECKPOINT_OFFICER: 'CHECKPOINT',
  POLICE_ADMIN: 'PROVINCE',
  TRANSPORT_OFFICER: 'PROVINCE',
  HEALTH_OFFICER: 'PROVINCE',
  DISTRICT_OFFICER: 'DISTRICT',
  COMMUNE_STAFF: 'COMMUNE',
  COMMUNE_LEADER: 'COMMUNE',
  ACCOUNT_ADMIN: 'PROVINCE',
};

export const UnitLevel = { PROVINCE: 'PROVINCE', DISTRICT: 'DISTRICT', COMMUNE: 'COMMUNE' } as const;
export type UnitLevel = (typeof UnitLevel)[keyof typeof UnitLevel];

export const AccountStatus = {
  ACTIVE: 'ACTIVE',
  PENDING_ACTIVATION: 'PENDING_ACTIVATION',
  LOCKED: 'LOCKED',
  DEACTIVATED: 'DEACTIVATED',
} as const;
export type AccountStatus = (typeof AccountStatus)[keyof typeof AccountStatus];

export const Gender = { MALE: 'MALE', FEMALE: 'FEMALE', OTHER: 'OTHER' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
