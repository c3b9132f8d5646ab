import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { RateLimitBucket } from '../common/rate-limit/rate-limit-bucket.entity';
import { CitizenProfile } from '../modules/accounts/citizen-profile.entity';
import { RefreshToken } from '../modules/accounts/refresh-token.entity';
import { User } from '../modules/accounts/user.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { AdminUnit } from '../modules/geography/admin-unit.entity';

/** Every entity of every module; migrations are generated against this list. */
export const ENTITIES = [AdminUnit, User, CitizenProfile, RefreshToken, AuditEvent, IdempotencyRecord, RateLimitBucket];
