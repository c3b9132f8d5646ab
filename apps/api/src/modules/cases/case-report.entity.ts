import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Relation, ReportKind, ReportStatus, Symptom, TestResult, TestType } from '@cordon/contracts';
import { PersonRecord } from './person-record';

export interface HouseholdContact {
  fullName: string;
  phone: string | null;
  relation: Relation;
}

/** A citizen's infection or recovery report; its jurisdiction is the commune where the person isolates. */
@Entity('case_reports')
@Index('idx_case_reports_commune', ['communeCode', 'status', 'submittedAt'])
@Index('idx_case_reports_district', ['districtCode', 'status', 'submittedAt'])
@Index('idx_case_reports_province', ['provinceCode', 'status', 'submittedAt'])
@Index('idx_case_reports_reporter', ['reporterId', 'submittedAt'])
export class CaseReport extends PersonRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  kind: ReportKind;

  @Column({ type: 'varchar', length: 12 })
  status: ReportStatus;

  /** The signed-in citizen who reported (the owner of the record). */
  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @Column({ type: 'varchar', length: 16 })
  relation: Relation;

  @Column({ name: 'test_type', type: 'varchar', length: 16 })
  testType: TestType;

  @Column({ name: 'test_date', type: 'date' })
  testDate: string;

  @Column({ name: 'test_result', type: 'varchar', length: 10 })
  testResult: TestResult;

  @Column({ name: 'photo_file_id', type: 'uuid', nullable: true })
  photoFileId: string | null;

  @Column({ name: 'symptom_onset', type: 'date', nullable: true })
  symptomOnset: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  symptoms: Symptom[];

  @Column({ name: 'vaccine_doses', type: 'int', default: 0 })
  vaccineDoses: number;

  @Column({ name: 'last_dose_date', type: 'date', nullable: true })
  lastDoseDate: string | null;

  @Column({ type: 'boolean', default: false })
  pregnant: boolean;

  @Column({ name: 'chronic_disease', type: 'boolean', default: false })
  chronicDisease: boolean;

  /** Computed at submission: age over 65 (from the date of birth), pregnancy, chronic disease. */
  @Column({ name: 'high_risk', type: 'boolean', default: false })
  highRisk: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: HouseholdContact[];

  /** For a recovery report: the case it closes. For an accepted infection report: the case it opened. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Reported days after the positive test (counts by test date and by report date both exist). */
  @Column({ name: 'back_registered', type: 'boolean', default: false })
  backRegistered: boolean;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** Review deadline (SLA); a SUBMITTED report past it is overdue. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
