import { createBrowserRouter, type RouteObject } from 'react-router';
import { canReviewJoinRequests, isAdmin } from '../features/account';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './layout/require-auth';
import { canModerateForums, canReadAuditLog } from '../features/moderation';
import { AdminPage } from './routes/admin-page';
import { CitiesPage } from './routes/cities-page';
import { CityEditPage } from './routes/city-edit-page';
import { CityPage } from './routes/city-page';
import { ForumPage } from './routes/forum-page';
import { ForumsPage } from './routes/forums-page';
import { HomePage } from './routes/home-page';
import { JoinRequestsPage } from './routes/join-requests-page';
import { LoginPage } from './routes/login-page';
import { ModerationAuditPage } from './routes/moderation-audit-page';
import { ModerationPage } from './routes/moderation-page';
import { NotFoundPage } from './routes/not-found-page';
import { NotificationsPage } from './routes/notifications-page';
import { PartnershipPage } from './routes/partnership-page';
import { PartnershipSuggestionsPage } from './routes/partnership-suggestions-page';
import { PartnershipsPage } from './routes/partnerships-page';
import { ProfilePage } from './routes/profile-page';
import { ProposePartnershipPage } from './routes/propose-partnership-page';
import { RegisterPage } from './routes/register-page';
import { RouteErrorPage } from './routes/route-error-page';
import { SearchPage } from './routes/search-page';
import { ThreadPage } from './routes/thread-page';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        // Errors thrown while rendering a page are shown inside the layout.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
          { path: 'cities', element: <CitiesPage /> },
          { path: 'cities/:slug', element: <CityPage /> },
          {
            path: 'cities/:slug/edit',
            element: (
              <RequireAuth>
                <CityEditPage />
              </RequireAuth>
            ),
          },
          {
            path: 'join-requests',
            element: (
              <RequireAuth allow={canReviewJoinRequests}>
                <JoinRequestsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'profile',
            element: (
              <RequireAuth>
                <ProfilePage />
              </RequireAuth>
            ),
          },
          {
            path: 'partnerships',
            element: (
              <RequireAuth>
                <PartnershipsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'partnerships/new',
            element: (
              <RequireAuth>
                <ProposePartnershipPage />
              </RequireAuth>
            ),
          },
          {
            path: 'partnerships/suggestions',
            element: (
              <RequireAuth>
                <PartnershipSuggestionsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'partnerships/:id',
            element: (
              <RequireAuth>
                <PartnershipPage />
              </RequireAuth>
            ),
          },
          {
            path: 'notifications',
            element: (
              <RequireAuth>
                <NotificationsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'forums',
            element: (
              <RequireAuth>
                <ForumsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'forums/:forumId',
            element: (
              <RequireAuth>
                <ForumPage />
              </RequireAuth>
            ),
          },
          {
            path: 'threads/:threadId',
            element: (
              <RequireAuth>
                <ThreadPage />
              </RequireAuth>
            ),
          },
          {
            path: 'search',
            element: (
              <RequireAuth>
                <SearchPage />
              </RequireAuth>
            ),
          },
          {
            path: 'moderation',
            element: (
              <RequireAuth allow={canModerateForums}>
                <ModerationPage />
              </RequireAuth>
            ),
          },
          {
            path: 'moderation/audit',
            element: (
              <RequireAuth allow={canReadAuditLog}>
                <ModerationAuditPage />
              </RequireAuth>
            ),
          },
          {
            path: 'admin',
            element: (
              <RequireAuth allow={isAdmin}>
                <AdminPage />
              </RequireAuth>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
