import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus, TestType } from '@cordon/contracts';
import { JurisdictionCodes } from '../../common/policy/jurisdiction-codes';

/**
 * An isolation decision or a recovery confirmation issued by a commune People's Committee.
 * Once signed it is frozen: its PDF bytes are stored and never re-rendered.
 */
@Entity('documents')
@Index('idx_documents_commune', ['communeCode', 'kind', 'status', 'createdAt'])
@Index('idx_documents_district', ['districtCode', 'kind', 'status', 'createdAt'])
@Index('idx_documents_province', ['provinceCode', 'kind', 'status', 'createdAt'])
@Index('idx_documents_case', ['caseId'])
@Index('uq_documents_number', ['communeCode', 'kind', 'year', 'number'], { unique: true, where: 'number IS NOT NULL' })
export class CaseDocument extends JurisdictionCodes {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 10 })
  status: DocumentStatus;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The report it was prepared from, when there is one. */
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  /** Who may see it as its holder (the citizen account of the case). */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 120 })
  holderName: string;

  @Column({ name: 'holder_id_number', type: 'varchar', length: 20 })
  holderIdNumber: string;

  @Column({ name: 'holder_date_of_birth', type: 'date' })
  holderDateOfBirth: string;

  @Column({ type: 'varchar', length: 255 })
  place: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  /** Recovery confirmations: the negative test they rest on. */
  @Column({ name: 'negative_test_type', type: 'varchar', length: 16, nullable: true })
  negativeTestType: TestType | null;

  @Column({ name: 'negative_test_date', type: 'date', nullable: true })
  negativeTestDate: string | null;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ name: 'policy_version', type: 'varchar', length: 40 })
  policyVersion: string;

  /** Allocated at signing: per commune, kind and year (Asia/Ho_Chi_Minh), no gaps. */
  @Column({ type: 'int', nullable: true })
  number: number | null;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  /** "12/QĐ-UBND" */
  @Column({ name: 'number_text', type: 'varchar', length: 40, nullable: true })
  numberText: string | null;

  /** The unguessable code of the public verification page. */
  @Index('uq_documents_verify_code', { unique: true })
  @Column({ name: 'verify_code', type: 'varchar', length: 40 })
  verifyCode: string;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedBy: string;

  @Column({ name: 'signer_id', type: 'uuid', nullable: true })
  signerId: string | null;

  @Column({ name: 'signer_name', type: 'varchar', length: 120, nullable: true })
  signerName: string | null;

  @Column({ name: 'signer_title', type: 'varchar', length: 120, nullable: true })
  signerTitle: string | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'pdf_file_id', type: 'uuid', nullable: true })
  pdfFileId: string | null;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
