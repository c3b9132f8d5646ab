import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Gender, Relation, ReportKind, ReportStatus, Symptom, TestResult, TestType, VN_PHONE_PATTERN } from '@cordon/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (f: string) => ({ message: `${f} must be a date (YYYY-MM-DD)` });
const RELATIVES = Object.values(Relation).filter((r) => r !== Relation.SELF);

export class PersonDto {
  @ApiProperty({ example: 'Hoàng Thị Lan' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiProperty({ example: '008190001234' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^0\d{11}$|^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/, { message: 'idNumber must be a 12-digit citizen ID or a passport number' })
  idNumber: string;

  @ApiProperty({ format: 'date' }) @Matches(DATE, dateMessage('dateOfBirth'))
  dateOfBirth: string;

  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) @IsIn(Object.values(Gender))
  gender: Gender;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone?: string;

  @ApiProperty({ enum: RELATIVES, enumName: 'Relative' }) @IsIn(RELATIVES, { message: 'relation must say how the person is related to you' })
  relation: Relation;
}

export class ContactDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone?: string;

  @ApiProperty({ enum: Object.values(Relation), enumName: 'Relation' }) @IsIn(Object.values(Relation))
  relation: Relation;
}

export class InfectionReportDto {
  @ApiProperty({ description: 'For oneself (identity from the profile) or for a household member (person)' }) @IsBoolean()
  forSelf: boolean;

  @ApiPropertyOptional({ type: PersonDto }) @IsOptional() @ValidateNested() @Type(() => PersonDto)
  person?: PersonDto;

  @ApiProperty({ description: 'Commune where the person isolates', example: '02230' }) @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code (5 digits)' })
  communeCode: string;

  @ApiProperty({ example: 'Thôn Nà Mèo' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(255)
  address: string;

  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType' }) @IsIn(Object.values(TestType))
  testType: TestType;

  @ApiProperty({ format: 'date' }) @Matches(DATE, dateMessage('testDate'))
  testDate: string;

  @ApiPropertyOptional({ description: 'An uploaded test photo (POST /files/test-photos)' }) @IsOptional() @IsUUID()
  photoFileId?: string;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('symptomOnset'))
  symptomOnset?: string;

  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true }) @IsArray() @ArrayMaxSize(12) @ArrayUnique() @IsIn(Object.values(Symptom), { each: true })
  symptoms: Symptom[];

  @ApiProperty({ minimum: 0, maximum: 5 }) @IsInt() @Min(0) @Max(5)
  vaccineDoses: number;

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(DATE, dateMessage('lastDoseDate'))
  lastDoseDate?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  pregnant?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  chronicDisease?: boolean;

  @ApiPropertyOptional({ type: [ContactDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ContactDto)
  contacts?: ContactDto[];
}

export class RecoveryReportDto {
  @ApiProperty({ description: 'The open case this recovery is for' }) @IsUUID()
  caseId: string;

  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType' }) @IsIn(Object.values(TestType))
  testType: TestType;

  @ApiProperty({ format: 'date', description: 'Date of the negative test' }) @Matches(DATE, dateMessage('testDate'))
  testDate: string;

  @ApiProperty({ description: 'The person has no symptoms any more' }) @Equals(true, { message: 'noSymptoms must be confirmed' })
  noSymptoms: boolean;
}

export class RejectReportDto {
  @ApiProperty({ description: 'Shown to the citizen', example: 'Ảnh xét nghiệm không rõ, đề nghị khai báo lại' }) @Transform(trim) @IsString() @MinLength(5) @MaxLength(500)
  reason: string;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ enum: Object.values(ReportKind), enumName: 'ReportKind' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(ReportKind))
  kind?: ReportKind;

  @ApiPropertyOptional({ enum: Object.values(ReportStatus), enumName: 'ReportStatus' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(ReportStatus))
  status?: ReportStatus;

  @ApiPropertyOptional({ format: 'date', description: 'Submitted on or after (Vietnam date)' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, dateMessage('from'))
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Submitted on or before (Vietnam date)' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, dateMessage('to'))
  to?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  highRisk?: boolean;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code' })
  communeCode?: string;

  @ApiPropertyOptional({ description: 'Name or ID number' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40)
  cursor?: string;
}

export class ContactViewDto {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: Object.values(Relation), enumName: 'Relation' }) relation: Relation;
}

export class CaseReportDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(ReportKind), enumName: 'ReportKind' }) kind: ReportKind;
  @ApiProperty({ enum: Object.values(ReportStatus), enumName: 'ReportStatus' }) status: ReportStatus;
  @ApiProperty({ enum: Object.values(Relation), enumName: 'Relation' }) relation: Relation;
  @ApiProperty() fullName: string;
  @ApiProperty() idNumber: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) gender: Gender;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() address: string;
  @ApiProperty({ type: String, nullable: true }) communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) communeName: string | null;
  @ApiProperty({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType' }) testType: TestType;
  @ApiProperty({ format: 'date' }) testDate: string;
  @ApiProperty({ enum: Object.values(TestResult), enumName: 'TestResult' }) testResult: TestResult;
  @ApiProperty({ type: String, nullable: true }) photoFileId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) symptomOnset: string | null;
  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true }) symptoms: Symptom[];
  @ApiProperty() vaccineDoses: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastDoseDate: string | null;
  @ApiProperty() pregnant: boolean;
  @ApiProperty() chronicDisease: boolean;
  @ApiProperty() highRisk: boolean;
  @ApiProperty({ type: [ContactViewDto] }) contacts: ContactViewDto[];
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty() backRegistered: boolean;
  @ApiProperty({ description: 'Waiting for review past its deadline' }) overdue: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: string;
}

export class CaseReportListDto {
  @ApiProperty({ type: [CaseReportDto] }) items: CaseReportDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() total: number;
}
