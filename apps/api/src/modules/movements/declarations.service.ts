import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DeclarationSource, ErrorCode, foldVietnamese, PassageSource, Role, SHORT_CODE_ALPHABET, SHORT_CODE_PATTERN, UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { DomainError, invalid, notFound } from '../../common/errors/domain-error';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { uuidv7 } from '../../common/ids';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, vietnamDate } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../accounts/auth.service';
import { AuditService } from '../audit/audit.service';
import { HOME_PROVINCE_CODE } from '../geography/admin-units.seed';
import type { Checkpoint } from '../geography/checkpoints/checkpoint.entity';
import { CheckpointsService } from '../geography/checkpoints/checkpoints.service';
import { GeographyService } from '../geography/geography.service';
import { ZonesService } from '../geography/zones/zones.service';
import { MovementDeclaration } from './declaration.entity';
import type { CreateDeclarationDto, DeclarationDto, DeclarationListDto, PaperDeclarationDto, PassageRecordedDto, PassageViewDto, RecordPassageDto, ScannedDeclarationDto } from './dtos/declaration.dto';
import { Passage } from './passage.entity';
import { assessRisk, parseZoneRisk } from './risk';

const declarationScope = scopeColumns('d', { owner: 'd.declarant_id' });

/** What passed: a declaration (online or paper) or a green-lane pass. */
export interface PassageSubject {
  declarationId?: string;
  greenLaneId?: string;
  source: PassageSource;
}

const subjectOf = (d: MovementDeclaration): PassageSubject => ({ declarationId: d.id, source: d.source });

export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

/** "008090001234" -> "0080*****234": enough for the officer to compare with the card in hand. */
export function maskIdNumber(id: string): string {
  return id.length <= 6 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 7)}${id.slice(-3)}`;
}

/** Movement declarations (online or typed from paper) and the passages recorded at checkpoints. */
@Injectable()
export class DeclarationsService {
  constructor(
    @InjectRepository(MovementDeclaration) private readonly declarations: Repository<MovementDeclaration>,
    @InjectRepository(Passage) private readonly passages: Repository<Passage>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly geography: GeographyService,
    private readonly zones: ZonesService,
    private readonly checkpoints: CheckpointsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** A declaration by a signed-in citizen, by an anonymous person, or typed from paper by an officer. */
  async create(user: AuthUser | undefined, dto: CreateDeclarationDto, ctx: RequestContext, paper?: { officer: AuthUser; manager: EntityManager }): Promise<MovementDeclaration> {
    const today = vietnamDate();
    const identity = dto.forSelf && user?.role === Role.CITIZEN ? await this.auth.citizenIdentity(user.id) : dto.traveller;
    if (!identity) throw invalid('traveller', 'required', 'traveller is required unless a signed-in citizen declares for themself');
    const origin = await this.geography.resolve(dto.originUnitCode);
    if (!origin) throw invalid('originUnitCode', 'unknown', 'originUnitCode is not a known administrative unit');
    const destination = await this.geography.resolve(dto.destinationCommuneCode);
    if (!destination || destination.level !== UnitLevel.COMMUNE || destination.provinceCode !== HOME_PROVINCE_CODE) {
      throw invalid('destinationCommuneCode', 'unknown', 'destinationCommuneCode must be a commune of the province');
    }
    if (dto.travelDate < addDays(today, -1) || dto.travelDate > addDays(today, 30)) throw invalid('travelDate', 'range', 'travelDate must be between yesterday and 30 days ahead');
    if (dto.test && dto.test.date > today) throw invalid('test.date', 'future', 'the test date cannot be in the future');
    if (dto.lastDoseDate && dto.lastDoseDate > today) throw invalid('lastDoseDate', 'future', 'lastDoseDate cannot be in the future');
    if (identity.dateOfBirth > today) throw invalid('traveller.dateOfBirth', 'future', 'dateOfBirth cannot be in the future');
    if (dto.plannedCheckpointId && !(await this.checkpoints.findById(dto.plannedCheckpointId))) throw invalid('plannedCheckpointId', 'unknown', 'plannedCheckpointId is not a known checkpoint');
    const originZoneLevel = await this.zones.levelOn(origin, dto.travelDate);
    const risk = assessRisk(
      { originZoneLevel, symptoms: dto.symptoms, contactWithCase: dto.contactWithCase, stayedInZone: dto.stayedInZone, vaccineDoses: dto.vaccineDoses, test: dto.test ? { date: dto.test.date, result: dto.test.result } : null, travelDate: dto.travelDate },
      parseZoneRisk(this.config.ZONE_RISK),
    );
    const row: Partial<MovementDeclaration> = {
      qrToken: randomBytes(16).toString('base64url'),
      source: paper ? DeclarationSource.PAPER : DeclarationSource.ONLINE,
      declarantId: user?.role === Role.CITIZEN ? user.id : null,
      enteredBy: paper?.officer.id ?? null,
      fullName: identity.fullName,
      fullNameFolded: foldVietnamese(identity.fullName),
      idNumber: identity.idNumber,
      dateOfBirth: identity.dateOfBirth,
      gender: identity.gender,
      phone: identity.phone ?? null,
      nationality: ('nationality' in identity && identity.nationality) || 'VN',
      originUnitCode: origin.code,
      originProvinceCode: origin.provinceCode,
      originDistrictCode: origin.districtCode,
      originAddress: dto.originAddress,
      provinceCode: destination.provinceCode,
      districtCode: destination.districtCode,
      communeCode: destination.communeCode,
      destinationAddress: dto.destinationAddress,
      travelDate: dto.travelDate,
      transportMode: dto.transportMode,
      vehiclePlate: dto.vehiclePlate ?? null,
      purpose: dto.purpose,
      plannedCheckpointId: dto.plannedCheckpointId ?? null,
      symptoms: dto.symptoms,
      contactWithCase: dto.contactWithCase,
      stayedInZone: dto.stayedInZone,
      vaccineDoses: dto.vaccineDoses,
      lastDoseDate: dto.lastDoseDate ?? null,
      testType: dto.test?.type ?? null,
      testDate: dto.test?.date ?? null,
      testResult: dto.test?.result ?? null,
      riskLevel: risk.level,
      riskReasons: risk.reasons,
      originZoneLevel,
      validUntil: new Date(Date.now() + this.config.DECLARATION_VALID_HOURS * 3600_000),
    };
    const insert = async (manager: EntityManager) => {
      // The short code is random: on a collision (rare) the insert writes nothing and is tried with a new code.
      for (let attempt = 0; ; attempt++) {
        const declaration = manager.create(MovementDeclaration, { ...row, id: uuidv7(), shortCode: newShortCode() });
        const result = await manager.createQueryBuilder().insert().into(MovementDeclaration).values(declaration).orIgnore().returning('created_at').updateEntity(false).execute();
        const inserted = (result.raw as { created_at: Date }[])[0];
        if (!inserted) {
          if (attempt >= 4) throw new Error('could not draw a free short code');
          continue;
        }
        declaration.createdAt = inserted.created_at;
        await this.audit.record(ctx, { action: `declaration.${paper ? 'paper' : 'submit'}`, entityType: 'movement_declaration', entityId: declaration.id, after: { source: row.source, riskLevel: risk.level, travelDate: dto.travelDate }, provinceCode: row.provinceCode, districtCode: row.districtCode, communeCode: row.communeCode, ...(user ? {} : { actorId: null, actorRole: null }) }, manager);
        return declaration;
      }
    };
    return paper ? insert(paper.manager) : this.dataSource.transaction(insert);
  }

  async list(user: AuthUser, limit = 50, cursor?: string): Promise<DeclarationListDto> {
    const offset = decodeOffset(cursor);
    const qb = this.declarations.createQueryBuilder('d');
    this.policy.scope(qb, user, declarationScope);
    const total = await qb.clone().getCount();
    const rows = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').offset(offset).limit(limit + 1).getMany();
    const { items, nextCursor } = page(rows, offset, limit);
    return { items: await this.toDtos(items), nextCursor, total };
  }

  async get(user: AuthUser, id: string): Promise<DeclarationDto> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.declarations.findOneBy({ id }) : null;
    const d = this.policy.assertInScope(user, found ? { ...found, ownerId: found.declarantId } : null, 'Declaration') as MovementDeclaration;
    return (await this.toDtos([d]))[0];
  }

  /** A declaration by its QR token or short code: an officer's capability, not the subtree rule. */
  async findByCode(code: string): Promise<MovementDeclaration> {
    const normalised = code.trim();
    const short = normalised.toUpperCase().replace(/[\s-]/g, '');
    const found = SHORT_CODE_PATTERN.test(short) ? await this.declarations.findOneBy({ shortCode: short }) : /^[A-Za-z0-9_-]{16,43}$/.test(normalised) ? await this.declarations.findOneBy({ qrToken: normalised }) : null;
    if (!found) throw notFound('Declaration');
    return found;
  }

  async scan(code: string): Promise<ScannedDeclarationDto> {
    const d = await this.findByCode(code);
    return this.scanned(d);
  }

  async scanned(d: MovementDeclaration): Promise<ScannedDeclarationDto> {
    const [dto] = await this.toDtos([d]);
    return { ...dto, idNumber: maskIdNumber(d.idNumber), passages: await this.recentPassages(d.id) };
  }

  /** The declaration's last 20 passages with their checkpoints' names, in one query (the scan answer shows them). */
  private async recentPassages(declarationId: string): Promise<PassageViewDto[]> {
    const rows: { id: string; checkpoint_id: string; checkpoint_name: string | null; direction: Passage['direction']; outcome: Passage['outcome']; source: Passage['source']; recorded_at: Date }[] = await this.dataSource.query(
      `SELECT p.id, p.checkpoint_id, c.name AS checkpoint_name, p.direction, p.outcome, p.source, p.recorded_at
         FROM passages p LEFT JOIN checkpoints c ON c.id = p.checkpoint_id
        WHERE p.declaration_id = $1 ORDER BY p.recorded_at DESC LIMIT 20`,
      [declarationId],
    );
    return rows.map((p) => ({ id: p.id, checkpointId: p.checkpoint_id, checkpointName: p.checkpoint_name ?? '', direction: p.direction, outcome: p.outcome, source: p.source, recordedAt: p.recorded_at.toISOString() }));
  }

  private async ownCheckpoint(officer: AuthUser, checkpointId: string): Promise<Checkpoint> {
    this.policy.assertOwnCheckpoint(officer, checkpointId);
    const checkpoint = await this.checkpoints.findById(checkpointId);
    if (!checkpoint || !checkpoint.active) throw new DomainError(ErrorCode.CONFLICT, 'This checkpoint is not active');
    return checkpoint;
  }

  private assertDirection(checkpoint: Checkpoint, direction: string): void {
    if (!checkpoint.directions.includes(direction as never)) throw invalid('direction', 'not_at_checkpoint', `this checkpoint records ${checkpoint.directions.join(', ')} only`);
  }

  /** Records a passage of a scanned or typed declaration at the officer's own checkpoint. */
  async recordPassage(officer: AuthUser, checkpointId: string, dto: RecordPassageDto, ctx: RequestContext): Promise<PassageRecordedDto> {
    const checkpoint = await this.ownCheckpoint(officer, checkpointId);
    this.assertDirection(checkpoint, dto.direction);
    const declaration = await this.findByCode(dto.code);
    const recordedAt = this.recordedAt(dto.recordedAt);
    if (declaration.validUntil < recordedAt) {
      throw new DomainError(ErrorCode.DECLARATION_EXPIRED, `The declaration expired on ${declaration.validUntil.toISOString()}; the person must declare again`, [{ field: 'code', code: 'expired', message: 'declaration expired' }]);
    }
    const passage = await this.dataSource.transaction((manager) => this.insertPassage(manager, officer, checkpoint, subjectOf(declaration), dto, recordedAt, ctx));
    return { passage: passageView(passage, checkpoint), declaration: await this.scanned(declaration) };
  }

  /** Records one passage per declaration (a bus's passengers) in one transaction at the officer's own checkpoint. */
  async recordMany(officer: AuthUser, checkpointId: string, items: { declaration: MovementDeclaration; outcome: RecordPassageDto['outcome'] }[], dto: Pick<RecordPassageDto, 'direction' | 'recordedAt'>, ctx: RequestContext): Promise<PassageViewDto[]> {
    const checkpoint = await this.ownCheckpoint(officer, checkpointId);
    this.assertDirection(checkpoint, dto.direction);
    const recordedAt = this.recordedAt(dto.recordedAt);
    const passages = await this.dataSource.transaction(async (manager) => {
      const created: Passage[] = [];
      for (const item of items) created.push(await this.insertPassage(manager, officer, checkpoint, subjectOf(item.declaration), { direction: dto.direction, outcome: item.outcome }, recordedAt, ctx));
      return created;
    });
    return this.passageDtos(passages);
  }

  /** Records a passage of another kind of subject (a green-lane pass) at the officer's own checkpoint. */
  async recordSubjectPassage(officer: AuthUser, checkpointId: string, subject: PassageSubject, dto: Pick<RecordPassageDto, 'direction' | 'outcome' | 'recordedAt'>, ctx: RequestContext): Promise<PassageViewDto> {
    const checkpoint = await this.ownCheckpoint(officer, checkpointId);
    this.assertDirection(checkpoint, dto.direction);
    const recordedAt = this.recordedAt(dto.recordedAt);
    const passage = await this.dataSource.transaction((manager) => this.insertPassage(manager, officer, checkpoint, subject, dto, recordedAt, ctx));
    return (await this.passageDtos([passage]))[0];
  }

  /** A paper declaration typed at the checkpoint and its passage, in one step. */
  async recordPaper(officer: AuthUser, checkpointId: string, dto: PaperDeclarationDto, ctx: RequestContext): Promise<PassageRecordedDto> {
    const checkpoint = await this.ownCheckpoint(officer, checkpointId);
    this.assertDirection(checkpoint, dto.direction);
    const recordedAt = this.recordedAt(dto.recordedAt);
    const { direction, outcome, recordedAt: _ignored, ...declarationFields } = dto;
    const { passage, declaration } = await this.dataSource.transaction(async (manager) => {
      const created = await this.create(undefined, { ...declarationFields, forSelf: false }, ctx, { officer, manager });
      return { declaration: created, passage: await this.insertPassage(manager, officer, checkpoint, subjectOf(created), { direction, outcome }, recordedAt, ctx) };
    });
    return { passage: (await this.passageDtos([passage]))[0], declaration: await this.scanned(declaration) };
  }

  private recordedAt(value: string | undefined): Date {
    if (!value) return new Date();
    const at = new Date(value);
    // A queued scan may arrive hours later, but never from the future or older than two days.
    if (Number.isNaN(at.getTime()) || at.getTime() > Date.now() + 5 * 60_000 || at.getTime() < Date.now() - 48 * 3600_000) throw invalid('recordedAt', 'range', 'recordedAt must be within the last 48 hours');
    return at;
  }

  private async insertPassage(manager: EntityManager, officer: AuthUser, checkpoint: Checkpoint, subject: PassageSubject, dto: Pick<RecordPassageDto, 'direction' | 'outcome' | 'note'>, recordedAt: Date, ctx: RequestContext): Promise<Passage> {
    const id = uuidv7();
    // insert() returns received_at into the entity: no re-select.
    const passage = manager.create(Passage, {
      id,
      checkpointId: checkpoint.id,
      officerId: officer.id,
      declarationId: subject.declarationId ?? null,
      greenLaneId: subject.greenLaneId ?? null,
      direction: dto.direction,
      outcome: dto.outcome,
      source: subject.source,
      recordedAt,
      note: dto.note ?? null,
      provinceCode: checkpoint.provinceCode,
      districtCode: checkpoint.districtCode,
      communeCode: checkpoint.communeCode,
    });
    await manager.insert(Passage, passage);
    await this.audit.record(ctx, { action: 'passage.record', entityType: 'passage', entityId: id, after: { checkpointId: checkpoint.id, ...subject, direction: dto.direction, outcome: dto.outcome }, provinceCode: checkpoint.provinceCode, districtCode: checkpoint.districtCode, communeCode: checkpoint.communeCode }, manager);
    return passage;
  }

  /** Passages at a checkpoint in a period, with the shift summary (by outcome and by declaration kind). */
  async checkpointPassages(user: AuthUser, checkpointId: string, from: Date, to: Date): Promise<{ items: PassageViewDto[]; byOutcome: Record<string, number>; bySource: Record<string, number> }> {
    await this.checkpoints.get(user, checkpointId);
    const rows = await this.passages.createQueryBuilder('p').where('p.checkpoint_id = :checkpointId AND p.recorded_at >= :from AND p.recorded_at < :to', { checkpointId, from, to }).orderBy('p.recorded_at', 'DESC').take(2000).getMany();
    const count = (key: 'outcome' | 'source') => rows.reduce<Record<string, number>>((acc, p) => ((acc[p[key]] = (acc[p[key]] ?? 0) + 1), acc), {});
    return { items: await this.passageDtos(rows), byOutcome: count('outcome'), bySource: count('source') };
  }

  private async passageDtos(rows: Passage[]): Promise<PassageViewDto[]> {
    const names = await this.checkpoints.namesOf(rows.map((p) => p.checkpointId));
    return rows.map((p) => passageView(p, { name: names.get(p.checkpointId) ?? '' }));
  }

  async toDtos(rows: MovementDeclaration[]): Promise<DeclarationDto[]> {
    const names = await this.geography.namesOf(rows.flatMap((d) => [d.originUnitCode, d.communeCode]));
    const now = new Date();
    return rows.map((d) => ({
      id: d.id,
      shortCode: d.shortCode,
      qrToken: d.qrToken,
      source: d.source,
      fullName: d.fullName,
      idNumber: d.idNumber,
      dateOfBirth: d.dateOfBirth,
      gender: d.gender,
      phone: d.phone,
      nationality: d.nationality,
      originUnitCode: d.originUnitCode,
      originName: names.get(d.originUnitCode) ?? d.originUnitCode,
      originAddress: d.originAddress,
      destinationCommuneCode: d.communeCode,
      destinationName: d.communeCode ? (names.get(d.communeCode) ?? d.communeCode) : '',
      destinationAddress: d.destinationAddress,
      travelDate: d.travelDate,
      transportMode: d.transportMode,
      vehiclePlate: d.vehiclePlate,
      purpose: d.purpose,
      symptoms: d.symptoms,
      contactWithCase: d.contactWithCase,
      stayedInZone: d.stayedInZone,
      vaccineDoses: d.vaccineDoses,
      lastDoseDate: d.lastDoseDate,
      test: d.testType && d.testDate && d.testResult ? { type: d.testType, date: d.testDate, result: d.testResult } : null,
      riskLevel: d.riskLevel,
      riskReasons: d.riskReasons,
      originZoneLevel: d.originZoneLevel,
      validUntil: d.validUntil.toISOString(),
      valid: d.validUntil > now,
      createdAt: d.createdAt.toISOString(),
    }));
  }
}

function passageView(p: Passage, checkpoint: { name: string }): PassageViewDto {
  return { id: p.id, checkpointId: p.checkpointId, checkpointName: checkpoint.name, direction: p.direction, outcome: p.outcome, source: p.source, recordedAt: p.recordedAt.toISOString() };
}
