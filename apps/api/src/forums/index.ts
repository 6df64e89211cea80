/** What other folders may use of this feature (docs/architecture.md). */
export { ForumsModule } from './forums.module';
export { ForumsService } from './forums.service';
export { PostsService } from './posts.service';
export type { PostRef } from './posts.service';
