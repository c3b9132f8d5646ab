import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Direction } from '@cordon/contracts';
import { JurisdictionCodes } from '../../../common/policy/jurisdiction-codes';

/** An interagency road checkpoint of the province; its jurisdiction is the unit it stands in. */
@Entity('checkpoints')
@Index('idx_checkpoints_scope', ['provinceCode', 'districtCode', 'communeCode'])
export class Checkpoint extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Short human code, e.g. QL2-DT (officer usernames are officer.<code>). */
  @Index('uq_checkpoints_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 10 })
  unitCode: string;

  @Column({ type: 'varchar', length: 120 })
  road: string;

  @Column({ type: 'text', array: true })
  directions: Direction[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
