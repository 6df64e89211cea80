import { lazy, Suspense } from 'react';
// The sheet stays in the first chunk (its place in the cascade does not change); only the code waits.
import '../notifications.css';

const Bell = lazy(() => import('./notification-bell').then((m) => ({ default: m.NotificationBell })));

/**
 * The header's bell, its code fetched on demand: signed-out pages (sign-in, the landing page) never
 * download it, and the first page of a session does not wait for it. Until it arrives an empty box of
 * the bell's size holds its place, so the header does not move.
 */
export function LazyNotificationBell() {
  return (
    <Suspense fallback={<div className="notification-bell notification-bell--placeholder" aria-hidden="true" />}>
      <Bell />
    </Suspense>
  );
}
