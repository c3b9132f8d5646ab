import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Direction, PassageOutcome } from '@cordon/contracts';
import { DeclarationDto, PassageViewDto } from './declaration.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTripDto {
  @ApiProperty({ example: '22B-012.34' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/, { message: 'plate must be a Vietnamese number plate, e.g. 22B-012.34' })
  plate: string;

  @ApiProperty({ example: 'Hà Nội - Tuyên Quang' }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(255)
  route: string;

  @ApiProperty({ format: 'date-time' }) @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'departureAt must be an ISO timestamp' })
  departureAt: string;

  @ApiProperty({ type: [String], description: 'Declaration short codes or QR tokens (1-80)' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(80) @IsString({ each: true }) @MaxLength(64, { each: true })
  passengerCodes: string[];
}

export class AddPassengersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(80) @IsString({ each: true }) @MaxLength(64, { each: true })
  passengerCodes: string[];
}

export class TripDto {
  @ApiProperty() id: string;
  @ApiProperty() shortCode: string;
  @ApiProperty({ description: 'Carried by the trip’s QR code' }) qrToken: string;
  @ApiProperty() plate: string;
  @ApiProperty() route: string;
  @ApiProperty({ type: String, format: 'date-time' }) departureAt: string;
  @ApiProperty({ type: [DeclarationDto] }) passengers: DeclarationDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class TripListDto {
  @ApiProperty({ type: [TripDto] }) items: TripDto[];
}

export class TripExceptionDto {
  @ApiProperty() @IsUUID()
  declarationId: string;

  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome' }) @IsIn(Object.values(PassageOutcome))
  outcome: PassageOutcome;
}

export class TripPassageDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(8) @MaxLength(64)
  code: string;

  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction' }) @IsIn(Object.values(Direction))
  direction: Direction;

  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome', description: 'For every passenger, unless an exception says otherwise' }) @IsIn(Object.values(PassageOutcome))
  outcome: PassageOutcome;

  @ApiPropertyOptional({ type: [TripExceptionDto] }) @IsOptional() @IsArray() @ArrayMaxSize(80) @ValidateNested({ each: true }) @Type(() => TripExceptionDto)
  exceptions?: TripExceptionDto[];

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'recordedAt must be an ISO timestamp' })
  recordedAt?: string;
}

export class SkippedPassengerDto {
  @ApiProperty() declarationId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ['EXPIRED'] }) reason: 'EXPIRED';
}

export class TripPassagesDto {
  @ApiProperty({ type: [PassageViewDto] }) passages: PassageViewDto[];
  @ApiProperty({ type: [SkippedPassengerDto] }) skipped: SkippedPassengerDto[];
}
