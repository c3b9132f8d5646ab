import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendPdf } from '../../common/pdf/send-pdf';
import { Role } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { CurrentUser } from '../../common/auth/request-context.decorator';
import { forbidden } from '../../common/errors/domain-error';
import { DeploymentReportService, type DeploymentReport } from './deployment-report.service';

const usage = { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, accounts: { type: 'number' }, activated: { type: 'number' }, active7d: { type: 'number' }, reports: { type: 'number' }, passages: { type: 'number' } } } as const;

class DeploymentReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: 'array', items: usage }) districts: DeploymentReport['districts'];
  @ApiProperty({ type: 'array', items: usage }) communes: DeploymentReport['communes'];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, accounts: { type: 'number' }, activated: { type: 'number' }, active7d: { type: 'number' }, passages: { type: 'number' }, paper: { type: 'number' }, electronic: { type: 'number' } } } })
  checkpoints: DeploymentReport['checkpoints'];
  @ApiProperty({ description: 'Percent of checkpoint passages from paper declarations' }) paperShare: number;
  @ApiProperty({ type: [String] }) inactiveCommunes: string[];
  @ApiProperty({ type: [String] }) inactiveCheckpoints: string[];
}

/** The deployment report is the province's: the caller's province. */
function provinceOf(user: AuthUser): string {
  if (!user.provinceCode) throw forbidden('A province account is needed');
  return user.provinceCode;
}

@ApiTags('reports')
@Controller('reports/deployment')
export class ReportsController {
  constructor(private readonly deployment: DeploymentReportService) {}

  @Get()
  @Authorize(Role.ACCOUNT_ADMIN)
  @ApiOperation({ summary: 'Deployment report: accounts provisioned / activated / active in 7 days, work handled, paper versus electronic, units with no activity' })
  @ApiOkResponse({ type: DeploymentReportDto })
  report(@CurrentUser() user: AuthUser): Promise<DeploymentReport> {
    return this.deployment.build(provinceOf(user));
  }

  @Get('pdf')
  @Authorize(Role.ACCOUNT_ADMIN)
  @ApiOperation({ summary: 'The deployment report as a printable PDF' })
  @ApiProduces('application/pdf')
  async pdf(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    const data = await this.deployment.pdfOf(provinceOf(user));
    sendPdf(reply, data, 'bao-cao-trien-khai.pdf');
  }
}
