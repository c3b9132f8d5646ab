import { RiskLevel, RiskReason, type Symptom } from '@cordon/contracts';
import { addDays } from '../../common/time';

const ORDER: RiskLevel[] = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH];
const max = (a: RiskLevel, b: RiskLevel) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);
const raise = (a: RiskLevel) => ORDER[Math.min(ORDER.indexOf(a) + 1, ORDER.length - 1)];

/** Zone level (1-4) -> risk, from configuration (ZONE_RISK, e.g. "1:LOW,2:MEDIUM,3:HIGH,4:HIGH"). */
export type ZoneRiskMap = Record<1 | 2 | 3 | 4, RiskLevel>;

export function parseZoneRisk(setting: string): ZoneRiskMap {
  const map = {} as ZoneRiskMap;
  for (const pair of setting.split(',')) {
    const [level, risk] = pair.split(':');
    map[Number(level) as 1 | 2 | 3 | 4] = risk as RiskLevel;
  }
  return map;
}

export interface RiskInput {
  /** Highest epidemic-zone level of the place of origin on the travel date; null when not a zone. */
  originZoneLevel: number | null;
  symptoms: readonly Symptom[];
  contactWithCase: boolean;
  /** Stayed in an epidemic zone in the last 14 days (declared). */
  stayedInZone: boolean;
  vaccineDoses: number;
  test: { date: string; result: 'POSITIVE' | 'NEGATIVE' } | null;
  travelDate: string;
}

/** A negative test counts for 72 hours (3 days, by calendar date) before travel. */
export const TEST_VALID_DAYS = 3;

/**
 * The one risk function (DESIGN.md section 3): LOW / MEDIUM / HIGH with reasons.
 * - origin in an epidemic zone: the configured risk of its level;
 * - symptoms, contact with a case, or a positive test: HIGH;
 * - declared stay in a zone: at least MEDIUM;
 * - from a zone of level 2+ without a valid negative test: one step higher;
 * - from a zone of level 3+ and not vaccinated (under 2 doses): HIGH.
 */
export function assessRisk(input: RiskInput, zoneRisk: ZoneRiskMap): { level: RiskLevel; reasons: RiskReason[] } {
  let level: RiskLevel = RiskLevel.LOW;
  const reasons: RiskReason[] = [];
  const zone = input.originZoneLevel && input.originZoneLevel >= 1 ? (Math.min(input.originZoneLevel, 4) as 1 | 2 | 3 | 4) : null;
  if (zone) {
    level = max(level, zoneRisk[zone]);
    reasons.push(`ZONE_LEVEL_${zone}` as RiskReason);
  }
  if (input.symptoms.length) {
    level = RiskLevel.HIGH;
    reasons.push(RiskReason.SYMPTOMS);
  }
  if (input.contactWithCase || input.test?.result === 'POSITIVE') {
    level = RiskLevel.HIGH;
    reasons.push(RiskReason.CONTACT_WITH_CASE);
  }
  if (input.stayedInZone) {
    level = max(level, RiskLevel.MEDIUM);
    reasons.push(RiskReason.STAYED_IN_ZONE);
  }
  const validNegative = input.test?.result === 'NEGATIVE' && input.test.date <= input.travelDate && input.test.date >= addDays(input.travelDate, -TEST_VALID_DAYS);
  if (zone && zone >= 2 && !validNegative) {
    level = raise(level);
    reasons.push(RiskReason.NO_NEGATIVE_TEST);
  }
  if (zone && zone >= 3 && input.vaccineDoses < 2) {
    level = RiskLevel.HIGH;
    reasons.push(RiskReason.NOT_VACCINATED);
  }
  return { level, reasons };
}
