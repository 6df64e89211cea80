import { Global, Module } from '@nestjs/common';
import { NotificationMailQueue } from './notification-mail.queue';
import { NotificationMailRepository } from './notification-mail.repository';
import { NotificationMailService } from './notification-mail.service';
import { NotificationSettingsController, UnsubscribeController } from './notification-settings.controller';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { UnsubscribeTokens } from './unsubscribe-token';

@Global()
@Module({
  controllers: [NotificationsController, NotificationSettingsController, UnsubscribeController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    NotificationSettingsService,
    NotificationSettingsRepository,
    NotificationMailService,
    NotificationMailRepository,
    NotificationMailQueue,
    UnsubscribeTokens,
  ],
  exports: [NotificationsService, NotificationSettingsService],
})
export class NotificationsModule {}
