import type { Role, UnitLevel } from '@cordon/contracts';

/** The caller, as loaded fresh from the database for every request (so a lock takes effect at once). */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  unitCode: string | null;
  unitLevel: UnitLevel | null;
  provinceCode: string | null;
  districtCode: string | null;
  communeCode: string | null;
  checkpointId: string | null;
  /** The sign-in session the access token belongs to. */
  sessionId?: string;
}

/** What every state-changing service call receives: who acts, and the request id for the audit trail. */
export interface RequestContext {
  user?: AuthUser;
  requestId: string;
  ip: string;
}
