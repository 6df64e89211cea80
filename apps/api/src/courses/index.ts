/** What other folders may use of this feature (docs/architecture.md). */
export { CoursesModule } from './courses.module';
export { CoursesRepository } from './courses.repository';
export { CourseContentRepository } from './course-content.repository';
export { CourseLearningRepository } from './course-learning.repository';
export { header, prepareContent } from './course-rules';
