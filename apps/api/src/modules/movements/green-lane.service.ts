import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { ErrorCode, GreenLaneStatus, PassageSource, SHORT_CODE_PATTERN } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { conflict, DomainError, invalid, notFound } from '../../common/errors/domain-error';
import { uuidv7 } from '../../common/ids';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { daysBetween, vietnamDate } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { HOME_PROVINCE_CODE } from '../geography/admin-units.seed';
import { GeographyService } from '../geography/geography.service';
import { DeclarationsService, maskIdNumber, newShortCode } from './declarations.service';
import type { GreenLaneDto, GreenLaneListDto, GreenLanePassageDto, GreenLanePassageRecordedDto, GreenLaneQueryDto, RegisterGreenLaneDto } from './dtos/green-lane.dto';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { GreenLaneVehicle } from './green-lane.entity';

/** Green-lane vehicle registrations: submitted by drivers or companies, approved by the Department of Transport. */
@Injectable()
export class GreenLaneService {
  constructor(
    @InjectRepository(GreenLaneVehicle) private readonly vehicles: Repository<GreenLaneVehicle>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly geography: GeographyService,
    private readonly declarations: DeclarationsService,
    private readonly audit: AuditService,
  ) {}

  async register(user: AuthUser, dto: RegisterGreenLaneDto, ctx: RequestContext): Promise<GreenLaneDto> {
    const [origin, destination] = await Promise.all([this.geography.resolve(dto.originUnitCode), this.geography.resolve(dto.destinationUnitCode)]);
    if (!origin) throw invalid('originUnitCode', 'unknown', 'originUnitCode is not a known unit');
    if (!destination) throw invalid('destinationUnitCode', 'unknown', 'destinationUnitCode is not a known unit');
    if (dto.validTo < dto.validFrom) throw invalid('validTo', 'before_from', 'validTo must not be before validFrom');
    if (daysBetween(dto.validFrom, dto.validTo) > 30) throw invalid('validTo', 'too_long', 'a pass is valid for at most 30 days');
    if (dto.validFrom < vietnamDate()) throw invalid('validFrom', 'past', 'validFrom cannot be in the past');
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(GreenLaneVehicle, {
        id,
        status: GreenLaneStatus.PENDING,
        ownerId: user.id,
        plate: dto.plate.replace(/[\s.-]/g, ''),
        vehicleType: dto.vehicleType,
        ownerName: dto.owner,
        ownerPhone: dto.ownerPhone,
        drivers: dto.drivers.map((d) => ({ fullName: d.fullName, idNumber: d.idNumber, phone: d.phone })),
        originUnitCode: origin.code,
        destinationUnitCode: destination.code,
        cargo: dto.cargo,
        validFrom: dto.validFrom,
        validTo: dto.validTo,
        shortCode: newShortCode(),
        qrToken: randomBytes(16).toString('base64url'),
        // The province's Department of Transport reviews every registration.
        provinceCode: HOME_PROVINCE_CODE,
        districtCode: null,
        communeCode: null,
      });
      await this.audit.record(ctx, { action: 'green_lane.register', entityType: 'green_lane', entityId: id, after: { plate: dto.plate, validFrom: dto.validFrom, validTo: dto.validTo }, provinceCode: HOME_PROVINCE_CODE }, manager);
    });
    return this.get(user, id);
  }

  async list(user: AuthUser, query: GreenLaneQueryDto): Promise<GreenLaneListDto> {
    const limit = query.limit ?? 50;
    const offset = decodeOffset(query.cursor);
    const qb = this.vehicles.createQueryBuilder('g').orderBy('g.created_at', 'DESC').addOrderBy('g.id', 'DESC');
    this.policy.scope(qb, user, scopeColumns('g', { owner: 'g.owner_id' }));
    if (query.status) qb.andWhere('g.status = :status', { status: query.status });
    const [rows, total] = await qb.skip(offset).take(limit + 1).getManyAndCount();
    const { items, nextCursor } = page(rows, offset, limit);
    return { items: await this.toDtos(items), nextCursor, total };
  }

  private async find(user: AuthUser, id: string): Promise<GreenLaneVehicle> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.vehicles.findOneBy({ id }) : null;
    return this.policy.assertInScope(user, found ? { ...found, ownerId: found.ownerId } : null, 'Green-lane registration') as GreenLaneVehicle;
  }

  async get(user: AuthUser, id: string): Promise<GreenLaneDto> {
    return (await this.toDtos([await this.find(user, id)]))[0];
  }

  /** approve: PENDING -> APPROVED; reject: PENDING -> REJECTED; revoke: APPROVED -> REVOKED. */
  async review(user: AuthUser, id: string, action: 'approve' | 'reject' | 'revoke', reason: string | null, ctx: RequestContext): Promise<GreenLaneDto> {
    await this.find(user, id);
    const [from, to] = action === 'revoke' ? [GreenLaneStatus.APPROVED, GreenLaneStatus.REVOKED] : [GreenLaneStatus.PENDING, action === 'approve' ? GreenLaneStatus.APPROVED : GreenLaneStatus.REJECTED];
    await this.dataSource.transaction(async (manager) => {
      const v = await manager.findOneOrFail(GreenLaneVehicle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (v.status !== from) throw conflict(`The registration is ${v.status}; only a ${from} one can be ${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'revoked'}`);
      await manager.update(GreenLaneVehicle, { id }, { status: to, rejectionReason: reason, reviewedBy: user.id, reviewedAt: new Date() });
      await this.audit.record(ctx, { action: `green_lane.${action}`, entityType: 'green_lane', entityId: id, before: { status: from }, after: { status: to, reason }, provinceCode: v.provinceCode }, manager);
    });
    return this.get(user, id);
  }

  private async findByCode(code: string): Promise<GreenLaneVehicle> {
    const short = code.trim().toUpperCase().replace(/[\s-]/g, '');
    const found = SHORT_CODE_PATTERN.test(short) ? await this.vehicles.findOneBy({ shortCode: short }) : /^[A-Za-z0-9_-]{16,43}$/.test(code.trim()) ? await this.vehicles.findOneBy({ qrToken: code.trim() }) : null;
    // A pass exists for checkpoints only once approved.
    if (!found || found.status === GreenLaneStatus.PENDING || found.status === GreenLaneStatus.REJECTED) throw notFound('Green-lane pass');
    return found;
  }

  /** A checkpoint officer checks a pass by QR or short code; drivers' ID numbers masked. */
  async lookup(code: string): Promise<GreenLaneDto> {
    const [dto] = await this.toDtos([await this.findByCode(code)]);
    return { ...dto, drivers: dto.drivers.map((d) => ({ ...d, idNumber: maskIdNumber(d.idNumber) })) };
  }

  async recordPassage(officer: AuthUser, checkpointId: string, dto: GreenLanePassageDto, ctx: RequestContext): Promise<GreenLanePassageRecordedDto> {
    const pass = await this.findByCode(dto.code);
    const [view] = await this.toDtos([pass]);
    if (!view.valid) throw new DomainError(ErrorCode.CONFLICT, `This green-lane pass is not valid (${pass.status}, ${pass.validFrom} to ${pass.validTo})`, [{ field: 'code', code: 'not_valid', message: 'green-lane pass not valid today' }]);
    const passage = await this.declarations.recordSubjectPassage(officer, checkpointId, { greenLaneId: pass.id, source: PassageSource.GREEN_LANE }, dto, ctx);
    return { passage, pass: await this.lookup(dto.code) };
  }

  private async toDtos(rows: GreenLaneVehicle[]): Promise<GreenLaneDto[]> {
    const names = await this.geography.namesOf(rows.flatMap((v) => [v.originUnitCode, v.destinationUnitCode]));
    const today = vietnamDate();
    return rows.map((v) => {
      const approved = v.status === GreenLaneStatus.APPROVED;
      return {
        id: v.id,
        status: v.status,
        plate: v.plate,
        vehicleType: v.vehicleType,
        owner: v.ownerName,
        ownerPhone: v.ownerPhone,
        drivers: v.drivers,
        originUnitCode: v.originUnitCode,
        originName: names.get(v.originUnitCode) ?? v.originUnitCode,
        destinationUnitCode: v.destinationUnitCode,
        destinationName: names.get(v.destinationUnitCode) ?? v.destinationUnitCode,
        cargo: v.cargo,
        validFrom: v.validFrom,
        validTo: v.validTo,
        qrToken: approved || v.status === GreenLaneStatus.REVOKED ? v.qrToken : null,
        shortCode: approved || v.status === GreenLaneStatus.REVOKED ? v.shortCode : null,
        valid: approved && today >= v.validFrom && today <= v.validTo,
        rejectionReason: v.rejectionReason,
        reviewedAt: v.reviewedAt?.toISOString() ?? null,
        createdAt: v.createdAt.toISOString(),
      };
    });
  }
}

