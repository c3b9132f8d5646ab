import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Not, Repository } from 'typeorm';
import { AccountStatus, ErrorCode, foldVietnamese, JURISDICTION_LEVEL_OF_ROLE, Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { DomainError, forbidden, invalid } from '../../common/errors/domain-error';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { AppConfig } from '../../config/app-config';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { CheckpointsService } from '../geography/checkpoints/checkpoints.service';
import { GeographyService } from '../geography/geography.service';
import { auditView, toAccountDto } from './account.mapper';
import type { AccountDto, AccountListDto, AccountQueryDto, CitizenActivationDto, CreateAccountDto, ProvisionedAccountDto, UpdateAccountDto } from './dtos/account.dto';
import { PasswordService } from './password.service';
import { assertMayProvision, type Jurisdiction, jurisdictionOf, mayProvision, pendingAccount, PROVISIONABLE } from './provisioning';
import { TokenService } from './token.service';
import { User } from './user.entity';

interface Cursor {
  c: string;
  i: string;
}
const encodeCursor = (u: User) => Buffer.from(JSON.stringify({ c: u.createdAt.toISOString(), i: u.id } satisfies Cursor)).toString('base64url');
function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor;
    if (typeof parsed.c === 'string' && typeof parsed.i === 'string' && !Number.isNaN(Date.parse(parsed.c))) return parsed;
  } catch {
    // fall through to the validation error
  }
  throw invalid('cursor', 'invalid', 'cursor is not valid');
}

/** Staff accounts: provisioning with one-time activation codes, locking, re-scoping; every change audited. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly geography: GeographyService,
    private readonly checkpoints: CheckpointsService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async list(caller: AuthUser, query: AccountQueryDto): Promise<AccountListDto> {
    const limit = query.limit ?? 50;
    const qb = this.users.createQueryBuilder('u').where('u.role <> :citizen', { citizen: Role.CITIZEN });
    this.policy.scope(qb, caller, scopeColumns('u'));
    this.restrictToProvisionable(qb, caller);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.neverSignedIn) qb.andWhere('u.last_login_at IS NULL');
    if (query.locked) qb.andWhere(`(u.status = 'LOCKED' OR u.locked_until > now())`);
    if (query.unitCode) {
      qb.andWhere(new Brackets((w) => w.where('u.unit_code = :unit').orWhere('u.district_code = :unit').orWhere('u.commune_code = :unit').orWhere('u.province_code = :unit')), { unit: query.unitCode });
    }
    if (query.q?.trim()) {
      const term = `%${foldVietnamese(query.q).replace(/[%_\\]/g, (c) => '\\' + c)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.full_name_folded LIKE :term').orWhere('u.username LIKE :term').orWhere('u.phone LIKE :term')), { term });
    }
    const total = await qb.clone().getCount();
    if (query.cursor) {
      const { c, i } = decodeCursor(query.cursor);
      qb.andWhere('(u.created_at, u.id) < (:cc, :ci)', { cc: c, ci: i });
    }
    const rows = await qb.orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const names = await this.geography.namesOf(page.map((u) => u.unitCode));
    return { items: page.map((u) => toAccountDto(u, names)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null, total };
  }

  private restrictToProvisionable(qb: ReturnType<Repository<User>['createQueryBuilder']>, caller: AuthUser): void {
    const roles = PROVISIONABLE[caller.role] ?? [];
    qb.andWhere('u.role IN (:...manageable)', { manageable: roles.length ? roles : ['-'] });
  }

  async get(caller: AuthUser, id: string): Promise<AccountDto> {
    const user = await this.findManageable(caller, id);
    return this.dto(user);
  }

  async create(caller: AuthUser, dto: CreateAccountDto, ctx: RequestContext): Promise<ProvisionedAccountDto> {
    assertMayProvision(caller, dto.role);
    if (dto.role === Role.CHECKPOINT_OFFICER && !dto.agency) throw invalid('agency', 'required', 'agency is required for checkpoint officers');
    const jurisdiction = await this.resolveJurisdiction(caller, dto.role, dto.unitCode, dto.checkpointId);
    const { code, hash } = this.passwords.newActivationCode();
    const activationExpiresAt = this.activationExpiry();
    const user = await this.dataSource.transaction(async (manager) => {
      const entity = manager.create(User, pendingAccount(dto, jurisdiction, { hash, expiresAt: activationExpiresAt }, caller.id));
      await manager.insert(User, entity);
      await this.audit.record(ctx, { action: 'account.create', entityType: 'user', entityId: entity.id, after: auditView(entity), ...this.codesOf(entity) }, manager);
      return manager.findOneByOrFail(User, { id: entity.id });
    });
    return { account: await this.dto(user), activationCode: code, activationExpiresAt: activationExpiresAt.toISOString() };
  }

  async update(caller: AuthUser, id: string, dto: UpdateAccountDto, ctx: RequestContext): Promise<AccountDto> {
    const user = await this.findManageable(caller, id);
    const before = auditView(user);
    const rescoping = (dto.role !== undefined && dto.role !== user.role) || (dto.unitCode !== undefined && dto.unitCode !== user.unitCode) || (dto.checkpointId !== undefined && dto.checkpointId !== user.checkpointId);
    if (rescoping) {
      if (user.id === caller.id) throw forbidden('Nobody changes their own role or jurisdiction');
      const role = dto.role ?? user.role;
      assertMayProvision(caller, role);
      const unitChanged = dto.unitCode !== undefined || dto.role !== undefined;
      Object.assign(user, await this.resolveJurisdiction(caller, role, unitChanged ? (dto.unitCode ?? user.unitCode ?? undefined) : undefined, dto.checkpointId ?? user.checkpointId ?? undefined), { role });
    }
    if (dto.fullName !== undefined) Object.assign(user, { fullName: dto.fullName, fullNameFolded: foldVietnamese(dto.fullName) });
    if (dto.title !== undefined) user.title = dto.title || null;
    if (dto.agency !== undefined) user.agency = user.role === Role.CHECKPOINT_OFFICER ? dto.agency : null;
    if (dto.phone !== undefined) user.phone = dto.phone || null;
    if (dto.email !== undefined) user.email = dto.email?.toLowerCase() || null;
    await this.dataSource.transaction(async (manager) => {
      await manager.save(User, user);
      if (rescoping) await this.endSessions(user, manager);
      await this.audit.record(ctx, { action: rescoping ? 'account.rescope' : 'account.update', entityType: 'user', entityId: user.id, before, after: auditView(user), ...this.codesOf(user) }, manager);
    });
    return this.dto(user);
  }

  async lock(caller: AuthUser, id: string, ctx: RequestContext): Promise<AccountDto> {
    return this.transition(caller, id, ctx, 'account.lock', (u) => {
      if (u.status === AccountStatus.DEACTIVATED) throw new DomainError(ErrorCode.CONFLICT, 'A deactivated account cannot be locked');
      if (u.status === AccountStatus.LOCKED) throw new DomainError(ErrorCode.CONFLICT, 'The account is already locked');
      u.status = AccountStatus.LOCKED;
      return true;
    });
  }

  async unlock(caller: AuthUser, id: string, ctx: RequestContext): Promise<AccountDto> {
    return this.transition(caller, id, ctx, 'account.unlock', (u) => {
      const temporarilyLocked = !!u.lockedUntil && u.lockedUntil > new Date();
      if (u.status !== AccountStatus.LOCKED && !temporarilyLocked) throw new DomainError(ErrorCode.CONFLICT, 'The account is not locked');
      if (u.status === AccountStatus.LOCKED) u.status = u.passwordHash ? AccountStatus.ACTIVE : AccountStatus.PENDING_ACTIVATION;
      u.lockedUntil = null;
      u.failedLogins = 0;
      return false;
    });
  }

  async deactivate(caller: AuthUser, id: string, ctx: RequestContext): Promise<AccountDto> {
    return this.transition(caller, id, ctx, 'account.deactivate', (u) => {
      if (u.status === AccountStatus.DEACTIVATED) throw new DomainError(ErrorCode.CONFLICT, 'The account is already deactivated');
      u.status = AccountStatus.DEACTIVATED;
      u.activationCodeHash = null;
      u.activationExpiresAt = null;
      return true;
    });
  }

  /** A new one-time activation code; the old password stops working and every session ends. */
  async resetPassword(caller: AuthUser, id: string, ctx: RequestContext): Promise<ProvisionedAccountDto> {
    const { code, hash } = this.passwords.newActivationCode();
    const activationExpiresAt = this.activationExpiry();
    const account = await this.transition(caller, id, ctx, 'account.reset_password', (u) => {
      if (u.status === AccountStatus.DEACTIVATED) throw new DomainError(ErrorCode.CONFLICT, 'A deactivated account cannot be reset');
      u.status = AccountStatus.PENDING_ACTIVATION;
      u.passwordHash = null;
      u.activationCodeHash = hash;
      u.activationExpiresAt = activationExpiresAt;
      u.lockedUntil = null;
      u.failedLogins = 0;
      return true;
    });
    return { account, activationCode: code, activationExpiresAt: activationExpiresAt.toISOString() };
  }

  /**
   * A citizen who lost their password and has no e-mail or SMS comes to the commune with their ID card:
   * staff of the citizen's commune issue a new one-time activation code (audited, rate limited per staff member).
   */
  async resetCitizen(caller: AuthUser, idNumber: string, ctx: RequestContext): Promise<CitizenActivationDto> {
    await this.rateLimits.consume('auth', `staff:${caller.id}`);
    const [row] = await this.dataSource.query(`SELECT user_id FROM citizen_profiles WHERE id_number = $1`, [idNumber]);
    const user = row ? await this.users.findOneBy({ id: row.user_id, role: Role.CITIZEN }) : null;
    const citizen = this.policy.assertInScope(caller, user && user.communeCode ? { ...user, ownerId: null } : null, 'Citizen') as User;
    const { code, hash } = this.passwords.newActivationCode();
    const activationExpiresAt = this.activationExpiry();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: citizen.id }, { status: AccountStatus.PENDING_ACTIVATION, passwordHash: null, activationCodeHash: hash, activationExpiresAt, failedLogins: 0, lockedUntil: null });
      await this.endSessions(citizen, manager);
      await this.audit.record(ctx, { action: 'citizen.reset_in_person', entityType: 'user', entityId: citizen.id, before: { status: citizen.status }, after: { status: AccountStatus.PENDING_ACTIVATION }, ...this.codesOf(citizen) }, manager);
    });
    return { username: citizen.username, fullName: citizen.fullName, activationCode: code, activationExpiresAt: activationExpiresAt.toISOString() };
  }

  /** Applies a status change; `change` returns whether the account's sessions must end. */
  private async transition(caller: AuthUser, id: string, ctx: RequestContext, action: string, change: (u: User) => boolean): Promise<AccountDto> {
    const user = await this.findManageable(caller, id);
    if (user.id === caller.id) throw forbidden('You cannot change the status of your own account');
    const before = auditView(user);
    const endSessions = change(user);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(User, user);
      if (endSessions) await this.endSessions(user, manager);
      await this.audit.record(ctx, { action, entityType: 'user', entityId: user.id, before, after: auditView(user), ...this.codesOf(user) }, manager);
    });
    return this.dto(user);
  }

  /** Ends every session at once: access tokens carry the session version, refresh tokens are revoked. */
  private async endSessions(user: User, manager: EntityManager): Promise<void> {
    await manager.increment(User, { id: user.id }, 'sessionVersion', 1);
    await this.tokens.revokeAllOfUser(user.id, manager);
  }

  private async findManageable(caller: AuthUser, id: string): Promise<User> {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findOneBy({ id, role: Not(Role.CITIZEN) }) : null;
    const manageable = !!user && mayProvision(caller, user.role);
    return this.policy.assertInScope(caller, manageable ? user : null, 'Account');
  }

  /** Checks the unit (or checkpoint) fits the role and lies in the caller's jurisdiction. */
  private async resolveJurisdiction(caller: AuthUser, role: Role, unitCode: string | undefined, checkpointId: string | undefined): Promise<Jurisdiction> {
    const isOfficer = JURISDICTION_LEVEL_OF_ROLE[role] === 'CHECKPOINT';
    const checkpoint = isOfficer && checkpointId ? await this.checkpoints.findById(checkpointId) : null;
    const unit = !isOfficer && unitCode ? await this.geography.resolve(unitCode) : null;
    return jurisdictionOf(this.policy, caller, role, { unitCode, checkpointRef: checkpointId }, unit, checkpoint);
  }

  private activationExpiry(): Date {
    return new Date(Date.now() + this.config.ACTIVATION_CODE_DAYS * 24 * 3600 * 1000);
  }

  private codesOf(u: User) {
    return { provinceCode: u.provinceCode, districtCode: u.districtCode, communeCode: u.communeCode };
  }

  private async dto(user: User): Promise<AccountDto> {
    return toAccountDto(user, await this.geography.namesOf([user.unitCode]));
  }
}
