import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { CurrentUser } from '../../common/auth/request-context.decorator';
import { csvStream, sendCsv } from '../../common/csv/csv';
import { vietnamDate } from '../../common/time';
import { AuditEventListDto, AuditQueryDto, type AuditEventDto } from './audit.dto';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @Authorize(Role.ACCOUNT_ADMIN, Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'The audit trail: who changed what, when, with before and after (health: the epidemic’s records only)' })
  @ApiOkResponse({ type: AuditEventListDto })
  search(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<AuditEventListDto> {
    return this.audit.search(user, query);
  }

  @Get('export.csv')
  @Authorize(Role.ACCOUNT_ADMIN, Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'The audit events matching the filters as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  async export(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const columns = [
      { header: 'Thời điểm', value: (e: AuditEventDto) => e.occurredAt },
      { header: 'Người thực hiện', value: (e: AuditEventDto) => e.actorId },
      { header: 'Vai trò', value: (e: AuditEventDto) => e.actorRole },
      { header: 'Hành động', value: (e: AuditEventDto) => e.action },
      { header: 'Đối tượng', value: (e: AuditEventDto) => e.entityType },
      { header: 'Mã đối tượng', value: (e: AuditEventDto) => e.entityId },
      { header: 'Trước', value: (e: AuditEventDto) => (e.before ? JSON.stringify(e.before) : '') },
      { header: 'Sau', value: (e: AuditEventDto) => (e.after ? JSON.stringify(e.after) : '') },
      { header: 'Mã yêu cầu', value: (e: AuditEventDto) => e.requestId },
    ];
    sendCsv(reply, `nhat-ky-${vietnamDate()}.csv`, csvStream(columns, this.audit.all(user, query)));
  }
}
