/** What other folders may use of this feature (docs/architecture.md). */
export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export type { CreatedNotifications, NewNotification } from './notifications.service';
export { NotificationSettingsService } from './notification-settings.service';
export { threadMailHeaders } from './notification-mail-content';
