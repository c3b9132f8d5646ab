import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { ErrorCode, foldVietnamese, Relation, ReportKind, ReportStatus, TestResult, UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { conflict, DomainError, invalid } from '../../common/errors/domain-error';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { uuidv7 } from '../../common/ids';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, startOfVietnamDay, vietnamDate } from '../../common/time';
import { AuthService } from '../accounts/auth.service';
import { AuditService } from '../audit/audit.service';
import { FileStorage } from '../files/file-storage.service';
import { GeographyService } from '../geography/geography.service';
import { HOME_PROVINCE_CODE } from '../geography/admin-units.seed';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseReport } from './case-report.entity';
import { Case } from './case.entity';
import { CasesService } from './cases.service';
import { toReportDto } from './case-mapper';
import type { CaseReportDto, CaseReportListDto, InfectionReportDto, RecoveryReportDto, ReportQueryDto } from './dtos/case-report.dto';
import type { AcceptedReportDto } from './dtos/case.dto';
import { isBackRegistered, isHighRisk } from './isolation-rules';
import { PoliciesService } from './policies.service';

const reportScope = scopeColumns('r', { owner: 'r.reporter_id' });
/** Oldest positive test a citizen may report (back-registration covers weeks, not years). */
const MAX_REPORT_AGE_DAYS = 90;

/** Infection and recovery reports: submitted by citizens, reviewed by the commune. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(CaseReport) private readonly reports: Repository<CaseReport>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly policies: PoliciesService,
    private readonly geography: GeographyService,
    private readonly auth: AuthService,
    private readonly files: FileStorage,
    private readonly cases: CasesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async submitInfection(user: AuthUser, dto: InfectionReportDto, ctx: RequestContext): Promise<CaseReportDto> {
    const today = vietnamDate();
    const commune = await this.geography.resolve(dto.communeCode);
    if (!commune || commune.level !== UnitLevel.COMMUNE || commune.provinceCode !== HOME_PROVINCE_CODE) {
      throw invalid('communeCode', 'unknown', 'communeCode must be a commune of the province');
    }
    const person = dto.forSelf ? await this.selfIdentity(user) : dto.person;
    if (!person) throw invalid('person', 'required', 'person is required when reporting for someone else');
    this.assertPastDate('testDate', dto.testDate, today, MAX_REPORT_AGE_DAYS);
    this.assertPastDate('person.dateOfBirth', person.dateOfBirth, today, 130 * 366);
    if (dto.symptomOnset) this.assertPastDate('symptomOnset', dto.symptomOnset, today, MAX_REPORT_AGE_DAYS + 30);
    if (dto.lastDoseDate) this.assertPastDate('lastDoseDate', dto.lastDoseDate, today, 5 * 366);
    if (dto.photoFileId) await this.assertOwnPhoto(user, dto.photoFileId);
    const rules = await this.policies.inForce(dto.testDate);
    const report = this.reports.create({
      id: uuidv7(),
      kind: ReportKind.INFECTION,
      status: ReportStatus.SUBMITTED,
      reporterId: user.id,
      relation: dto.forSelf ? Relation.SELF : dto.person!.relation,
      fullName: person.fullName,
      fullNameFolded: foldVietnamese(person.fullName),
      idNumber: person.idNumber,
      dateOfBirth: person.dateOfBirth,
      gender: person.gender,
      phone: person.phone ?? null,
      address: dto.address,
      provinceCode: commune.provinceCode,
      districtCode: commune.districtCode,
      communeCode: commune.communeCode,
      testType: dto.testType,
      testDate: dto.testDate,
      testResult: TestResult.POSITIVE,
      photoFileId: dto.photoFileId ?? null,
      symptomOnset: dto.symptomOnset ?? null,
      symptoms: dto.symptoms,
      vaccineDoses: dto.vaccineDoses,
      lastDoseDate: dto.lastDoseDate ?? null,
      pregnant: dto.pregnant ?? false,
      chronicDisease: dto.chronicDisease ?? false,
      highRisk: isHighRisk(person.dateOfBirth, dto.testDate, dto.pregnant ?? false, dto.chronicDisease ?? false),
      contacts: (dto.contacts ?? []).map((c) => ({ fullName: c.fullName, phone: c.phone ?? null, relation: c.relation })),
      caseId: null,
      backRegistered: isBackRegistered(rules, dto.testDate, today),
      dueAt: new Date(Date.now() + rules.reviewHours * 3600_000),
    });
    return this.insert(report, ctx);
  }

  async submitRecovery(user: AuthUser, dto: RecoveryReportDto, ctx: RequestContext): Promise<CaseReportDto> {
    const today = vietnamDate();
    const open = await this.cases.findOwnOpenCase(user, dto.caseId);
    this.assertPastDate('testDate', dto.testDate, today, MAX_REPORT_AGE_DAYS);
    if (dto.testDate < open.positiveTestDate) throw invalid('testDate', 'before_positive', 'the negative test cannot be before the positive test');
    const rules = await this.policies.byVersion(open.policyVersion);
    const report = this.reports.create({
      id: uuidv7(),
      kind: ReportKind.RECOVERY,
      status: ReportStatus.SUBMITTED,
      reporterId: user.id,
      relation: Relation.SELF,
      fullName: open.fullName,
      fullNameFolded: open.fullNameFolded,
      idNumber: open.idNumber,
      dateOfBirth: open.dateOfBirth,
      gender: open.gender,
      phone: open.phone,
      address: open.address,
      provinceCode: open.provinceCode,
      districtCode: open.districtCode,
      communeCode: open.communeCode,
      testType: dto.testType,
      testDate: dto.testDate,
      testResult: TestResult.NEGATIVE,
      photoFileId: null,
      symptomOnset: null,
      symptoms: [],
      vaccineDoses: open.vaccineDoses,
      lastDoseDate: null,
      pregnant: false,
      chronicDisease: false,
      highRisk: open.highRisk,
      contacts: [],
      caseId: open.id,
      backRegistered: isBackRegistered(rules, dto.testDate, today),
      dueAt: new Date(Date.now() + rules.reviewHours * 3600_000),
    });
    return this.insert(report, ctx);
  }

  private async insert(report: CaseReport, ctx: RequestContext): Promise<CaseReportDto> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CaseReport, report);
      await this.audit.record(ctx, { action: `case_report.submit_${report.kind.toLowerCase()}`, entityType: 'case_report', entityId: report.id, after: { kind: report.kind, testDate: report.testDate, communeCode: report.communeCode }, ...codes(report) }, manager);
    });
    return this.get(ctx.user!, report.id);
  }

  private async selfIdentity(user: AuthUser) {
    const identity = await this.auth.citizenIdentity(user.id);
    if (!identity) throw invalid('forSelf', 'no_profile', 'your account has no citizen profile');
    return identity;
  }

  private assertPastDate(field: string, date: string, today: string, maxAgeDays: number): void {
    const d = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw invalid(field, 'isDate', `${field} is not a real date`);
    if (date > today) throw invalid(field, 'future', `${field} cannot be in the future`);
    if (date < addDays(today, -maxAgeDays)) throw invalid(field, 'too_old', `${field} is too far in the past`);
  }

  private async assertOwnPhoto(user: AuthUser, fileId: string): Promise<void> {
    const file = await this.files.describe(fileId);
    if (!file || file.ownerId !== user.id || file.purpose !== 'test-photo') throw invalid('photoFileId', 'unknown', 'photoFileId is not a photo you uploaded');
  }

  async list(user: AuthUser, query: ReportQueryDto): Promise<CaseReportListDto> {
    const limit = query.limit ?? 50;
    const offset = decodeOffset(query.cursor);
    const qb = this.reports.createQueryBuilder('r');
    this.policy.scope(qb, user, reportScope);
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.communeCode) qb.andWhere('r.commune_code = :commune', { commune: query.communeCode });
    if (query.highRisk !== undefined) qb.andWhere('r.high_risk = :highRisk', { highRisk: query.highRisk });
    if (query.overdue !== undefined) qb.andWhere(query.overdue ? `r.status = 'SUBMITTED' AND r.due_at < now()` : `NOT (r.status = 'SUBMITTED' AND r.due_at < now())`);
    if (query.from) qb.andWhere('r.submitted_at >= :from', { from: startOfVietnamDay(query.from) });
    if (query.to) qb.andWhere('r.submitted_at < :to', { to: startOfVietnamDay(addDays(query.to, 1)) });
    if (query.q?.trim()) {
      const term = `%${foldVietnamese(query.q).replace(/[%_\\]/g, (c) => '\\' + c)}%`;
      qb.andWhere(new Brackets((w) => w.where('r.full_name_folded LIKE :term').orWhere('r.id_number LIKE :idTerm')), { term, idTerm: `${query.q.trim().toUpperCase()}%` });
    }
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy(`(r.status = 'SUBMITTED' AND r.due_at < now())`, 'DESC')
      .addOrderBy('r.submitted_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset(offset)
      .limit(limit + 1)
      .getMany();
    const names = await this.geography.namesOf(rows.map((r) => r.communeCode));
    const { items, nextCursor } = page(rows, offset, limit);
    return { items: items.map((r) => toReportDto(r, names)), nextCursor, total };
  }

  private async findInScope(user: AuthUser, id: string): Promise<CaseReport> {
    const report = /^[0-9a-f-]{36}$/i.test(id) ? await this.reports.findOneBy({ id }) : null;
    return this.policy.assertInScope(user, report ? { ...report, ownerId: report.reporterId } : null, 'Report') as CaseReport;
  }

  async get(user: AuthUser, id: string): Promise<CaseReportDto> {
    const report = await this.findInScope(user, id);
    return toReportDto(report, await this.geography.namesOf([report.communeCode]));
  }

  /** Whether the caller may see a report's test photo (registered with the file access checks). */
  async canSeePhoto(user: AuthUser, fileId: string): Promise<boolean> {
    const qb = this.reports.createQueryBuilder('r').where('r.photo_file_id = :fileId', { fileId });
    this.policy.scope(qb, user, reportScope);
    return (await qb.getCount()) > 0;
  }

  /** Accepts a report: an infection opens a case (one open case per ID number); a recovery records the negative test. */
  async accept(user: AuthUser, id: string, ctx: RequestContext): Promise<AcceptedReportDto> {
    await this.findInScope(user, id);
    const caseId = await this.dataSource.transaction(async (manager) => {
      const report = await manager.findOneOrFail(CaseReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (report.status !== ReportStatus.SUBMITTED) throw conflict(`This report was already ${report.status === ReportStatus.ACCEPTED ? 'accepted' : 'rejected'}`);
      let opened: Case;
      if (report.kind === ReportKind.INFECTION) {
        opened = await this.cases.openFromReport(manager, report, ctx);
      } else {
        opened = await this.cases.recordNegativeTest(manager, report, ctx);
      }
      await manager.update(CaseReport, { id }, { status: ReportStatus.ACCEPTED, caseId: opened.id, reviewedBy: user.id, reviewedAt: new Date() });
      await this.notifications.notify(manager, report.reporterId, 'REPORT_ACCEPTED', { kind: report.kind }, { type: 'case_report', id });
      await this.audit.record(ctx, { action: 'case_report.accept', entityType: 'case_report', entityId: id, before: { status: report.status }, after: { status: ReportStatus.ACCEPTED, caseId: opened.id }, ...codes(report) }, manager);
      return opened.id;
    });
    return { report: await this.get(user, id), case: await this.cases.get(user, caseId) };
  }

  async reject(user: AuthUser, id: string, reason: string, ctx: RequestContext): Promise<CaseReportDto> {
    await this.findInScope(user, id);
    await this.dataSource.transaction(async (manager) => {
      const report = await manager.findOneOrFail(CaseReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (report.status !== ReportStatus.SUBMITTED) throw conflict(`This report was already ${report.status === ReportStatus.ACCEPTED ? 'accepted' : 'rejected'}`);
      await manager.update(CaseReport, { id }, { status: ReportStatus.REJECTED, rejectionReason: reason, reviewedBy: user.id, reviewedAt: new Date() });
      await this.notifications.notify(manager, report.reporterId, 'REPORT_REJECTED', { kind: report.kind, reason }, { type: 'case_report', id });
      await this.audit.record(ctx, { action: 'case_report.reject', entityType: 'case_report', entityId: id, before: { status: report.status }, after: { status: ReportStatus.REJECTED, reason }, ...codes(report) }, manager);
    });
    return this.get(user, id);
  }

  /** Accepted infection reports (for drafting decisions), locked in the caller's transaction. */
  async acceptedInfectionReports(user: AuthUser, ids: string[]): Promise<CaseReport[]> {
    const rows = await Promise.all(ids.map((id) => this.findInScope(user, id)));
    for (const r of rows) {
      if (r.kind !== ReportKind.INFECTION || r.status !== ReportStatus.ACCEPTED || !r.caseId) {
        throw new DomainError(ErrorCode.CONFLICT, `Report ${r.id} is not an accepted infection report`, [{ field: 'reportIds', code: 'not_accepted', message: `${r.fullName}: the report is not accepted` }]);
      }
    }
    return rows;
  }
}

function codes(r: { provinceCode: string | null; districtCode: string | null; communeCode: string | null }) {
  return { provinceCode: r.provinceCode, districtCode: r.districtCode, communeCode: r.communeCode };
}

