import { createBrowserRouter, type RouteObject } from 'react-router';
import { canReviewJoinRequests, isAdmin } from '../features/account';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './layout/require-auth';
import { AdminPage } from './routes/admin-page';
import { CitiesPage } from './routes/cities-page';
import { CityEditPage } from './routes/city-edit-page';
import { CityPage } from './routes/city-page';
import { HomePage } from './routes/home-page';
import { JoinRequestsPage } from './routes/join-requests-page';
import { LoginPage } from './routes/login-page';
import { NotFoundPage } from './routes/not-found-page';
import { ProfilePage } from './routes/profile-page';
import { RegisterPage } from './routes/register-page';
import { RouteErrorPage } from './routes/route-error-page';

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
