import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { FollowUpStatus } from '@cordon/contracts';

/** The destination commune's follow-up of an arrival (one per declaration). */
@Entity('arrival_follow_ups')
export class ArrivalFollowUp {
  @PrimaryColumn({ name: 'declaration_id', type: 'uuid' })
  declarationId: string;

  @Column({ type: 'varchar', length: 24 })
  status: FollowUpStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
