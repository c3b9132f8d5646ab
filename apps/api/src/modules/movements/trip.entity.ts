import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A bus or taxi trip registered by its operator, carrying its passengers' declarations. */
@Entity('trips')
@Index('idx_trips_owner', ['ownerId', 'createdAt'])
export class Trip {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 16 })
  plate: string;

  @Column({ type: 'varchar', length: 255 })
  route: string;

  @Column({ name: 'departure_at', type: 'timestamptz' })
  departureAt: Date;

  @Index('uq_trips_short_code', { unique: true })
  @Column({ name: 'short_code', type: 'varchar', length: 8 })
  shortCode: string;

  @Index('uq_trips_qr_token', { unique: true })
  @Column({ name: 'qr_token', type: 'varchar', length: 43 })
  qrToken: string;

  @Column({ name: 'declaration_ids', type: 'uuid', array: true, default: () => "'{}'" })
  declarationIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
