import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DeclarationSource, Direction, PassageSource, Gender, PassageOutcome, RiskLevel, RiskReason, Symptom, TestResult, TestType, TransportMode, VN_PHONE_PATTERN } from '@cordon/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (field: string) => Matches(DATE, { message: `${field} must be a date (YYYY-MM-DD)` });

export class TravellerDto {
  @ApiProperty({ example: 'Lương Văn Khải' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiProperty({ description: '12-digit citizen ID (CCCD) or passport number' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^0\d{11}$|^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/, { message: 'idNumber must be a 12-digit citizen ID or a passport number' })
  idNumber: string;

  @ApiProperty({ format: 'date' }) @date('dateOfBirth')
  dateOfBirth: string;

  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) @IsIn(Object.values(Gender))
  gender: Gender;

  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @Transform(emptyToUndefined) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone?: string;

  @ApiPropertyOptional({ description: 'ISO 3166 alpha-2, default VN', example: 'VN' }) @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'nationality must be a two-letter country code' })
  nationality?: string;
}

export class DeclarationTestDto {
  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType' }) @IsIn(Object.values(TestType))
  type: TestType;

  @ApiProperty({ format: 'date' }) @date('test.date')
  date: string;

  @ApiProperty({ enum: Object.values(TestResult), enumName: 'TestResult' }) @IsIn(Object.values(TestResult))
  result: TestResult;
}

export class CreateDeclarationDto {
  @ApiPropertyOptional({ description: 'Signed-in citizens: declare for oneself (identity from the profile). Otherwise `traveller` is required.' }) @IsOptional() @IsBoolean()
  forSelf?: boolean;

  @ApiPropertyOptional({ type: TravellerDto }) @IsOptional() @ValidateNested() @Type(() => TravellerDto)
  traveller?: TravellerDto;

  @ApiProperty({ description: 'Place of origin: any province, district or commune', example: '01' }) @Matches(/^\d{2,5}$/, { message: 'originUnitCode must be a unit code' })
  originUnitCode: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  originAddress: string;

  @ApiProperty({ description: 'Destination commune in the province', example: '02212' }) @Matches(/^\d{5}$/, { message: 'destinationCommuneCode must be a commune code' })
  destinationCommuneCode: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  destinationAddress: string;

  @ApiProperty({ format: 'date' }) @date('travelDate')
  travelDate: string;

  @ApiProperty({ enum: Object.values(TransportMode), enumName: 'TransportMode' }) @IsIn(Object.values(TransportMode))
  transportMode: TransportMode;

  @ApiPropertyOptional({ example: '22A-123.45' }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined)) @Matches(/^\d{2}[A-Z]{1,2}\d?-?\d{3}\.?\d{2}$/, { message: 'vehiclePlate must be a Vietnamese number plate, e.g. 22A-123.45' })
  vehiclePlate?: string;

  @ApiProperty({ example: 'Về quê' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  purpose: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  plannedCheckpointId?: string;

  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true, description: 'In the last 14 days' }) @IsArray() @ArrayMaxSize(12) @ArrayUnique() @IsIn(Object.values(Symptom), { each: true })
  symptoms: Symptom[];

  @ApiProperty({ description: 'Contact with a COVID-19 case in the last 14 days' }) @IsBoolean()
  contactWithCase: boolean;

  @ApiProperty({ description: 'Stayed in an epidemic zone in the last 14 days' }) @IsBoolean()
  stayedInZone: boolean;

  @ApiProperty({ minimum: 0, maximum: 5 }) @IsInt() @Min(0) @Max(5)
  vaccineDoses: number;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @date('lastDoseDate')
  lastDoseDate?: string;

  @ApiPropertyOptional({ type: DeclarationTestDto }) @IsOptional() @ValidateNested() @Type(() => DeclarationTestDto)
  test?: DeclarationTestDto;
}

export class PaperDeclarationDto extends CreateDeclarationDto {
  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction' }) @IsIn(Object.values(Direction))
  direction: Direction;

  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome' }) @IsIn(Object.values(PassageOutcome))
  outcome: PassageOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was recorded on the device (offline queue)' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'recordedAt must be an ISO timestamp' })
  recordedAt?: string;
}

export class DeclarationQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40)
  cursor?: string;
}

export class PassageViewDto {
  @ApiProperty() id: string;
  @ApiProperty() checkpointId: string;
  @ApiProperty() checkpointName: string;
  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction' }) direction: Direction;
  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome' }) outcome: PassageOutcome;
  @ApiProperty({ enum: Object.values(PassageSource), enumName: 'PassageSource' }) source: PassageSource;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: string;
}

export class DeclarationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'K7M2QX9P' }) shortCode: string;
  @ApiProperty({ description: 'Opaque token carried by the QR code' }) qrToken: string;
  @ApiProperty({ enum: Object.values(DeclarationSource), enumName: 'DeclarationSource' }) source: DeclarationSource;
  @ApiProperty() fullName: string;
  @ApiProperty() idNumber: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) gender: Gender;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() nationality: string;
  @ApiProperty() originUnitCode: string;
  @ApiProperty() originName: string;
  @ApiProperty() originAddress: string;
  @ApiProperty({ type: String, nullable: true }) destinationCommuneCode: string | null;
  @ApiProperty() destinationName: string;
  @ApiProperty() destinationAddress: string;
  @ApiProperty({ format: 'date' }) travelDate: string;
  @ApiProperty({ enum: Object.values(TransportMode), enumName: 'TransportMode' }) transportMode: TransportMode;
  @ApiProperty({ type: String, nullable: true }) vehiclePlate: string | null;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true }) symptoms: Symptom[];
  @ApiProperty() contactWithCase: boolean;
  @ApiProperty() stayedInZone: boolean;
  @ApiProperty() vaccineDoses: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastDoseDate: string | null;
  @ApiProperty({ type: DeclarationTestDto, nullable: true }) test: DeclarationTestDto | null;
  @ApiProperty({ enum: Object.values(RiskLevel), enumName: 'RiskLevel' }) riskLevel: RiskLevel;
  @ApiProperty({ enum: Object.values(RiskReason), enumName: 'RiskReason', isArray: true }) riskReasons: RiskReason[];
  @ApiProperty({ type: Number, nullable: true }) originZoneLevel: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) validUntil: string;
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

/** What a checkpoint officer sees after a scan: the ID number partly masked, and previous passages. */
export class ScannedDeclarationDto extends DeclarationDto {
  @ApiProperty({ type: [PassageViewDto] }) passages: PassageViewDto[];
}

export class DeclarationListDto {
  @ApiProperty({ type: [DeclarationDto] }) items: DeclarationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class RecordPassageDto {
  @ApiProperty({ description: 'QR token or short code of the declaration' }) @Transform(trim) @IsString() @MinLength(8) @MaxLength(64)
  code: string;

  @ApiProperty({ enum: Object.values(Direction), enumName: 'Direction' }) @IsIn(Object.values(Direction))
  direction: Direction;

  @ApiProperty({ enum: Object.values(PassageOutcome), enumName: 'PassageOutcome' }) @IsIn(Object.values(PassageOutcome))
  outcome: PassageOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was recorded on the device (offline queue)' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}T/, { message: 'recordedAt must be an ISO timestamp' })
  recordedAt?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(500)
  note?: string;
}

export class PassageRecordedDto {
  @ApiProperty({ type: PassageViewDto }) passage: PassageViewDto;
  @ApiProperty({ type: ScannedDeclarationDto }) declaration: ScannedDeclarationDto;
}

export class PassageListDto {
  @ApiProperty({ type: [PassageViewDto] }) items: PassageViewDto[];
}
