import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DocumentKind, DocumentStatus, TestType } from '@cordon/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_BATCH = 200;

export class DraftDecisionsDto {
  @ApiProperty({ type: [String], description: 'Accepted infection reports (1-200)' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH) @ArrayUnique() @IsUUID('all', { each: true })
  reportIds: string[];
}

export class DraftConfirmationsDto {
  @ApiProperty({ type: [String], description: 'Cases eligible to end isolation (1-200)' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH) @ArrayUnique() @IsUUID('all', { each: true })
  caseIds: string[];
}

export class SignDocumentsDto {
  @ApiProperty({ type: [String], description: 'Drafts to sign and issue (1-200)' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH) @ArrayUnique() @IsUUID('all', { each: true })
  ids: string[];
}

export class RevokeDocumentDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(5) @MaxLength(500)
  reason: string;
}

export class UpdateDraftDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  place?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, { message: 'endDate must be a date (YYYY-MM-DD)' })
  endDate?: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: Object.values(DocumentStatus), enumName: 'DocumentStatus' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(DocumentStatus))
  status?: DocumentStatus;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Created (drafts) or signed on or after' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ description: 'Holder name, ID number or document number' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40)
  cursor?: string;
}

export class CaseDocumentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(DocumentKind), enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ enum: Object.values(DocumentStatus), enumName: 'DocumentStatus' }) status: DocumentStatus;
  @ApiProperty() caseId: string;
  @ApiProperty({ type: String, nullable: true }) reportId: string | null;
  @ApiProperty() holderName: string;
  @ApiProperty() holderIdNumber: string;
  @ApiProperty({ format: 'date' }) holderDateOfBirth: string;
  @ApiProperty() place: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType', nullable: true }) negativeTestType: TestType | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) negativeTestDate: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: Number, nullable: true }) number: number | null;
  @ApiProperty({ type: String, nullable: true, example: '12/QĐ-UBND' }) numberText: string | null;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: String, nullable: true }) communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) communeName: string | null;
  @ApiProperty({ type: String, nullable: true }) districtName: string | null;
  @ApiProperty({ type: String, nullable: true }) signerName: string | null;
  @ApiProperty({ type: String, nullable: true }) signerTitle: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokeReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only once issued' }) verifyCode: string | null;
  @ApiProperty({ type: String, nullable: true }) verifyUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) pdfSha256: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CaseDocumentListDto {
  @ApiProperty({ type: [CaseDocumentDto] }) items: CaseDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class CaseDocumentBatchDto {
  @ApiProperty({ type: [CaseDocumentDto] }) items: CaseDocumentDto[];
}

export class PublicDocumentDto {
  @ApiProperty({ enum: Object.values(DocumentKind), enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty() numberText: string;
  @ApiProperty({ example: 'UBND Xã Thượng Giáp' }) issuer: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status: 'VALID' | 'REVOKED';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ example: 'Nguyễn V** A**' }) holderName: string;
  @ApiProperty() pdfSha256: string;
}
