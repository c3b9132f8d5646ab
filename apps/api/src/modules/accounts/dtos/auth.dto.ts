import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Gender, Role, UnitLevel, VN_PHONE_PATTERN, PASSWORD_MAX_LENGTH } from '@cordon/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto {
  @ApiProperty({ description: 'Staff: username. Citizens: phone (0xxxxxxxxx) or ID number.', example: 'admin' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@12345' })
  @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200)
  refreshToken: string;
}

export class ActivateDto {
  @ApiProperty({ example: 'staff.02200' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ description: 'The one-time code (dashes and case ignored)', example: 'ABCD-EFGH-...' })
  @IsString() @MinLength(10) @MaxLength(64)
  activationCode: string;

  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiProperty({ description: '12-digit citizen ID (CCCD) or passport number', example: '008090001234' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(/^0\d{11}$|^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/, { message: 'idNumber must be a 12-digit citizen ID or a passport number' })
  idNumber: string;

  @ApiProperty({ example: '1990-05-20', format: 'date' })
  @IsDateString({ strict: true }, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth: string;

  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) @IsIn(Object.values(Gender))
  gender: Gender;

  @ApiProperty({ example: '0912345678' })
  @Transform(trim) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone: string;

  @ApiPropertyOptional({ example: 'Thôn 3' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255)
  address?: string;

  @ApiPropertyOptional({ description: 'Commune of residence (GSO code)', example: '02230' })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code (5 digits)' })
  communeCode?: string;

  @ApiProperty({ example: 'Demo@12345' }) @IsString() @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class JurisdictionDto {
  @ApiPropertyOptional({ type: String, nullable: true }) unitCode?: string | null;
  @ApiPropertyOptional({ enum: Object.values(UnitLevel), enumName: 'UnitLevel', nullable: true }) level?: UnitLevel | null;
  @ApiPropertyOptional({ type: String, nullable: true }) unitName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) checkpointId?: string | null;
}

export class CitizenProfileDto {
  @ApiProperty() idNumber: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: Object.values(Gender), enumName: 'Gender' }) gender: Gender;
  @ApiProperty() phone: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) communeCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) communeName?: string | null;
}

export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: Object.values(Role), enumName: 'Role' }) role: Role;
  @ApiProperty({ type: JurisdictionDto }) jurisdiction: JurisdictionDto;
  @ApiPropertyOptional({ type: CitizenProfileDto }) profile?: CitizenProfileDto;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}
