import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FollowUpStatus, LIST_TOTAL_CAP, RiskLevel } from '@cordon/contracts';
import { CURSOR_MAX_LENGTH } from '../../../common/db/keyset';
import { DeclarationDto } from './declaration.dto';

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ArrivalQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Travel date from (default: 6 days ago)' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Travel date to (default: today)' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: Object.values(RiskLevel), enumName: 'RiskLevel' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(RiskLevel))
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ enum: Object.values(FollowUpStatus), enumName: 'FollowUpStatus' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(FollowUpStatus))
  status?: FollowUpStatus;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ description: 'Only people coming from an epidemic zone' }) @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  fromZone?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters (opaque: the sort key of its last row)', maxLength: CURSOR_MAX_LENGTH }) @IsOptional() @IsString() @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}

export class FollowUpDto {
  @ApiProperty({ enum: Object.values(FollowUpStatus), enumName: 'FollowUpStatus' }) @IsIn(Object.values(FollowUpStatus))
  status: FollowUpStatus;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(1000)
  note?: string;
}

export class FollowUpViewDto {
  @ApiProperty({ enum: Object.values(FollowUpStatus), enumName: 'FollowUpStatus' }) status: FollowUpStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class ArrivalDto {
  @ApiProperty({ type: DeclarationDto }) declaration: DeclarationDto;
  @ApiProperty({ type: FollowUpViewDto }) followUp: FollowUpViewDto;
  @ApiProperty({ description: 'Passages recorded at checkpoints (0: declared, not yet seen)' }) passages: number;
}

export class ArrivalListDto {
  @ApiProperty({ type: [ArrivalDto] }) items: ArrivalDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: `Rows matching the filters, counted up to ${LIST_TOTAL_CAP}: exact when totalCapped is false; when more match, ${LIST_TOTAL_CAP} (and totalCapped is true)` }) total: number;
  @ApiProperty({ description: `true when more than ${LIST_TOTAL_CAP} rows match: total is then a lower bound (show it as "${LIST_TOTAL_CAP}+")` }) totalCapped: boolean;
}
