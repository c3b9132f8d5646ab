import { forwardRef, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { DocumentsModule } from '../documents/documents.module';
import { FileAccess } from '../files/file-access';
import { GeographyModule } from '../geography/geography.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseReport } from './case-report.entity';
import { Case } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CheckIn } from './check-in.entity';
import { IsolationPolicy } from './isolation-policy.entity';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseReport, Case, CheckIn, IsolationPolicy]), AccountsModule, GeographyModule, NotificationsModule, forwardRef(() => DocumentsModule)],
  controllers: [ReportsController, CasesController, PoliciesController],
  providers: [ReportsService, CasesService, PoliciesService],
  exports: [ReportsService, CasesService, PoliciesService],
})
export class CasesModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccess,
    private readonly reports: ReportsService,
  ) {}

  /** Officials may open the test photo of a report in their jurisdiction. */
  onModuleInit(): void {
    this.fileAccess.register((user, fileId) => this.reports.canSeePhoto(user, fileId));
  }
}
