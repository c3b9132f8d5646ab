import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { type DeclarationSource, FollowUpStatus, LIST_TOTAL_CAP, RiskLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { KeysetQuery, type KeyColumn } from '../../common/db/keyset';
import { inOrderOf, streamRows } from '../../common/db/stream-ids';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, vietnamDate } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { GeographyService } from '../geography/geography.service';
import { MovementDeclaration } from './declaration.entity';
import { DeclarationsService } from './declarations.service';
import type { ArrivalDto, ArrivalListDto, ArrivalQueryDto, FollowUpDto } from './dtos/arrival.dto';
import { ArrivalFollowUp } from './follow-up.entity';
import { Passage } from './passage.entity';

/** High risk first: the rank the board sorts by, descending (the same expression as the board indexes'). */
export const RISK_RANK = `CASE d.risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END`;
const RANK_OF: Record<RiskLevel, number> = { [RiskLevel.HIGH]: 2, [RiskLevel.MEDIUM]: 1, [RiskLevel.LOW]: 0 };
/** An arrival's follow-up status (pending until the commune records one). */
const FOLLOW_UP_STATUS = `COALESCE((SELECT fu.status FROM arrival_follow_ups fu WHERE fu.declaration_id = d.id), 'PENDING')`;
/** The board's order (all descending): high risk first, then the latest travel date; the id breaks ties. */
const ARRIVAL_ORDER: KeyColumn[] = [
  { sql: RISK_RANK, kind: 'int' },
  { sql: 'd.travel_date', kind: 'date' },
  { sql: 'd.id', kind: 'uuid' },
];

/** Rows per FETCH of the CSV export (about 150 KB of CSV). */
const EXPORT_BATCH = 1000;

/** One line of the arrivals CSV export. */
export interface ArrivalExportRow {
  fullName: string;
  idNumber: string;
  phone: string | null;
  originName: string;
  originZoneLevel: number | null;
  destinationName: string;
  destinationAddress: string;
  travelDate: string;
  riskLevel: RiskLevel;
  source: DeclarationSource;
  passages: number;
  followUp: FollowUpStatus;
}

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
    private readonly geography: GeographyService,
  ) {}

  async list(user: AuthUser, query: ArrivalQueryDto): Promise<ArrivalListDto> {
    const limit = query.limit ?? 50;
    // Keyset pages over the idx_declarations_*_board indexes, in the board's order; the total counted up to a cap.
    const { ids, nextCursor, total, capped } = await new KeysetQuery(this.dataSource, this.branches(user, query), ARRIVAL_ORDER).read(limit, query.cursor, LIST_TOTAL_CAP);
    const rows = ids.length ? inOrderOf(ids, await this.declarations.findBy({ id: In(ids) })) : [];
    return { items: await this.toDtos(rows), nextCursor, total, totalCapped: capped };
  }

  /**
   * Every arrival matching the filters, in the board's order, for the CSV export: one cursor over exactly the
   * exported fields (the passages counted and the follow-up joined in the same query), fetched a batch at a
   * time as the client reads (see streamRows), so memory stays flat and no record is loaded twice.
   */
  async *exportRows(user: AuthUser, query: ArrivalQueryDto): AsyncGenerator<ArrivalExportRow> {
    const qb = this.filtered(this.policy.scope(this.declarations.createQueryBuilder('d'), user, scopeColumns('d')), query)
      .leftJoin(ArrivalFollowUp, 'f', 'f.declaration_id = d.id')
      .select('d.full_name', 'fullName')
      .addSelect('d.id_number', 'idNumber')
      .addSelect('d.phone', 'phone')
      .addSelect('d.origin_unit_code', 'originUnitCode')
      .addSelect('d.origin_zone_level', 'originZoneLevel')
      .addSelect('d.commune_code', 'communeCode')
      .addSelect('d.destination_address', 'destinationAddress')
      .addSelect(`to_char(d.travel_date, 'YYYY-MM-DD')`, 'travelDate')
      .addSelect('d.risk_level', 'riskLevel')
      .addSelect('d.source', 'source')
      .addSelect('(SELECT count(*) FROM passages p WHERE p.declaration_id = d.id)::int', 'passages')
      .addSelect('f.status', 'followUp');
    ARRIVAL_ORDER.forEach((c, i) => (i ? qb.addOrderBy(c.sql, 'DESC') : qb.orderBy(c.sql, 'DESC')));
    const [sql, params] = qb.getQueryAndParameters();
    type Raw = Omit<ArrivalExportRow, 'originName' | 'destinationName' | 'followUp'> & { originUnitCode: string; communeCode: string | null; followUp: FollowUpStatus | null };
    for await (const batch of streamRows<Raw>(this.dataSource, sql, params, EXPORT_BATCH)) {
      const names = await this.geography.namesOf(batch.flatMap((r) => [r.originUnitCode, r.communeCode]));
      for (const r of batch) {
        yield {
          ...r,
          originName: names.get(r.originUnitCode) ?? r.originUnitCode,
          destinationName: r.communeCode ? (names.get(r.communeCode) ?? r.communeCode) : '',
          followUp: r.followUp ?? FollowUpStatus.PENDING,
        };
      }
    }
  }

  /** The caller's arrivals as branches that never overlap (see JurisdictionPolicy.conditions), each filtered. */
  private branches(user: AuthUser, query: ArrivalQueryDto) {
    return this.policy.conditions(user, scopeColumns('d')).map(({ sql, params }) => this.filtered(this.declarations.createQueryBuilder('d').where(sql, params), query));
  }

  private filtered(qb: SelectQueryBuilder<MovementDeclaration>, query: ArrivalQueryDto) {
    const today = vietnamDate();
    qb.andWhere('d.travel_date BETWEEN :from AND :to', { from: query.from ?? addDays(today, -6), to: query.to ?? today });
    // The rank too, so that the board index's rank column narrows the scan to that risk level.
    if (query.riskLevel) qb.andWhere(`d.risk_level = :risk AND ${RISK_RANK} = :rank`, { risk: query.riskLevel, rank: RANK_OF[query.riskLevel] });
    if (query.communeCode) qb.andWhere('d.commune_code = :commune', { commune: query.communeCode });
    if (query.fromZone) qb.andWhere('d.origin_zone_level IS NOT NULL');
    // A subquery per row rather than a join: the board index is read in order and the scan stops at the page (a
    // join lets the planner hash every follow-up and sort the whole period when it misjudges a commune's size).
    if (query.status) qb.andWhere(`${FOLLOW_UP_STATUS} = :status`, { status: query.status });
    return qb;
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
