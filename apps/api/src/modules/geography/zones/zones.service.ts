import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { RequestContext } from '../../../common/auth/auth-user';
import { invalid, notFound } from '../../../common/errors/domain-error';
import { uuidv7 } from '../../../common/ids';
import { addDays, vietnamDate } from '../../../common/time';
import { AuditService } from '../../audit/audit.service';
import { GeographyService } from '../geography.service';
import { EpidemicZone } from './epidemic-zone.entity';
import type { DesignateZoneDto, EpidemicZoneDto, EpidemicZoneListDto, ZoneQueryDto } from './zones.dto';

/** Epidemic-zone designations by the Department of Health, with their history. */
@Injectable()
export class ZonesService {
  constructor(
    @InjectRepository(EpidemicZone) private readonly zones: Repository<EpidemicZone>,
    private readonly dataSource: DataSource,
    private readonly geography: GeographyService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ZoneQueryDto): Promise<EpidemicZoneListDto> {
    const qb = this.zones.createQueryBuilder('z').orderBy('z.valid_from', 'DESC').addOrderBy('z.created_at', 'DESC');
    if (query.unitCode) qb.andWhere('z.unit_code = :unit', { unit: query.unitCode });
    if (!query.history) {
      const on = query.on ?? vietnamDate();
      qb.andWhere('z.valid_from <= :on AND (z.valid_to IS NULL OR z.valid_to >= :on)', { on });
    }
    const rows = await qb.take(1000).getMany();
    return { items: await this.toDtos(rows) };
  }

  // Audit events of designations belong to the designating department's province (the zone may lie elsewhere).

  /** A new designation of a unit; one still in force for the same unit ends the day before. */
  async designate(dto: DesignateZoneDto, ctx: RequestContext): Promise<EpidemicZoneDto> {
    const unit = await this.geography.resolve(dto.unitCode);
    if (!unit) throw invalid('unitCode', 'unknown', 'unitCode is not a known administrative unit');
    if (dto.validTo && dto.validTo < dto.validFrom) throw invalid('validTo', 'before_from', 'validTo must not be before validFrom');
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .createQueryBuilder(EpidemicZone, 'z')
        .setLock('pessimistic_write')
        .where('z.unit_code = :unit AND (z.valid_to IS NULL OR z.valid_to >= :from)', { unit: unit.code, from: dto.validFrom })
        .getMany();
      for (const z of current) {
        if (z.validFrom >= dto.validFrom) throw invalid('validFrom', 'overlap', `a designation from ${z.validFrom} exists; end it first`);
        await manager.update(EpidemicZone, { id: z.id }, { validTo: addDays(dto.validFrom, -1) });
        await this.audit.record(ctx, { action: 'epidemic_zone.end', entityType: 'epidemic_zone', entityId: z.id, before: { validTo: z.validTo }, after: { validTo: addDays(dto.validFrom, -1) }, provinceCode: ctx.user?.provinceCode ?? null }, manager);
      }
      await manager.insert(EpidemicZone, { id, unitCode: unit.code, unitLevel: unit.level, provinceCode: unit.provinceCode, districtCode: unit.districtCode, level: dto.level, validFrom: dto.validFrom, validTo: dto.validTo ?? null, note: dto.note ?? null, createdBy: ctx.user?.id ?? null });
      await this.audit.record(ctx, { action: 'epidemic_zone.designate', entityType: 'epidemic_zone', entityId: id, after: { unitCode: unit.code, level: dto.level, validFrom: dto.validFrom, validTo: dto.validTo ?? null }, provinceCode: ctx.user?.provinceCode ?? null }, manager);
    });
    return (await this.toDtos([await this.zones.findOneByOrFail({ id })]))[0];
  }

  async end(id: string, validTo: string, ctx: RequestContext): Promise<EpidemicZoneDto> {
    const zone = /^[0-9a-f-]{36}$/i.test(id) ? await this.zones.findOneBy({ id }) : null;
    if (!zone) throw notFound('Epidemic zone');
    if (validTo < zone.validFrom) throw invalid('validTo', 'before_from', 'validTo must not be before validFrom');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(EpidemicZone, { id }, { validTo });
      await this.audit.record(ctx, { action: 'epidemic_zone.end', entityType: 'epidemic_zone', entityId: id, before: { validTo: zone.validTo }, after: { validTo }, provinceCode: ctx.user?.provinceCode ?? null }, manager);
    });
    return (await this.toDtos([await this.zones.findOneByOrFail({ id })]))[0];
  }

  /** The highest zone level covering a place (its commune, district or province) on a date; null when none. */
  async levelOn(place: { code: string; provinceCode: string; districtCode: string | null }, on: string): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(level)::int AS level FROM epidemic_zones
       WHERE unit_code IN ($1, $2, $3) AND valid_from <= $4 AND (valid_to IS NULL OR valid_to >= $4)`,
      [place.code, place.provinceCode, place.districtCode ?? place.provinceCode, on],
    );
    return row.level ?? null;
  }

  private async toDtos(rows: EpidemicZone[]): Promise<EpidemicZoneDto[]> {
    const names = await this.geography.namesOf(rows.map((z) => z.unitCode));
    return rows.map((z) => ({ id: z.id, unitCode: z.unitCode, unitName: names.get(z.unitCode) ?? z.unitCode, unitLevel: z.unitLevel, level: z.level, validFrom: z.validFrom, validTo: z.validTo, note: z.note, createdAt: z.createdAt.toISOString() }));
  }
}
