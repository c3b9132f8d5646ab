import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/**
 * An append-only record of a change of state: who, when, what (a trigger forbids UPDATE and DELETE).
 * It carries the jurisdiction of the entity, so audit searches scope like every other list.
 */
@Entity('audit_events')
@Index('idx_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('idx_audit_events_actor', ['actorId', 'occurredAt'])
@Index('idx_audit_events_time', ['occurredAt'])
export class AuditEvent extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  /** Dotted verb, e.g. account.create, auth.login.failed. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

}
