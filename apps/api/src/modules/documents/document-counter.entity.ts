import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number issued per commune, kind and year; incremented in the signing transaction (row lock). */
@Entity('document_counters')
export class DocumentCounter {
  @PrimaryColumn({ name: 'commune_code', type: 'varchar', length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_number', type: 'int' })
  lastNumber: number;
}
