import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize, Public } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { AuthService } from './auth.service';
import { ActivateDto, ChangePasswordDto, LoginDto, LoginResponseDto, RefreshDto, RegisterDto, SessionUserDto } from './dtos/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public('auth')
  @ApiOperation({ summary: 'Sign in (staff: username; citizens: phone or ID number)' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() dto: LoginDto, @Ctx() ctx: RequestContext): Promise<LoginResponseDto> {
    return this.auth.login(dto.username, dto.password, ctx);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public('auth')
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (rotation; reuse ends the session)' })
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(@Body() dto: RefreshDto, @Ctx() ctx: RequestContext): Promise<LoginResponseDto> {
    return this.auth.refresh(dto.refreshToken, ctx);
  }

  @Post('logout')
  @HttpCode(204)
  @Public('auth')
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse()
  logout(@Body() dto: RefreshDto, @Ctx() ctx: RequestContext): Promise<void> {
    return this.auth.logout(dto.refreshToken, ctx);
  }

  @Post('register')
  @Public('auth')
  @Idempotent()
  @ApiOperation({ summary: 'Citizen self-registration; signs the citizen in' })
  @ApiCreatedResponse({ type: LoginResponseDto })
  register(@Body() dto: RegisterDto, @Ctx() ctx: RequestContext): Promise<LoginResponseDto> {
    return this.auth.register(dto, ctx);
  }

  @Post('activate')
  @HttpCode(200)
  @Public('auth')
  @ApiOperation({ summary: 'Set the password of a provisioned account with its one-time activation code' })
  @ApiOkResponse({ type: LoginResponseDto })
  activate(@Body() dto: ActivateDto, @Ctx() ctx: RequestContext): Promise<LoginResponseDto> {
    return this.auth.activate(dto, ctx);
  }

  @Get('me')
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: AuthUser): Promise<SessionUserDto> {
    return this.auth.me(user.id);
  }

  @Post('change-password')
  @HttpCode(204)
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: "Change one's own password" })
  @ApiNoContentResponse()
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Ctx() ctx: RequestContext): Promise<void> {
    return this.auth.changePassword(user, dto, ctx);
  }
}

