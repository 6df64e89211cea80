/** What other folders may use of this feature (docs/architecture.md). */
export { ForumsModule } from './forums.module';
export { ForumsService } from './forums.service';
export { PostsService } from './posts.service';
export { ForumsRepository } from './forums.repository';
export { CourseForumsRepository } from './course-forums.repository';
export { PostsRepository } from './posts.repository';
export { ThreadsRepository } from './threads.repository';
export type { PostRef, ThreadRef } from './forum-rows';
