import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { NotificationSettingDto, UnsubscribeInfoDto, UnsubscribeResultDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public } from '../common/decorators';
import { ONE_CLICK_FORM } from '../common/one-click-form';
import { UnsubscribeQueryDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<NotificationSettingDto[]> {
    return this.settings.list(user);
  }

  @Put()
  update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingDto[]> {
    return this.settings.update(user, body.settings);
  }
}

/**
 * The unsubscribe link of notification mail, without signing in: GET says what it would turn off
 * and changes nothing (mail scanners prefetch links); POST turns it off (one-click, RFC 8058, whose
 * body `List-Unsubscribe=One-Click`, urlencoded or multipart, is accepted and not needed).
 */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Public()
  @Get()
  info(@Query() query: UnsubscribeQueryDto, @Req() req: FastifyRequest): Promise<UnsubscribeInfoDto> {
    return this.settings.unsubscribeInfo(query.token, req.ip);
  }

  @Public()
  @Post()
  @RouteConfig({ [ONE_CLICK_FORM]: true })
  @HttpCode(200)
  unsubscribe(@Query() query: UnsubscribeQueryDto, @Req() req: FastifyRequest): Promise<UnsubscribeResultDto> {
    return this.settings.unsubscribe(query.token, req.ip);
  }
}
