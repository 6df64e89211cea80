import { Module } from '@nestjs/common';
import { ForumsController, PostsController, SearchController, ThreadsController } from './forums.controller';
import { ForumsService } from './forums.service';
import { PostsService } from './posts.service';
import { SearchService } from './search.service';

@Module({
  controllers: [ForumsController, ThreadsController, PostsController, SearchController],
  providers: [ForumsService, PostsService, SearchService],
  exports: [ForumsService, PostsService],
})
export class ForumsModule {}
