import { Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ErrorDetail } from '@cordon/contracts';

export const ImportState = { PREVIEW: 'PREVIEW', COMMITTING: 'COMMITTING', COMMITTED: 'COMMITTED', FAILED: 'FAILED', CANCELLED: 'CANCELLED' } as const;
export type ImportState = (typeof ImportState)[keyof typeof ImportState];
export const ImportSource = { FILE: 'FILE', PROVINCE: 'PROVINCE' } as const;
export type ImportSource = (typeof ImportSource)[keyof typeof ImportSource];
export const RowAction = { CREATE: 'CREATE', UPDATE: 'UPDATE', SKIP: 'SKIP', ERROR: 'ERROR' } as const;
export type RowAction = (typeof RowAction)[keyof typeof RowAction];

export interface ImportCounts {
  create: number;
  update: number;
  skip: number;
  error: number;
}

/**
 * A bulk provisioning job (a file import or "provision the whole province"): validated rows wait in PREVIEW
 * until the administrator commits or cancels; the commit is one transaction, so the job ends COMMITTED with
 * every row written or FAILED with none. The activation codes of the created accounts are kept encrypted
 * only until they are exported (each format once) or expire.
 */
@Entity('account_imports')
@Index('idx_account_imports_owner', ['provinceCode', 'createdByRole', 'createdAt'])
export class AccountImport {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  source: ImportSource;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 12 })
  state: ImportState;

  @Column({ name: 'total_rows', type: 'int' })
  totalRows: number;

  @Column({ type: 'jsonb' })
  counts: ImportCounts;

  /** Rows written so far by a running commit (the progress bar). */
  @Column({ type: 'int', default: 0 })
  processed: number;

  /** Why the last commit failed (nothing was written). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  /** Refreshed while a commit runs; a stale heartbeat means the process died and the transaction rolled back. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  /** A preview can be committed until then. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  /** AES-256-GCM sealed JSON of the created accounts' activation codes; erased once exported or expired. */
  @Column({ name: 'sealed_codes', type: 'bytea', nullable: true })
  sealedCodes: Buffer | null;

  @Column({ name: 'codes_expire_at', type: 'timestamptz', nullable: true })
  codesExpireAt: Date | null;

  @Column({ name: 'csv_exported_at', type: 'timestamptz', nullable: true })
  csvExportedAt: Date | null;

  @Column({ name: 'pdf_exported_at', type: 'timestamptz', nullable: true })
  pdfExportedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_by_role', type: 'varchar', length: 32 })
  createdByRole: string;

  /** The administrator's province: imports are shared by the administrators of the same role there. */
  @Column({ name: 'province_code', type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The normalised input of one row (what the file said, after trimming and mapping labels to codes). */
export interface ImportRowInput {
  username?: string;
  fullName?: string;
  role?: string;
  unitCode?: string;
  checkpointCode?: string;
  title?: string;
  agency?: string;
  phone?: string;
  email?: string;
}

@Entity('account_import_rows')
export class AccountImportRow {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId: string;

  /** The row number as the spreadsheet shows it (the header is row 1). */
  @PrimaryColumn({ name: 'row_no', type: 'int' })
  rowNo: number;

  @ManyToOne(() => AccountImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  job?: AccountImport;

  @Column({ type: 'varchar', length: 8 })
  action: RowAction;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'jsonb' })
  input: ImportRowInput;

  @Column({ type: 'jsonb', nullable: true })
  errors: ErrorDetail[] | null;

  /** For an UPDATE: the fields that change. */
  @Column({ type: 'jsonb', nullable: true })
  changes: string[] | null;

  /** The account created or updated by the commit. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;
}
