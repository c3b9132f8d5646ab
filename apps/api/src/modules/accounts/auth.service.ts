import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountStatus, CITIZEN_ID_PATTERN, ErrorCode, foldVietnamese, PASSPORT_PATTERN, Role, UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { DomainError, invalid } from '../../common/errors/domain-error';
import { uuidv7 } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { GeographyService } from '../geography/geography.service';
import { toSessionUser } from './account.mapper';
import { CitizenProfile } from './citizen-profile.entity';
import type { ActivateDto, ChangePasswordDto, LoginResponseDto, RegisterDto, SessionUserDto } from './dtos/auth.dto';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';
import { User } from './user.entity';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(CitizenProfile) private readonly profiles: Repository<CitizenProfile>,
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly geography: GeographyService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Staff sign in with their username; citizens with their phone or ID number. */
  private async findForSignIn(login: string): Promise<User | null> {
    const username = login.trim().toLowerCase();
    const user = await this.users.findOneBy({ username });
    if (user) return user;
    const idNumber = login.trim().toUpperCase();
    if (CITIZEN_ID_PATTERN.test(idNumber) || PASSPORT_PATTERN.test(idNumber)) {
      const profile = await this.profiles.findOneBy({ idNumber });
      if (profile) return this.users.findOneBy({ id: profile.userId });
    }
    return null;
  }

  async login(username: string, password: string, ctx: RequestContext): Promise<LoginResponseDto> {
    const user = await this.findForSignIn(username);
    if (!user) {
      await this.passwords.verify(null, password);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    this.assertNotTemporarilyLocked(user);
    if (user.status === AccountStatus.PENDING_ACTIVATION) {
      throw new DomainError(ErrorCode.ACTIVATION_REQUIRED, 'Activate the account with its activation code first');
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.recordFailure(user, ctx);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    this.assertUsable(user);
    return this.startSession(user, ctx, 'auth.login');
  }

  private assertNotTemporarilyLocked(user: User): void {
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      const seconds = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
      throw new DomainError(ErrorCode.ACCOUNT_LOCKED, `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`, undefined, { 'Retry-After': String(seconds) });
    }
  }

  private assertUsable(user: User): void {
    if (user.status === AccountStatus.LOCKED) throw new DomainError(ErrorCode.ACCOUNT_LOCKED, 'This account is locked; contact your administrator');
    if (user.status === AccountStatus.DEACTIVATED) throw new DomainError(ErrorCode.ACCOUNT_INACTIVE, 'This account is deactivated');
  }

  /** Counts a failed attempt atomically; the fifth in a row locks the account for 15 minutes. */
  private async recordFailure(user: User, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING failed_logins, locked_until`,
        [user.id, MAX_FAILED_SIGN_INS, LOCKOUT_MINUTES],
      );
      const locked = row[0].failed_logins >= MAX_FAILED_SIGN_INS;
      await this.audit.record(
        ctx,
        { action: locked ? 'auth.lockout' : 'auth.login_failed', entityType: 'user', entityId: user.id, after: { failedLogins: row[0].failed_logins, lockedUntil: row[0].locked_until }, actorId: null, actorRole: null, ...this.codes(user) },
        manager,
      );
      if (locked) await manager.query(`UPDATE users SET failed_logins = 0 WHERE id = $1`, [user.id]);
    });
  }

  private codes(user: User) {
    return { provinceCode: user.provinceCode, districtCode: user.districtCode, communeCode: user.communeCode };
  }

  private async startSession(user: User, ctx: RequestContext, action: string, manager = this.dataSource.manager): Promise<LoginResponseDto> {
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.lastLoginAt = new Date();
    await manager.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: user.lastLoginAt });
    const tokens = await this.tokens.issue(user, null, manager);
    await this.audit.record(ctx, { action, entityType: 'user', entityId: user.id, actorId: user.id, actorRole: user.role, ...this.codes(user) }, manager);
    return { ...tokens, user: await this.sessionUser(user, manager) };
  }

  async sessionUser(user: User, manager = this.dataSource.manager): Promise<SessionUserDto> {
    const profile = user.role === Role.CITIZEN ? await manager.findOneBy(CitizenProfile, { userId: user.id }) : null;
    const names = await this.geography.namesOf([user.unitCode, profile?.communeCode]);
    return toSessionUser(user, names, profile);
  }

  /** A citizen's identity as registered (for reports made for oneself). */
  async citizenIdentity(userId: string): Promise<{ fullName: string; idNumber: string; dateOfBirth: string; gender: CitizenProfile['gender']; phone: string } | null> {
    const [user, profile] = await Promise.all([this.users.findOneBy({ id: userId }), this.profiles.findOneBy({ userId })]);
    if (!user || !profile) return null;
    return { fullName: user.fullName, idNumber: profile.idNumber, dateOfBirth: profile.dateOfBirth, gender: profile.gender, phone: profile.phone };
  }

  /** The name and title a staff member signs documents with. */
  async signature(userId: string): Promise<{ fullName: string; title: string | null }> {
    const user = await this.users.findOneByOrFail({ id: userId });
    return { fullName: user.fullName, title: user.title };
  }

  async me(userId: string): Promise<SessionUserDto> {
    return this.sessionUser(await this.users.findOneByOrFail({ id: userId }));
  }

  /** Rotates the refresh token; presenting an already used token revokes its whole family. */
  async refresh(refreshToken: string, ctx: RequestContext): Promise<LoginResponseDto> {
    const tokenHash = this.tokens.hashToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
      if (!token || token.revokedAt || token.expiresAt <= new Date()) return { error: ErrorCode.TOKEN_INVALID } as const;
      if (token.usedAt) {
        await this.tokens.revokeFamily(token.familyId, manager);
        await this.audit.record(ctx, { action: 'auth.refresh_reuse', entityType: 'user', entityId: token.userId, actorId: token.userId, actorRole: null, after: { familyRevoked: token.familyId } }, manager);
        return { error: ErrorCode.TOKEN_REUSED } as const;
      }
      const user = await manager.findOneBy(User, { id: token.userId });
      if (!user || user.status !== AccountStatus.ACTIVE) {
        await this.tokens.revokeFamily(token.familyId, manager);
        return { error: ErrorCode.TOKEN_INVALID } as const;
      }
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return { user, tokens: await this.tokens.issue(user, token.familyId, manager) };
    });
    if ('error' in outcome) {
      throw new DomainError(outcome.error!, outcome.error === ErrorCode.TOKEN_REUSED ? 'This refresh token was already used; the session has been ended' : 'The session has expired; sign in again');
    }
    return { ...outcome.tokens, user: await this.sessionUser(outcome.user) };
  }

  async logout(refreshToken: string, ctx: RequestContext): Promise<void> {
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: this.tokens.hashToken(refreshToken) });
    if (!token || token.revokedAt) return;
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.revokeFamily(token.familyId, manager);
      await this.audit.record(ctx, { action: 'auth.logout', entityType: 'user', entityId: token.userId, actorId: token.userId, actorRole: null }, manager);
    });
  }

  /** Changes the password and ends the user's other sessions (this one stays signed in). */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto, ctx: RequestContext): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: caller.id });
    if (!(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainError(ErrorCode.WRONG_PASSWORD, 'The current password is wrong', [{ field: 'currentPassword', code: 'wrong', message: 'The current password is wrong' }]);
    }
    this.passwords.assertPolicy(dto.newPassword, 'newPassword', [user.username]);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.tokens.revokeOtherFamilies(user.id, caller.sessionId, manager);
      await this.audit.record(ctx, { action: 'auth.change_password', entityType: 'user', entityId: user.id, ...this.codes(user) }, manager);
    });
  }

  /** First sign-in of a provisioned account (or after a reset): the one-time code sets the user's own password. */
  async activate(dto: ActivateDto, ctx: RequestContext): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ username: dto.username.toLowerCase() });
    const invalidCode = () => new DomainError(ErrorCode.ACTIVATION_CODE_INVALID, 'The activation code is wrong, used or expired', [{ field: 'activationCode', code: 'invalid', message: 'The activation code is wrong, used or expired' }]);
    if (!user) throw invalidCode();
    this.assertNotTemporarilyLocked(user);
    const codeMatches = this.passwords.sameHash(user.activationCodeHash, this.passwords.hashActivationCode(dto.activationCode));
    if (!codeMatches || user.status !== AccountStatus.PENDING_ACTIVATION || !user.activationExpiresAt || user.activationExpiresAt <= new Date()) {
      if (user.status === AccountStatus.PENDING_ACTIVATION) await this.recordFailure(user, ctx);
      throw invalidCode();
    }
    this.passwords.assertPolicy(dto.newPassword, 'newPassword', [user.username]);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    return this.dataSource.transaction(async (manager) => {
      // Single use even under concurrency: only one request flips the status.
      const result = await manager
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash, status: AccountStatus.ACTIVE, activationCodeHash: null, activationExpiresAt: null })
        .where('id = :id AND status = :pending AND activation_code_hash = :hash', { id: user.id, pending: AccountStatus.PENDING_ACTIVATION, hash: user.activationCodeHash })
        .execute();
      if (!result.affected) throw invalidCode();
      Object.assign(user, { passwordHash, status: AccountStatus.ACTIVE, activationCodeHash: null, activationExpiresAt: null });
      await this.audit.record(ctx, { action: 'account.activate', entityType: 'user', entityId: user.id, actorId: user.id, actorRole: user.role, ...this.codes(user) }, manager);
      return this.startSession(user, ctx, 'auth.login', manager);
    });
  }

  async register(dto: RegisterDto, ctx: RequestContext): Promise<LoginResponseDto> {
    this.validateBirthDate(dto.dateOfBirth);
    let commune: Awaited<ReturnType<GeographyService['resolve']>> = null;
    if (dto.communeCode) {
      commune = await this.geography.resolve(dto.communeCode);
      if (!commune || commune.level !== UnitLevel.COMMUNE) throw invalid('communeCode', 'unknown', 'communeCode is not a known commune');
    }
    this.passwords.assertPolicy(dto.password, 'password', [dto.phone, dto.idNumber]);
    const passwordHash = await this.passwords.hash(dto.password);
    await this.assertCitizenIsNew(dto);
    return this.dataSource.transaction(async (manager) => {
      const user = manager.create(User, {
        id: uuidv7(),
        username: dto.phone,
        passwordHash,
        fullName: dto.fullName,
        fullNameFolded: foldVietnamese(dto.fullName),
        role: Role.CITIZEN,
        status: AccountStatus.ACTIVE,
        unitCode: null,
        unitLevel: null,
        provinceCode: commune?.provinceCode ?? null,
        districtCode: commune?.districtCode ?? null,
        communeCode: commune?.communeCode ?? null,
        checkpointId: null,
        phone: dto.phone,
        failedLogins: 0,
        sessionVersion: 0,
      });
      await manager.insert(User, user);
      await manager.insert(CitizenProfile, {
        userId: user.id,
        idNumber: dto.idNumber,
        dateOfBirth: dto.dateOfBirth,
        gender: dto.gender,
        phone: dto.phone,
        address: dto.address ?? null,
        communeCode: dto.communeCode ?? null,
      });
      await this.audit.record(ctx, { action: 'citizen.register', entityType: 'user', entityId: user.id, actorId: user.id, actorRole: Role.CITIZEN, after: { role: Role.CITIZEN, communeCode: dto.communeCode ?? null }, ...this.codes(user) }, manager);
      const saved = await manager.findOneByOrFail(User, { id: user.id });
      return this.startSession(saved, ctx, 'auth.login', manager);
    });
  }

  private validateBirthDate(date: string): void {
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw invalid('dateOfBirth', 'isDate', 'dateOfBirth is not a real date');
    if (d > new Date()) throw invalid('dateOfBirth', 'future', 'dateOfBirth cannot be in the future');
    if (d.getUTCFullYear() < 1900) throw invalid('dateOfBirth', 'too_old', 'dateOfBirth must be after 1900');
  }

  /** A friendly field-level 409 before the insert; the unique indexes still guard against races. */
  private async assertCitizenIsNew(dto: RegisterDto): Promise<void> {
    const details = [];
    if (await this.users.existsBy({ username: dto.phone })) details.push({ field: 'phone', code: 'unique', message: 'This phone number is already registered' });
    if (await this.profiles.existsBy({ idNumber: dto.idNumber })) details.push({ field: 'idNumber', code: 'unique', message: 'This ID number is already registered' });
    if (details.length) throw new DomainError(ErrorCode.DUPLICATE, 'Already registered; sign in instead', details);
  }
}
