import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../../common/auth/auth-user';
import { Authorize } from '../../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../../common/auth/request-context.decorator';
import { CheckpointDto, CheckpointListDto, CreateCheckpointDto, UpdateCheckpointDto } from './checkpoints.dto';
import { CheckpointsService } from './checkpoints.service';

const VIEWERS = [Role.POLICE_ADMIN, Role.HEALTH_OFFICER, Role.CHECKPOINT_OFFICER, Role.ACCOUNT_ADMIN, Role.TRANSPORT_OFFICER, Role.DISTRICT_OFFICER, Role.COMMUNE_STAFF, Role.COMMUNE_LEADER];

@ApiTags('checkpoints')
@Controller('checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get()
  @Authorize(...VIEWERS)
  @ApiOperation({ summary: 'Checkpoints in your jurisdiction (an officer: their own)' })
  @ApiOkResponse({ type: CheckpointListDto })
  list(@CurrentUser() user: AuthUser): Promise<CheckpointListDto> {
    return this.checkpoints.list(user);
  }

  @Post()
  @Authorize(Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Create a checkpoint' })
  @ApiCreatedResponse({ type: CheckpointDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCheckpointDto, @Ctx() ctx: RequestContext): Promise<CheckpointDto> {
    return this.checkpoints.create(user, dto, ctx);
  }

  @Get(':id')
  @Authorize(...VIEWERS)
  @ApiOperation({ summary: 'One checkpoint' })
  @ApiOkResponse({ type: CheckpointDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CheckpointDto> {
    return this.checkpoints.getDto(user, id);
  }

  @Patch(':id')
  @Authorize(Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Edit or deactivate (active: false) a checkpoint' })
  @ApiOkResponse({ type: CheckpointDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateCheckpointDto, @Ctx() ctx: RequestContext): Promise<CheckpointDto> {
    return this.checkpoints.update(user, id, dto, ctx);
  }
}
