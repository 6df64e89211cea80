import { Module } from '@nestjs/common';
import { CourseForumsRepository } from './course-forums.repository';
import { ForumsController, PostsController, SearchController, ThreadsController } from './forums.controller';
import { ForumsRepository } from './forums.repository';
import { ForumsService } from './forums.service';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';
import { SearchWindowScheduler } from './search-window.scheduler';
import { ThreadsRepository } from './threads.repository';

@Module({
  controllers: [ForumsController, ThreadsController, PostsController, SearchController],
  providers: [
    ForumsRepository,
    ThreadsRepository,
    PostsRepository,
    SearchRepository,
    ForumsService,
    PostsService,
    SearchService,
    SearchWindowScheduler,
    CourseForumsRepository,
  ],
  exports: [CourseForumsRepository, ForumsRepository, ThreadsRepository, PostsRepository, ForumsService, PostsService],
})
export class ForumsModule {}
