import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/auth/auth-user';
import { uuidv7 } from '../../common/ids';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Jurisdiction of the entity. */
  provinceCode?: string | null;
  districtCode?: string | null;
  communeCode?: string | null;
  /** The actor when it is not the signed-in caller (a sign-in, a registration). */
  actorId?: string | null;
  actorRole?: string | null;
}

/** Rows per INSERT statement (each event binds 12 parameters; PostgreSQL allows 65,535). */
const AUDIT_BATCH = 1000;

/** Writes the append-only audit trail; pass the transaction's manager so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(ctx: RequestContext, entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany(ctx, [entry], manager);
  }

  /** Many events in few statements (bulk imports write one event per account). */
  async recordMany(ctx: RequestContext, entries: AuditEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
      const events = entries.slice(i, i + AUDIT_BATCH).map((entry) => this.event(ctx, entry));
      // `as never`: TypeORM's deep-partial insert type rejects Record<string, unknown> for jsonb columns.
      await manager.createQueryBuilder().insert().into(AuditEvent).values(events as never).updateEntity(false).execute();
    }
  }

  private event(ctx: RequestContext, entry: AuditEntry): Partial<AuditEvent> {
    return {
      id: uuidv7(),
      actorId: entry.actorId !== undefined ? entry.actorId : (ctx.user?.id ?? null),
      actorRole: entry.actorRole !== undefined ? entry.actorRole : (ctx.user?.role ?? null),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId,
      provinceCode: entry.provinceCode ?? null,
      districtCode: entry.districtCode ?? null,
      communeCode: entry.communeCode ?? null,
    };
  }
}
