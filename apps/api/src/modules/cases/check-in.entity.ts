import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Symptom } from '@cordon/contracts';

/** A daily health check-in of an isolating person. */
@Entity('case_check_ins')
@Index('idx_case_check_ins_case', ['caseId', 'createdAt'])
export class CheckIn {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  symptoms: Symptom[];

  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  temperature: number | null;

  @Column({ type: 'int', nullable: true })
  spo2: number | null;

  @Column({ name: 'danger_signs', type: 'boolean' })
  dangerSigns: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
