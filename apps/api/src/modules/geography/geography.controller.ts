import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/authorize.decorator';
import { AdminUnitDetailDto, AdminUnitListDto, AdminUnitQueryDto } from './dtos/admin-unit.dto';
import { GeographyService } from './geography.service';

@ApiTags('geography')
@Controller('admin-units')
export class GeographyController {
  constructor(private readonly geography: GeographyService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Search administrative units (by parent, level, name without diacritics)' })
  @ApiOkResponse({ type: AdminUnitListDto })
  list(@Query() query: AdminUnitQueryDto): Promise<AdminUnitListDto> {
    return this.geography.list(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One administrative unit with its ancestors' })
  @ApiOkResponse({ type: AdminUnitDetailDto })
  detail(@Param('code') code: string): Promise<AdminUnitDetailDto> {
    return this.geography.detail(code);
  }
}
