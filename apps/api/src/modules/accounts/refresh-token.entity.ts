import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One refresh token of a sign-in session ("family"); only its SHA-256 is stored. */
@Entity('refresh_tokens')
@Index('idx_refresh_tokens_family', ['familyId'])
@Index('idx_refresh_tokens_user', ['userId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the token is exchanged; a second exchange is reuse and revokes the family. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
