/** The authoring, review and trainer-dashboard side of courses: what routes compose. */
export { AuthoringEditor } from './components/authoring-editor';
export { AuthoringList } from './components/authoring-list';
export { AuthoringWorkspace } from './components/authoring-workspace';
export { ReviewQueue } from './components/review-queue';
export { ReviewVersion } from './components/review-version';
export { Dashboard } from './components/dashboard';
export { useCourseHistory } from './api/authoring-get-history';
export { useCourseVersion } from './api/authoring-get-version';
export { canAuthorCourses, canReviewCourses } from './authoring-permissions';
