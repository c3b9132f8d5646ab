import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, buildMessage, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { CaseReportDto } from './case-report.dto';
import { AttentionReason, CaseStatus, CaseView, DocumentKind, DocumentStatus, Gender, LIST_TOTAL_CAP, Symptom, TestType } from '@cordon/contracts';
import { CURSOR_MAX_LENGTH } from '../../../common/db/keyset';

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** At most one decimal place (class-validator's own maxDecimalPlaces throws on numbers written with an exponent, e.g. 1e-300). */
const AtMostOneDecimal = () =>
  ValidateBy({
    name: 'maxDecimalPlaces',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-6,
      defaultMessage: buildMessage((each) => `${each}$property must have at most one decimal place`),
    },
  });

export class CaseQueryDto {
  @ApiPropertyOptional({ enum: Object.values(CaseView), enumName: 'CaseView' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(CaseView))
  view?: CaseView;

  @ApiPropertyOptional({ enum: Object.values(CaseStatus), enumName: 'CaseStatus' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(CaseStatus))
  status?: CaseStatus;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code' })
  communeCode?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{3}$/, { message: 'districtCode must be a district code' })
  districtCode?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Positive test on or after' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Positive test on or before' }) @IsOptional() @Transform(emptyToUndefined) @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ description: 'Name or ID number' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters (opaque: the sort key of its last row)', maxLength: CURSOR_MAX_LENGTH }) @IsOptional() @IsString() @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}

export class DailyQueryDto {
  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ format: 'date' }) @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{3}$/, { message: 'districtCode must be a district code' })
  districtCode?: string;
}

export class CheckInDto {
  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true }) @IsArray() @ArrayMaxSize(12) @ArrayUnique() @IsIn(Object.values(Symptom), { each: true })
  symptoms: Symptom[];

  @ApiPropertyOptional({ minimum: 34, maximum: 43, example: 37.8 }) @IsOptional() @IsNumber() @AtMostOneDecimal() @Min(34) @Max(43)
  temperature?: number;

  @ApiPropertyOptional({ minimum: 50, maximum: 100, example: 97 }) @IsOptional() @IsInt() @Min(50) @Max(100)
  spo2?: number;
}

export class IsolationStateDto {
  @ApiProperty() dayNumber: number;
  @ApiProperty({ format: 'date' }) plannedEndDate: string;
  @ApiProperty({ format: 'date' }) extendedEndDate: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) eligibleFrom: string | null;
  @ApiProperty() overdueConfirmation: boolean;
}

export class CheckInViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(Symptom), enumName: 'Symptom', isArray: true }) symptoms: Symptom[];
  @ApiProperty({ type: Number, nullable: true }) temperature: number | null;
  @ApiProperty({ type: Number, nullable: true }) spo2: number | null;
  @ApiProperty() dangerSigns: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CheckInResultDto {
  @ApiProperty({ type: CheckInViewDto }) checkIn: CheckInViewDto;
  @ApiProperty() dangerSigns: boolean;
  @ApiProperty({ enum: ['CALL_NOW', 'CONTINUE'] }) advice: 'CALL_NOW' | 'CONTINUE';
}

export class DocumentSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(DocumentKind), enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ enum: Object.values(DocumentStatus), enumName: 'DocumentStatus' }) status: DocumentStatus;
  @ApiProperty({ type: String, nullable: true }) numberText: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedAt: string | null;
}

export class CaseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: Object.values(CaseStatus), enumName: 'CaseStatus' }) status: CaseStatus;
  @ApiProperty() fullName: string;
  @ApiProperty() idNumber: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) gender: Gender;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() address: string;
  @ApiProperty({ type: String, nullable: true }) communeCode: string | null;
  @ApiProperty({ type: String, nullable: true }) communeName: string | null;
  @ApiProperty({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty({ type: String, nullable: true }) districtName: string | null;
  @ApiProperty({ format: 'date' }) positiveTestDate: string;
  @ApiProperty({ enum: Object.values(TestType), enumName: 'TestType' }) testType: TestType;
  @ApiProperty() vaccineDoses: number;
  @ApiProperty() highRisk: boolean;
  @ApiProperty() backRegistered: boolean;
  @ApiProperty() policyVersion: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) negativeTestDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastCheckInAt: string | null;
  @ApiProperty() dangerSigns: boolean;
  @ApiProperty({ enum: Object.values(AttentionReason), enumName: 'AttentionReason', isArray: true }) attention: AttentionReason[];
  @ApiProperty({ type: IsolationStateDto }) isolation: IsolationStateDto;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recoveredAt: string | null;
  @ApiProperty() hasIsolationDecision: boolean;
  @ApiProperty() hasRecoveryConfirmation: boolean;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CheckInViewDto] }) checkIns: CheckInViewDto[];
  @ApiProperty({ type: [DocumentSummaryDto] }) documents: DocumentSummaryDto[];
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] }) items: CaseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: `Rows matching the filters, counted up to ${LIST_TOTAL_CAP}: exact when totalCapped is false; when more match, ${LIST_TOTAL_CAP} (and totalCapped is true)` }) total: number;
  @ApiProperty({ description: `true when more than ${LIST_TOTAL_CAP} rows match: total is then a lower bound (show it as "${LIST_TOTAL_CAP}+")` }) totalCapped: boolean;
}

export class AcceptedReportDto {
  @ApiProperty({ type: CaseReportDto }) report: CaseReportDto;
  @ApiProperty({ type: CaseDto }) case: CaseDto;
}

export class DailyCountDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() districtName: string;
  @ApiProperty() newCases: number;
  @ApiProperty() recoveries: number;
  @ApiProperty() active: number;
}

export class DailyCountListDto {
  @ApiProperty({ type: [DailyCountDto] }) items: DailyCountDto[];
}
