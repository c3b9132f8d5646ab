import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role, UnitLevel } from '@cordon/contracts';
import type { AuthUser } from '../auth/auth-user';
import { forbidden, notFound } from '../errors/domain-error';

/** The jurisdiction codes a record carries (denormalised), and its owner for citizens' own records. */
export interface Jurisdictional {
  provinceCode: string | null;
  districtCode: string | null;
  communeCode: string | null;
  checkpointId?: string | null;
  ownerId?: string | null;
}

/** Column names of those codes in a query (qualified with the alias). */
export interface ScopeColumns {
  province: string;
  district: string;
  commune: string;
  checkpoint?: string;
  owner?: string;
}

export const scopeColumns = (alias: string, extra: Partial<ScopeColumns> = {}): ScopeColumns => ({
  province: `${alias}.province_code`,
  district: `${alias}.district_code`,
  commune: `${alias}.commune_code`,
  ...extra,
});

/**
 * The one jurisdiction rule (DESIGN.md section 1 and 8), used by every module:
 * staff see the subtree of their unit (or their checkpoint), citizens their own records,
 * a record without jurisdiction codes is visible to province roles only, and an account without a
 * jurisdiction sees nothing (fail closed). Out-of-scope records are reported as not found.
 */
@Injectable()
export class JurisdictionPolicy {
  /** Narrows a query to the caller's jurisdiction. */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, cols: ScopeColumns): SelectQueryBuilder<T> {
    const { sql, params } = this.condition(user, cols);
    return qb.andWhere(sql, params);
  }

  condition(user: AuthUser, cols: ScopeColumns): { sql: string; params: Record<string, unknown> } {
    if (user.role === Role.CITIZEN) {
      return cols.owner ? { sql: `${cols.owner} = :scopeOwner`, params: { scopeOwner: user.id } } : { sql: '1 = 0', params: {} };
    }
    if (user.unitLevel === UnitLevel.PROVINCE && user.provinceCode) {
      return { sql: `(${cols.province} = :scopeProvince OR ${cols.province} IS NULL)`, params: { scopeProvince: user.provinceCode } };
    }
    if (user.unitLevel === UnitLevel.DISTRICT && user.districtCode) {
      return { sql: `${cols.district} = :scopeDistrict`, params: { scopeDistrict: user.districtCode } };
    }
    if (user.unitLevel === UnitLevel.COMMUNE && user.communeCode) {
      return { sql: `${cols.commune} = :scopeCommune`, params: { scopeCommune: user.communeCode } };
    }
    if (user.checkpointId && cols.checkpoint) {
      return { sql: `${cols.checkpoint} = :scopeCheckpoint`, params: { scopeCheckpoint: user.checkpointId } };
    }
    return { sql: '1 = 0', params: {} };
  }

  /**
   * The same rule as `condition()`, as conditions that never overlap and whose union is the caller's
   * jurisdiction, each an equality an index can lead with: a province official's records are those of the
   * province and those without a province (two index scans instead of one OR that no index orders).
   */
  conditions(user: AuthUser, cols: ScopeColumns): { sql: string; params: Record<string, unknown> }[] {
    if (user.role !== Role.CITIZEN && user.unitLevel === UnitLevel.PROVINCE && user.provinceCode) {
      return [
        { sql: `${cols.province} = :scopeProvince`, params: { scopeProvince: user.provinceCode } },
        { sql: `${cols.province} IS NULL`, params: {} },
      ];
    }
    return [this.condition(user, cols)];
  }

  isInScope(user: AuthUser, record: Jurisdictional): boolean {
    if (user.role === Role.CITIZEN) return !!record.ownerId && record.ownerId === user.id;
    if (user.unitLevel === UnitLevel.PROVINCE && user.provinceCode) return record.provinceCode === user.provinceCode || record.provinceCode === null;
    if (user.unitLevel === UnitLevel.DISTRICT && user.districtCode) return record.districtCode === user.districtCode;
    if (user.unitLevel === UnitLevel.COMMUNE && user.communeCode) return record.communeCode === user.communeCode;
    if (user.checkpointId) return !!record.checkpointId && record.checkpointId === user.checkpointId;
    return false;
  }

  /** 404 (so nothing leaks) unless the record is inside the caller's jurisdiction. */
  assertInScope<T extends Jurisdictional>(user: AuthUser, record: T | null | undefined, what = 'Record'): T {
    if (!record || !this.isInScope(user, record)) throw notFound(what);
    return record;
  }

  /** Checkpoint officers act only at their own checkpoint (looking up any declaration by code is a separate capability). */
  assertOwnCheckpoint(user: AuthUser, checkpointId: string): void {
    if (!user.checkpointId || user.checkpointId !== checkpointId) throw forbidden('Officers record passages only at their own checkpoint');
  }

  /** 403 when a command names a unit outside the caller's jurisdiction. */
  assertUnitInScope(user: AuthUser, unit: { provinceCode: string | null; districtCode: string | null; communeCode: string | null }): void {
    if (user.role === Role.CITIZEN || !this.isInScope(user, { ...unit })) throw forbidden('That unit is outside your jurisdiction');
  }
}
