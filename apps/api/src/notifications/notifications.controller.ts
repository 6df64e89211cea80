import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { NotificationDto, NotificationListQuery, Page, UnreadCountDto } from '@twinning/contracts';
import { IsBoolean, IsOptional } from 'class-validator';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/decorators';
import { QueryBool } from '../common/dto-helpers';
import { ParseId } from '../common/id.pipe';
import { PageQueryDto } from '../common/page-query.dto';
import { NotificationsService } from './notifications.service';

class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @IsOptional()
  @QueryBool()
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(user) };
  }

  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { count: await this.notifications.markAllRead(user) };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<void> {
    await this.notifications.markRead(user, id);
  }
}
