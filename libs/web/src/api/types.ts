/**
 * Shapes of the API's JSON (DESIGN.md section 8). Hand-written for now; the lead
 * will later alias them to the types generated from the OpenAPI document, keeping
 * these names and shapes.
 */
import type { AccountStatus, Gender, Role, UnitLevel } from '@cordon/contracts';

export interface Jurisdiction {
  unitCode?: string;
  level?: UnitLevel;
  checkpointId?: string;
  unitName?: string;
}

export interface CitizenProfile {
  idNumber: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  phone: string;
  address?: string;
  communeCode?: string;
  communeName?: string;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  jurisdiction: Jurisdiction;
  /** Citizens only. */
  profile?: CitizenProfile;
}

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUser;
}

export interface RegisterRequest {
  fullName: string;
  idNumber: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  phone: string;
  address?: string;
  communeCode?: string;
  password: string;
}

export interface Account {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  jurisdiction: Jurisdiction;
  title?: string;
  phone?: string;
  email?: string;
  status: AccountStatus;
  lastLoginAt?: string | null;
  createdAt: string;
  activationExpiresAt?: string | null;
}

export interface ListResponse<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export type AccountList = ListResponse<Account>;

export interface CreateAccountRequest {
  username: string;
  fullName: string;
  role: Role;
  unitCode?: string;
  checkpointId?: string;
  title?: string;
  phone?: string;
  email?: string;
}

export interface UpdateAccountRequest {
  fullName?: string;
  title?: string;
  phone?: string;
  email?: string;
  role?: Role;
  unitCode?: string;
}

/** Answer of POST /accounts and POST /accounts/:id/reset-password. */
export interface ProvisionedAccount {
  account: Account;
  activationCode: string;
  activationExpiresAt: string;
}

export interface AdminUnit {
  code: string;
  name: string;
  nameWithType: string;
  level: UnitLevel;
  type: string;
  parentCode: string | null;
}

export type AdminUnitList = ListResponse<AdminUnit>;

/** GET /admin-units/:code: the unit and its ancestors, from the province down. */
export interface AdminUnitDetail extends AdminUnit {
  ancestors: AdminUnit[];
}
