import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize, Public } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { addDays, startOfVietnamDay, vietnamDate } from '../../common/time';
import { ArrivalsService } from './arrivals.service';
import { DeclarationsService } from './declarations.service';
import { ArrivalDto, ArrivalListDto, ArrivalQueryDto, FollowUpDto } from './dtos/arrival.dto';
import { CreateDeclarationDto, DeclarationDto, DeclarationListDto, DeclarationQueryDto, PaperDeclarationDto, PassageRecordedDto, PassageViewDto, RecordPassageDto, ScannedDeclarationDto } from './dtos/declaration.dto';

/** Officials who follow arrivals (communes act; districts and the Department of Health read). */
const ARRIVAL_READERS = [Role.COMMUNE_STAFF, Role.COMMUNE_LEADER, Role.DISTRICT_OFFICER, Role.HEALTH_OFFICER];

class PassageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Vietnam date (default today)' }) @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value)) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date (YYYY-MM-DD)' })
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
  constructor(private readonly declarations: DeclarationsService) {}

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
