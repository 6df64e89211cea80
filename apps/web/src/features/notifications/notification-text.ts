/**
 * Notification sentences live once in the contracts, shared with the API's mail: the web renders
 * them in the reader's language from the payload (the server never stores translated text).
 */
export { notificationContent, type NotificationContent } from '@twinning/contracts';
