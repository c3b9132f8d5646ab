import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { foldVietnamese } from '@cordon/contracts';
import { notFound } from '../../common/errors/domain-error';
import { AdminUnit } from './admin-unit.entity';
import type { AdminUnitDetailDto, AdminUnitDto, AdminUnitListDto, AdminUnitQueryDto } from './dtos/admin-unit.dto';

/** The unit a record or account belongs to, resolved into the denormalised codes the policy filters on. */
export interface ResolvedUnit {
  code: string;
  level: AdminUnit['level'];
  name: string;
  provinceCode: string;
  districtCode: string | null;
  communeCode: string | null;
}

@Injectable()
export class GeographyService {
  private readonly names = new Map<string, string>();
  private readonly resolved = new Map<string, ResolvedUnit>();

  constructor(@InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>) {}

  async list(query: AdminUnitQueryDto): Promise<AdminUnitListDto> {
    const limit = query.limit ?? 50;
    const qb = this.units.createQueryBuilder('u').orderBy('u.code', 'ASC').take(limit + 1);
    if (query.parent) qb.andWhere('u.parent_code = :parent', { parent: query.parent });
    if (query.within) {
      qb.andWhere('(u.province_code = :within OR u.district_code = :within) AND u.code <> :within', { within: query.within });
    }
    if (query.level) qb.andWhere('u.level = :level', { level: query.level });
    if (query.q?.trim()) {
      const words = foldVietnamese(query.q).split(' ').filter(Boolean);
      words.forEach((w, i) => qb.andWhere(`u.name_folded LIKE :w${i}`, { [`w${i}`]: `%${w.replace(/[%_\\]/g, (c) => '\\' + c)}%` }));
    }
    if (query.cursor) qb.andWhere('u.code > :cursor', { cursor: query.cursor });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(toDto), nextCursor: rows.length > limit ? page[page.length - 1].code : null };
  }

  async detail(code: string): Promise<AdminUnitDetailDto> {
    const unit = await this.units.findOneBy({ code });
    if (!unit) throw notFound('Administrative unit');
    const ancestorCodes = [unit.provinceCode, unit.districtCode].filter((c): c is string => !!c && c !== unit.code);
    const ancestors = ancestorCodes.length ? await this.units.find({ where: { code: In(ancestorCodes) }, order: { code: 'ASC' } }) : [];
    ancestors.sort((a, b) => a.code.length - b.code.length);
    return { ...toDto(unit), ancestors: ancestors.map(toDto) };
  }

  /**
   * Full names ("Xã Tràng Đà") of the given unit codes. Units are reference data, seeded before the API serves
   * and never renamed while it runs, so names are kept in memory once read (hot paths name units on every answer).
   */
  async namesOf(codes: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(codes.filter((c): c is string => !!c))];
    const missing = wanted.filter((c) => !this.names.has(c));
    if (missing.length) {
      const rows = await this.units.find({ where: { code: In(missing) }, select: { code: true, nameWithType: true } });
      for (const r of rows) this.names.set(r.code, r.nameWithType);
    }
    return new Map(wanted.filter((c) => this.names.has(c)).map((c) => [c, this.names.get(c)!]));
  }

  /** Resolves a unit code into jurisdiction codes, or null when there is no such unit (kept in memory, like names). */
  async resolve(code: string): Promise<ResolvedUnit | null> {
    const known = this.resolved.get(code);
    if (known) return known;
    const unit = await this.units.findOneBy({ code });
    if (!unit) return null;
    const resolved = toResolved(unit);
    this.resolved.set(code, resolved);
    return resolved;
  }

  /** Resolves many unit codes at once (bulk imports); unknown codes are absent from the map. */
  async resolveMany(codes: Iterable<string>): Promise<Map<string, ResolvedUnit>> {
    const wanted = [...new Set(codes)];
    const units = wanted.length ? await this.units.findBy({ code: In(wanted) }) : [];
    return new Map(units.map((u) => [u.code, toResolved(u)]));
  }
}

function toResolved(unit: AdminUnit): ResolvedUnit {
  return {
    code: unit.code,
    level: unit.level,
    name: unit.nameWithType,
    provinceCode: unit.provinceCode,
    districtCode: unit.districtCode,
    communeCode: unit.level === 'COMMUNE' ? unit.code : null,
  };
}

function toDto(u: AdminUnit): AdminUnitDto {
  return { code: u.code, name: u.name, nameWithType: u.nameWithType, level: u.level, type: u.type, parentCode: u.parentCode };
}
