import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './common/auth/access.guard';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { PdfModule } from './common/pdf/pdf.module';
import { JurisdictionPolicy } from './common/policy/jurisdiction.policy';
import { RateLimitService } from './common/rate-limit/rate-limit.service';
import { AppConfig } from './config/app-config';
import { JWT_SECRETS, type JwtSecrets } from './config/secrets';
import { dataSourceOptions } from './database/data-source';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { FilesModule } from './modules/files/files.module';
import { GeographyModule } from './modules/geography/geography.module';
import { HealthModule } from './modules/health/health.module';
import { CasesModule } from './modules/cases/cases.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { MovementsModule } from './modules/movements/movements.module';
import { ReportsModule } from './modules/reports/reports.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { RollupsModule } from './modules/rollups/rollups.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  secrets: JwtSecrets;
}

/** The platform pieces every module shares: configuration, the jurisdiction policy, rate limits. */
@Global()
@Module({})
class PlatformModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: JWT_SECRETS, useValue: options.secrets },
        JurisdictionPolicy,
        RateLimitService,
      ],
      exports: [AppConfig, JWT_SECRETS, JurisdictionPolicy, RateLimitService],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        TypeOrmModule.forRoot(
          dataSourceOptions(options.databaseUrl, options.config.DB_POOL_SIZE, {
            connectTimeoutMs: options.config.DB_CONNECT_TIMEOUT_MS,
            statementTimeoutMs: options.config.DB_STATEMENT_TIMEOUT_MS,
          }),
        ),
        AuditModule,
        PdfModule,
        FilesModule,
        GeographyModule,
        AccountsModule,
        HealthModule,
        NotificationsModule,
        CasesModule,
        DocumentsModule,
        MovementsModule,
        ReportsModule,
        RollupsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
