import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Direction, PassageOutcome, PassageSource } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/** A person passing a checkpoint; its jurisdiction is the checkpoint's unit. */
@Entity('passages')
@Index('idx_passages_checkpoint', ['checkpointId', 'recordedAt'])
@Index('idx_passages_declaration', ['declarationId', 'recordedAt'])
@Index('idx_passages_scope', ['provinceCode', 'recordedAt'])
@Index('idx_passages_received', ['receivedAt'])
export class Passage extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'checkpoint_id', type: 'uuid' })
  checkpointId: string;

  @Column({ name: 'officer_id', type: 'uuid' })
  officerId: string;

  @Column({ name: 'declaration_id', type: 'uuid', nullable: true })
  declarationId: string | null;

  @Index('idx_passages_green_lane')
  @Column({ name: 'green_lane_id', type: 'uuid', nullable: true })
  greenLaneId: string | null;

  @Column({ type: 'varchar', length: 4 })
  direction: Direction;

  @Column({ type: 'varchar', length: 24 })
  outcome: PassageOutcome;

  /** Electronic declaration (QR / short code), paper declaration, or green-lane pass. */
  @Column({ type: 'varchar', length: 12 })
  source: PassageSource;

  /** When the officer recorded it on the device (queued offline scans arrive later). */
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
