import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { CaseReportDto, CaseReportListDto, InfectionReportDto, RecoveryReportDto, RejectReportDto, ReportQueryDto } from './dtos/case-report.dto';
import { AcceptedReportDto } from './dtos/case.dto';
import { ReportsService } from './reports.service';
import { CASE_OFFICIALS, CASE_WORKERS } from './roles';

@ApiTags('case reports')
@Controller('case-reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('infection')
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Report an infection (F0), for oneself or a household member' })
  @ApiCreatedResponse({ type: CaseReportDto })
  infection(@CurrentUser() user: AuthUser, @Body() dto: InfectionReportDto, @Ctx() ctx: RequestContext): Promise<CaseReportDto> {
    return this.reports.submitInfection(user, dto, ctx);
  }

  @Post('recovery')
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Report a recovery (negative test, no symptoms) for an open case' })
  @ApiCreatedResponse({ type: CaseReportDto })
  recovery(@CurrentUser() user: AuthUser, @Body() dto: RecoveryReportDto, @Ctx() ctx: RequestContext): Promise<CaseReportDto> {
    return this.reports.submitRecovery(user, dto, ctx);
  }

  @Get()
  @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
  @ApiOperation({ summary: 'Reports (citizens: their own; officials: their jurisdiction), overdue first, then newest' })
  @ApiOkResponse({ type: CaseReportListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ReportQueryDto): Promise<CaseReportListDto> {
    return this.reports.list(user, query);
  }

  @Get(':id')
  @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
  @ApiOperation({ summary: 'One report' })
  @ApiOkResponse({ type: CaseReportDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseReportDto> {
    return this.reports.get(user, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'Accept: an infection opens a case (one open case per ID number); a recovery records the negative test' })
  @ApiOkResponse({ type: AcceptedReportDto })
  accept(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AcceptedReportDto> {
    return this.reports.accept(user, id, ctx);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'Reject with a reason the citizen sees' })
  @ApiOkResponse({ type: CaseReportDto })
  reject(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: RejectReportDto, @Ctx() ctx: RequestContext): Promise<CaseReportDto> {
    return this.reports.reject(user, id, dto.reason, ctx);
  }
}
