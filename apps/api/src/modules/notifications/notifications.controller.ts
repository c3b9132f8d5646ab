import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '@cordon/contracts';
import type { AuthUser } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { CurrentUser } from '../../common/auth/request-context.decorator';
import { NotificationListDto, NotificationQueryDto } from './notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(user.id, query.limit ?? 50, query.cursor);
  }

  @Post('read-all')
  @HttpCode(204)
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiNoContentResponse()
  readAll(@CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiNoContentResponse()
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}
