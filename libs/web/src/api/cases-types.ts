/**
 * Shapes of the F0 reports, cases, documents and notifications API (docs/cases-api.md), written by hand
 * until the OpenAPI document has them; then these names become aliases of the generated schemas
 * (as in ./types.ts) and the SPAs keep compiling.
 */
import type {
  AttentionReason,
  CaseStatus,
  DocumentKind,
  DocumentStatus,
  Gender,
  Relation,
  ReportKind,
  ReportStatus,
  Symptom,
  TestResult,
  TestType,
} from '@cordon/contracts';

/** A household contact of an infection report. */
export interface HouseholdContact {
  fullName: string;
  phone?: string | null;
  relation: Relation;
}

/** The person an infection report is about, when it is not the reporter (relation is not SELF). */
export interface ReportPerson {
  fullName: string;
  idNumber: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  phone?: string;
  relation: Relation;
}

/** Body of POST /case-reports/infection. Dates are YYYY-MM-DD. */
export interface InfectionReportRequest {
  forSelf: boolean;
  person?: ReportPerson;
  communeCode: string;
  address: string;
  testType: TestType;
  testDate: string;
  photoFileId?: string;
  symptomOnset?: string;
  symptoms: Symptom[];
  vaccineDoses: number;
  lastDoseDate?: string;
  pregnant?: boolean;
  chronicDisease?: boolean;
  contacts?: HouseholdContact[];
}

/** Body of POST /case-reports/recovery. */
export interface RecoveryReportRequest {
  caseId: string;
  testType: TestType;
  testDate: string;
  noSymptoms: true;
}

/** An infection or recovery report. */
export interface CaseReport {
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  relation: Relation;
  fullName: string;
  idNumber: string;
  dateOfBirth: string;
  gender: Gender;
  phone: string | null;
  address: string;
  communeCode: string;
  communeName: string | null;
  districtCode: string | null;
  testType: TestType;
  testDate: string;
  testResult: TestResult;
  photoFileId: string | null;
  symptomOnset: string | null;
  symptoms: Symptom[];
  vaccineDoses: number;
  lastDoseDate: string | null;
  pregnant: boolean;
  chronicDisease: boolean;
  highRisk: boolean;
  contacts: HouseholdContact[];
  caseId: string | null;
  backRegistered: boolean;
  overdue: boolean;
  dueAt: string | null;
  rejectionReason: string | null;
  reviewedAt: string | null;
  submittedAt: string;
}

/** Where a case's isolation stands (dates YYYY-MM-DD). */
export interface CaseIsolation {
  plannedEndDate: string | null;
  extendedEndDate: string | null;
  eligible: boolean;
  eligibleFrom: string | null;
  /** Day of isolation, 1 on the positive-test date. */
  dayNumber: number | null;
  /** Eligible for longer than the policy allows without a confirmation. */
  overdueConfirmation?: boolean;
}

/** One daily health check-in. */
export interface CheckIn {
  id: string;
  caseId?: string;
  symptoms: Symptom[];
  temperature: number | null;
  spo2: number | null;
  dangerSigns: boolean;
  createdAt: string;
}

/** Body of POST /cases/:id/check-ins. */
export interface CheckInRequest {
  symptoms: Symptom[];
  temperature?: number;
  spo2?: number;
}

/** Answer of POST /cases/:id/check-ins. */
export interface CheckInResult {
  checkIn: CheckIn;
  dangerSigns: boolean;
  advice: 'CALL_NOW' | 'CONTINUE';
}

/** A document's summary inside a Case. */
export interface CaseDocumentSummary {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  numberText: string | null;
  signedAt: string | null;
}

export interface Case {
  id: string;
  status: CaseStatus;
  fullName: string;
  idNumber: string;
  dateOfBirth: string;
  gender: Gender;
  phone: string | null;
  address: string;
  communeCode: string;
  communeName: string | null;
  districtCode: string | null;
  districtName: string | null;
  positiveTestDate: string;
  testType: TestType;
  vaccineDoses: number;
  highRisk: boolean;
  backRegistered: boolean;
  policyVersion: string | number | null;
  negativeTestDate: string | null;
  lastCheckInAt: string | null;
  dangerSigns: boolean;
  attention: AttentionReason[];
  isolation: CaseIsolation;
  openedAt: string;
  recoveredAt: string | null;
  hasIsolationDecision: boolean;
  hasRecoveryConfirmation: boolean;
  /** GET /cases/:id only: newest first, up to 30. */
  checkIns?: CheckIn[];
  /** GET /cases/:id only. */
  documents?: CaseDocumentSummary[];
}

/** An isolation decision or a recovery confirmation (`/isolation-decisions`, `/recovery-confirmations`). */
export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  caseId: string;
  reportId: string | null;
  holderName: string;
  holderIdNumber: string;
  holderDateOfBirth: string;
  place: string | null;
  startDate: string | null;
  endDate: string | null;
  negativeTestType: TestType | null;
  negativeTestDate: string | null;
  legalBasis: string | null;
  number: number | null;
  /** e.g. "12/QĐ-UBND" */
  numberText: string | null;
  year: number | null;
  communeCode: string;
  communeName: string | null;
  districtName: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  /** Only once ISSUED. */
  verifyCode: string | null;
  verifyUrl: string | null;
  pdfSha256: string | null;
  createdAt: string;
}

/** Answer of the public GET /public/documents/:code. */
export interface PublicDocument {
  kind: DocumentKind;
  numberText: string;
  /** e.g. "UBND Xã Thượng Giáp" */
  issuer: string;
  signedAt: string | null;
  startDate: string | null;
  endDate: string | null;
  status: 'VALID' | 'REVOKED';
  revokedAt: string | null;
  /** Masked: "Nguyễn V** A**". */
  holderName: string;
  pdfSha256: string | null;
}

export type NotificationKind = 'REPORT_ACCEPTED' | 'REPORT_REJECTED' | 'DOCUMENT_ISSUED' | 'DOCUMENT_REVOKED';

export interface Notification {
  id: string;
  kind: NotificationKind | (string & {});
  /** REPORT_REJECTED: reason; DOCUMENT_*: kind, numberText. */
  params: Record<string, string | number | null>;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Answer of GET /notifications. */
export interface NotificationList {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

/** Answer of POST /files/test-photos. */
export interface UploadedFile {
  id: string;
  contentType: string;
  size: number;
}
