import { addDays, ageOn, daysBetween } from '../../common/time';

/** The parts of a dated isolation policy the rules read. */
export interface IsolationRules {
  version: string;
  validFrom: string;
  isolationDays: number;
  requiresNegativeTest: boolean;
  extendedDaysVaccinated: number;
  extendedDaysUnvaccinated: number;
  vaccinatedMinDoses: number;
  backRegisteredAfterDays: number;
  confirmationDueDays: number;
}

/** The version in force on a date: the latest whose validFrom is on or before it (the earliest before all). */
export function policyInForce<T extends Pick<IsolationRules, 'validFrom'>>(policies: readonly T[], on: string): T {
  if (!policies.length) throw new Error('no isolation policy is configured');
  const sorted = [...policies].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return sorted.filter((p) => p.validFrom <= on).pop() ?? sorted[0];
}

export interface IsolationInput {
  positiveTestDate: string;
  vaccineDoses: number;
  /** The latest negative test, if any. */
  negativeTestDate: string | null;
}

export interface IsolationState {
  /** Day 1 is the positive-test date. */
  dayNumber: number;
  /** Last day of the regular period (inclusive: start + days - 1). */
  plannedEndDate: string;
  /** Last day if the person is still positive at the end (inclusive). */
  extendedEndDate: string;
  /** May end isolation now. */
  eligible: boolean;
  /** The first day the person may end isolation, when known. */
  eligibleFrom: string | null;
  /** Eligible for longer than the policy allows without a recovery confirmation. */
  overdueConfirmation: boolean;
}

/**
 * One rules function for ending isolation:
 * - the regular period is isolationDays from the positive test, end date inclusive;
 * - where a negative test is required, a negative test on or after the last regular day ends it from that day
 *   (but never before the last regular day);
 * - still positive (no such test): isolation extends to day extendedDays (vaccinated or not), after which it ends.
 */
export function evaluateIsolation(policy: IsolationRules, input: IsolationInput, today: string): IsolationState {
  const plannedEndDate = addDays(input.positiveTestDate, policy.isolationDays - 1);
  const vaccinated = input.vaccineDoses >= policy.vaccinatedMinDoses;
  const extendedDays = vaccinated ? policy.extendedDaysVaccinated : policy.extendedDaysUnvaccinated;
  const extendedEndDate = addDays(input.positiveTestDate, Math.max(extendedDays, policy.isolationDays) - 1);
  let eligibleFrom: string;
  if (!policy.requiresNegativeTest) {
    eligibleFrom = plannedEndDate;
  } else if (input.negativeTestDate && input.negativeTestDate >= plannedEndDate) {
    eligibleFrom = input.negativeTestDate < extendedEndDate ? input.negativeTestDate : extendedEndDate;
  } else {
    eligibleFrom = extendedEndDate;
  }
  const eligible = today >= eligibleFrom;
  return {
    dayNumber: daysBetween(input.positiveTestDate, today) + 1,
    plannedEndDate,
    extendedEndDate,
    eligible,
    eligibleFrom,
    overdueConfirmation: eligible && daysBetween(eligibleFrom, today) > policy.confirmationDueDays,
  };
}

/** High risk: over 65 on the test date, pregnancy, or a chronic disease. */
export function isHighRisk(dateOfBirth: string, testDate: string, pregnant: boolean, chronicDisease: boolean): boolean {
  return ageOn(dateOfBirth, testDate) > 65 || pregnant || chronicDisease;
}

/** A report made this many days after the positive test is back-registered. */
export function isBackRegistered(policy: Pick<IsolationRules, 'backRegisteredAfterDays'>, testDate: string, reportDate: string): boolean {
  return daysBetween(testDate, reportDate) >= policy.backRegisteredAfterDays;
}
