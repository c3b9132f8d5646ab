import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { UnitLevel } from '@cordon/contracts';

export class AdminUnitDto {
  @ApiProperty({ example: '02200' }) code: string;
  @ApiProperty({ example: 'Yên Sơn' }) name: string;
  @ApiProperty({ example: 'Huyện Yên Sơn' }) nameWithType: string;
  @ApiProperty({ enum: Object.values(UnitLevel), enumName: 'UnitLevel' }) level: UnitLevel;
  @ApiProperty({ example: 'huyen' }) type: string;
  @ApiProperty({ type: String, nullable: true, example: '08' }) parentCode: string | null;
}

export class AdminUnitDetailDto extends AdminUnitDto {
  @ApiProperty({ type: [AdminUnitDto], description: 'From the province down to the parent' })
  ancestors: AdminUnitDto[];
}

export class AdminUnitListDto {
  @ApiProperty({ type: [AdminUnitDto] }) items: AdminUnitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AdminUnitQueryDto {
  @ApiPropertyOptional({ description: 'Children of this unit' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'parent must be a unit code (2-5 digits)' })
  parent?: string;

  @ApiPropertyOptional({ description: 'Anywhere below this unit (a province or district code), e.g. the communes of a province' })
  @IsOptional() @Matches(/^\d{2,3}$/, { message: 'within must be a province or district code' })
  within?: string;

  @ApiPropertyOptional({ enum: Object.values(UnitLevel), enumName: 'UnitLevel' })
  @IsOptional() @IsIn(Object.values(UnitLevel))
  level?: UnitLevel;

  @ApiPropertyOptional({ description: 'Name, with or without diacritics ("yen son" finds "Yên Sơn")' })
  @IsOptional() @IsString() @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @Transform(({ value }) => String(value)) @Matches(/^\d{2,5}$/, { message: 'cursor is not valid' })
  cursor?: string;
}
