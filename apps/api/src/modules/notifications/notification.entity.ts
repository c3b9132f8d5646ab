import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An in-app message to a user (report accepted or rejected, document issued or revoked). */
@Entity('notifications')
@Index('idx_notifications_user', ['userId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** e.g. REPORT_ACCEPTED; the apps translate it, with `params`. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | number | null>;

  @Column({ name: 'entity_type', type: 'varchar', length: 40, nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
