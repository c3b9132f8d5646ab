import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseStatus, TestType } from '@cordon/contracts';
import { PersonRecord } from './person-record';

/** An F0 case, opened by accepting an infection report. One open case per ID number. */
@Entity('cases')
@Index('idx_cases_owner', ['ownerId'])
@Index('idx_cases_updated', ['updatedAt'])
@Index('uq_cases_open_id_number', ['idNumber'], { unique: true, where: `status <> 'RECOVERED'` })
// Per jurisdiction level, a case's status and the case list's order, for keyset pages (danger signs first, then
// the latest positive test, the id): (code, status, (danger_since IS NOT NULL), positive_test_date, id)
// INCLUDE (danger_since). They also serve what (code, status, positive_test_date) served. Expression indexes,
// which TypeORM cannot describe: made by the ListKeysetIndexes migration.
@Index('idx_cases_province_list', { synchronize: false })
@Index('idx_cases_district_list', { synchronize: false })
@Index('idx_cases_commune_list', { synchronize: false })
export class Case extends PersonRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 14 })
  status: CaseStatus;

  /** The citizen account that reported the case (sees it, checks in). */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'positive_test_date', type: 'date' })
  positiveTestDate: string;

  @Column({ name: 'test_type', type: 'varchar', length: 16 })
  testType: TestType;

  @Column({ name: 'vaccine_doses', type: 'int' })
  vaccineDoses: number;

  @Column({ name: 'high_risk', type: 'boolean' })
  highRisk: boolean;

  @Column({ name: 'back_registered', type: 'boolean' })
  backRegistered: boolean;

  /** The isolation policy in force on the positive-test date. */
  @Column({ name: 'policy_version', type: 'varchar', length: 40 })
  policyVersion: string;

  @Column({ name: 'infection_report_id', type: 'uuid' })
  infectionReportId: string;

  /** The latest negative test reported (recovery report). */
  @Column({ name: 'negative_test_date', type: 'date', nullable: true })
  negativeTestDate: string | null;

  @Column({ name: 'negative_test_type', type: 'varchar', length: 16, nullable: true })
  negativeTestType: TestType | null;

  @Column({ name: 'last_check_in_at', type: 'timestamptz', nullable: true })
  lastCheckInAt: Date | null;

  /** Set by a check-in with danger signs, cleared by a later check-in without. */
  @Column({ name: 'danger_since', type: 'timestamptz', nullable: true })
  dangerSince: Date | null;

  @Column({ name: 'recovered_at', type: 'timestamptz', nullable: true })
  recoveredAt: Date | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
