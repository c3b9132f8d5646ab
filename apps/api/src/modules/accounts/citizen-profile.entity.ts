import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Gender } from '@cordon/contracts';

/** A citizen's identity, kept apart from the sign-in record. */
@Entity('citizen_profiles')
export class CitizenProfile {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** 12-digit citizen ID (CCCD) or passport number, upper case. */
  @Index('uq_citizen_profiles_id_number', { unique: true })
  @Column({ name: 'id_number', type: 'varchar', length: 20 })
  idNumber: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'varchar', length: 10 })
  gender: Gender;

  @Index('uq_citizen_profiles_phone', { unique: true })
  @Column({ type: 'varchar', length: 15 })
  phone: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  @Column({ name: 'commune_code', type: 'varchar', length: 10, nullable: true })
  communeCode: string | null;
}
