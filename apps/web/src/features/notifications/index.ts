export { notificationKeys } from './api/notifications.keys';
export { notificationsInfiniteQueryOptions, useNotifications } from './api/get-notifications';
export { unreadCountQueryOptions, useUnreadCount } from './api/get-unread-count';
export { useMarkNotificationRead } from './api/mark-notification-read';
export { useMarkAllNotificationsRead } from './api/mark-all-notifications-read';
export { notificationContent, type NotificationContent } from './notification-text';
// The header mounts the bell through its lazy wrapper (its code is not in the first chunk).
export { LazyNotificationBell as NotificationBell } from './components/lazy-notification-bell';
export { NotificationsList } from './components/notifications-list';
export { NotificationSettings } from './components/notification-settings';
export { UnsubscribePanel } from './components/unsubscribe-panel';
