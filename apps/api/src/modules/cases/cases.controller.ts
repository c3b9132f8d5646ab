import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { csvStream, sendCsv } from '../../common/csv/csv';
import { vietnamDate, vietnameseShortDate } from '../../common/time';
import { CasesService } from './cases.service';
import { CaseDetailDto, CaseListDto, CaseQueryDto, CheckInDto, CheckInResultDto, DailyCountListDto, DailyQueryDto, type CaseDto } from './dtos/case.dto';
import { CASE_OFFICIALS, CASE_WORKERS } from './roles';

const STATUS_VI: Record<string, string> = { ISOLATING: 'Đang cách ly', HOSPITALISED: 'Đang điều trị tại viện', RECOVERED: 'Đã khỏi' };
const date = (d: string | null) => (d ? vietnameseShortDate(d) : '');

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
  @ApiOperation({ summary: 'Cases (citizens: their own; officials: their jurisdiction) by view: isolating, needing attention, eligible to end isolation, overdue confirmation, hospitalised, recovered' })
  @ApiOkResponse({ type: CaseListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseQueryDto): Promise<CaseListDto> {
    return this.cases.list(user, query);
  }

  @Get('export.csv')
  @Authorize(...CASE_OFFICIALS)
  @ApiOperation({ summary: 'The case line list as CSV (UTF-8 with BOM, streamed), same filters as the list' })
  @ApiProduces('text/csv')
  async export(@CurrentUser() user: AuthUser, @Query() query: CaseQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const stream = csvStream<CaseDto>(
      [
        { header: 'Họ và tên', value: (c) => c.fullName },
        { header: 'Số định danh', value: (c) => c.idNumber },
        { header: 'Ngày sinh', value: (c) => date(c.dateOfBirth) },
        { header: 'Giới tính', value: (c) => ({ MALE: 'Nam', FEMALE: 'Nữ', OTHER: 'Khác' })[c.gender] },
        { header: 'Điện thoại', value: (c) => c.phone },
        { header: 'Huyện', value: (c) => c.districtName },
        { header: 'Xã', value: (c) => c.communeName },
        { header: 'Địa chỉ cách ly', value: (c) => c.address },
        { header: 'Ngày xét nghiệm dương tính', value: (c) => date(c.positiveTestDate) },
        { header: 'Tình trạng', value: (c) => STATUS_VI[c.status] },
        { header: 'Nguy cơ cao', value: (c) => (c.highRisk ? 'Có' : 'Không') },
        { header: 'Dấu hiệu nguy hiểm', value: (c) => (c.dangerSigns ? 'Có' : 'Không') },
        { header: 'Khai báo bổ sung (ghi nhận muộn)', value: (c) => (c.backRegistered ? 'Có' : 'Không') },
        { header: 'Ngày đủ điều kiện kết thúc cách ly', value: (c) => date(c.isolation.eligibleFrom) },
        { header: 'Ngày khỏi bệnh', value: (c) => (c.recoveredAt ? date(vietnamDate(new Date(c.recoveredAt))) : '') },
      ],
      this.cases.exportRows(user, query),
    );
    sendCsv(reply, `ca-benh-${vietnamDate()}.csv`, stream);
  }

  @Get('daily')
  @Authorize(...CASE_OFFICIALS)
  @ApiOperation({ summary: 'New cases, recoveries and active cases per day and district' })
  @ApiOkResponse({ type: DailyCountListDto })
  daily(@CurrentUser() user: AuthUser, @Query() query: DailyQueryDto): Promise<DailyCountListDto> {
    return this.cases.daily(user, query.from, query.to, query.districtCode);
  }

  @Get(':id')
  @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
  @ApiOperation({ summary: 'One case with its check-ins and documents' })
  @ApiOkResponse({ type: CaseDetailDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDetailDto> {
    return this.cases.get(user, id);
  }

  @Post(':id/check-ins')
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Daily health check-in; danger signs tell the person to call now and flag the case' })
  @ApiCreatedResponse({ type: CheckInResultDto })
  checkIn(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: CheckInDto, @Ctx() ctx: RequestContext): Promise<CheckInResultDto> {
    return this.cases.checkIn(user, id, dto, ctx);
  }

  @Post(':id/hospitalise')
  @HttpCode(200)
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'Mark a case hospitalised' })
  @ApiOkResponse({ type: CaseDetailDto })
  hospitalise(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<CaseDetailDto> {
    return this.cases.setHospitalised(user, id, true, ctx);
  }

  @Post(':id/return-home')
  @HttpCode(200)
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'A hospitalised case returns to home isolation' })
  @ApiOkResponse({ type: CaseDetailDto })
  returnHome(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<CaseDetailDto> {
    return this.cases.setHospitalised(user, id, false, ctx);
  }
}
