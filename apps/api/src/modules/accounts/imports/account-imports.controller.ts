import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../../common/auth/auth-user';
import { Authorize } from '../../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../../common/auth/request-context.decorator';
import { attachmentDisposition, csvStream, sendCsv } from '../../../common/csv/csv';
import { Idempotent } from '../../../common/idempotency/idempotent.decorator';
import { AccountImportDto, AccountImportListDto, ImportRowListDto, ImportRowQueryDto, ImportTemplateQueryDto, ImportUploadQueryDto } from '../dtos/account-import.dto';
import { AccountImportsService } from './account-imports.service';
import { ActivationSlips } from './activation-slips';
import { CSV_TYPE, importTemplate, XLSX_TYPE } from './import-sheet';

const ADMINS = [Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN] as const;

@ApiTags('accounts')
@Controller('accounts/imports')
export class AccountImportsController {
  constructor(
    private readonly imports: AccountImportsService,
    private readonly slips: ActivationSlips,
  ) {}

  @Get('template')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'The import template (Vietnamese headers); the XLSX adds instructions and the unit codes of your province' })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(@CurrentUser() user: AuthUser, @Query() query: ImportTemplateQueryDto, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const { units, roles } = await this.imports.templateData(user);
    return reply
      .header('Content-Type', query.format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE)
      .header('Content-Disposition', attachmentDisposition(`mau-nhap-tai-khoan.${query.format}`))
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(importTemplate(query.format, units, roles));
  }

  @Get()
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'Recent imports of your role in your province (newest first, at most 50)' })
  @ApiOkResponse({ type: AccountImportListDto })
  async list(@CurrentUser() user: AuthUser): Promise<AccountImportListDto> {
    return { items: await this.imports.list(user) };
  }

  @Post()
  @Authorize(...ADMINS)
  @Idempotent()
  @ApiOperation({ summary: 'Upload a CSV or XLSX of accounts: every row is validated and nothing is written until you commit' })
  @ApiConsumes(CSV_TYPE, XLSX_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: AccountImportDto })
  preview(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Query() query: ImportUploadQueryDto, @Ctx() ctx: RequestContext): Promise<AccountImportDto> {
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return this.imports.previewFile(user, data, req.headers['content-type'] ?? '', query.fileName, ctx);
  }

  @Post('province')
  @Authorize(Role.ACCOUNT_ADMIN)
  @Idempotent()
  @ApiOperation({ summary: 'Provision the whole province: a preview of a staff and a leader account for every commune and an officer for every district that has none' })
  @ApiCreatedResponse({ type: AccountImportDto })
  provisionProvince(@CurrentUser() user: AuthUser, @Ctx() ctx: RequestContext): Promise<AccountImportDto> {
    return this.imports.previewProvince(user, ctx);
  }

  @Get(':id')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'An import: state, counts and the progress of a running commit' })
  @ApiOkResponse({ type: AccountImportDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AccountImportDto> {
    return this.imports.get(user, id);
  }

  @Get(':id/rows')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'The row-by-row report (filter by action, e.g. ERROR)' })
  @ApiOkResponse({ type: ImportRowListDto })
  rows(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: ImportRowQueryDto): Promise<ImportRowListDto> {
    return this.imports.listRows(user, id, query);
  }

  @Get(':id/report.csv')
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'The row-by-row report as CSV (the rows as read, the verdict and the reasons)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async report(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.imports.get(user, id);
    const rows = this.imports.reportRows(user, id);
    return sendCsv(reply, 'bao-cao-nhap-tai-khoan.csv', csvStream(this.slips.reportColumns(), rows));
  }

  @Post(':id/commit')
  @HttpCode(202)
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'Write every row in one transaction (all or nothing), in the background: poll the import for progress' })
  @ApiAcceptedResponse({ type: AccountImportDto })
  commit(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AccountImportDto> {
    return this.imports.commit(user, id, ctx);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'Drop a preview (nothing is written)' })
  @ApiOkResponse({ type: AccountImportDto })
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AccountImportDto> {
    return this.imports.cancel(user, id, ctx);
  }

  @Post(':id/codes.csv')
  @HttpCode(200)
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'The activation codes of the created accounts as CSV: once (the codes are erased when both formats were taken)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async codesCsv(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const taken = await this.imports.takeCodes(user, id, 'csv', ctx);
    return sendCsv(reply, 'ma-kich-hoat.csv', this.slips.csv(taken));
  }

  @Post(':id/codes.pdf')
  @HttpCode(200)
  @Authorize(...ADMINS)
  @ApiOperation({ summary: 'The activation codes as printable slips, one per account: once' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async codesPdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const taken = await this.imports.takeCodes(user, id, 'pdf', ctx);
    const pdf = await this.slips.pdf(taken);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', attachmentDisposition('phieu-ma-kich-hoat.pdf'))
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(pdf);
  }
}
