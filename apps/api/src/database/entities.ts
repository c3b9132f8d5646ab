import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { RateLimitBucket } from '../common/rate-limit/rate-limit-bucket.entity';
import { CitizenProfile } from '../modules/accounts/citizen-profile.entity';
import { AccountImport, AccountImportRow } from '../modules/accounts/imports/account-import.entity';
import { RefreshToken } from '../modules/accounts/refresh-token.entity';
import { User } from '../modules/accounts/user.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AdminUnit } from '../modules/geography/admin-unit.entity';
import { CaseReport } from '../modules/cases/case-report.entity';
import { Case } from '../modules/cases/case.entity';
import { CheckIn } from '../modules/cases/check-in.entity';
import { IsolationPolicy } from '../modules/cases/isolation-policy.entity';
import { CaseDocument } from '../modules/documents/document.entity';
import { DocumentCounter } from '../modules/documents/document-counter.entity';
import { StoredFile } from '../modules/files/stored-file.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { Checkpoint } from '../modules/geography/checkpoints/checkpoint.entity';
import { EpidemicZone } from '../modules/geography/zones/epidemic-zone.entity';
import { ArrivalFollowUp } from '../modules/movements/follow-up.entity';
import { GreenLaneVehicle } from '../modules/movements/green-lane.entity';
import { Trip } from '../modules/movements/trip.entity';
import { MovementDeclaration } from '../modules/movements/declaration.entity';
import { Passage } from '../modules/movements/passage.entity';
import { ROLLUP_ENTITIES } from '../modules/rollups/rollup.entities';

/** Every entity of every module; migrations are generated against this list. */
export const ENTITIES = [
  AdminUnit,
  User,
  CitizenProfile,
  RefreshToken,
  AccountImport,
  AccountImportRow,
  AuditEvent,
  IdempotencyRecord,
  RateLimitBucket,
  StoredFile,
  IsolationPolicy,
  CaseReport,
  Case,
  CheckIn,
  CaseDocument,
  DocumentCounter,
  Notification,
  EpidemicZone,
  Checkpoint,
  MovementDeclaration,
  Passage,
  ArrivalFollowUp,
  GreenLaneVehicle,
  Trip,
  ...ROLLUP_ENTITIES,
];
