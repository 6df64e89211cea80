export { notificationKeys } from './api/notifications.keys';
export { notificationsInfiniteQueryOptions, useNotifications } from './api/get-notifications';
export { unreadCountQueryOptions, useUnreadCount } from './api/get-unread-count';
export { useMarkNotificationRead } from './api/mark-notification-read';
export { useMarkAllNotificationsRead } from './api/mark-all-notifications-read';
export { notificationContent, type NotificationContent } from './notification-text';
export { NotificationBell } from './components/notification-bell';
export { NotificationsList } from './components/notifications-list';
