import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A dated version of the isolation rules (configuration with its legal source, not code constants).
 * The version in force on a case's positive-test date applies to that case.
 */
@Entity('isolation_policies')
export class IsolationPolicy {
  /** e.g. "2022-02-15"; versions are ordered by validFrom. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  version: string;

  @Column({ name: 'valid_from', type: 'date', unique: true })
  validFrom: string;

  /** Days of isolation from the positive test (end date inclusive: start + days - 1). */
  @Column({ name: 'isolation_days', type: 'int' })
  isolationDays: number;

  /** A negative test at the end of the period is required to end isolation. */
  @Column({ name: 'requires_negative_test', type: 'boolean' })
  requiresNegativeTest: boolean;

  /** Still positive: isolation extends to this day (vaccinated / not fully vaccinated). */
  @Column({ name: 'extended_days_vaccinated', type: 'int' })
  extendedDaysVaccinated: number;

  @Column({ name: 'extended_days_unvaccinated', type: 'int' })
  extendedDaysUnvaccinated: number;

  /** Doses that count as vaccinated for the extension rule. */
  @Column({ name: 'vaccinated_min_doses', type: 'int' })
  vaccinatedMinDoses: number;

  /** A report this many days after the positive test is back-registered. */
  @Column({ name: 'back_registered_after_days', type: 'int' })
  backRegisteredAfterDays: number;

  /** Hours the commune has to review a report before it is overdue. */
  @Column({ name: 'review_hours', type: 'int' })
  reviewHours: number;

  /** Days after eligibility before a missing recovery confirmation is overdue. */
  @Column({ name: 'confirmation_due_days', type: 'int' })
  confirmationDueDays: number;

  /** The legal basis printed in decisions ("Căn cứ ..."), one paragraph per line. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ name: 'decision_suffix', type: 'varchar', length: 20 })
  decisionSuffix: string;

  @Column({ name: 'confirmation_suffix', type: 'varchar', length: 20 })
  confirmationSuffix: string;

  /** Where the rule comes from (document number and date). */
  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
