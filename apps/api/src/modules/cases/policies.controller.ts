import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@cordon/contracts';
import type { RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx } from '../../common/auth/request-context.decorator';
import { CreateIsolationPolicyDto, IsolationPolicyDto, IsolationPolicyListDto } from './dtos/policy.dto';
import type { IsolationPolicy } from './isolation-policy.entity';
import { PoliciesService } from './policies.service';
import { CASE_OFFICIALS } from './roles';

const toDto = (p: IsolationPolicy): IsolationPolicyDto => ({ ...p, createdAt: p.createdAt.toISOString() });

@ApiTags('isolation policies')
@Controller('isolation-policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @Authorize(...CASE_OFFICIALS)
  @ApiOperation({ summary: 'The dated isolation rules, newest first' })
  @ApiOkResponse({ type: IsolationPolicyListDto })
  async list(): Promise<IsolationPolicyListDto> {
    return { items: (await this.policies.all()).map(toDto) };
  }

  @Post()
  @Authorize(Role.HEALTH_OFFICER)
  @ApiOperation({ summary: 'Add a new dated version of the isolation rules (Department of Health; audited)' })
  @ApiCreatedResponse({ type: IsolationPolicyDto })
  async create(@Body() dto: CreateIsolationPolicyDto, @Ctx() ctx: RequestContext): Promise<IsolationPolicyDto> {
    return toDto(await this.policies.create(dto, ctx));
  }
}
