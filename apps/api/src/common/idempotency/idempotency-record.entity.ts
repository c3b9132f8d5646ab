import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A remembered write for the Idempotency-Key header: scoped to caller and route, kept 24 hours. */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** null while the first request is still running. */
  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  /** The database backend (pid) whose transaction claimed the key; a pending claim whose session is gone is abandoned. */
  @Column({ name: 'holder_pid', type: 'int', nullable: true })
  holderPid: number | null;

  @Index('idx_idempotency_records_created')
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
