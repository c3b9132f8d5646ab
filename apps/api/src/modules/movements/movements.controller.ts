import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendPdf } from '../../common/pdf/send-pdf';
import { Transform } from 'class-transformer';
import { IsDateString, IsOptional, Matches } from 'class-validator';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize, Public } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { csvStream, sendCsv, type CsvColumn } from '../../common/csv/csv';
import { addDays, startOfVietnamDay, vietnamDate, vietnameseShortDate } from '../../common/time';
import { ArrivalsService, type ArrivalExportRow } from './arrivals.service';
import { GreenLaneDto, GreenLaneListDto, GreenLanePassageDto, GreenLanePassageRecordedDto, GreenLaneQueryDto, GreenLaneReasonDto, RegisterGreenLaneDto } from './dtos/green-lane.dto';
import { GreenLaneService } from './green-lane.service';
import { MovementReportsService, type ArrivalsDaily, type CheckpointDay, type DailyReport } from './movement-reports.service';
import { DeclarationsService } from './declarations.service';
import { ArrivalDto, ArrivalListDto, ArrivalQueryDto, FollowUpDto } from './dtos/arrival.dto';
import { CreateDeclarationDto, DeclarationDto, DeclarationListDto, DeclarationQueryDto, PaperDeclarationDto, PassageRecordedDto, PassageViewDto, RecordPassageDto, ScannedDeclarationDto } from './dtos/declaration.dto';

/** Officials who follow arrivals (communes act; districts and the Department of Health read). */
const ARRIVAL_READERS = [Role.COMMUNE_STAFF, Role.COMMUNE_LEADER, Role.DISTRICT_OFFICER, Role.HEALTH_OFFICER];

class PassageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Vietnam date (default today)' }) @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value)) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'date must be a date (YYYY-MM-DD)' })
  date?: string;
}

class PassageSummaryDto {
  @ApiProperty({ type: [PassageViewDto] }) items: PassageViewDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) byOutcome: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) bySource: Record<string, number>;
}

@ApiTags('movement declarations')
@Controller('movement-declarations')
export class DeclarationsController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Post()
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Declare a movement (for oneself or a family member); returns the QR token and short code' })
  @ApiCreatedResponse({ type: DeclarationDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateDeclarationDto, @Ctx() ctx: RequestContext): Promise<DeclarationDto> {
    return (await this.declarations.toDtos([await this.declarations.create(user, dto, ctx)]))[0];
  }

  @Post('anonymous')
  @Public('auth')
  @Idempotent()
  @ApiOperation({ summary: 'Declare without an account (identity typed in); rate limited' })
  @ApiCreatedResponse({ type: DeclarationDto })
  async anonymous(@Body() dto: CreateDeclarationDto, @Ctx() ctx: RequestContext): Promise<DeclarationDto> {
    return (await this.declarations.toDtos([await this.declarations.create(undefined, { ...dto, forSelf: false }, ctx)]))[0];
  }

  @Get()
  @Authorize(Role.CITIZEN, ...ARRIVAL_READERS)
  @ApiOperation({ summary: 'Declarations: a citizen’s own; officials’ by destination in their jurisdiction' })
  @ApiOkResponse({ type: DeclarationListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: DeclarationQueryDto): Promise<DeclarationListDto> {
    return this.declarations.list(user, query.limit ?? 50, query.cursor);
  }

  @Get('lookup/:code')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @ApiOperation({ summary: 'Look up any declaration by QR token or short code (an officer’s capability); ID number masked, previous passages' })
  @ApiOkResponse({ type: ScannedDeclarationDto })
  lookup(@Param('code') code: string): Promise<ScannedDeclarationDto> {
    return this.declarations.scan(code);
  }

  @Get(':id')
  @Authorize(Role.CITIZEN, ...ARRIVAL_READERS)
  @ApiOperation({ summary: 'One declaration' })
  @ApiOkResponse({ type: DeclarationDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DeclarationDto> {
    return this.declarations.get(user, id);
  }
}

@ApiTags('checkpoints')
@Controller('checkpoints')
export class PassagesController {
  constructor(
    private readonly declarations: DeclarationsService,
    private readonly greenLaneService: GreenLaneService,
  ) {}

  @Post(':id/passages')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @Idempotent()
  @ApiOperation({ summary: 'Record a passage of a scanned or typed declaration at one’s own checkpoint (retry with the same Idempotency-Key)' })
  @ApiCreatedResponse({ type: PassageRecordedDto })
  record(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: RecordPassageDto, @Ctx() ctx: RequestContext): Promise<PassageRecordedDto> {
    return this.declarations.recordPassage(user, id, dto, ctx);
  }

  @Post(':id/paper-declarations')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @Idempotent()
  @ApiOperation({ summary: 'Type a paper declaration and record its passage in one step' })
  @ApiCreatedResponse({ type: PassageRecordedDto })
  paper(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: PaperDeclarationDto, @Ctx() ctx: RequestContext): Promise<PassageRecordedDto> {
    return this.declarations.recordPaper(user, id, dto, ctx);
  }

  @Post(':id/green-lane-passages')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @Idempotent()
  @ApiOperation({ summary: 'Record a green-lane vehicle passing one’s own checkpoint' })
  @ApiCreatedResponse({ type: GreenLanePassageRecordedDto })
  greenLane(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: GreenLanePassageDto, @Ctx() ctx: RequestContext): Promise<GreenLanePassageRecordedDto> {
    return this.greenLaneService.recordPassage(user, id, dto, ctx);
  }

  @Get(':id/passages')
  @Authorize(Role.CHECKPOINT_OFFICER, Role.POLICE_ADMIN, Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'Passages of a day at a checkpoint, with the shift summary by outcome and by kind' })
  @ApiOkResponse({ type: PassageSummaryDto })
  passages(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: PassageQueryDto): Promise<PassageSummaryDto> {
    const day = query.date ?? vietnamDate();
    return this.declarations.checkpointPassages(user, id, startOfVietnamDay(day), startOfVietnamDay(addDays(day, 1)));
  }
}

@ApiTags('arrivals')
@Controller('arrivals')
export class ArrivalsController {
  constructor(private readonly arrivals: ArrivalsService) {}

  @Get()
  @Authorize(...ARRIVAL_READERS)
  @ApiOperation({ summary: 'People arriving in your jurisdiction (by destination), high risk first, with their follow-up' })
  @ApiOkResponse({ type: ArrivalListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ArrivalQueryDto): Promise<ArrivalListDto> {
    return this.arrivals.list(user, query);
  }

  @Put(':id/follow-up')
  @Authorize(Role.COMMUNE_STAFF, Role.COMMUNE_LEADER)
  @ApiOperation({ summary: 'Record the commune’s follow-up of an arrival (monitor at home, test result, refer to isolation, done)' })
  @ApiOkResponse({ type: ArrivalDto })
  followUp(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: FollowUpDto, @Ctx() ctx: RequestContext): Promise<ArrivalDto> {
    return this.arrivals.recordFollowUp(user, id, dto, ctx);
  }
}

class RangeQueryDto {
  @ApiProperty({ format: 'date' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ format: 'date' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;
}

class DateQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date (YYYY-MM-DD)' })
  date?: string;
}

class ArrivalsDailyDto {
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { date: { type: 'string' }, total: { type: 'number' }, high: { type: 'number' }, medium: { type: 'number' }, low: { type: 'number' }, fromZone: { type: 'number' } } } })
  items: ArrivalsDaily['items'];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { districtCode: { type: 'string' }, districtName: { type: 'string' }, total: { type: 'number' }, high: { type: 'number' } } } })
  byDistrict: ArrivalsDaily['byDistrict'];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { provinceCode: { type: 'string' }, provinceName: { type: 'string' }, total: { type: 'number' } } } })
  byOrigin: ArrivalsDaily['byOrigin'];
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { checkpointId: { type: 'string' }, checkpointName: { type: 'string' }, total: { type: 'number' } } } })
  byCheckpoint: ArrivalsDaily['byCheckpoint'];
}

class CheckpointDaysDto {
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { date: { type: 'string' }, checkpointId: { type: 'string' }, checkpointName: { type: 'string' }, total: { type: 'number' }, in: { type: 'number' }, out: { type: 'number' }, byOutcome: { type: 'object', additionalProperties: { type: 'number' } } } } })
  items: CheckpointDay[];
}

class DailyReportDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() entering: number;
  @ApiProperty() fromZones: number;
  @ApiProperty() highRisk: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { districtCode: { type: 'string' }, districtName: { type: 'string' }, total: { type: 'number' }, fromZones: { type: 'number' }, high: { type: 'number' } } } })
  byDistrict: DailyReport['byDistrict'];
  @ApiProperty() greenLaneVehicles: number;
  @ApiProperty() passages: number;
  @ApiProperty() paperDeclarations: number;
}


const RISK_VI: Record<string, string> = { HIGH: 'Cao', MEDIUM: 'Trung bình', LOW: 'Thấp' };
const ARRIVAL_COLUMNS: CsvColumn<ArrivalExportRow>[] = [
  { header: 'Họ và tên', value: (a) => a.fullName },
  { header: 'Số định danh', value: (a) => a.idNumber },
  { header: 'Điện thoại', value: (a) => a.phone },
  { header: 'Nơi đi', value: (a) => a.originName },
  { header: 'Cấp vùng dịch nơi đi', value: (a) => a.originZoneLevel },
  { header: 'Nơi đến', value: (a) => a.destinationName },
  { header: 'Địa chỉ nơi đến', value: (a) => a.destinationAddress },
  { header: 'Ngày đi', value: (a) => vietnameseShortDate(a.travelDate) },
  { header: 'Mức nguy cơ', value: (a) => RISK_VI[a.riskLevel] },
  { header: 'Tờ khai', value: (a) => (a.source === 'PAPER' ? 'Giấy' : 'Điện tử') },
  { header: 'Lượt qua chốt', value: (a) => a.passages },
  { header: 'Theo dõi', value: (a) => a.followUp },
];

@ApiTags('arrivals')
@Controller()
export class MovementReportsController {
  constructor(
    private readonly reports: MovementReportsService,
    private readonly arrivals: ArrivalsService,
  ) {}

  @Get('arrivals/daily')
  @Authorize(...ARRIVAL_READERS)
  @ApiOperation({ summary: 'Arrivals per day by risk, per destination district, origin province and checkpoint' })
  @ApiOkResponse({ type: ArrivalsDailyDto })
  daily(@CurrentUser() user: AuthUser, @Query() query: RangeQueryDto): Promise<ArrivalsDaily> {
    return this.reports.arrivalsDaily(user, query.from, query.to);
  }

  @Get('arrivals/export.csv')
  @Authorize(...ARRIVAL_READERS)
  @ApiOperation({ summary: 'The arrivals list as CSV (UTF-8 with BOM), same filters as the list' })
  @ApiProduces('text/csv')
  async export(@CurrentUser() user: AuthUser, @Query() query: ArrivalQueryDto, @Res() reply: FastifyReply): Promise<void> {
    sendCsv(reply, `nguoi-den-${vietnamDate()}.csv`, csvStream(ARRIVAL_COLUMNS, this.arrivals.exportRows(user, query)));
  }

  @Get('checkpoints/stats')
  @Authorize(Role.POLICE_ADMIN, Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'Passages per checkpoint per day (in, out, by outcome)' })
  @ApiOkResponse({ type: CheckpointDaysDto })
  checkpointStats(@CurrentUser() user: AuthUser, @Query() query: RangeQueryDto): Promise<{ items: CheckpointDay[] }> {
    return this.reports.checkpointDays(user, query.from, query.to);
  }

  @Get('checkpoints/paper-form.pdf')
  @Authorize(Role.CHECKPOINT_OFFICER, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'The blank A4 paper declaration form, in the order of the entry screen' })
  @ApiProduces('application/pdf')
  async paperForm(@Res() reply: FastifyReply): Promise<void> {
    sendPdf(reply, await this.reports.paperForm(), 'to-khai-y-te.pdf');
  }

  @Get('reports/daily')
  @Authorize(Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'The daily report for a date: people entering, from epidemic zones, by destination district, high risk, green lane' })
  @ApiOkResponse({ type: DailyReportDto })
  dailyReport(@CurrentUser() user: AuthUser, @Query() query: DateQueryDto): Promise<DailyReport> {
    return this.reports.daily(user, query.date ?? vietnamDate());
  }

  @Get('reports/daily.pdf')
  @Authorize(Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'The daily report as an A4 PDF' })
  @ApiProduces('application/pdf')
  async dailyReportPdf(@CurrentUser() user: AuthUser, @Query() query: DateQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const date = query.date ?? vietnamDate();
    sendPdf(reply, await this.reports.dailyPdf(user, date), `bao-cao-ngay-${date}.pdf`);
  }
}

@ApiTags('green lane')
@Controller('green-lane')
export class GreenLaneController {
  constructor(private readonly greenLane: GreenLaneService) {}

  @Post()
  @Authorize(Role.CITIZEN)
  @Idempotent()
  @ApiOperation({ summary: 'Register a freight vehicle for the green lane' })
  @ApiCreatedResponse({ type: GreenLaneDto })
  register(@CurrentUser() user: AuthUser, @Body() dto: RegisterGreenLaneDto, @Ctx() ctx: RequestContext): Promise<GreenLaneDto> {
    return this.greenLane.register(user, dto, ctx);
  }

  @Get()
  @Authorize(Role.CITIZEN, Role.TRANSPORT_OFFICER)
  @ApiOperation({ summary: 'Registrations: a citizen’s own; the Department of Transport all of the province' })
  @ApiOkResponse({ type: GreenLaneListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: GreenLaneQueryDto): Promise<GreenLaneListDto> {
    return this.greenLane.list(user, query);
  }

  @Get('lookup/:code')
  @Authorize(Role.CHECKPOINT_OFFICER)
  @ApiOperation({ summary: 'Check a green-lane pass by QR token or short code (drivers’ ID numbers masked)' })
  @ApiOkResponse({ type: GreenLaneDto })
  lookup(@Param('code') code: string): Promise<GreenLaneDto> {
    return this.greenLane.lookup(code);
  }

  @Get(':id')
  @Authorize(Role.CITIZEN, Role.TRANSPORT_OFFICER)
  @ApiOperation({ summary: 'One registration' })
  @ApiOkResponse({ type: GreenLaneDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<GreenLaneDto> {
    return this.greenLane.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authorize(Role.TRANSPORT_OFFICER)
  @ApiOperation({ summary: 'Approve a pending registration (its QR pass becomes valid)' })
  @ApiOkResponse({ type: GreenLaneDto })
  approve(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<GreenLaneDto> {
    return this.greenLane.review(user, id, 'approve', null, ctx);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize(Role.TRANSPORT_OFFICER)
  @ApiOperation({ summary: 'Reject a pending registration with a reason' })
  @ApiOkResponse({ type: GreenLaneDto })
  reject(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: GreenLaneReasonDto, @Ctx() ctx: RequestContext): Promise<GreenLaneDto> {
    return this.greenLane.review(user, id, 'reject', dto.reason, ctx);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authorize(Role.TRANSPORT_OFFICER)
  @ApiOperation({ summary: 'Revoke an approved pass with a reason' })
  @ApiOkResponse({ type: GreenLaneDto })
  revoke(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: GreenLaneReasonDto, @Ctx() ctx: RequestContext): Promise<GreenLaneDto> {
    return this.greenLane.review(user, id, 'revoke', dto.reason, ctx);
  }
}
