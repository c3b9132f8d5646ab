import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { DocumentKind, DocumentStatus, ErrorCode, maskName, UnitLevel } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { conflict, DomainError, invalid, notFound } from '../../common/errors/domain-error';
import { decodeOffset, page } from '../../common/http/offset-cursor';
import { uuidv7 } from '../../common/ids';
import { PdfService } from '../../common/pdf/pdf.service';
import { JurisdictionPolicy, scopeColumns } from '../../common/policy/jurisdiction.policy';
import { addDays, startOfVietnamDay, vietnamDate } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../accounts/auth.service';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { CasesService } from '../cases/cases.service';
import { PoliciesService } from '../cases/policies.service';
import { ReportsService } from '../cases/reports.service';
import { FileStorage } from '../files/file-storage.service';
import { GeographyService } from '../geography/geography.service';
import type { Case } from '../cases/case.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { CaseDocument } from './document.entity';
import { documentSpec } from './document-text';
import type { CaseDocumentDto, CaseDocumentListDto, DocumentQueryDto, PublicDocumentDto, UpdateDraftDto } from './dtos/document.dto';
import type { DocumentSummaryDto } from '../cases/dtos/case.dto';

const documentScope = scopeColumns('d', { owner: 'd.owner_id' });
const ID_PATTERN = /^[0-9a-f-]{36}$/i;
const LIVE = [DocumentStatus.DRAFT, DocumentStatus.ISSUED];

/** Isolation decisions and recovery confirmations: drafted by staff, signed (numbered, rendered, frozen) by leaders. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectRepository(CaseDocument) private readonly documents: Repository<CaseDocument>,
    private readonly dataSource: DataSource,
    private readonly policy: JurisdictionPolicy,
    private readonly policies: PoliciesService,
    @Inject(forwardRef(() => CasesService)) private readonly cases: CasesService,
    @Inject(forwardRef(() => ReportsService)) private readonly reports: ReportsService,
    private readonly geography: GeographyService,
    private readonly auth: AuthService,
    private readonly pdf: PdfService,
    private readonly files: FileStorage,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/citizen/verify/${code}`;
  }

  /** Drafts isolation decisions from accepted infection reports, prefilled from the case and the policy in force. */
  async draftDecisions(user: AuthUser, reportIds: string[], ctx: RequestContext): Promise<CaseDocumentDto[]> {
    const reports = await this.reports.acceptedInfectionReports(user, reportIds);
    const cases = await this.cases.casesInScope(user, reports.map((r) => r.caseId!));
    return this.draft(user, ctx, DocumentKind.ISOLATION_DECISION, cases, async (c, i) => {
      const rules = await this.policies.byVersion(c.policyVersion);
      return { reportId: reports[i].id, endDate: addDays(c.positiveTestDate, rules.isolationDays - 1), negativeTestType: null, negativeTestDate: null };
    });
  }

  /** Drafts recovery confirmations for cases eligible to end isolation by the dated rules. */
  async draftConfirmations(user: AuthUser, caseIds: string[], ctx: RequestContext): Promise<CaseDocumentDto[]> {
    const cases = await this.cases.casesInScope(user, caseIds);
    const today = vietnamDate();
    const states = await Promise.all(cases.map((c) => this.cases.isolationOf(c, today)));
    const notEligible = cases.filter((c, i) => c.status === 'RECOVERED' || !states[i].eligible);
    if (notEligible.length) {
      throw new DomainError(ErrorCode.CONFLICT, 'Some cases may not end isolation yet', notEligible.map((c) => ({ field: 'caseIds', code: 'not_eligible', message: `${c.fullName}: not eligible to end isolation` })));
    }
    return this.draft(user, ctx, DocumentKind.RECOVERY_CONFIRMATION, cases, async (c, i) => ({
      reportId: null,
      endDate: states[i].eligibleFrom ?? today,
      negativeTestType: c.negativeTestType,
      negativeTestDate: c.negativeTestDate,
    }));
  }

  /** One draft per case, in one transaction, with what differs by kind supplied by `specifics`. */
  private async draft(
    user: AuthUser,
    ctx: RequestContext,
    kind: DocumentKind,
    cases: Case[],
    specifics: (c: Case, index: number) => Promise<Pick<CaseDocument, 'reportId' | 'endDate' | 'negativeTestType' | 'negativeTestDate'>>,
  ): Promise<CaseDocumentDto[]> {
    await this.assertNoLiveDocument(kind, cases.map((c) => c.id));
    const ids = await this.dataSource.transaction(async (manager) => {
      const created: string[] = [];
      for (const [i, c] of cases.entries()) {
        const rules = await this.policies.byVersion(c.policyVersion);
        created.push(
          await this.insertDraft(manager, user, ctx, {
            kind,
            caseId: c.id,
            ownerId: c.ownerId,
            holderName: c.fullName,
            holderIdNumber: c.idNumber,
            holderDateOfBirth: c.dateOfBirth,
            place: await this.placeOf(c.address, c.communeCode),
            startDate: c.positiveTestDate,
            legalBasis: rules.legalBasis,
            policyVersion: rules.version,
            provinceCode: c.provinceCode,
            districtCode: c.districtCode,
            communeCode: c.communeCode,
            ...(await specifics(c, i)),
          }),
        );
      }
      return created;
    });
    return this.byIds(ids);
  }

  private async placeOf(address: string, communeCode: string | null): Promise<string> {
    const unit = communeCode ? await this.geography.detail(communeCode).catch(() => null) : null;
    if (!unit) return address;
    return [address, unit.nameWithType, ...unit.ancestors.slice().reverse().map((a) => a.nameWithType)].join(', ');
  }

  private async assertNoLiveDocument(kind: DocumentKind, caseIds: string[]): Promise<void> {
    const existing = await this.documents.find({ where: { kind, caseId: In(caseIds), status: In(LIVE) } });
    if (existing.length) {
      throw new DomainError(ErrorCode.CONFLICT, 'A draft or issued document already exists for some of these', existing.map((d) => ({ field: 'ids', code: 'exists', message: `${d.holderName}: ${d.status === 'DRAFT' ? 'a draft exists' : `already issued (${d.numberText})`}` })));
    }
  }

  private async insertDraft(manager: EntityManager, user: AuthUser, ctx: RequestContext, fields: Omit<CaseDocument, 'id' | 'status' | 'number' | 'year' | 'numberText' | 'verifyCode' | 'draftedBy' | 'signerId' | 'signerName' | 'signerTitle' | 'signedAt' | 'pdfFileId' | 'pdfSha256' | 'revokedAt' | 'revokedBy' | 'revokeReason' | 'createdAt' | 'updatedAt'>): Promise<string> {
    const id = uuidv7();
    await manager.insert(CaseDocument, { ...fields, id, status: DocumentStatus.DRAFT, verifyCode: randomBytes(16).toString('base64url'), draftedBy: user.id });
    await this.audit.record(ctx, { action: `${kindName(fields.kind)}.draft`, entityType: 'document', entityId: id, after: { caseId: fields.caseId, startDate: fields.startDate, endDate: fields.endDate }, ...codes(fields) }, manager);
    return id;
  }

  async list(user: AuthUser, kind: DocumentKind, query: DocumentQueryDto): Promise<CaseDocumentListDto> {
    const limit = query.limit ?? 50;
    const offset = decodeOffset(query.cursor);
    const qb = this.documents.createQueryBuilder('d').where('d.kind = :kind', { kind });
    this.policy.scope(qb, user, documentScope);
    if (user.role === 'CITIZEN') qb.andWhere('d.status <> :draft', { draft: DocumentStatus.DRAFT });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.communeCode) qb.andWhere('d.commune_code = :commune', { commune: query.communeCode });
    if (query.from) qb.andWhere('COALESCE(d.signed_at, d.created_at) >= :from', { from: startOfVietnamDay(query.from) });
    if (query.to) qb.andWhere('COALESCE(d.signed_at, d.created_at) < :to', { to: startOfVietnamDay(addDays(query.to, 1)) });
    if (query.q?.trim()) {
      const q = query.q.trim();
      // Holder names are matched as typed (case-insensitive); ID and document numbers by prefix.
      qb.andWhere(new Brackets((w) => w.where('d.holder_name ILIKE :term').orWhere('d.holder_id_number LIKE :prefix').orWhere('d.number_text ILIKE :prefix')), { term: `%${q.replace(/[%_\\]/g, (c) => '\\' + c)}%`, prefix: `${q.toUpperCase()}%` });
    }
    const total = await qb.clone().getCount();
    const rows = await qb.orderBy('COALESCE(d.signed_at, d.created_at)', 'DESC').addOrderBy('d.id', 'DESC').offset(offset).limit(limit + 1).getMany();
    const { items, nextCursor } = page(rows, offset, limit);
    return { items: await this.toDtos(items), nextCursor, total };
  }

  private async findInScope(user: AuthUser, id: string, kind?: DocumentKind): Promise<CaseDocument> {
    const doc = ID_PATTERN.test(id) ? await this.documents.findOneBy({ id }) : null;
    return this.assertVisible(user, doc, kind);
  }

  /** findInScope for many ids in one query: the same 404 as findInScope for the first id not found or out of scope. */
  private async findAllInScope(user: AuthUser, ids: string[], kind: DocumentKind): Promise<CaseDocument[]> {
    const valid = ids.filter((id) => ID_PATTERN.test(id));
    const rows = valid.length ? await this.documents.findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.map((id) => this.assertVisible(user, byId.get(id) ?? null, kind));
  }

  private assertVisible(user: AuthUser, doc: CaseDocument | null, kind?: DocumentKind): CaseDocument {
    const visible = doc && (!kind || doc.kind === kind) && !(user.role === 'CITIZEN' && doc.status === DocumentStatus.DRAFT);
    return this.policy.assertInScope(user, visible ? { ...doc, ownerId: doc.ownerId } : null, 'Document') as CaseDocument;
  }

  async get(user: AuthUser, kind: DocumentKind, id: string): Promise<CaseDocumentDto> {
    return (await this.toDtos([await this.findInScope(user, id, kind)]))[0];
  }

  async updateDraft(user: AuthUser, kind: DocumentKind, id: string, dto: UpdateDraftDto, ctx: RequestContext): Promise<CaseDocumentDto> {
    await this.findInScope(user, id, kind);
    await this.dataSource.transaction(async (manager) => {
      const doc = await manager.findOneOrFail(CaseDocument, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (doc.status !== DocumentStatus.DRAFT) throw conflict('Only a draft can be edited');
      const next = { place: dto.place ?? doc.place, startDate: dto.startDate ?? doc.startDate, endDate: dto.endDate ?? doc.endDate };
      if (next.endDate < next.startDate) throw invalid('endDate', 'before_start', 'endDate must not be before startDate');
      await manager.update(CaseDocument, { id }, next);
      await this.audit.record(ctx, { action: `${kindName(kind)}.edit`, entityType: 'document', entityId: id, before: { place: doc.place, startDate: doc.startDate, endDate: doc.endDate }, after: next, ...codes(doc) }, manager);
    });
    return this.get(user, kind, id);
  }

  async deleteDraft(user: AuthUser, kind: DocumentKind, id: string, ctx: RequestContext): Promise<void> {
    await this.findInScope(user, id, kind);
    await this.dataSource.transaction(async (manager) => {
      const doc = await manager.findOneOrFail(CaseDocument, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (doc.status !== DocumentStatus.DRAFT) throw conflict('Only a draft can be deleted; revoke an issued document instead');
      await manager.delete(CaseDocument, { id });
      await this.audit.record(ctx, { action: `${kindName(kind)}.delete_draft`, entityType: 'document', entityId: id, before: { caseId: doc.caseId }, ...codes(doc) }, manager);
    });
  }

  /**
   * Signs and issues drafts (one commune leader, up to 200 at once): in one transaction each gets the next number
   * of its commune, kind and year (a locked counter row: no gaps, no duplicates under concurrency), its PDF is
   * rendered once and stored with its SHA-256, and a confirmation closes its case. The batch's numbers are taken
   * first (one counter statement per commune), then its PDFs render concurrently in PdfService's worker threads,
   * then everything is written.
   */
  async sign(user: AuthUser, kind: DocumentKind, ids: string[], ctx: RequestContext): Promise<CaseDocumentDto[]> {
    const found = await this.findAllInScope(user, ids, kind);
    const signature = await this.auth.signature(user.id);
    // Read before the transaction: inside it, a query on another pooled connection could wait for one that
    // concurrent signings hold while they queue on the counter lock this transaction holds (a pool deadlock).
    const units = new Map<string, Awaited<ReturnType<GeographyService['detail']>>>();
    for (const code of new Set(found.map((d) => d.communeCode!))) units.set(code, await this.geography.detail(code));
    const policies = new Map<string, Awaited<ReturnType<PoliciesService['byVersion']>>>();
    for (const version of new Set(found.map((d) => d.policyVersion))) policies.set(version, await this.policies.byVersion(version));
    await this.dataSource.transaction(async (manager) => {
      const docs = await manager.find(CaseDocument, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const notDraft = docs.filter((d) => d.status !== DocumentStatus.DRAFT);
      if (notDraft.length) {
        throw new DomainError(ErrorCode.CONFLICT, 'Only drafts can be signed', notDraft.map((d) => ({ field: 'ids', code: 'not_draft', message: `${d.holderName}: ${d.status === 'ISSUED' ? `already issued (${d.numberText})` : 'revoked'}` })));
      }
      const signedAt = new Date();
      const year = Number(vietnamDate(signedAt).slice(0, 4));
      // Numbers in id order within each commune, as if taken one by one; counters locked in commune order.
      const numbers = new Map<string, number>();
      const byCommune = new Map<string, CaseDocument[]>();
      for (const doc of docs) {
        const batch = byCommune.get(doc.communeCode!);
        if (batch) batch.push(doc);
        else byCommune.set(doc.communeCode!, [doc]);
      }
      for (const commune of [...byCommune.keys()].sort()) {
        const batch = byCommune.get(commune)!;
        const last = await this.takeNumbers(manager, commune, kind, year, batch.length);
        batch.forEach((doc, i) => numbers.set(doc.id, last - batch.length + 1 + i));
      }
      const issued = docs.map((doc) => {
        const rules = policies.get(doc.policyVersion)!;
        const number = numbers.get(doc.id)!;
        const numberText = `${number}/${kind === DocumentKind.ISOLATION_DECISION ? rules.decisionSuffix : rules.confirmationSuffix}`;
        return { doc, number, numberText };
      });
      // What may still refuse (a case closed meanwhile) before the rendering.
      if (kind === DocumentKind.RECOVERY_CONFIRMATION) for (const { doc } of issued) await this.cases.closeByConfirmation(manager, doc.caseId, ctx);
      const pdfs = await Promise.all(
        issued.map(({ doc, numberText }) => this.pdf.renderOfficialDocument(documentSpec({ ...doc, numberText }, units.get(doc.communeCode!)!, { ...signature, signedAt }, this.verifyUrl(doc.verifyCode)))),
      );
      const audits: AuditEntry[] = [];
      for (const [i, { doc, number, numberText }] of issued.entries()) {
        const stored = await this.files.save({ purpose: 'document-pdf', ownerId: null, data: pdfs[i], allowed: ['application/pdf'], maxBytes: 5 * 1024 * 1024, manager });
        await manager.update(CaseDocument, { id: doc.id }, { status: DocumentStatus.ISSUED, number, year, numberText, signerId: user.id, signerName: signature.fullName, signerTitle: signature.title, signedAt, pdfFileId: stored.id, pdfSha256: stored.sha256 });
        await this.notifications.notify(manager, doc.ownerId, 'DOCUMENT_ISSUED', { kind, numberText }, { type: 'document', id: doc.id });
        audits.push({ action: `${kindName(kind)}.sign`, entityType: 'document', entityId: doc.id, before: { status: DocumentStatus.DRAFT }, after: { status: DocumentStatus.ISSUED, numberText, pdfSha256: stored.sha256 }, ...codes(doc) });
      }
      await this.audit.recordMany(ctx, audits, manager);
    });
    return this.byIds(ids);
  }

  /** Takes `count` consecutive numbers of a commune, kind and year (the counter row stays locked until commit); returns the last. */
  private async takeNumbers(manager: EntityManager, communeCode: string, kind: DocumentKind, year: number, count: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO document_counters (commune_code, kind, year, last_number) VALUES ($1, $2, $3, $4)
       ON CONFLICT (commune_code, kind, year) DO UPDATE SET last_number = document_counters.last_number + EXCLUDED.last_number
       RETURNING last_number`,
      [communeCode, kind, year, count],
    );
    return row.last_number as number;
  }

  async revoke(user: AuthUser, kind: DocumentKind, id: string, reason: string, ctx: RequestContext): Promise<CaseDocumentDto> {
    await this.findInScope(user, id, kind);
    await this.dataSource.transaction(async (manager) => {
      const doc = await manager.findOneOrFail(CaseDocument, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (doc.status !== DocumentStatus.ISSUED) throw conflict(doc.status === DocumentStatus.DRAFT ? 'A draft is deleted, not revoked' : 'This document is already revoked');
      await manager.update(CaseDocument, { id }, { status: DocumentStatus.REVOKED, revokedAt: new Date(), revokedBy: user.id, revokeReason: reason });
      if (kind === DocumentKind.RECOVERY_CONFIRMATION) await this.cases.reopenAfterRevocation(manager, doc.caseId, ctx);
      await this.notifications.notify(manager, doc.ownerId, 'DOCUMENT_REVOKED', { kind, numberText: doc.numberText, reason }, { type: 'document', id });
      await this.audit.record(ctx, { action: `${kindName(kind)}.revoke`, entityType: 'document', entityId: id, before: { status: DocumentStatus.ISSUED }, after: { status: DocumentStatus.REVOKED, reason }, ...codes(doc) }, manager);
    });
    return this.get(user, kind, id);
  }

  /** The frozen PDF exactly as signed. */
  async pdfOf(user: AuthUser, kind: DocumentKind, id: string): Promise<{ data: Buffer; filename: string }> {
    const doc = await this.findInScope(user, id, kind);
    if (!doc.pdfFileId) throw notFound('PDF');
    const file = await this.files.read(doc.pdfFileId);
    if (!file) throw notFound('PDF');
    return { data: file.data, filename: `${kind === DocumentKind.ISOLATION_DECISION ? 'quyet-dinh-cach-ly' : 'giay-xac-nhan-khoi-benh'}-${(doc.numberText ?? doc.id).replace(/[^\w-]+/g, '-')}.pdf` };
  }

  /** Public verification: only what a verifier needs, the holder's name masked. */
  async verify(code: string): Promise<PublicDocumentDto> {
    const doc = /^[A-Za-z0-9_-]{16,40}$/.test(code) ? await this.documents.findOneBy({ verifyCode: code, status: Not(DocumentStatus.DRAFT) }) : null;
    if (!doc || !doc.signedAt || !doc.numberText || !doc.pdfSha256) throw notFound('Document');
    const names = await this.geography.namesOf([doc.communeCode]);
    return {
      kind: doc.kind,
      numberText: doc.numberText,
      issuer: `UBND ${names.get(doc.communeCode!) ?? ''}`.trim(),
      signedAt: doc.signedAt.toISOString(),
      startDate: doc.startDate,
      endDate: doc.endDate,
      status: doc.status === DocumentStatus.REVOKED ? 'REVOKED' : 'VALID',
      revokedAt: doc.revokedAt?.toISOString() ?? null,
      holderName: maskName(doc.holderName),
      pdfSha256: doc.pdfSha256,
    };
  }

  /** The commune's F0 poster: A4, Vietnamese, a QR opening the citizen app's report form with the commune preselected. */
  async poster(user: AuthUser, communeCode: string): Promise<Buffer> {
    const unit = await this.geography.resolve(communeCode);
    if (!unit || unit.level !== UnitLevel.COMMUNE) throw notFound('Commune');
    this.policy.assertUnitInScope(user, unit);
    const detail = await this.geography.detail(communeCode);
    const district = detail.ancestors.find((a) => a.level === UnitLevel.DISTRICT);
    return this.pdf.renderPoster({
      title: 'KHAI BÁO NHIỄM COVID-19 (F0) TRỰC TUYẾN',
      lines: [
        `Người dân ${detail.nameWithType}${district ? `, ${district.nameWithType}` : ''} khi có kết quả xét nghiệm dương tính:`,
        '1. Dùng điện thoại quét mã QR dưới đây.',
        '2. Đăng nhập hoặc đăng ký bằng số điện thoại.',
        '3. Khai báo thông tin, kết quả xét nghiệm và người sống cùng nhà.',
        '4. UBND xã xem xét và gửi Quyết định cách ly y tế tại nhà trên ứng dụng.',
        'Khi có dấu hiệu nguy hiểm (SpO2 dưới 96%, khó thở, đau tức ngực, lú lẫn): gọi ngay Trạm y tế xã hoặc 115.',
      ],
      url: `${this.config.publicUrl}/citizen/reports/new?commune=${communeCode}`,
      footer: `UBND ${detail.nameWithType} - Trạm Y tế ${detail.nameWithType}`,
    });
  }

  async flagsForCases(caseIds: string[]): Promise<Map<string, { isolation: boolean; recovery: boolean }>> {
    const flags = new Map<string, { isolation: boolean; recovery: boolean }>();
    if (!caseIds.length) return flags;
    const rows = await this.documents.find({ where: { caseId: In(caseIds), status: DocumentStatus.ISSUED }, select: { caseId: true, kind: true } });
    for (const r of rows) {
      const f = flags.get(r.caseId) ?? { isolation: false, recovery: false };
      if (r.kind === DocumentKind.ISOLATION_DECISION) f.isolation = true;
      else f.recovery = true;
      flags.set(r.caseId, f);
    }
    return flags;
  }

  async summariesForCase(caseId: string): Promise<DocumentSummaryDto[]> {
    const rows = await this.documents.find({ where: { caseId }, order: { createdAt: 'DESC' } });
    return rows.map((d) => ({ id: d.id, kind: d.kind, status: d.status, numberText: d.numberText, signedAt: d.signedAt?.toISOString() ?? null }));
  }

  private async byIds(ids: string[]): Promise<CaseDocumentDto[]> {
    const rows = await this.documents.find({ where: { id: In(ids) } });
    const order = new Map(ids.map((id, i) => [id, i]));
    return this.toDtos(rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!));
  }

  private async toDtos(rows: CaseDocument[]): Promise<CaseDocumentDto[]> {
    const names = await this.geography.namesOf(rows.flatMap((d) => [d.communeCode, d.districtCode]));
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      caseId: d.caseId,
      reportId: d.reportId,
      holderName: d.holderName,
      holderIdNumber: d.holderIdNumber,
      holderDateOfBirth: d.holderDateOfBirth,
      place: d.place,
      startDate: d.startDate,
      endDate: d.endDate,
      negativeTestType: d.negativeTestType,
      negativeTestDate: d.negativeTestDate,
      legalBasis: d.legalBasis,
      number: d.number,
      numberText: d.numberText,
      year: d.year,
      communeCode: d.communeCode,
      communeName: d.communeCode ? (names.get(d.communeCode) ?? null) : null,
      districtName: d.districtCode ? (names.get(d.districtCode) ?? null) : null,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      signedAt: d.signedAt?.toISOString() ?? null,
      revokedAt: d.revokedAt?.toISOString() ?? null,
      revokeReason: d.revokeReason,
      verifyCode: d.status === DocumentStatus.DRAFT ? null : d.verifyCode,
      verifyUrl: d.status === DocumentStatus.DRAFT ? null : this.verifyUrl(d.verifyCode),
      pdfSha256: d.pdfSha256,
      createdAt: d.createdAt.toISOString(),
    }));
  }
}

function kindName(kind: DocumentKind): string {
  return kind === DocumentKind.ISOLATION_DECISION ? 'isolation_decision' : 'recovery_confirmation';
}

function codes(r: { provinceCode: string | null; districtCode: string | null; communeCode: string | null }) {
  return { provinceCode: r.provinceCode, districtCode: r.districtCode, communeCode: r.communeCode };
}

