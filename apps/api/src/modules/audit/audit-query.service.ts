import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Role } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { invalid } from '../../common/errors/domain-error';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, startOfVietnamDay } from '../../common/time';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventDto, AuditEventListDto, AuditQueryDto } from './audit.dto';

/** What the Department of Health may see of the trail: the epidemic's records, not accounts. */
export const HEALTH_AUDIT_ENTITIES = ['case_report', 'case', 'document', 'movement_declaration', 'passage', 'epidemic_zone', 'isolation_policy', 'green_lane', 'trip'];

/** Searches the append-only audit trail within the caller's jurisdiction. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly policy: JurisdictionPolicy,
  ) {}

  async search(user: AuthUser, query: AuditQueryDto): Promise<AuditEventListDto> {
    const limit = query.limit ?? 50;
    const qb = this.events.createQueryBuilder('e');
    this.policy.scope(qb, user, scopeColumns('e'));
    if (user.role === Role.HEALTH_OFFICER) qb.andWhere('e.entity_type IN (:...healthTypes)', { healthTypes: HEALTH_AUDIT_ENTITIES });
    if (query.actorId) qb.andWhere('e.actor_id = :actor', { actor: query.actorId });
    if (query.action) qb.andWhere(query.action.endsWith('.') ? 'e.action LIKE :action' : 'e.action = :action', { action: query.action.endsWith('.') ? `${query.action}%` : query.action });
    if (query.entityType) qb.andWhere('e.entity_type = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entity', { entity: query.entityId });
    if (query.unitCode) qb.andWhere(new Brackets((w) => w.where('e.province_code = :unit').orWhere('e.district_code = :unit').orWhere('e.commune_code = :unit')), { unit: query.unitCode });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: startOfVietnamDay(query.from) });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: startOfVietnamDay(addDays(query.to, 1)) });
    if (query.cursor) {
      const [at, id] = Buffer.from(query.cursor, 'base64url').toString().split('|');
      if (!at || !id || Number.isNaN(Date.parse(at))) throw invalid('cursor', 'invalid', 'cursor is not valid');
      qb.andWhere('(e.occurred_at, e.id) < (:cursorAt, :cursorId)', { cursorAt: at, cursorId: id });
    }
    const rows = await qb.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toDto), nextCursor: rows.length > limit && last ? Buffer.from(`${last.occurredAt.toISOString()}|${last.id}`).toString('base64url') : null };
  }

  /** Every matching event, page by page, for the CSV export. */
  async *all(user: AuthUser, query: AuditQueryDto): AsyncGenerator<AuditEventDto> {
    let cursor: string | undefined;
    do {
      const batch = await this.search(user, { ...query, limit: 200, cursor });
      yield* batch.items;
      cursor = batch.nextCursor ?? undefined;
    } while (cursor);
  }
}

function toDto(e: AuditEvent): AuditEventDto {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    provinceCode: e.provinceCode,
    districtCode: e.districtCode,
    communeCode: e.communeCode,
  };
}
