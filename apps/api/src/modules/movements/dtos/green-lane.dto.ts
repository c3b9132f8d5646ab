import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Direction, GreenLaneStatus, PassageOutcome, VehicleType, VN_PHONE_PATTERN } from '@cordon/contracts';
import { PassageViewDto } from './declaration.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DriverDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiProperty() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^0\d{11}$|^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/, { message: 'idNumber must be a 12-digit citizen ID or a passport number' })
  idNumber: string;

  @ApiProperty() @Transform(trim) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone: string;
}

export class RegisterGreenLaneDto {
  @ApiProperty({ example: '22C-123.45' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/, { message: 'plate must be a Vietnamese number plate, e.g. 22C-123.45' })
  plate: string;

  @ApiProperty({ enum: Object.values(VehicleType), enumName: 'VehicleType' }) @IsIn(Object.values(VehicleType))
  vehicleType: VehicleType;

  @ApiProperty({ description: 'Owner: a person or a company' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(160)
  owner: string;

  @ApiProperty() @Transform(trim) @Matches(VN_PHONE_PATTERN, { message: 'ownerPhone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  ownerPhone: string;

  @ApiProperty({ type: [DriverDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => DriverDto)
  drivers: DriverDto[];

  @ApiProperty() @Matches(/^\d{2,5}$/, { message: 'originUnitCode must be a unit code' })
  originUnitCode: string;

  @ApiProperty() @Matches(/^\d{2,5}$/, { message: 'destinationUnitCode must be a unit code' })
  destinationUnitCode: string;

  @ApiProperty({ example: 'Rau quả tươi' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  cargo: string;

  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom: string;

  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'validTo must be a date (YYYY-MM-DD)' })
  validTo: string;
}

export class GreenLaneReasonDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(5) @MaxLength(500)
  reason: string;
}

export class GreenLaneQueryDto {
  @ApiPropertyOptional({ enum: Object.values(GreenLaneStatus), enumName: 'GreenLaneStatus' }) @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value)) @IsIn(Object.values(GreenLaneStatus))
  status?: GreenLaneStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40)
  cursor?: string;
}

export class GreenLaneDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(GreenLaneStatus), enumName: 'GreenLaneStatus' }) status: GreenLaneStatus;
  @ApiProperty() plate: string;
  @ApiProperty({ enum: Object.values(VehicleType), enumName: 'VehicleType' }) vehicleType: VehicleType;
  @ApiProperty() owner: string;
  @ApiProperty() ownerPhone: string;
  @ApiProperty({ type: [DriverDto] }) drivers: DriverDto[];
  @ApiProperty() originUnitCode: string;
  @ApiProperty() originName: string;
  @ApiProperty() destinationUnitCode: string;
  @ApiProperty() destinationName: string;
  @ApiProperty() cargo: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;
  @ApiProperty({ type: String, nullable: true, description: 'Only once approved' }) qrToken: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only once approved' }) shortCode: string | null;
  @ApiProperty({ description: 'Approved and in its validity period today' }) valid: boolean;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class GreenLaneListDto {
  @ApiProperty({ type: [GreenLaneDto] }) items: GreenLaneDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Registrations matching the filter' }) total: number;
}

export class GreenLanePassageDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(8) @MaxLength(64)
  code: string;

  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction' }) @IsIn(Object.values(Direction))
  direction: Direction;

  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome' }) @IsIn(Object.values(PassageOutcome))
  outcome: PassageOutcome;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'recordedAt must be an ISO timestamp' })
  recordedAt?: string;
}

export class GreenLanePassageRecordedDto {
  @ApiProperty({ type: PassageViewDto }) passage: PassageViewDto;
  @ApiProperty({ type: GreenLaneDto }) pass: GreenLaneDto;
}
