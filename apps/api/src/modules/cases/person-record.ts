import { Column } from 'typeorm';
import type { Gender } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/** The person a report or a case is about, and where they isolate (the record's jurisdiction). */
export abstract class PersonRecord extends JurisdictionCodes {
  @Column({ name: 'full_name', type: 'varchar', length: 120 })
  fullName: string;

  @Column({ name: 'full_name_folded', type: 'varchar', length: 120 })
  fullNameFolded: string;

  @Column({ name: 'id_number', type: 'varchar', length: 20 })
  idNumber: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'varchar', length: 10 })
  gender: Gender;

  @Column({ type: 'varchar', length: 15, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 255 })
  address: string;
}
