/** Courses, the learner's side: catalogue, a course's page, the player. */
export { courseKeys } from './api/course-keys';
export { useCourse } from './api/get-course';
export { useCourseEnrolment } from './api/get-course-enrolment';
export { parseCatalogueParams, catalogueParamsToSearch, type CatalogueParams } from './catalogue-params';
export { CourseCatalogue } from './components/catalogue';
export { CourseOverview } from './components/course-page';
export { CoursePlayer } from './components/learn-player';
export { learnPath, learnSteps, resumeStep, type LearnStep } from './learn-steps';
// Authoring, review and the trainer's dashboard (features/courses/authoring.ts).
export * from './authoring';
