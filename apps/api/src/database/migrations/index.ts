import { Foundation1795487875952 } from './1795487875952-Foundation';
import { AuditAppendOnly1795487875953 } from './1795487875953-AuditAppendOnly';
import { CasesAndDocuments1795490136283 } from './1795490136283-CasesAndDocuments';
import { Movements1795492677581 } from './1795492677581-Movements';
import { Trips1795494140539 } from './1795494140539-Trips';
import { AccountImports1795497808903 } from './1795497808903-AccountImports';
import { IdempotencyHolder1795510000000 } from './1795510000000-IdempotencyHolder';
import { Rollups1795520000000 } from './1795520000000-Rollups';
import { RollupOrigins1795520000001 } from './1795520000001-RollupOrigins';
import { IdempotencyHolderPid1795530000000 } from './1795530000000-IdempotencyHolderPid';
import { RollupStateMigration1795540000000 } from './1795540000000-RollupStateMigration';
import { ListKeysetIndexes1795550000000 } from './1795550000000-ListKeysetIndexes';

/** Migrations in order; each is DDL only (seeds and back-fills are separate commands). */
export const MIGRATIONS: Function[] = [Foundation1795487875952, AuditAppendOnly1795487875953, CasesAndDocuments1795490136283, Movements1795492677581, Trips1795494140539, AccountImports1795497808903, IdempotencyHolder1795510000000, Rollups1795520000000, RollupOrigins1795520000001, IdempotencyHolderPid1795530000000, RollupStateMigration1795540000000, ListKeysetIndexes1795550000000];
