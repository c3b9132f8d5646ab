import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AccountStatus, Agency, Role, STAFF_ROLES, STAFF_USERNAME_PATTERN, VN_PHONE_PATTERN } from '@cordon/contracts';
import { JurisdictionDto } from './auth.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);
const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

export class AccountDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: Object.values(Role), enumName: 'Role' }) role: Role;
  @ApiProperty({ type: JurisdictionDto }) jurisdiction: JurisdictionDto;
  @ApiPropertyOptional({ type: String, nullable: true }) title: string | null;
  @ApiPropertyOptional({ enum: Object.values(Agency), enumName: 'Agency', nullable: true }) agency: Agency | null;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: Object.values(AccountStatus), enumName: 'AccountStatus' }) status: AccountStatus;
  @ApiProperty({ description: 'Temporarily locked after repeated failed sign-ins, until this time', type: String, format: 'date-time', nullable: true }) lockedUntil: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ description: 'Failed sign-ins since the last success' }) failedLogins: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activationExpiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class AccountListDto {
  @ApiProperty({ type: [AccountDto] }) items: AccountDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class ProvisionedAccountDto {
  @ApiProperty({ type: AccountDto }) account: AccountDto;
  @ApiProperty({ description: 'Shown once; the user sets their own password with it' }) activationCode: string;
  @ApiProperty({ type: String, format: 'date-time' }) activationExpiresAt: string;
}

export class AccountQueryDto {
  @ApiPropertyOptional({ description: 'Name, username or phone (diacritics optional)' })
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'Role' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(STAFF_ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: Object.values(AccountStatus), enumName: 'AccountStatus' }) @IsOptional() @Transform(emptyToUndefined) @IsIn(Object.values(AccountStatus))
  status?: AccountStatus;

  @ApiPropertyOptional({ description: 'Accounts whose jurisdiction lies in this unit (subtree)' })
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Only accounts that never signed in' }) @IsOptional() @Transform(toBool) @IsBoolean()
  neverSignedIn?: boolean;

  @ApiPropertyOptional({ description: 'Only accounts locked (by an administrator or after failed sign-ins)' }) @IsOptional() @Transform(toBool) @IsBoolean()
  locked?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

export class CitizenResetDto {
  @ApiProperty({ description: 'The ID number on the card the citizen shows in person' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @Matches(/^0\d{11}$|^[A-Z][0-9]{7}$|^[A-Z0-9]{6,9}$/, { message: 'idNumber must be a 12-digit citizen ID or a passport number' })
  idNumber: string;
}

export class CitizenActivationDto {
  @ApiProperty({ description: 'The citizen signs in with this (their phone number)' }) username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Shown once; the citizen sets a new password with it' }) activationCode: string;
  @ApiProperty({ type: String, format: 'date-time' }) activationExpiresAt: string;
}

export class CreateAccountDto {
  @ApiProperty({ description: 'Lower case letters, digits, . _ -; must contain a letter', example: 'staff.02230' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(STAFF_USERNAME_PATTERN, { message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores, with a letter' })
  username: string;

  @ApiProperty({ example: 'Trần Thị Bình' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName: string;

  @ApiProperty({ enum: STAFF_ROLES, enumName: 'Role' }) @IsIn(STAFF_ROLES, { message: 'role must be a staff role' })
  role: Role;

  @ApiPropertyOptional({ description: 'Jurisdiction unit (province, district or commune, as the role requires)' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Checkpoint (checkpoint officers)' }) @IsOptional() @IsUUID()
  checkpointId?: string;

  @ApiPropertyOptional({ example: 'Phó Chủ tịch UBND xã' }) @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(120)
  title?: string;

  @ApiPropertyOptional({ enum: Object.values(Agency), enumName: 'Agency', description: 'Checkpoint officers: their agency' }) @IsOptional() @IsIn(Object.values(Agency))
  agency?: Agency;

  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @Transform(emptyToUndefined) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(emptyToUndefined) @IsEmail({}, { message: 'email is not valid' }) @MaxLength(254)
  email?: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120)
  fullName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'Role' }) @IsOptional() @IsIn(STAFF_ROLES, { message: 'role must be a staff role' })
  role?: Role;

  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2,5}$/, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  checkpointId?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(120)
  title?: string;

  @ApiPropertyOptional({ enum: Object.values(Agency), enumName: 'Agency' }) @IsOptional() @IsIn(Object.values(Agency))
  agency?: Agency;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToUndefined) @Matches(VN_PHONE_PATTERN, { message: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' })
  phone?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToUndefined) @IsEmail({}, { message: 'email is not valid' }) @MaxLength(254)
  email?: string;
}
