import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { JWT_SECRETS, type JwtSecrets } from '../../config/secrets';
import { acceptRawBodies } from '../../common/http/raw-body';
import { GeographyModule } from '../geography/geography.module';
import { AccountsController, CitizenAccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CitizenProfile } from './citizen-profile.entity';
import { AccountImport, AccountImportRow } from './imports/account-import.entity';
import { AccountImportsController } from './imports/account-imports.controller';
import { AccountImportsService } from './imports/account-imports.service';
import { ActivationSlips } from './imports/activation-slips';
import { CodeVault } from './imports/code-vault';
import { CSV_TYPE, IMPORT_BODY_LIMIT, XLSX_TYPE } from './imports/import-sheet';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service';
import { User } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, CitizenProfile, RefreshToken, AccountImport, AccountImportRow]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig, JWT_SECRETS],
      useFactory: (config: AppConfig, secrets: JwtSecrets) => ({
        secret: secrets.accessSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL, audience: JWT_AUDIENCE, issuer: JWT_ISSUER },
        verifyOptions: { algorithms: ['HS256'], audience: JWT_AUDIENCE, issuer: JWT_ISSUER },
      }),
    }),
    GeographyModule,
  ],
  controllers: [AuthController, AccountImportsController, AccountsController, CitizenAccountsController],
  providers: [AuthService, AccountsService, AccountImportsService, ActivationSlips, CodeVault, PasswordService, TokenService, JwtStrategy],
  exports: [AuthService, AccountsService, PasswordService],
})
export class AccountsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Import files arrive as raw CSV or XLSX bytes. */
  onModuleInit(): void {
    acceptRawBodies(this.adapterHost, [CSV_TYPE, XLSX_TYPE], IMPORT_BODY_LIMIT);
  }
}
