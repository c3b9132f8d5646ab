import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccountStatus, Agency, Role, UnitLevel } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/** A person who signs in: a citizen (profile in citizen_profiles) or a staff account bound to a jurisdiction. */
@Entity('users')
@Index('idx_users_scope', ['provinceCode', 'districtCode', 'communeCode'])
@Index('idx_users_role_status', ['role', 'status'])
export class User extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Lower-case login name; a citizen's is their phone number. */
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName: string;

  @Column({ name: 'full_name_folded', type: 'varchar', length: 120 })
  fullNameFolded: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'varchar', length: 24 })
  status: AccountStatus;

  /** The jurisdiction: the unit code and its level, denormalised into the inherited province / district / commune codes. */
  @Column({ name: 'unit_code', type: 'varchar', length: 10, nullable: true })
  unitCode: string | null;

  @Column({ name: 'unit_level', type: 'varchar', length: 10, nullable: true })
  unitLevel: UnitLevel | null;

  @Column({ name: 'checkpoint_id', type: 'uuid', nullable: true })
  checkpointId: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  title: string | null;

  /** The agency of an officer at an interagency checkpoint (police, health, army, education...). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  agency: Agency | null;

  @Column({ type: 'varchar', length: 15, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  /** Temporary lock after repeated failed sign-ins (distinct from an administrator's LOCKED status). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'activation_code_hash', type: 'varchar', length: 64, nullable: true })
  activationCodeHash: string | null;

  @Column({ name: 'activation_expires_at', type: 'timestamptz', nullable: true })
  activationExpiresAt: Date | null;

  /** Bumped to end every session of the account at once (lock, deactivate, re-scope, password change). */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion: number;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
