import { AttentionReason, type CaseStatus } from '@cordon/contracts';
import type { CaseReport } from './case-report.entity';
import type { Case } from './case.entity';
import type { CheckIn } from './check-in.entity';
import type { CaseReportDto } from './dtos/case-report.dto';
import type { CaseDto, CheckInViewDto } from './dtos/case.dto';
import type { IsolationState } from './isolation-rules';

export const NO_CHECK_IN_HOURS = 48;

export function toReportDto(r: CaseReport, names: Map<string, string>, now = new Date()): CaseReportDto {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    relation: r.relation,
    fullName: r.fullName,
    idNumber: r.idNumber,
    dateOfBirth: r.dateOfBirth,
    gender: r.gender,
    phone: r.phone,
    address: r.address,
    communeCode: r.communeCode,
    communeName: r.communeCode ? (names.get(r.communeCode) ?? null) : null,
    districtCode: r.districtCode,
    testType: r.testType,
    testDate: r.testDate,
    testResult: r.testResult,
    photoFileId: r.photoFileId,
    symptomOnset: r.symptomOnset,
    symptoms: r.symptoms,
    vaccineDoses: r.vaccineDoses,
    lastDoseDate: r.lastDoseDate,
    pregnant: r.pregnant,
    chronicDisease: r.chronicDisease,
    highRisk: r.highRisk,
    contacts: r.contacts.map((c) => ({ fullName: c.fullName, phone: c.phone ?? null, relation: c.relation })),
    caseId: r.caseId,
    backRegistered: r.backRegistered,
    overdue: r.status === 'SUBMITTED' && r.dueAt < now,
    dueAt: r.dueAt.toISOString(),
    rejectionReason: r.rejectionReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function attentionOf(c: Case, now = new Date()): AttentionReason[] {
  if ((c.status as CaseStatus) !== 'ISOLATING') return [];
  const reasons: AttentionReason[] = [];
  if (c.dangerSince) reasons.push(AttentionReason.DANGER_SIGNS);
  if (c.highRisk) reasons.push(AttentionReason.HIGH_RISK);
  const lastSign = c.lastCheckInAt ?? c.openedAt;
  if (now.getTime() - lastSign.getTime() > NO_CHECK_IN_HOURS * 3600_000) reasons.push(AttentionReason.NO_CHECK_IN);
  return reasons;
}

export function toCaseDto(c: Case, isolation: IsolationState, names: Map<string, string>, documents: { isolation: boolean; recovery: boolean }, now = new Date()): CaseDto {
  return {
    id: c.id,
    status: c.status,
    fullName: c.fullName,
    idNumber: c.idNumber,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    phone: c.phone,
    address: c.address,
    communeCode: c.communeCode,
    communeName: c.communeCode ? (names.get(c.communeCode) ?? null) : null,
    districtCode: c.districtCode,
    districtName: c.districtCode ? (names.get(c.districtCode) ?? null) : null,
    positiveTestDate: c.positiveTestDate,
    testType: c.testType,
    vaccineDoses: c.vaccineDoses,
    highRisk: c.highRisk,
    backRegistered: c.backRegistered,
    policyVersion: c.policyVersion,
    negativeTestDate: c.negativeTestDate,
    lastCheckInAt: c.lastCheckInAt?.toISOString() ?? null,
    dangerSigns: !!c.dangerSince,
    attention: attentionOf(c, now),
    isolation,
    openedAt: c.openedAt.toISOString(),
    recoveredAt: c.recoveredAt?.toISOString() ?? null,
    hasIsolationDecision: documents.isolation,
    hasRecoveryConfirmation: documents.recovery,
  };
}

export function toCheckInDto(c: CheckIn): CheckInViewDto {
  return { id: c.id, symptoms: c.symptoms, temperature: c.temperature, spo2: c.spo2, dangerSigns: c.dangerSigns, createdAt: c.createdAt.toISOString() };
}
