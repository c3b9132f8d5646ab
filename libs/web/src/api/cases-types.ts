/**
 * Shapes of the F0 reports, cases, documents and notifications API (docs/cases-api.md), aliased from the
 * types generated from the OpenAPI document, so the SPAs follow the API.
 */
import type { components } from '@cordon/contracts';

/** A household contact of an infection report. */
type Schemas = components['schemas'];

export type HouseholdContact = Schemas['ContactViewDto'];

/** The person an infection report is about, when it is not the reporter (relation is not SELF). */
export type ReportPerson = Schemas['PersonDto'];

/** Body of POST /case-reports/infection. Dates are YYYY-MM-DD. */
export type InfectionReportRequest = Schemas['InfectionReportDto'];

/** Body of POST /case-reports/recovery. */
export type RecoveryReportRequest = Schemas['RecoveryReportDto'];

/** An infection or recovery report. */
export type CaseReport = Schemas['CaseReportDto'];

/** Where a case's isolation stands (dates YYYY-MM-DD). */
export type CaseIsolation = Schemas['IsolationStateDto'];

/** One daily health check-in. */
export type CheckIn = Schemas['CheckInViewDto'];

/** Body of POST /cases/:id/check-ins. */
export type CheckInRequest = Schemas['CheckInDto'];

/** Answer of POST /cases/:id/check-ins. */
export type CheckInResult = Schemas['CheckInResultDto'];

/** A document's summary inside a Case. */
export type CaseDocumentSummary = Schemas['DocumentSummaryDto'];

export type Case = Schemas['CaseDetailDto'];

/** An isolation decision or a recovery confirmation (`/isolation-decisions`, `/recovery-confirmations`). */
export type CaseDocument = Schemas['CaseDocumentDto'];

/** Answer of the public GET /public/documents/:code. */
export type PublicDocument = Schemas['PublicDocumentDto'];

export type NotificationKind = 'REPORT_ACCEPTED' | 'REPORT_REJECTED' | 'DOCUMENT_ISSUED' | 'DOCUMENT_REVOKED';

export type Notification = Schemas['NotificationDto'];

/** Answer of GET /notifications. */
export type NotificationList = Schemas['NotificationListDto'];

/** Answer of POST /files/test-photos. */
export interface UploadedFile {
  id: string;
  contentType: string;
  size: number;
}
