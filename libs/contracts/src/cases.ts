/** F0 case reports, cases, isolation decisions and recovery confirmations (DESIGN.md section 4). */

export const ReportKind = { INFECTION: 'INFECTION', RECOVERY: 'RECOVERY' } as const;
export type ReportKind = (typeof ReportKind)[keyof typeof ReportKind];

export const ReportStatus = { SUBMITTED: 'SUBMITTED', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' } as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];

export const TestType = { RAPID_SELF: 'RAPID_SELF', RAPID_FACILITY: 'RAPID_FACILITY', PCR: 'PCR' } as const;
export type TestType = (typeof TestType)[keyof typeof TestType];

export const TestResult = { POSITIVE: 'POSITIVE', NEGATIVE: 'NEGATIVE' } as const;
export type TestResult = (typeof TestResult)[keyof typeof TestResult];

export const CaseStatus = { ISOLATING: 'ISOLATING', HOSPITALISED: 'HOSPITALISED', RECOVERED: 'RECOVERED' } as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

export const Relation = { SELF: 'SELF', PARENT: 'PARENT', CHILD: 'CHILD', SPOUSE: 'SPOUSE', SIBLING: 'SIBLING', GRANDPARENT: 'GRANDPARENT', GRANDCHILD: 'GRANDCHILD', OTHER: 'OTHER' } as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

export const Symptom = {
  FEVER: 'FEVER',
  COUGH: 'COUGH',
  SORE_THROAT: 'SORE_THROAT',
  RUNNY_NOSE: 'RUNNY_NOSE',
  LOSS_OF_SMELL: 'LOSS_OF_SMELL',
  FATIGUE: 'FATIGUE',
  MUSCLE_PAIN: 'MUSCLE_PAIN',
  HEADACHE: 'HEADACHE',
  DIARRHEA: 'DIARRHEA',
  BREATHLESSNESS: 'BREATHLESSNESS',
  CHEST_PAIN: 'CHEST_PAIN',
  CONFUSION: 'CONFUSION',
} as const;
export type Symptom = (typeof Symptom)[keyof typeof Symptom];

/** Symptoms that are danger signs by themselves (with SpO2 below 96 %). */
export const DANGER_SYMPTOMS: readonly Symptom[] = [Symptom.BREATHLESSNESS, Symptom.CHEST_PAIN, Symptom.CONFUSION];
export const DANGER_SPO2_BELOW = 96;

export const DocumentKind = { ISOLATION_DECISION: 'ISOLATION_DECISION', RECOVERY_CONFIRMATION: 'RECOVERY_CONFIRMATION' } as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

export const DocumentStatus = { DRAFT: 'DRAFT', ISSUED: 'ISSUED', REVOKED: 'REVOKED' } as const;
export type DocumentStatus = (typeof DocumentStatus)[keyof typeof DocumentStatus];

/** Why a case is on the commune's "needs attention" list. */
export const AttentionReason = { DANGER_SIGNS: 'DANGER_SIGNS', HIGH_RISK: 'HIGH_RISK', NO_CHECK_IN: 'NO_CHECK_IN' } as const;
export type AttentionReason = (typeof AttentionReason)[keyof typeof AttentionReason];

/** The case-list views of the commune app. */
export const CaseView = {
  ISOLATING: 'ISOLATING',
  ATTENTION: 'ATTENTION',
  ELIGIBLE: 'ELIGIBLE',
  OVERDUE_CONFIRMATION: 'OVERDUE_CONFIRMATION',
  HOSPITALISED: 'HOSPITALISED',
  RECOVERED: 'RECOVERED',
} as const;
export type CaseView = (typeof CaseView)[keyof typeof CaseView];

/** Masks a name for public verification: "Nguyễn Văn An" -> "Nguyễn V** A**". */
export function maskName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : `${[...w][0]}**`)).join(' ');
}
