import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A file kept in PostgreSQL (test photos, signed PDFs), so every replica sees it and backups hold it.
 * Written only through FileStorage, which sniffs the type, caps the size and strips photo metadata.
 */
@Entity('stored_files')
export class StoredFile {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** What it is for, e.g. test-photo, document-pdf. */
  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  data: Buffer;

  /** Who uploaded it (null for files the system made, such as signed PDFs). */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
