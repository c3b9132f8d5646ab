import { Module } from '@nestjs/common';
import { DeploymentReportService } from './deployment-report.service';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController], providers: [DeploymentReportService] })
export class ReportsModule {}
