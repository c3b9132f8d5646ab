/** Movement declarations, checkpoints, passages and epidemic zones (DESIGN.md section 3). */

export const RiskLevel = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH' } as const;
export type RiskLevel = (typeof RiskLevel)[keyof typeof RiskLevel];

/** Why a declaration got its risk level. */
export const RiskReason = {
  ZONE_LEVEL_1: 'ZONE_LEVEL_1',
  ZONE_LEVEL_2: 'ZONE_LEVEL_2',
  ZONE_LEVEL_3: 'ZONE_LEVEL_3',
  ZONE_LEVEL_4: 'ZONE_LEVEL_4',
  SYMPTOMS: 'SYMPTOMS',
  CONTACT_WITH_CASE: 'CONTACT_WITH_CASE',
  STAYED_IN_ZONE: 'STAYED_IN_ZONE',
  NO_NEGATIVE_TEST: 'NO_NEGATIVE_TEST',
  NOT_VACCINATED: 'NOT_VACCINATED',
} as const;
export type RiskReason = (typeof RiskReason)[keyof typeof RiskReason];

export const TransportMode = { CAR: 'CAR', MOTORBIKE: 'MOTORBIKE', BUS: 'BUS', TRUCK: 'TRUCK', TRAIN: 'TRAIN', OTHER: 'OTHER' } as const;
export type TransportMode = (typeof TransportMode)[keyof typeof TransportMode];

export const Direction = { IN: 'IN', OUT: 'OUT' } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const PassageOutcome = { ALLOWED: 'ALLOWED', SENT_FOR_TESTING: 'SENT_FOR_TESTING', TURNED_BACK: 'TURNED_BACK', REFERRED_TO_ISOLATION: 'REFERRED_TO_ISOLATION' } as const;
export type PassageOutcome = (typeof PassageOutcome)[keyof typeof PassageOutcome];

/** How the person was declared: online (QR), typed from paper at the checkpoint. */
export const DeclarationSource = { ONLINE: 'ONLINE', PAPER: 'PAPER' } as const;
export type DeclarationSource = (typeof DeclarationSource)[keyof typeof DeclarationSource];

export const FollowUpStatus = { PENDING: 'PENDING', MONITORING: 'MONITORING', TESTED_NEGATIVE: 'TESTED_NEGATIVE', TESTED_POSITIVE: 'TESTED_POSITIVE', REFERRED_TO_ISOLATION: 'REFERRED_TO_ISOLATION', DONE: 'DONE' } as const;
export type FollowUpStatus = (typeof FollowUpStatus)[keyof typeof FollowUpStatus];

/** Agencies of an interagency checkpoint's officers. */
export const Agency = { POLICE: 'POLICE', HEALTH: 'HEALTH', ARMY: 'ARMY', EDUCATION: 'EDUCATION', OTHER: 'OTHER' } as const;
export type Agency = (typeof Agency)[keyof typeof Agency];

/** Short codes are read aloud: no 0/O, 1/I/L. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SHORT_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{8}$/;

/** Vietnamese number plates, e.g. 22A-123.45, 22A12345, 29LD-012.34 (letters, digits, optional dash and dot). */
export const PLATE_PATTERN = /^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/;

export function normalisePlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s.-]/g, '');
}

export const GreenLaneStatus = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED', REVOKED: 'REVOKED' } as const;
export type GreenLaneStatus = (typeof GreenLaneStatus)[keyof typeof GreenLaneStatus];

export const VehicleType = { TRUCK: 'TRUCK', VAN: 'VAN', CONTAINER: 'CONTAINER', TANKER: 'TANKER', OTHER: 'OTHER' } as const;
export type VehicleType = (typeof VehicleType)[keyof typeof VehicleType];

/** Passage sources: electronic declaration, paper, or a green-lane pass. */
export const PassageSource = { ONLINE: 'ONLINE', PAPER: 'PAPER', GREEN_LANE: 'GREEN_LANE' } as const;
export type PassageSource = (typeof PassageSource)[keyof typeof PassageSource];
