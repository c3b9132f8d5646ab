import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../../common/auth/auth-user';
import { conflict, invalid } from '../../../common/errors/domain-error';
import { uuidv7 } from '../../../common/ids';
import { JurisdictionPolicy, scopeColumns } from '../../../common/policy/jurisdiction.policy';
import { AuditService } from '../../audit/audit.service';
import { GeographyService } from '../geography.service';
import { Checkpoint } from './checkpoint.entity';
import type { CheckpointDto, CheckpointListDto, CreateCheckpointDto, UpdateCheckpointDto } from './checkpoints.dto';

const CHECKPOINT_CACHE_MS = 5000;

/** The province's road checkpoints, managed by the provincial police. */
@Injectable()
export class CheckpointsService {
  private readonly recent = new Map<string, { expires: number; checkpoint: Promise<Checkpoint | null> }>();

  constructor(
    @InjectRepository(Checkpoint) private readonly checkpoints: Repository<Checkpoint>,
    private readonly dataSource: DataSource,
    private readonly geography: GeographyService,
    private readonly policy: JurisdictionPolicy,
    private readonly audit: AuditService,
  ) {}

  /** Staff see the checkpoints of their jurisdiction; an officer sees their own. */
  async list(user: AuthUser): Promise<CheckpointListDto> {
    const qb = this.checkpoints.createQueryBuilder('c').orderBy('c.code', 'ASC');
    this.policy.scope(qb, user, scopeColumns('c', { checkpoint: 'c.id' }));
    return { items: await this.toDtos(await qb.getMany()) };
  }

  async get(user: AuthUser, id: string): Promise<Checkpoint> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.checkpoints.findOneBy({ id }) : null;
    return this.policy.assertInScope(user, found ? { ...found, checkpointId: found.id } : null, 'Checkpoint') as Checkpoint;
  }

  async getDto(user: AuthUser, id: string): Promise<CheckpointDto> {
    return (await this.toDtos([await this.get(user, id)]))[0];
  }

  /**
   * For the system (officer provisioning, passages): a checkpoint by id, unscoped. Every scan needs its
   * checkpoint, so it is kept for CHECKPOINT_CACHE_MS; a change made through this process drops it at once,
   * one made through another replica is seen within that time.
   */
  findById(id: string): Promise<Checkpoint | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    const cached = this.recent.get(id);
    if (cached && cached.expires > Date.now()) return cached.checkpoint;
    const checkpoint = this.checkpoints.findOneBy({ id });
    this.recent.set(id, { expires: Date.now() + CHECKPOINT_CACHE_MS, checkpoint });
    checkpoint.catch(() => this.recent.delete(id));
    return checkpoint;
  }

  /** Checkpoints by their short codes (bulk imports name checkpoints by code). */
  async findByCodes(codes: Iterable<string>): Promise<Map<string, Checkpoint>> {
    const wanted = [...new Set(codes)];
    const found = wanted.length ? await this.checkpoints.findBy({ code: In(wanted) }) : [];
    return new Map(found.map((c) => [c.code, c]));
  }

  async create(user: AuthUser, dto: CreateCheckpointDto, ctx: RequestContext): Promise<CheckpointDto> {
    const unit = await this.geography.resolve(dto.unitCode);
    if (!unit || unit.level !== UnitLevel.COMMUNE) throw invalid('unitCode', 'unknown', 'unitCode must be a commune');
    this.policy.assertUnitInScope(user, unit);
    if (await this.checkpoints.existsBy({ code: dto.code })) throw invalid('code', 'unique', 'this checkpoint code is already used');
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Checkpoint, { id, code: dto.code, name: dto.name, unitCode: unit.code, provinceCode: unit.provinceCode, districtCode: unit.districtCode, communeCode: unit.communeCode, road: dto.road, directions: dto.directions, active: true });
      await this.audit.record(ctx, { action: 'checkpoint.create', entityType: 'checkpoint', entityId: id, after: { ...dto }, provinceCode: unit.provinceCode, districtCode: unit.districtCode, communeCode: unit.communeCode }, manager);
    });
    return this.getDto(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateCheckpointDto, ctx: RequestContext): Promise<CheckpointDto> {
    const before = await this.get(user, id);
    if (dto.active === true && before.active) throw conflict('The checkpoint is already active');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Checkpoint, { id }, { ...dto });
      await this.audit.record(ctx, { action: dto.active === false ? 'checkpoint.deactivate' : 'checkpoint.update', entityType: 'checkpoint', entityId: id, before: { name: before.name, road: before.road, directions: before.directions, active: before.active }, after: { ...dto }, provinceCode: before.provinceCode, districtCode: before.districtCode, communeCode: before.communeCode }, manager);
    });
    this.recent.delete(id); // after the commit: a scan in between would cache the old row again
    return this.getDto(user, id);
  }

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const rows = await this.checkpoints.find({ where: { id: In(wanted) }, select: { id: true, name: true } });
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  async toDtos(rows: Checkpoint[]): Promise<CheckpointDto[]> {
    const names = await this.geography.namesOf(rows.map((c) => c.unitCode));
    return rows.map((c) => ({ id: c.id, code: c.code, name: c.name, unitCode: c.unitCode, unitName: names.get(c.unitCode) ?? c.unitCode, districtCode: c.districtCode, road: c.road, directions: c.directions, active: c.active }));
  }
}
