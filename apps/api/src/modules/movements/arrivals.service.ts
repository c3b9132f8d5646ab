import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { FollowUpStatus } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { inOrderOf, streamIdBatches } from '../../common/db/stream-ids';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, vietnamDate } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { MovementDeclaration } from './declaration.entity';
import { DeclarationsService } from './declarations.service';
import type { ArrivalDto, ArrivalListDto, ArrivalQueryDto, FollowUpDto } from './dtos/arrival.dto';
import { ArrivalFollowUp } from './follow-up.entity';
import { Passage } from './passage.entity';

/** Arrivals into the province by destination commune, and the commune's follow-up of each. */
@Injectable()
export class ArrivalsService {
  constructor(
    @InjectRepository(MovementDeclaration) private readonly declarations: Repository<MovementDeclaration>,
    @InjectRepository(ArrivalFollowUp) private readonly followUps: Repository<ArrivalFollowUp>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly declarationsService: DeclarationsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ArrivalQueryDto): Promise<ArrivalListDto> {
    const limit = query.limit ?? 50;
    const offset = decodeOffset(query.cursor);
    const qb = this.filtered(user, query);
    const total = await qb.clone().getCount();
    const rows = await this.ordered(qb).offset(offset).limit(limit + 1).getMany();
    const { items, nextCursor } = page(rows, offset, limit);
    return { items: await this.toDtos(items), nextCursor, total };
  }

  /** Every arrival matching the filters, in the board's order, for the CSV export (one cursor, flat memory). */
  async *all(user: AuthUser, query: ArrivalQueryDto): AsyncGenerator<ArrivalDto> {
    for await (const ids of streamIdBatches(this.dataSource, this.ordered(this.filtered(user, query)), 'd.id')) {
      yield* await this.toDtos(inOrderOf(ids, await this.declarations.findBy({ id: In(ids) })));
    }
  }

  private filtered(user: AuthUser, query: ArrivalQueryDto) {
    const today = vietnamDate();
    const qb = this.declarations
      .createQueryBuilder('d')
      .leftJoin(ArrivalFollowUp, 'f', 'f.declaration_id = d.id')
      .where('d.travel_date BETWEEN :from AND :to', { from: query.from ?? addDays(today, -6), to: query.to ?? today });
    this.policy.scope(qb, user, scopeColumns('d'));
    if (query.riskLevel) qb.andWhere('d.risk_level = :risk', { risk: query.riskLevel });
    if (query.communeCode) qb.andWhere('d.commune_code = :commune', { commune: query.communeCode });
    if (query.fromZone) qb.andWhere('d.origin_zone_level IS NOT NULL');
    if (query.status) qb.andWhere(`COALESCE(f.status, 'PENDING') = :status`, { status: query.status });
    return qb;
  }

  /** High risk first, then the latest travel date. */
  private ordered(qb: SelectQueryBuilder<MovementDeclaration>) {
    return qb
      .orderBy(`CASE d.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('d.travel_date', 'DESC')
      .addOrderBy('d.id', 'DESC');
  }

  async recordFollowUp(user: AuthUser, declarationId: string, dto: FollowUpDto, ctx: RequestContext): Promise<ArrivalDto> {
    const found = /^[0-9a-f-]{36}$/i.test(declarationId) ? await this.declarations.findOneBy({ id: declarationId }) : null;
    const declaration = this.policy.assertInScope(user, found, 'Arrival') as MovementDeclaration;
    const before = await this.followUps.findOneBy({ declarationId });
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(ArrivalFollowUp, { declarationId, status: dto.status, note: dto.note ?? null, updatedBy: user.id }, ['declarationId']);
      await this.audit.record(ctx, { action: 'arrival.follow_up', entityType: 'movement_declaration', entityId: declarationId, before: before ? { status: before.status, note: before.note } : null, after: { status: dto.status, note: dto.note ?? null }, provinceCode: declaration.provinceCode, districtCode: declaration.districtCode, communeCode: declaration.communeCode }, manager);
    });
    return (await this.toDtos([declaration]))[0];
  }

  private async toDtos(rows: MovementDeclaration[]): Promise<ArrivalDto[]> {
    const ids = rows.map((d) => d.id);
    const followUps = ids.length ? await this.followUps.findBy({ declarationId: In(ids) }) : [];
    const counts: { declaration_id: string; n: number }[] = ids.length ? await this.dataSource.getRepository(Passage).createQueryBuilder('p').select('p.declaration_id', 'declaration_id').addSelect('count(*)::int', 'n').where('p.declaration_id IN (:...ids)', { ids }).groupBy('p.declaration_id').getRawMany() : [];
    const byId = new Map(followUps.map((f) => [f.declarationId, f]));
    const passages = new Map(counts.map((c) => [c.declaration_id, c.n]));
    const dtos = await this.declarationsService.toDtos(rows);
    return dtos.map((declaration) => {
      const f = byId.get(declaration.id);
      return { declaration, followUp: { status: f?.status ?? FollowUpStatus.PENDING, note: f?.note ?? null, updatedAt: f?.updatedAt.toISOString() ?? null }, passages: passages.get(declaration.id) ?? 0 };
    });
  }
}
