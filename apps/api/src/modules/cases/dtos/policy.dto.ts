import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateIsolationPolicyDto {
  @ApiProperty({ format: 'date', description: 'First positive-test date the version applies to' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom: string;

  @ApiProperty({ minimum: 1, maximum: 60 }) @IsInt() @Min(1) @Max(60)
  isolationDays: number;

  @ApiProperty() @IsBoolean()
  requiresNegativeTest: boolean;

  @ApiProperty({ minimum: 1, maximum: 60 }) @IsInt() @Min(1) @Max(60)
  extendedDaysVaccinated: number;

  @ApiProperty({ minimum: 1, maximum: 60 }) @IsInt() @Min(1) @Max(60)
  extendedDaysUnvaccinated: number;

  @ApiProperty({ minimum: 0, maximum: 5 }) @IsInt() @Min(0) @Max(5)
  vaccinatedMinDoses: number;

  @ApiProperty({ minimum: 1, maximum: 30 }) @IsInt() @Min(1) @Max(30)
  backRegisteredAfterDays: number;

  @ApiProperty({ minimum: 1, maximum: 240 }) @IsInt() @Min(1) @Max(240)
  reviewHours: number;

  @ApiProperty({ minimum: 0, maximum: 30 }) @IsInt() @Min(0) @Max(30)
  confirmationDueDays: number;

  @ApiProperty({ description: 'One "Căn cứ" paragraph per line' }) @IsString() @MinLength(10) @MaxLength(4000)
  legalBasis: string;

  @ApiProperty({ example: 'QĐ-UBND' }) @IsString() @MinLength(2) @MaxLength(20)
  decisionSuffix: string;

  @ApiProperty({ example: 'GXN-UBND' }) @IsString() @MinLength(2) @MaxLength(20)
  confirmationSuffix: string;

  @ApiProperty({ description: 'The legal source of the rule' }) @IsString() @MinLength(5) @MaxLength(2000)
  source: string;
}

export class IsolationPolicyDto extends CreateIsolationPolicyDto {
  @ApiProperty() version: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class IsolationPolicyListDto {
  @ApiProperty({ type: [IsolationPolicyDto] }) items: IsolationPolicyDto[];
}
