import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ErrorDetailDto } from '../../../common/errors/error-response.dto';
import { ImportSource, ImportState, RowAction } from '../imports/account-import.entity';

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export class ImportCountsDto {
  @ApiProperty({ description: 'Rows that create an account' }) create: number;
  @ApiProperty({ description: 'Rows that change an existing account' }) update: number;
  @ApiProperty({ description: 'Rows identical to an existing account' }) skip: number;
  @ApiProperty({ description: 'Rows with errors (the import cannot be committed while there are any)' }) error: number;
}

export class ImportCodesDto {
  @ApiProperty({ description: 'The activation codes can still be downloaded (in a format not yet taken)' }) available: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) csvExportedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) pdfExportedAt: string | null;
  @ApiProperty({ description: 'The codes are erased at this time if not exported', type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
}

export class AccountImportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(ImportSource), enumName: 'ImportSource', description: 'FILE: an uploaded CSV/XLSX; PROVINCE: "provision the whole province"' }) source: ImportSource;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ enum: Object.values(ImportState), enumName: 'ImportState' }) state: ImportState;
  @ApiProperty() totalRows: number;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ description: 'Rows written so far by a running commit' }) processed: number;
  @ApiProperty({ description: 'Why the last commit failed (nothing was written)', type: String, nullable: true }) failure: string | null;
  @ApiProperty({ description: 'Columns of the file that are not in the template (ignored)', type: [String] }) ignoredColumns: string[];
  @ApiProperty({ type: String, format: 'date-time', description: 'A preview can be committed until then' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) committedAt: string | null;
  @ApiProperty({ type: ImportCodesDto }) codes: ImportCodesDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class AccountImportListDto {
  @ApiProperty({ type: [AccountImportDto] }) items: AccountImportDto[];
}

export class ImportRowInputDto {
  @ApiPropertyOptional() username?: string;
  @ApiPropertyOptional() fullName?: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() unitCode?: string;
  @ApiPropertyOptional() checkpointCode?: string;
  @ApiPropertyOptional() agency?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() email?: string;
}

export class ImportRowDto {
  @ApiProperty({ description: 'Row number as the spreadsheet shows it (the header is row 1)' }) rowNo: number;
  @ApiProperty({ enum: Object.values(RowAction), enumName: 'ImportRowAction' }) action: RowAction;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: ImportRowInputDto }) input: ImportRowInputDto;
  @ApiProperty({ type: [ErrorDetailDto] }) errors: ErrorDetailDto[];
  @ApiProperty({ description: 'UPDATE rows: the fields that change', type: [String] }) changes: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The account, once committed' }) userId: string | null;
}

export class ImportRowListDto {
  @ApiProperty({ type: [ImportRowDto] }) items: ImportRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Rows matching the filter' }) total: number;
}

export class ImportRowQueryDto {
  @ApiPropertyOptional({ enum: Object.values(RowAction), enumName: 'ImportRowAction' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(RowAction))
  action?: RowAction;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40)
  cursor?: string;
}

export class ImportUploadQueryDto {
  @ApiPropertyOptional({ description: 'The uploaded file name, shown in the import history' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(200)
  fileName?: string;
}

export class ImportTemplateQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}
