import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { CaseStatus, CaseView, DANGER_SPO2_BELOW, DANGER_SYMPTOMS, ErrorCode, foldVietnamese, LIST_TOTAL_CAP } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { conflict, DomainError, forbidden } from '../../common/errors/domain-error';
import { KeysetQuery, type KeyColumn } from '../../common/db/keyset';
import { inOrderOf, streamIdBatches } from '../../common/db/stream-ids';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { uuidv7 } from '../../common/ids';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, daysBetween, vietnamDate } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { GeographyService } from '../geography/geography.service';
import { RollupService } from '../rollups/rollups.service';
import type { CaseReport } from './case-report.entity';
import { Case } from './case.entity';
import { CheckIn } from './check-in.entity';
import { NO_CHECK_IN_HOURS, toCaseDto, toCheckInDto } from './case-mapper';
import type { CaseDetailDto, CaseDto, CaseListDto, CaseQueryDto, CheckInDto, CheckInResultDto, DailyCountListDto } from './dtos/case.dto';
import { evaluateIsolation, type IsolationState } from './isolation-rules';
import { PoliciesService } from './policies.service';

const caseScope = scopeColumns('c', { owner: 'c.owner_id' });
const OPEN: CaseStatus[] = [CaseStatus.ISOLATING, CaseStatus.HOSPITALISED];
/** The one status each view lists. */
const VIEW_STATUS: Record<CaseView, CaseStatus> = {
  [CaseView.ISOLATING]: CaseStatus.ISOLATING,
  [CaseView.ATTENTION]: CaseStatus.ISOLATING,
  [CaseView.ELIGIBLE]: CaseStatus.ISOLATING,
  [CaseView.OVERDUE_CONFIRMATION]: CaseStatus.ISOLATING,
  [CaseView.HOSPITALISED]: CaseStatus.HOSPITALISED,
  [CaseView.RECOVERED]: CaseStatus.RECOVERED,
};
/** The case list's order (all descending): danger signs first, then the latest positive test; the id breaks ties. */
const CASE_ORDER: KeyColumn[] = [
  { sql: '(c.danger_since IS NOT NULL)', kind: 'boolean' },
  { sql: 'c.positive_test_date', kind: 'date' },
  { sql: 'c.id', kind: 'uuid' },
];

/** F0 cases: opened from accepted reports, followed through check-ins, closed by a recovery confirmation. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(CheckIn) private readonly checkIns: Repository<CheckIn>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly policies: PoliciesService,
    private readonly geography: GeographyService,
    private readonly audit: AuditService,
    @Inject(forwardRef(() => DocumentsService)) private readonly documents: DocumentsService,
    private readonly rollups: RollupService,
  ) {}

  /** The isolation state by the one rules function and the policy in force on the positive-test date. */
  async isolationOf(c: Pick<Case, 'policyVersion' | 'positiveTestDate' | 'vaccineDoses' | 'negativeTestDate'>, today = vietnamDate()): Promise<IsolationState> {
    return evaluateIsolation(await this.policies.byVersion(c.policyVersion), c, today);
  }

  private baseQuery(user: AuthUser, query: CaseQueryDto) {
    return this.filtered(this.policy.scope(this.cases.createQueryBuilder('c'), user, caseScope), query);
  }

  /**
   * The caller's cases as branches that never overlap, each filtered: one per part of the jurisdiction (see
   * JurisdictionPolicy.conditions) and status, the equality columns the idx_cases_*_list indexes lead with.
   */
  private branches(user: AuthUser, query: CaseQueryDto) {
    const statuses = Object.values(CaseStatus).filter((s) => (!query.status || s === query.status) && (!query.view || s === VIEW_STATUS[query.view]));
    return this.policy.conditions(user, caseScope).flatMap(({ sql, params }) =>
      statuses.map((status, i) => this.filtered(this.cases.createQueryBuilder('c').where(sql, params).andWhere(`c.status = :branchStatus${i}`, { [`branchStatus${i}`]: status }), query)),
    );
  }

  private filtered(qb: SelectQueryBuilder<Case>, query: CaseQueryDto) {
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.communeCode) qb.andWhere('c.commune_code = :commune', { commune: query.communeCode });
    if (query.districtCode) qb.andWhere('c.district_code = :district', { district: query.districtCode });
    if (query.from) qb.andWhere('c.positive_test_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.positive_test_date <= :to', { to: query.to });
    if (query.q?.trim()) {
      const term = `%${foldVietnamese(query.q).replace(/[%_\\]/g, (ch) => '\\' + ch)}%`;
      qb.andWhere(new Brackets((w) => w.where('c.full_name_folded LIKE :term').orWhere('c.id_number LIKE :idTerm')), { term, idTerm: `${query.q.trim().toUpperCase()}%` });
    }
    switch (query.view) {
      case CaseView.ISOLATING:
      case CaseView.ELIGIBLE:
      case CaseView.OVERDUE_CONFIRMATION:
        qb.andWhere('c.status = :isolating', { isolating: CaseStatus.ISOLATING });
        break;
      case CaseView.HOSPITALISED:
        qb.andWhere('c.status = :hospitalised', { hospitalised: CaseStatus.HOSPITALISED });
        break;
      case CaseView.RECOVERED:
        qb.andWhere('c.status = :recovered', { recovered: CaseStatus.RECOVERED });
        break;
      case CaseView.ATTENTION:
        qb.andWhere('c.status = :isolating', { isolating: CaseStatus.ISOLATING });
        qb.andWhere(`(c.danger_since IS NOT NULL OR c.high_risk OR COALESCE(c.last_check_in_at, c.opened_at) < now() - make_interval(hours => :noCheckIn))`, { noCheckIn: NO_CHECK_IN_HOURS });
        break;
    }
    return qb;
  }

  async list(user: AuthUser, query: CaseQueryDto): Promise<CaseListDto> {
    const limit = query.limit ?? 50;
    const today = vietnamDate();
    if (query.view === CaseView.ELIGIBLE || query.view === CaseView.OVERDUE_CONFIRMATION) return this.listByRules(user, query, limit, today);
    // Danger signs first, then the latest positive test: keyset pages over the idx_cases_*_list indexes.
    const branches = this.branches(user, query);
    if (!branches.length) return { items: [], nextCursor: null, total: 0, totalCapped: false }; // a status the view excludes
    const { ids, nextCursor, total, capped } = await new KeysetQuery(this.dataSource, branches, CASE_ORDER).read(limit, query.cursor, LIST_TOTAL_CAP);
    const rows = ids.length ? inOrderOf(ids, await this.cases.findBy({ id: In(ids) })) : [];
    return { items: await this.toDtos(rows, today), nextCursor, total, totalCapped: capped };
  }

  /**
   * The eligible (or overdue) isolating cases: eligibility comes from the dated rules function, not SQL, so the
   * isolating cases in scope are evaluated (the fields the rules read only, in the list's order) and paged by
   * offset. SQL narrows them first by what every policy implies: eligible from the last regular day at the
   * earliest (positive test + isolationDays - 1), overdue more than confirmationDueDays after that.
   */
  private async listByRules(user: AuthUser, query: CaseQueryDto, limit: number, today: string): Promise<CaseListDto> {
    const offset = decodeOffset(query.cursor);
    const policies = await this.policies.all();
    const minDays = Math.min(...policies.map((p) => p.isolationDays));
    const minDue = Math.min(...policies.map((p) => p.confirmationDueDays));
    const latestTest = query.view === CaseView.ELIGIBLE ? addDays(today, 1 - minDays) : addDays(today, -minDue - minDays);
    const qb = this.baseQuery(user, query)
      .andWhere('c.positive_test_date <= :latestTest', { latestTest })
      .select('c.id', 'id')
      .addSelect('c.policy_version', 'policyVersion')
      .addSelect(`to_char(c.positive_test_date, 'YYYY-MM-DD')`, 'positiveTestDate')
      .addSelect('c.vaccine_doses', 'vaccineDoses')
      .addSelect(`to_char(c.negative_test_date, 'YYYY-MM-DD')`, 'negativeTestDate');
    CASE_ORDER.forEach((c, i) => (i ? qb.addOrderBy(c.sql, 'DESC') : qb.orderBy(c.sql, 'DESC')));
    const candidates = await qb.getRawMany<Pick<Case, 'id' | 'policyVersion' | 'positiveTestDate' | 'vaccineDoses' | 'negativeTestDate'>>();
    const states = await Promise.all(candidates.map((c) => this.isolationOf(c, today)));
    const wanted = candidates.filter((_, i) => (query.view === CaseView.ELIGIBLE ? states[i].eligible : states[i].overdueConfirmation));
    const { items, nextCursor } = page(wanted.slice(offset, offset + limit + 1), offset, limit);
    const ids = items.map((c) => c.id);
    const rows = ids.length ? inOrderOf(ids, await this.cases.findBy({ id: In(ids) })) : [];
    return { items: await this.toDtos(rows, today), nextCursor, total: wanted.length, totalCapped: false };
  }

  private async toDtos(rows: Case[], today = vietnamDate()): Promise<CaseDto[]> {
    const names = await this.geography.namesOf(rows.flatMap((c) => [c.communeCode, c.districtCode]));
    const documents = await this.documents.flagsForCases(rows.map((c) => c.id));
    return Promise.all(rows.map(async (c) => toCaseDto(c, await this.isolationOf(c, today), names, documents.get(c.id) ?? { isolation: false, recovery: false })));
  }

  async findInScope(user: AuthUser, id: string, manager?: EntityManager): Promise<Case> {
    const repo = manager ? manager.getRepository(Case) : this.cases;
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findOne({ where: { id }, ...(manager ? { lock: { mode: 'pessimistic_write' as const } } : {}) }) : null;
    return this.policy.assertInScope(user, found ? { ...found, ownerId: found.ownerId } : null, 'Case') as Case;
  }

  async get(user: AuthUser, id: string): Promise<CaseDetailDto> {
    const c = await this.findInScope(user, id);
    const [dto] = await this.toDtos([c]);
    const checkIns = await this.checkIns.find({ where: { caseId: id }, order: { createdAt: 'DESC' }, take: 30 });
    return { ...dto, checkIns: checkIns.map(toCheckInDto), documents: await this.documents.summariesForCase(id) };
  }

  /** A citizen's own open case (for recovery reports and check-ins). */
  async findOwnOpenCase(user: AuthUser, id: string): Promise<Case> {
    const c = await this.findInScope(user, id);
    if (!OPEN.includes(c.status)) throw conflict('This case is already closed');
    return c;
  }

  /** Opens a case from an infection report inside the accepting transaction; a second open case for the same ID number is refused. */
  async openFromReport(manager: EntityManager, report: CaseReport, ctx: RequestContext): Promise<Case> {
    const existing = await manager.findOne(Case, { where: { idNumber: report.idNumber, status: In(OPEN) } });
    if (existing) {
      throw new DomainError(ErrorCode.DUPLICATE, 'This person already has an open case', [{ field: 'idNumber', code: 'open_case', message: `An open case exists for ${report.idNumber} (opened ${existing.openedAt.toISOString().slice(0, 10)})` }]);
    }
    const rules = await this.policies.inForce(report.testDate);
    const opened = manager.create(Case, {
      id: uuidv7(),
      status: CaseStatus.ISOLATING,
      ownerId: report.reporterId,
      fullName: report.fullName,
      fullNameFolded: report.fullNameFolded,
      idNumber: report.idNumber,
      dateOfBirth: report.dateOfBirth,
      gender: report.gender,
      phone: report.phone,
      address: report.address,
      provinceCode: report.provinceCode,
      districtCode: report.districtCode,
      communeCode: report.communeCode,
      positiveTestDate: report.testDate,
      testType: report.testType,
      vaccineDoses: report.vaccineDoses,
      highRisk: report.highRisk,
      backRegistered: report.backRegistered,
      policyVersion: rules.version,
      infectionReportId: report.id,
      negativeTestDate: null,
      negativeTestType: null,
      lastCheckInAt: null,
      dangerSince: report.symptoms.some((s) => DANGER_SYMPTOMS.includes(s)) ? new Date() : null,
      recoveredAt: null,
    });
    await manager.insert(Case, opened);
    await this.audit.record(ctx, { action: 'case.open', entityType: 'case', entityId: opened.id, after: { status: opened.status, positiveTestDate: opened.positiveTestDate, policyVersion: opened.policyVersion }, ...codes(opened) }, manager);
    return manager.findOneByOrFail(Case, { id: opened.id });
  }

  /** Records an accepted recovery report's negative test on its case. */
  async recordNegativeTest(manager: EntityManager, report: CaseReport, ctx: RequestContext): Promise<Case> {
    const c = await manager.findOne(Case, { where: { id: report.caseId! }, lock: { mode: 'pessimistic_write' } });
    if (!c || !OPEN.includes(c.status)) throw conflict('The case of this recovery report is already closed');
    await manager.update(Case, { id: c.id }, { negativeTestDate: report.testDate, negativeTestType: report.testType });
    await this.audit.record(ctx, { action: 'case.negative_test', entityType: 'case', entityId: c.id, before: { negativeTestDate: c.negativeTestDate }, after: { negativeTestDate: report.testDate }, ...codes(c) }, manager);
    return manager.findOneByOrFail(Case, { id: c.id });
  }

  async checkIn(user: AuthUser, id: string, dto: CheckInDto, ctx: RequestContext): Promise<CheckInResultDto> {
    const c = await this.findInScope(user, id);
    if (c.ownerId !== user.id) throw forbidden('Only the person isolating checks in');
    if (c.status !== CaseStatus.ISOLATING) throw conflict('Check-ins are for cases isolating at home');
    const dangerSigns = (dto.spo2 !== undefined && dto.spo2 < DANGER_SPO2_BELOW) || dto.symptoms.some((s) => DANGER_SYMPTOMS.includes(s));
    const checkIn = this.checkIns.create({ id: uuidv7(), caseId: id, symptoms: dto.symptoms, temperature: dto.temperature ?? null, spo2: dto.spo2 ?? null, dangerSigns });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(CheckIn, checkIn);
      await manager.update(Case, { id }, { lastCheckInAt: new Date(), dangerSince: dangerSigns ? (c.dangerSince ?? new Date()) : null });
      await this.audit.record(ctx, { action: 'case.check_in', entityType: 'case', entityId: id, after: { dangerSigns }, ...codes(c) }, manager);
    });
    const saved = await this.checkIns.findOneByOrFail({ id: checkIn.id });
    return { checkIn: toCheckInDto(saved), dangerSigns, advice: dangerSigns ? 'CALL_NOW' : 'CONTINUE' };
  }

  async setHospitalised(user: AuthUser, id: string, hospitalised: boolean, ctx: RequestContext): Promise<CaseDetailDto> {
    await this.findInScope(user, id);
    await this.dataSource.transaction(async (manager) => {
      const c = await this.findInScope(user, id, manager);
      const from = hospitalised ? CaseStatus.ISOLATING : CaseStatus.HOSPITALISED;
      const to = hospitalised ? CaseStatus.HOSPITALISED : CaseStatus.ISOLATING;
      if (c.status !== from) throw conflict(`The case is ${c.status}, not ${from}`);
      await manager.update(Case, { id }, { status: to });
      await this.audit.record(ctx, { action: hospitalised ? 'case.hospitalise' : 'case.return_home', entityType: 'case', entityId: id, before: { status: from }, after: { status: to }, ...codes(c) }, manager);
    });
    return this.get(user, id);
  }

  /** Signing a recovery confirmation closes the case; revoking it reopens the case. */
  async closeByConfirmation(manager: EntityManager, caseId: string, ctx: RequestContext): Promise<void> {
    const c = await manager.findOneOrFail(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!OPEN.includes(c.status)) throw conflict(`The case of ${c.fullName} is already closed`);
    await manager.update(Case, { id: caseId }, { status: CaseStatus.RECOVERED, recoveredAt: new Date(), dangerSince: null });
    await this.audit.record(ctx, { action: 'case.recover', entityType: 'case', entityId: caseId, before: { status: c.status }, after: { status: CaseStatus.RECOVERED }, ...codes(c) }, manager);
  }

  async reopenAfterRevocation(manager: EntityManager, caseId: string, ctx: RequestContext): Promise<void> {
    const c = await manager.findOneOrFail(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (c.status !== CaseStatus.RECOVERED) return;
    const other = await manager.findOne(Case, { where: { idNumber: c.idNumber, status: In(OPEN) } });
    if (other) throw conflict('This person has a newer open case; the confirmation cannot be revoked');
    await manager.update(Case, { id: caseId }, { status: CaseStatus.ISOLATING, recoveredAt: null });
    await this.audit.record(ctx, { action: 'case.reopen', entityType: 'case', entityId: caseId, before: { status: c.status }, after: { status: CaseStatus.ISOLATING }, ...codes(c) }, manager);
  }

  /** Cases for documents, checked against the caller's jurisdiction. */
  async casesInScope(user: AuthUser, ids: string[]): Promise<Case[]> {
    return Promise.all(ids.map((id) => this.findInScope(user, id)));
  }

  /**
   * New cases, recoveries and active cases per day and district (by positive-test and recovery dates, Vietnam
   * time), from the rollup_cases rollup: active on a day = every new case up to that day minus every recovery
   * up to that day (all history, a window sum over the rollup). A district is listed when it had a case active
   * the day before `from`, or new cases or recoveries in the range.
   */
  async daily(user: AuthUser, from: string, to: string, districtCode?: string): Promise<DailyCountListDto> {
    if (to < from) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', [{ field: 'to', code: 'before_from', message: 'to must not be before from' }]);
    if (daysBetween(from, to) > 366) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid input', [{ field: 'from', code: 'range', message: 'at most one year at a time' }]);
    await this.rollups.ensureFresh();
    const { sql, params } = this.policy.condition(user, scopeColumns('r'));
    const named: Record<string, unknown> = { ...params, from, to, district: districtCode ?? null };
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH days AS (SELECT d::date AS day FROM generate_series(:from::date, :to::date, interval '1 day') d),
            scoped AS (SELECT r.district_code, r.day, sum(r.new_cases) AS n, sum(r.recoveries) AS rc FROM rollup_cases r
                       WHERE ${sql} AND r.district_code IS NOT NULL AND (:district::varchar IS NULL OR r.district_code = :district) AND r.day <= :to::date
                       GROUP BY 1, 2),
            before AS (SELECT district_code, sum(n) - sum(rc) AS active FROM scoped WHERE day < :from::date GROUP BY 1),
            districts AS (SELECT district_code FROM before WHERE active <> 0
                          UNION SELECT district_code FROM scoped WHERE day >= :from::date AND (n <> 0 OR rc <> 0))
       SELECT to_char(days.day, 'YYYY-MM-DD') AS date, districts.district_code AS "districtCode",
              COALESCE(s.n, 0)::int AS "newCases", COALESCE(s.rc, 0)::int AS recoveries,
              (COALESCE(b.active, 0) + sum(COALESCE(s.n, 0) - COALESCE(s.rc, 0)) OVER (PARTITION BY districts.district_code ORDER BY days.day))::int AS active
       FROM days CROSS JOIN districts
       LEFT JOIN before b ON b.district_code = districts.district_code
       LEFT JOIN scoped s ON s.district_code = districts.district_code AND s.day = days.day
       ORDER BY days.day, districts.district_code`,
      named,
    );
    const rows: { date: string; districtCode: string; newCases: number; recoveries: number; active: number }[] = await this.dataSource.query(query, values);
    const names = await this.geography.namesOf(rows.map((r) => r.districtCode));
    return { items: rows.map((r) => ({ ...r, districtName: names.get(r.districtCode) ?? r.districtCode })) };
  }

  /** Every case matching the filters, for the CSV export: one cursor over the ids, records loaded in batches. */
  async *exportRows(user: AuthUser, query: CaseQueryDto): AsyncGenerator<CaseDto> {
    const today = vietnamDate();
    const filtered = this.baseQuery(user, { ...query, view: query.view === CaseView.ELIGIBLE || query.view === CaseView.OVERDUE_CONFIRMATION ? CaseView.ISOLATING : query.view })
      .orderBy('c.positive_test_date', 'DESC')
      .addOrderBy('c.id', 'DESC');
    for await (const ids of streamIdBatches(this.dataSource, filtered, 'c.id', 500)) {
      for (const dto of await this.toDtos(inOrderOf(ids, await this.cases.findBy({ id: In(ids) })), today)) {
        if (query.view === CaseView.ELIGIBLE && !dto.isolation.eligible) continue;
        if (query.view === CaseView.OVERDUE_CONFIRMATION && !dto.isolation.overdueConfirmation) continue;
        yield dto;
      }
    }
  }
}

function codes(c: { provinceCode: string | null; districtCode: string | null; communeCode: string | null }) {
  return { provinceCode: c.provinceCode, districtCode: c.districtCode, communeCode: c.communeCode };
}
