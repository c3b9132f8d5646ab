import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { UnitLevel } from '@cordon/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class DesignateZoneDto {
  @ApiProperty({ description: 'Any province, district or commune (GSO code)', example: '01' }) @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode: string;

  @ApiProperty({ minimum: 1, maximum: 4, description: '1 low .. 4 very high (Resolution 128/NQ-CP)' }) @IsInt() @Min(1) @Max(4)
  level: number;

  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom: string;

  @ApiPropertyOptional({ format: 'date', description: 'Inclusive; omit while in force' }) @IsOptional() @Matches(DATE, { message: 'validTo must be a date (YYYY-MM-DD)' })
  validTo?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

export class EndZoneDto {
  @ApiProperty({ format: 'date', description: 'Last day in force (inclusive)' }) @Matches(DATE, { message: 'validTo must be a date (YYYY-MM-DD)' })
  validTo: string;
}

export class ZoneQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Zones in force on this date (default: today)' }) @IsOptional() @Matches(DATE, { message: 'on must be a date (YYYY-MM-DD)' })
  on?: string;

  @ApiPropertyOptional({ description: 'Every designation, past and future too' }) @IsOptional() @Transform(toBool) @IsBoolean()
  history?: boolean;

  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;
}

export class EpidemicZoneDto {
  @ApiProperty() id: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: Object.values(UnitLevel), enumName: 'UnitLevel' }) unitLevel: UnitLevel;
  @ApiProperty() level: number;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class EpidemicZoneListDto {
  @ApiProperty({ type: [EpidemicZoneDto] }) items: EpidemicZoneDto[];
}
