import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A fixed-window request counter shared by every API replica. */
@Entity('rate_limit_buckets')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Index('idx_rate_limit_buckets_window')
  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  count: number;
}
