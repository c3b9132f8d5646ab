import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, STAFF_ROLES } from '@cordon/contracts';
import type { RequestContext } from '../../../common/auth/auth-user';
import { Authorize } from '../../../common/auth/authorize.decorator';
import { Ctx } from '../../../common/auth/request-context.decorator';
import { DesignateZoneDto, EndZoneDto, EpidemicZoneDto, EpidemicZoneListDto, ZoneQueryDto } from './zones.dto';
import { ZonesService } from './zones.service';

@ApiTags('epidemic zones')
@Controller('epidemic-zones')
export class ZonesController {
  constructor(private readonly zones: ZonesService) {}

  @Get()
  @Authorize(...STAFF_ROLES)
  @ApiOperation({ summary: 'Epidemic zones in force on a date (or the whole history)' })
  @ApiOkResponse({ type: EpidemicZoneListDto })
  list(@Query() query: ZoneQueryDto): Promise<EpidemicZoneListDto> {
    return this.zones.list(query);
  }

  @Post()
  @Authorize(Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'Designate a unit as an epidemic zone (level 1-4, from/to); ends the previous designation' })
  @ApiCreatedResponse({ type: EpidemicZoneDto })
  designate(@Body() dto: DesignateZoneDto, @Ctx() ctx: RequestContext): Promise<EpidemicZoneDto> {
    return this.zones.designate(dto, ctx);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Authorize(Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'End a designation on a date' })
  @ApiOkResponse({ type: EpidemicZoneDto })
  end(@Param('id') id: string, @Body() dto: EndZoneDto, @Ctx() ctx: RequestContext): Promise<EpidemicZoneDto> {
    return this.zones.end(id, dto.validTo, ctx);
  }
}
