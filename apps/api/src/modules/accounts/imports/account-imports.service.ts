import { Inject, Injectable, Logger } from '@nestjs/common';
import { OmitType } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { IsOptional, Matches, validateSync } from 'class-validator';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AccountStatus, type Agency, ErrorCode, type ErrorDetail, foldVietnamese, JURISDICTION_LEVEL_OF_ROLE, Role, UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../../common/auth/auth-user';
import { DomainError, forbidden, notFound } from '../../../common/errors/domain-error';
import { decodeOffset, encodeOffset } from '../../../common/http/offset-cursor';
import { validationDetails } from '../../../common/http/validation';
import { uuidv7 } from '../../../common/ids';
import { JurisdictionPolicy } from '../../../common/policy/jurisdiction.policy';
import { AppConfig } from '../../../config/app-config';
import { AuditService, type AuditEntry } from '../../audit/audit.service';
import type { Checkpoint } from '../../geography/checkpoints/checkpoint.entity';
import { CheckpointsService } from '../../geography/checkpoints/checkpoints.service';
import { GeographyService, type ResolvedUnit } from '../../geography/geography.service';
import { auditView } from '../account.mapper';
import { CreateAccountDto } from '../dtos/account.dto';
import type { AccountImportDto, ImportRowDto, ImportRowListDto, ImportRowQueryDto } from '../dtos/account-import.dto';
import { PasswordService } from '../password.service';
import { type Jurisdiction, jurisdictionOf, mayProvision, pendingAccount } from '../provisioning';
import { TokenService } from '../token.service';
import { User } from '../user.entity';
import { AccountImport, AccountImportRow, type ImportCounts, type ImportRowInput, ImportSource, ImportState, RowAction } from './account-import.entity';
import { CodeVault } from './code-vault';
import { type ParsedSheet, parseImportFile } from './import-sheet';

/** A preview can be committed for this long. */
const PREVIEW_HOURS = 24;
/** A commit whose heartbeat is older than this died with its process (its transaction rolled back). */
const STALE_COMMIT_MS = 60_000;
/** Accounts written per statement batch (and per progress update). */
const WRITE_BATCH = 500;

/** The fields of a row, validated with the same rules as creating one account (a checkpoint is named by code). */
class ImportAccountRow extends OmitType(CreateAccountDto, ['checkpointId'] as const) {
  @IsOptional() @Matches(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { message: 'checkpointCode must be a checkpoint code such as QL2-PT' })
  checkpointCode?: string;
}

/** A sealed activation code of a created account, released once by the export. */
export interface IssuedCode {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  checkpointId: string | null;
  code: string;
}

interface ValidatedRow {
  rowNo: number;
  input: ImportRowInput;
  action: RowAction;
  errors: ErrorDetail[];
  changes: string[];
  existing: User | null;
  jurisdiction: Jurisdiction | null;
}

/**
 * Bulk provisioning: a CSV/XLSX file or "provision the whole province" becomes a preview with one verdict per
 * row (create, update, skip, error); the administrator commits it or cancels. The commit re-validates and
 * writes every row in one transaction (all or nothing) in the background, reporting progress; the created
 * accounts' one-time activation codes are then exported once as CSV and as printable slips.
 */
@Injectable()
export class AccountImportsService {
  private readonly logger = new Logger('AccountImports');

  constructor(
    @InjectRepository(AccountImport) private readonly imports: Repository<AccountImport>,
    @InjectRepository(AccountImportRow) private readonly rows: Repository<AccountImportRow>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly geography: GeographyService,
    private readonly checkpoints: CheckpointsService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly vault: CodeVault,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  // ---- preview --------------------------------------------------------------

  async previewFile(caller: AuthUser, data: Buffer, contentType: string, fileName: string | undefined, ctx: RequestContext): Promise<AccountImportDto> {
    const sheet = parseImportFile(data, contentType);
    return this.createPreview(caller, ImportSource.FILE, fileName ?? null, sheet, ctx);
  }

  /** A staff and a leader account for every commune and an officer for every district of the province that lack one. */
  async previewProvince(caller: AuthUser, ctx: RequestContext): Promise<AccountImportDto> {
    // The endpoint admits account administrators only; the plan also needs one whose unit is a whole province.
    if (caller.unitLevel !== UnitLevel.PROVINCE || !caller.provinceCode) throw forbidden('Only the province account administrator provisions the whole province');
    const units: { code: string; level: string; name: string }[] = await this.dataSource.query(
      `SELECT code, level, name_with_type AS name FROM admin_units WHERE province_code = $1 AND level IN ('DISTRICT', 'COMMUNE') ORDER BY code`,
      [caller.provinceCode],
    );
    const staffed: { role: string; unit_code: string }[] = await this.dataSource.query(
      `SELECT DISTINCT role, unit_code FROM users WHERE province_code = $1 AND role IN ('COMMUNE_STAFF', 'COMMUNE_LEADER', 'DISTRICT_OFFICER') AND status <> 'DEACTIVATED' AND unit_code IS NOT NULL`,
      [caller.provinceCode],
    );
    const has = new Set(staffed.map((s) => `${s.role}:${s.unit_code}`));
    const wanted: { role: Role; unit: (typeof units)[number]; prefix: string; name: string; title: string }[] = [];
    for (const unit of units) {
      const plan =
        unit.level === 'COMMUNE'
          ? [
              { role: Role.COMMUNE_STAFF, prefix: `canbo.xa${unit.code}`, name: `Cán bộ ${unit.name}`, title: 'Cán bộ UBND xã' },
              { role: Role.COMMUNE_LEADER, prefix: `lanhdao.xa${unit.code}`, name: `Lãnh đạo ${unit.name}`, title: 'Lãnh đạo UBND xã' },
            ]
          : [{ role: Role.DISTRICT_OFFICER, prefix: `canbo.huyen${unit.code}`, name: `Cán bộ ${unit.name}`, title: 'Cán bộ UBND huyện' }];
      for (const p of plan) if (!has.has(`${p.role}:${unit.code}`)) wanted.push({ ...p, unit });
    }
    if (!wanted.length) throw new DomainError(ErrorCode.CONFLICT, 'Every commune and district of the province already has its accounts');
    const taken = new Set(
      (await this.dataSource.query(`SELECT username FROM users WHERE username = ANY($1)`, [wanted.map((w) => w.prefix)])).map((r: { username: string }) => r.username),
    );
    const sheet: ParsedSheet = {
      ignoredColumns: [],
      rows: wanted.map((w, i) => ({
        rowNo: i + 2,
        // A deactivated account keeps its username for good: the new one gets a suffix.
        input: { username: taken.has(w.prefix) ? `${w.prefix}.${uuidv7().slice(-4)}` : w.prefix, fullName: w.name, role: w.role, unitCode: w.unit.code, title: w.title },
      })),
    };
    return this.createPreview(caller, ImportSource.PROVINCE, null, sheet, ctx);
  }

  private async createPreview(caller: AuthUser, source: ImportSource, fileName: string | null, sheet: ParsedSheet, ctx: RequestContext): Promise<AccountImportDto> {
    const validated = await this.validate(caller, sheet.rows, this.dataSource.manager);
    const job = this.imports.create({
      id: uuidv7(),
      source,
      fileName,
      state: ImportState.PREVIEW,
      totalRows: validated.length,
      counts: countOf(validated),
      processed: 0,
      failure: null,
      heartbeatAt: null,
      expiresAt: new Date(Date.now() + PREVIEW_HOURS * 3600_000),
      committedAt: null,
      sealedCodes: null,
      codesExpireAt: null,
      csvExportedAt: null,
      pdfExportedAt: null,
      createdBy: caller.id,
      createdByRole: caller.role,
      provinceCode: caller.provinceCode ?? null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(AccountImport, job);
      await this.saveRows(manager, job.id, validated, true);
      await this.audit.record(ctx, { action: 'account_import.preview', entityType: 'account_import', entityId: job.id, after: { source, fileName, totalRows: job.totalRows, counts: job.counts }, provinceCode: job.provinceCode }, manager);
    });
    return toImportDto(await this.imports.findOneByOrFail({ id: job.id }), sheet.ignoredColumns);
  }

  /**
   * One verdict per row, with the rules of creating one account plus those of a batch: usernames unique in
   * the file; an existing account is updated only if the caller manages it; nothing changes one's own role.
   */
  private async validate(caller: AuthUser, rows: { rowNo: number; input: ImportRowInput }[], manager: EntityManager): Promise<ValidatedRow[]> {
    const usernames = rows.map((r) => r.input.username).filter((u): u is string => !!u);
    const existing = new Map((usernames.length ? await manager.findBy(User, { username: In([...new Set(usernames)]) }) : []).map((u) => [u.username, u]));
    const units = await this.geography.resolveMany(rows.map((r) => r.input.unitCode).filter((c): c is string => !!c && /^\d{2,5}$/.test(c)));
    const checkpoints = await this.checkpoints.findByCodes(rows.map((r) => r.input.checkpointCode).filter((c): c is string => !!c));
    const firstRowOf = new Map<string, number>();
    return rows.map(({ rowNo, input }) => {
      const errors = validationDetails(validateSync(plainToInstance(ImportAccountRow, { ...input }), { whitelist: true }));
      const role = input.role as Role;
      const username = input.username ?? '';
      const previous = firstRowOf.get(username);
      if (username && previous !== undefined) errors.push({ field: 'username', code: 'duplicate_in_file', message: `username repeats row ${previous}` });
      else if (username) firstRowOf.set(username, rowNo);
      const account = existing.get(username) ?? null;
      if (account && (account.role === Role.CITIZEN || !mayProvision(caller, account.role) || !this.policy.isInScope(caller, account))) {
        errors.push({ field: 'username', code: 'taken', message: 'username belongs to an account you do not manage' });
      } else if (account?.status === AccountStatus.DEACTIVATED) {
        errors.push({ field: 'username', code: 'deactivated', message: 'username belongs to a deactivated account (usernames are never reused)' });
      }
      const roleValid = !errors.some((e) => e.field === 'role');
      if (roleValid && !mayProvision(caller, role)) errors.push({ field: 'role', code: 'forbidden', message: `Your role may not provision ${role} accounts` });
      const isOfficer = roleValid && JURISDICTION_LEVEL_OF_ROLE[role] === 'CHECKPOINT';
      if (isOfficer && !input.agency && !account?.agency) errors.push({ field: 'agency', code: 'required', message: 'agency is required for checkpoint officers' });
      let jurisdiction: Jurisdiction | null = null;
      if (roleValid && !errors.some((e) => e.field === 'unitCode' || e.field === 'checkpointCode')) {
        try {
          const unit: ResolvedUnit | null = input.unitCode ? (units.get(input.unitCode) ?? null) : null;
          const checkpoint: Checkpoint | null = input.checkpointCode ? (checkpoints.get(input.checkpointCode) ?? null) : null;
          jurisdiction = jurisdictionOf(this.policy, caller, role, { unitCode: input.unitCode, checkpointRef: input.checkpointCode }, unit, checkpoint, 'checkpointCode');
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const field = isOfficer ? 'checkpointCode' : 'unitCode';
          errors.push(...(e.code === ErrorCode.FORBIDDEN ? [{ field, code: 'out_of_scope', message: `${field} is outside your jurisdiction` }] : (e.details ?? [])));
        }
      }
      const changes = account && jurisdiction && !errors.length ? changesOf(account, input, role, jurisdiction) : [];
      if (account && account.id === caller.id && changes.some((c) => c === 'role' || c === 'jurisdiction')) {
        errors.push({ field: 'role', code: 'self', message: 'Nobody changes their own role or jurisdiction' });
      }
      const action = errors.length ? RowAction.ERROR : !account ? RowAction.CREATE : changes.length ? RowAction.UPDATE : RowAction.SKIP;
      return { rowNo, input, action, errors, changes, existing: account, jurisdiction };
    });
  }

  private async saveRows(manager: EntityManager, importId: string, rows: ValidatedRow[], insert: boolean): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const batch = rows.slice(i, i + WRITE_BATCH);
      if (insert) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AccountImportRow)
          .values(batch.map((r) => ({ importId, rowNo: r.rowNo, action: r.action, username: r.input.username ?? null, input: r.input as never, errors: r.errors.length ? (r.errors as never) : null, changes: r.changes.length ? (r.changes as never) : null, userId: null })))
          .updateEntity(false)
          .execute();
      } else {
        await manager.query(
          `UPDATE account_import_rows r SET action = v.action, errors = v.errors, changes = v.changes
             FROM jsonb_to_recordset($2::jsonb) AS v(row_no int, action varchar, errors jsonb, changes jsonb)
            WHERE r.import_id = $1 AND r.row_no = v.row_no`,
          [importId, JSON.stringify(batch.map((r) => ({ row_no: r.rowNo, action: r.action, errors: r.errors.length ? r.errors : null, changes: r.changes.length ? r.changes : null })))],
        );
      }
    }
  }

  // ---- reading --------------------------------------------------------------

  async list(caller: AuthUser): Promise<AccountImportDto[]> {
    // Every column but the sealed codes (bytea): a listing only says whether an import still holds some.
    const query = this.imports
      .createQueryBuilder('i')
      .select(this.imports.metadata.columns.filter((c) => c.propertyName !== 'sealedCodes').map((c) => `i.${c.propertyName}`))
      .addSelect('i.sealed_codes IS NOT NULL', 'has_codes')
      .where('i.created_by_role = :role', { role: caller.role })
      .orderBy('i.createdAt', 'DESC')
      .limit(50);
    if (caller.provinceCode) query.andWhere('i.province_code = :province', { province: caller.provinceCode });
    const { entities, raw } = await query.getRawAndEntities<{ i_id: string; has_codes: boolean }>();
    const hasCodes = new Map(raw.map((r) => [r.i_id, r.has_codes]));
    return Promise.all(entities.map(async (j) => toImportDto(await this.settleStale({ ...j, hasCodes: hasCodes.get(j.id) === true }))));
  }

  async get(caller: AuthUser, id: string): Promise<AccountImportDto> {
    return toImportDto(await this.findOwn(caller, id));
  }

  async listRows(caller: AuthUser, id: string, query: ImportRowQueryDto): Promise<ImportRowListDto> {
    const job = await this.findOwn(caller, id);
    const limit = query.limit ?? 100;
    const offset = decodeOffset(query.cursor);
    const where = { importId: job.id, ...(query.action ? { action: query.action } : {}) };
    const [rows, total] = await this.rows.findAndCount({ where, order: { rowNo: 'ASC' }, skip: offset, take: limit });
    return { items: rows.map(toRowDto), nextCursor: offset + rows.length < total ? encodeOffset(offset + limit) : null, total };
  }

  /** Every row in file order, for the downloadable row-by-row report. */
  async *reportRows(caller: AuthUser, id: string): AsyncGenerator<AccountImportRow> {
    const job = await this.findOwn(caller, id);
    for (let from = 0; ; from += WRITE_BATCH) {
      const batch = await this.rows.find({ where: { importId: job.id }, order: { rowNo: 'ASC' }, skip: from, take: WRITE_BATCH });
      yield* batch;
      if (batch.length < WRITE_BATCH) return;
    }
  }

  // ---- commit / cancel ------------------------------------------------------

  /** Starts the commit (202): progress and outcome are read with `get`. Refused while any row has errors. */
  async commit(caller: AuthUser, id: string, ctx: RequestContext): Promise<AccountImportDto> {
    const job = await this.findOwn(caller, id);
    if (job.counts.error > 0) throw new DomainError(ErrorCode.CONFLICT, `Fix the ${job.counts.error} rows with errors and upload the file again`);
    if (job.expiresAt < new Date()) throw new DomainError(ErrorCode.CONFLICT, 'The preview has expired: upload the file again');
    const claimed: AccountImport[] = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE account_imports SET state = 'COMMITTING', processed = 0, failure = NULL, heartbeat_at = now(), updated_at = now()
          WHERE id = $1 AND state IN ('PREVIEW', 'FAILED') RETURNING id`,
        [job.id],
      );
      if (rows.length) await this.audit.record(ctx, { action: 'account_import.commit_start', entityType: 'account_import', entityId: job.id, before: { state: job.state }, after: { state: ImportState.COMMITTING }, provinceCode: job.provinceCode }, manager);
      return rows;
    });
    if (!claimed.length) throw new DomainError(ErrorCode.CONFLICT, `The import is ${job.state.toLowerCase()}; only a preview or a failed import can be committed`);
    // The answer says what was claimed; a small commit may already be over when it is sent (poll `get`).
    const started = { ...job, state: ImportState.COMMITTING, processed: 0, failure: null };
    void this.runCommit(caller, job.id, ctx);
    return toImportDto(started);
  }

  async cancel(caller: AuthUser, id: string, ctx: RequestContext): Promise<AccountImportDto> {
    const job = await this.findOwn(caller, id);
    await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query(`UPDATE account_imports SET state = 'CANCELLED', updated_at = now() WHERE id = $1 AND state IN ('PREVIEW', 'FAILED') RETURNING id`, [job.id]);
      if (!rows.length) throw new DomainError(ErrorCode.CONFLICT, `The import is ${job.state.toLowerCase()} and can no longer be cancelled`);
      await this.audit.record(ctx, { action: 'account_import.cancel', entityType: 'account_import', entityId: job.id, before: { state: job.state }, after: { state: ImportState.CANCELLED }, provinceCode: job.provinceCode }, manager);
    });
    return toImportDto(await this.imports.findOneByOrFail({ id: job.id }));
  }

  /** The commit itself: one transaction; progress is written beside it on another connection. */
  private async runCommit(caller: AuthUser, importId: string, ctx: RequestContext): Promise<void> {
    const started = Date.now();
    const heartbeat = (processed: number) =>
      this.dataSource.query(`UPDATE account_imports SET processed = $2, heartbeat_at = now() WHERE id = $1`, [importId, processed]).catch(() => undefined);
    try {
      const stored = await this.rows.find({ where: { importId }, order: { rowNo: 'ASC' } });
      const committed = await this.dataSource.transaction(async (manager) => {
        // Serialises commits of the same province: two imports cannot both take one username or unit.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('account-import'))`);
        const validated = await this.validate(caller, stored.map((r) => ({ rowNo: r.rowNo, input: r.input })), manager);
        // What the administrator approved must still hold: an error, or a row that would now do something else
        // (create -> update of an account made meanwhile), stops the whole commit for a new review.
        const approved = new Map(stored.map((r) => [r.rowNo, `${r.action}:${(r.changes ?? []).join(',')}`]));
        const changed = validated.filter((r) => r.action === RowAction.ERROR || approved.get(r.rowNo) !== `${r.action}:${r.changes.join(',')}`);
        if (changed.length) throw new ImportInvalidError(validated, changed.length);
        const issued = await this.writeRows(manager, caller, importId, validated, ctx, heartbeat);
        const codesExpireAt = new Date(Date.now() + this.config.ACTIVATION_CODE_DAYS * 24 * 3600_000);
        const counts = countOf(validated);
        await manager.update(AccountImport, { id: importId }, { state: ImportState.COMMITTED, processed: validated.length, counts, committedAt: new Date(), heartbeatAt: new Date(), sealedCodes: issued.length ? this.vault.seal(issued) : null, codesExpireAt: issued.length ? codesExpireAt : null });
        await this.audit.record(ctx, { action: 'account_import.commit', entityType: 'account_import', entityId: importId, before: { state: ImportState.COMMITTING }, after: { state: ImportState.COMMITTED, counts }, provinceCode: caller.provinceCode }, manager);
        return counts;
      });
      this.logger.log({ msg: 'account import committed', importId, ...committed, ms: Date.now() - started });
    } catch (e) {
      const failure =
        e instanceof ImportInvalidError
          ? `${e.changed} rows changed since the preview (${countOf(e.rows).error} now have errors); nothing was written. Review the report, then commit again or upload a corrected file.`
          : 'The commit failed; nothing was written. Try again.';
      if (e instanceof ImportInvalidError) await this.saveRows(this.dataSource.manager, importId, e.rows, false).catch(() => undefined);
      else this.logger.error({ msg: 'account import failed', importId, err: (e as Error).message });
      await this.dataSource
        .transaction(async (manager) => {
          const counts = e instanceof ImportInvalidError ? countOf(e.rows) : undefined;
          await manager.update(AccountImport, { id: importId }, { state: ImportState.FAILED, failure, processed: 0, ...(counts ? { counts } : {}) });
          await this.audit.record(ctx, { action: 'account_import.fail', entityType: 'account_import', entityId: importId, before: { state: ImportState.COMMITTING }, after: { state: ImportState.FAILED, failure }, provinceCode: caller.provinceCode }, manager);
        })
        .catch((err: Error) => this.logger.error({ msg: 'could not record the failed import', importId, err: err.message }));
    }
  }

  private async writeRows(manager: EntityManager, caller: AuthUser, importId: string, rows: ValidatedRow[], ctx: RequestContext, progress: (n: number) => Promise<unknown>): Promise<IssuedCode[]> {
    const issued: IssuedCode[] = [];
    const activationExpiresAt = new Date(Date.now() + this.config.ACTIVATION_CODE_DAYS * 24 * 3600_000);
    let done = 0;
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const batch = rows.slice(i, i + WRITE_BATCH);
      const created: User[] = [];
      const events: AuditEntry[] = [];
      const links: { row_no: number; user_id: string }[] = [];
      for (const row of batch) {
        const input = row.input;
        if (row.action === RowAction.CREATE) {
          const { code, hash } = this.passwords.newActivationCode();
          const role = input.role as Role;
          const user = manager.create(
            User,
            pendingAccount({ username: input.username!, fullName: input.fullName!, role, title: input.title, agency: input.agency as Agency | undefined, phone: input.phone, email: input.email }, row.jurisdiction!, { hash, expiresAt: activationExpiresAt }, caller.id),
          );
          created.push(user);
          issued.push({ userId: user.id, username: user.username, fullName: user.fullName, role, unitCode: user.unitCode, checkpointId: user.checkpointId, code });
          events.push({ action: 'account.create', entityType: 'user', entityId: user.id, after: { ...auditView(user), importId }, ...codesOf(user) });
          links.push({ row_no: row.rowNo, user_id: user.id });
        } else if (row.action === RowAction.UPDATE) {
          const user = row.existing!;
          const before = auditView(user);
          const rescoping = row.changes.includes('role') || row.changes.includes('jurisdiction');
          applyInput(user, input, row.jurisdiction!);
          await manager.save(User, user, { reload: false });
          if (rescoping) {
            await manager.increment(User, { id: user.id }, 'sessionVersion', 1);
            await this.tokens.revokeAllOfUser(user.id, manager);
          }
          events.push({ action: rescoping ? 'account.rescope' : 'account.update', entityType: 'user', entityId: user.id, before, after: { ...auditView(user), importId }, ...codesOf(user) });
          links.push({ row_no: row.rowNo, user_id: user.id });
        } else if (row.existing) {
          links.push({ row_no: row.rowNo, user_id: row.existing.id });
        }
      }
      if (created.length) await manager.createQueryBuilder().insert().into(User).values(created).updateEntity(false).execute();
      await this.audit.recordMany(ctx, events, manager);
      if (links.length) {
        await manager.query(
          `UPDATE account_import_rows r SET user_id = v.user_id FROM jsonb_to_recordset($2::jsonb) AS v(row_no int, user_id uuid) WHERE r.import_id = $1 AND r.row_no = v.row_no`,
          [importId, JSON.stringify(links)],
        );
      }
      done += batch.length;
      await progress(done);
    }
    return issued;
  }

  // ---- one-time export of the activation codes ------------------------------

  /** Releases the codes in one format, once; the sealed codes are erased when both formats were taken. */
  async takeCodes(caller: AuthUser, id: string, format: 'csv' | 'pdf', ctx: RequestContext): Promise<{ job: AccountImport; codes: IssuedCode[]; unitNames: Map<string, string>; checkpointNames: Map<string, string> }> {
    const job = await this.findOwn(caller, id);
    const column = format === 'csv' ? 'csv_exported_at' : 'pdf_exported_at';
    const taken = await this.dataSource.transaction(async (manager) => {
      const [row]: { sealed_codes: Buffer | null; codes_expire_at: Date | null; csv_exported_at: Date | null; pdf_exported_at: Date | null }[] = await manager.query(
        `SELECT sealed_codes, codes_expire_at, csv_exported_at, pdf_exported_at FROM account_imports WHERE id = $1 FOR UPDATE`,
        [job.id],
      );
      if (job.state !== ImportState.COMMITTED || !row.sealed_codes) throw new DomainError(ErrorCode.CONFLICT, 'There are no activation codes to export (none were created, or they were already exported)');
      if (row[column]) throw new DomainError(ErrorCode.CONFLICT, `The activation codes were already exported as ${format.toUpperCase()}`);
      if (row.codes_expire_at && row.codes_expire_at < new Date()) {
        await manager.query(`UPDATE account_imports SET sealed_codes = NULL WHERE id = $1`, [job.id]);
        throw new DomainError(ErrorCode.CONFLICT, 'The activation codes have expired: reset the passwords of the accounts instead');
      }
      const otherTaken = format === 'csv' ? row.pdf_exported_at : row.csv_exported_at;
      await manager.query(`UPDATE account_imports SET ${column} = now(), sealed_codes = CASE WHEN $2 THEN NULL ELSE sealed_codes END, updated_at = now() WHERE id = $1`, [job.id, !!otherTaken]);
      await this.audit.record(ctx, { action: 'account_import.export_codes', entityType: 'account_import', entityId: job.id, after: { format, erased: !!otherTaken }, provinceCode: job.provinceCode }, manager);
      try {
        return this.vault.open<IssuedCode[]>(row.sealed_codes);
      } catch {
        // Sealed under an earlier server secret (JWT_ACCESS_SECRET was rotated): they can never be read again.
        throw new DomainError(ErrorCode.CONFLICT, 'The activation codes can no longer be read (the server secret changed): reset the passwords of these accounts instead');
      }
    });
    const unitNames = await this.geography.namesOf(taken.map((c) => c.unitCode));
    const checkpointIds = [...new Set(taken.map((c) => c.checkpointId).filter((c): c is string => !!c))];
    const checkpointRows: { id: string; name: string }[] = checkpointIds.length ? await this.dataSource.query(`SELECT id, name FROM checkpoints WHERE id = ANY($1)`, [checkpointIds]) : [];
    return { job, codes: taken, unitNames, checkpointNames: new Map(checkpointRows.map((c) => [c.id, c.name])) };
  }

  // ---- helpers --------------------------------------------------------------

  /** Imports are shared by the administrators of one role in one province; others get 404. */
  private async findOwn(caller: AuthUser, id: string): Promise<AccountImport> {
    const job = /^[0-9a-f-]{36}$/i.test(id) ? await this.imports.findOneBy({ id }) : null;
    if (!job || job.createdByRole !== caller.role || job.provinceCode !== (caller.provinceCode ?? null)) throw notFound('Import');
    return this.settleStale(job);
  }

  /** A commit whose process died left its transaction rolled back: report it as failed (nothing written). */
  private async settleStale<T extends Pick<AccountImport, 'id' | 'state' | 'heartbeatAt'>>(job: T): Promise<T> {
    if (job.state !== ImportState.COMMITTING || !job.heartbeatAt || Date.now() - job.heartbeatAt.getTime() < STALE_COMMIT_MS) return job;
    const failure = 'The commit was interrupted; nothing was written. Try again.';
    const [rows] = await this.dataSource.query(
      `UPDATE account_imports SET state = 'FAILED', failure = $2, processed = 0 WHERE id = $1 AND state = 'COMMITTING' AND heartbeat_at < now() - make_interval(secs => $3) RETURNING id`,
      [job.id, failure, STALE_COMMIT_MS / 1000],
    );
    return rows.length ? { ...job, state: ImportState.FAILED, failure, processed: 0 } : job;
  }

  /** Template data: the caller's province units and the roles the caller may provision. */
  async templateData(caller: AuthUser): Promise<{ units: { code: string; name: string; level: string; parent: string }[]; roles: Role[] }> {
    const units: { code: string; name: string; level: string; parent: string }[] = caller.provinceCode
      ? await this.dataSource.query(
          `SELECT u.code, u.name_with_type AS name, u.level, coalesce(p.name_with_type, '') AS parent
             FROM admin_units u LEFT JOIN admin_units p ON p.code = u.parent_code
            WHERE u.province_code = $1 ORDER BY u.code`,
          [caller.provinceCode],
        )
      : [];
    const roles = (Object.values(Role) as Role[]).filter((r) => r !== Role.CITIZEN && mayProvision(caller, r));
    return { units, roles };
  }

}

/** The commit found rows whose verdict differs from the preview. */
class ImportInvalidError extends Error {
  constructor(
    readonly rows: ValidatedRow[],
    readonly changed: number,
  ) {
    super('rows changed since the preview');
  }
}

function countOf(rows: { action: RowAction }[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action.toLowerCase() as keyof ImportCounts] += 1;
  return counts;
}

function codesOf(u: User) {
  return { provinceCode: u.provinceCode, districtCode: u.districtCode, communeCode: u.communeCode };
}

/** The fields a row changes on an existing account (empty cells leave a field as it is). */
function changesOf(user: User, input: ImportRowInput, role: Role, jurisdiction: Jurisdiction): string[] {
  const changes: string[] = [];
  if (input.fullName && input.fullName !== user.fullName) changes.push('fullName');
  if (role !== user.role) changes.push('role');
  if (jurisdiction.unitCode !== user.unitCode || jurisdiction.checkpointId !== user.checkpointId) changes.push('jurisdiction');
  if (input.title && input.title !== user.title) changes.push('title');
  if (role === Role.CHECKPOINT_OFFICER && input.agency && input.agency !== user.agency) changes.push('agency');
  if (input.phone && input.phone !== user.phone) changes.push('phone');
  if (input.email && input.email.toLowerCase() !== user.email) changes.push('email');
  return changes;
}

function applyInput(user: User, input: ImportRowInput, jurisdiction: Jurisdiction): void {
  if (input.fullName) Object.assign(user, { fullName: input.fullName, fullNameFolded: foldVietnamese(input.fullName) });
  Object.assign(user, jurisdiction, { role: input.role as Role });
  if (input.title) user.title = input.title;
  user.agency = user.role === Role.CHECKPOINT_OFFICER ? ((input.agency as User['agency']) ?? user.agency) : null;
  if (input.phone) user.phone = input.phone;
  if (input.email) user.email = input.email.toLowerCase();
}

/** An import read without its sealed codes, of which only their presence is known. */
type ImportSummary = Omit<AccountImport, 'sealedCodes'> & { hasCodes: boolean };

function toImportDto(job: AccountImport | ImportSummary, ignoredColumns: string[] = []): AccountImportDto {
  const sealed = 'hasCodes' in job ? job.hasCodes : !!job.sealedCodes;
  return {
    id: job.id,
    source: job.source,
    fileName: job.fileName,
    state: job.state,
    totalRows: job.totalRows,
    counts: job.counts,
    processed: job.processed,
    failure: job.failure,
    ignoredColumns,
    expiresAt: job.expiresAt.toISOString(),
    committedAt: job.committedAt?.toISOString() ?? null,
    codes: {
      available: sealed && (!job.codesExpireAt || job.codesExpireAt > new Date()),
      csvExportedAt: job.csvExportedAt?.toISOString() ?? null,
      pdfExportedAt: job.pdfExportedAt?.toISOString() ?? null,
      expiresAt: sealed ? (job.codesExpireAt?.toISOString() ?? null) : null,
    },
    createdAt: job.createdAt.toISOString(),
  };
}

function toRowDto(r: AccountImportRow): ImportRowDto {
  return { rowNo: r.rowNo, action: r.action, username: r.username, input: r.input, errors: r.errors ?? [], changes: r.changes ?? [], userId: r.userId };
}
