import { Role } from '@cordon/contracts';

/** Commune officials who work the reports and cases. */
export const CASE_WORKERS = [Role.COMMUNE_STAFF, Role.COMMUNE_LEADER] as const;
/** Officials who watch but never change reports, cases or documents (DESIGN.md section 1). */
export const CASE_READERS = [Role.DISTRICT_OFFICER, Role.HEALTH_OFFICER] as const;
export const CASE_OFFICIALS = [...CASE_WORKERS, ...CASE_READERS] as const;
