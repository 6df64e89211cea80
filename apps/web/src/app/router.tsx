import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { canReviewJoinRequests, isAdmin } from '../features/account/permissions';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './layout/require-auth';
import { canAuthorCourses, canReviewCourses } from '../features/courses/permissions';
import { canModerateForums, canReadAuditLog } from '../features/moderation/permissions';
import { canRequestTraining } from '../features/training/permissions';
import { canCreateWorkshops } from '../features/workshops/permissions';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

// Pages load on first visit (one chunk each), so the first page does not wait for every feature.
const AdminPage = lazy(() => import('./routes/admin-page').then((m) => ({ default: m.AdminPage })));
const CitiesPage = lazy(() => import('./routes/cities-page').then((m) => ({ default: m.CitiesPage })));
const CityEditPage = lazy(() => import('./routes/city-edit-page').then((m) => ({ default: m.CityEditPage })));
const CityPage = lazy(() => import('./routes/city-page').then((m) => ({ default: m.CityPage })));
const CourseCataloguePage = lazy(() =>
  import('./routes/course-catalogue-page').then((m) => ({ default: m.CourseCataloguePage })),
);
const CourseLearnPage = lazy(() => import('./routes/course-learn-page').then((m) => ({ default: m.CourseLearnPage })));
const CourseOverviewPage = lazy(() =>
  import('./routes/course-overview-page').then((m) => ({ default: m.CourseOverviewPage })),
);
const CourseAuthoredPage = lazy(() =>
  import('./routes/course-authored-page').then((m) => ({ default: m.CourseAuthoredPage })),
);
const CourseEditPage = lazy(() => import('./routes/course-edit-page').then((m) => ({ default: m.CourseEditPage })));
const CourseNewPage = lazy(() => import('./routes/course-new-page').then((m) => ({ default: m.CourseNewPage })));
const CourseReviewPage = lazy(() =>
  import('./routes/course-review-page').then((m) => ({ default: m.CourseReviewPage })),
);
const CourseReviewsPage = lazy(() =>
  import('./routes/course-reviews-page').then((m) => ({ default: m.CourseReviewsPage })),
);
const ForumPage = lazy(() => import('./routes/forum-page').then((m) => ({ default: m.ForumPage })));
const HomePage = lazy(() => import('./routes/home-page').then((m) => ({ default: m.HomePage })));
const ForumsPage = lazy(() => import('./routes/forums-page').then((m) => ({ default: m.ForumsPage })));
const JoinRequestsPage = lazy(() =>
  import('./routes/join-requests-page').then((m) => ({ default: m.JoinRequestsPage })),
);
const LoginPage = lazy(() => import('./routes/login-page').then((m) => ({ default: m.LoginPage })));
const ModerationAuditPage = lazy(() =>
  import('./routes/moderation-audit-page').then((m) => ({ default: m.ModerationAuditPage })),
);
const ModerationPage = lazy(() => import('./routes/moderation-page').then((m) => ({ default: m.ModerationPage })));
const NotificationsPage = lazy(() =>
  import('./routes/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const OutboxMailPage = lazy(() => import('./routes/outbox-mail-page').then((m) => ({ default: m.OutboxMailPage })));
const OutboxPage = lazy(() => import('./routes/outbox-page').then((m) => ({ default: m.OutboxPage })));
const PartnershipPage = lazy(() => import('./routes/partnership-page').then((m) => ({ default: m.PartnershipPage })));
const PartnershipSuggestionsPage = lazy(() =>
  import('./routes/partnership-suggestions-page').then((m) => ({ default: m.PartnershipSuggestionsPage })),
);
const PartnershipsPage = lazy(() =>
  import('./routes/partnerships-page').then((m) => ({ default: m.PartnershipsPage })),
);
const ProfilePage = lazy(() => import('./routes/profile-page').then((m) => ({ default: m.ProfilePage })));
const ProposePartnershipPage = lazy(() =>
  import('./routes/propose-partnership-page').then((m) => ({ default: m.ProposePartnershipPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./routes/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./routes/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const VerifyEmailPage = lazy(() => import('./routes/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const RegisterPage = lazy(() => import('./routes/register-page').then((m) => ({ default: m.RegisterPage })));
const SearchPage = lazy(() => import('./routes/search-page').then((m) => ({ default: m.SearchPage })));
const ThreadPage = lazy(() => import('./routes/thread-page').then((m) => ({ default: m.ThreadPage })));
const VerifyCertificatePage = lazy(() =>
  import('./routes/verify-certificate-page').then((m) => ({ default: m.VerifyCertificatePage })),
);
const TrainingDashboardPage = lazy(() =>
  import('./routes/training-dashboard-page').then((m) => ({ default: m.TrainingDashboardPage })),
);
const TrainingNewPage = lazy(() => import('./routes/training-new-page').then((m) => ({ default: m.TrainingNewPage })));
const TrainingPage = lazy(() => import('./routes/training-page').then((m) => ({ default: m.TrainingPage })));
const TrainingRequestPage = lazy(() =>
  import('./routes/training-request-page').then((m) => ({ default: m.TrainingRequestPage })),
);
const UnsubscribePage = lazy(() => import('./routes/unsubscribe-page').then((m) => ({ default: m.UnsubscribePage })));
const VisitNewPage = lazy(() => import('./routes/visit-new-page').then((m) => ({ default: m.VisitNewPage })));
const VisitPage = lazy(() => import('./routes/visit-page').then((m) => ({ default: m.VisitPage })));
const VisitsPage = lazy(() => import('./routes/visits-page').then((m) => ({ default: m.VisitsPage })));
const WorkshopEditPage = lazy(() =>
  import('./routes/workshop-edit-page').then((m) => ({ default: m.WorkshopEditPage })),
);
const WorkshopNewPage = lazy(() => import('./routes/workshop-new-page').then((m) => ({ default: m.WorkshopNewPage })));
const WorkshopPage = lazy(() => import('./routes/workshop-page').then((m) => ({ default: m.WorkshopPage })));
const WorkshopsPage = lazy(() => import('./routes/workshops-page').then((m) => ({ default: m.WorkshopsPage })));
const WorkshopRoomPage = lazy(() =>
  import('./routes/workshop-room-page').then((m) => ({ default: m.WorkshopRoomPage })),
);

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
          // public: the link of a notification mail turns off one kind of mail without signing in
          { path: 'unsubscribe', element: <UnsubscribePage /> },
          // public: a certificate's verification page (the code is printed on the PDF)
          { path: 'verify/:code', element: <VerifyCertificatePage /> },
          // The development Outbox: public like a local mail catcher; the API answers 404 in production.
          { path: 'dev/outbox', element: <OutboxPage /> },
          { path: 'dev/outbox/:id', element: <OutboxMailPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
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
            // One section of the page (its in-page menu's entries have addresses).
            path: 'partnerships/:id/:section',
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
            path: 'workshops',
            element: (
              <RequireAuth>
                <WorkshopsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'workshops/new',
            element: (
              <RequireAuth allow={canCreateWorkshops}>
                <WorkshopNewPage />
              </RequireAuth>
            ),
          },
          {
            path: 'workshops/:id',
            element: (
              <RequireAuth>
                <WorkshopPage />
              </RequireAuth>
            ),
          },
          {
            path: 'workshops/:id/edit',
            element: (
              <RequireAuth>
                <WorkshopEditPage />
              </RequireAuth>
            ),
          },
          {
            path: 'visits',
            element: (
              <RequireAuth>
                <VisitsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'visits/new',
            element: (
              <RequireAuth>
                <VisitNewPage />
              </RequireAuth>
            ),
          },
          {
            path: 'visits/:id',
            element: (
              <RequireAuth>
                <VisitPage />
              </RequireAuth>
            ),
          },
          {
            // One section of the page (its in-page menu's entries have addresses).
            path: 'visits/:id/:section',
            element: (
              <RequireAuth>
                <VisitPage />
              </RequireAuth>
            ),
          },
          {
            path: 'training',
            element: (
              <RequireAuth>
                <TrainingPage />
              </RequireAuth>
            ),
          },
          {
            path: 'training/new',
            element: (
              <RequireAuth allow={canRequestTraining}>
                <TrainingNewPage />
              </RequireAuth>
            ),
          },
          {
            // The trainer's dashboard: a static segment, matched before `training/:id`.
            path: 'training/dashboard',
            element: (
              <RequireAuth>
                <TrainingDashboardPage />
              </RequireAuth>
            ),
          },
          // Course authoring and review: static segments (`new`, `authored`, `reviews`) rank above `courses/:id`.
          {
            path: 'courses/authored',
            element: (
              <RequireAuth allow={canAuthorCourses}>
                <CourseAuthoredPage />
              </RequireAuth>
            ),
          },
          {
            path: 'courses/new',
            element: (
              <RequireAuth allow={canAuthorCourses}>
                <CourseNewPage />
              </RequireAuth>
            ),
          },
          {
            path: 'courses/:id/edit',
            element: (
              <RequireAuth allow={canAuthorCourses}>
                <CourseEditPage />
              </RequireAuth>
            ),
          },
          {
            path: 'courses/reviews',
            element: (
              <RequireAuth allow={canReviewCourses}>
                <CourseReviewsPage />
              </RequireAuth>
            ),
          },
          {
            // Reviewers review here; the course's authors may read it (the API answers 404 to anyone else).
            path: 'courses/reviews/:versionId',
            element: (
              <RequireAuth>
                <CourseReviewPage />
              </RequireAuth>
            ),
          },
          {
            path: 'training/:id',
            element: (
              <RequireAuth>
                <TrainingRequestPage />
              </RequireAuth>
            ),
          },
          {
            // One section of the page (its in-page menu's entries have addresses).
            path: 'training/:id/:section',
            element: (
              <RequireAuth>
                <TrainingRequestPage />
              </RequireAuth>
            ),
          },
          // public: the course catalogue and a published course's page
          { path: 'courses', element: <CourseCataloguePage /> },
          { path: 'courses/:id', element: <CourseOverviewPage /> },
          {
            path: 'courses/:id/learn',
            element: (
              <RequireAuth>
                <CourseLearnPage />
              </RequireAuth>
            ),
          },
          {
            // One lesson or quiz of the learner's version (a lesson key or a quiz id).
            path: 'courses/:id/learn/:step',
            element: (
              <RequireAuth>
                <CourseLearnPage />
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
          {
            path: 'workshops/:id/room',
            element: (
              <RequireAuth>
                <WorkshopRoomPage />
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
