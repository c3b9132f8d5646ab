import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Direction } from '@cordon/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCheckpointDto {
  @ApiProperty({ example: 'QL2-DT', description: 'Upper-case letters, digits and dashes' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2-20 upper-case letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Chốt Đội Cấn (QL2, giáp Phú Thọ)' }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(160)
  name: string;

  @ApiProperty({ description: 'The commune it stands in', example: '02212' }) @Matches(/^\d{5}$/, { message: 'unitCode must be a commune code' })
  unitCode: string;

  @ApiProperty({ example: 'Quốc lộ 2' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  road: string;

  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction', isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ArrayUnique() @IsIn(Object.values(Direction), { each: true })
  directions: Direction[];
}

export class UpdateCheckpointDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(3) @MaxLength(160)
  name?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  road?: string;

  @ApiPropertyOptional({ enum: Object.values(Direction), enumName: 'Direction', isArray: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @ArrayUnique() @IsIn(Object.values(Direction), { each: true })
  directions?: Direction[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  active?: boolean;
}

export class CheckpointDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() road: string;
  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction', isArray: true }) directions: Direction[];
  @ApiProperty() active: boolean;
}

export class CheckpointListDto {
  @ApiProperty({ type: [CheckpointDto] }) items: CheckpointDto[];
}
