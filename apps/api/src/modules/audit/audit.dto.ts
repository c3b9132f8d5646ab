import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Exact action or a prefix ending in a dot, e.g. "account."' }) @IsOptional() @Transform(emptyToUndefined) @Matches(/^[a-z_.]{2,64}$/, { message: 'action must be lower-case letters, dots and underscores' })
  action?: string;

  @ApiPropertyOptional({ example: 'user' }) @IsOptional() @Transform(emptyToUndefined) @Matches(/^[a-z_]{2,40}$/, { message: 'entityType must be lower-case letters and underscores' })
  entityType?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Events of records in this unit (province, district or commune)' }) @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) provinceCode: string | null;
  @ApiProperty({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty({ type: String, nullable: true }) communeCode: string | null;
}

export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
