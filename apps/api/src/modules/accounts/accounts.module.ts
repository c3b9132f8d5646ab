import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { JWT_SECRETS, type JwtSecrets } from '../../config/secrets';
import { GeographyModule } from '../geography/geography.module';
import { AccountsController, CitizenAccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CitizenProfile } from './citizen-profile.entity';
import { JwtStrategy } from './jwt.strategy';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { JWT_AUDIENCE, JWT_ISSUER, TokenService } from './token.service';
import { User } from './user.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, CitizenProfile, RefreshToken]),
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
  controllers: [AuthController, AccountsController, CitizenAccountsController],
  providers: [AuthService, AccountsService, PasswordService, TokenService, JwtStrategy],
  exports: [AuthService, AccountsService, PasswordService],
})
export class AccountsModule {}
