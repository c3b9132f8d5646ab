import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountListDto, AccountQueryDto, CitizenActivationDto, CitizenResetDto, CreateAccountDto, ProvisionedAccountDto, UpdateAccountDto } from './dtos/account.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Staff accounts in your jurisdiction that you may manage (police: checkpoint officers)' })
  @ApiOkResponse({ type: AccountListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: AccountQueryDto): Promise<AccountListDto> {
    return this.accounts.list(user, query);
  }

  @Post()
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @Idempotent()
  @ApiOperation({ summary: 'Provision a staff account; returns its one-time activation code (shown once)' })
  @ApiCreatedResponse({ type: ProvisionedAccountDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccountDto, @Ctx() ctx: RequestContext): Promise<ProvisionedAccountDto> {
    return this.accounts.create(user, dto, ctx);
  }

  @Get(':id')
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'One staff account' })
  @ApiOkResponse({ type: AccountDto })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AccountDto> {
    return this.accounts.get(user, id);
  }

  @Patch(':id')
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Update an account (changing role or jurisdiction ends its sessions)' })
  @ApiOkResponse({ type: AccountDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateAccountDto, @Ctx() ctx: RequestContext): Promise<AccountDto> {
    return this.accounts.update(user, id, dto, ctx);
  }

  @Post(':id/lock')
  @HttpCode(200)
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Lock an account (ends its sessions)' })
  @ApiOkResponse({ type: AccountDto })
  lock(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AccountDto> {
    return this.accounts.lock(user, id, ctx);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Unlock an account (also clears a lock after failed sign-ins)' })
  @ApiOkResponse({ type: AccountDto })
  unlock(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AccountDto> {
    return this.accounts.unlock(user, id, ctx);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Issue a new one-time activation code (the old password stops working)' })
  @ApiOkResponse({ type: ProvisionedAccountDto })
  resetPassword(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<ProvisionedAccountDto> {
    return this.accounts.resetPassword(user, id, ctx);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authorize(Role.ACCOUNT_ADMIN, Role.POLICE_ADMIN)
  @ApiOperation({ summary: 'Deactivate an account for good (ends its sessions)' })
  @ApiOkResponse({ type: AccountDto })
  deactivate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<AccountDto> {
    return this.accounts.deactivate(user, id, ctx);
  }
}

@ApiTags('accounts')
@Controller('citizens')
export class CitizenAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('reset-activation')
  @HttpCode(200)
  @Authorize(Role.COMMUNE_STAFF, Role.COMMUNE_LEADER)
  @ApiOperation({ summary: 'A citizen of your commune, identified in person by their ID card, gets a new one-time activation code' })
  @ApiOkResponse({ type: CitizenActivationDto })
  reset(@CurrentUser() user: AuthUser, @Body() dto: CitizenResetDto, @Ctx() ctx: RequestContext): Promise<CitizenActivationDto> {
    return this.accounts.resetCitizen(user, dto.idNumber, ctx);
  }
}
