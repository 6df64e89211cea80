import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  ForumDto,
  ForumSummaryDto,
  MentionCandidateDto,
  Page,
  PostDto,
  PostPage,
  PostRevisionDto,
  PreviewDto as PreviewResult,
  SearchPage,
  ThreadDto,
  ThreadSummaryDto,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import {
  CreatePostDto,
  CreateThreadDto,
  EditPostDto,
  MarkReadDto,
  MentionableQueryDto,
  PostListQueryDto,
  PreviewDto,
  SearchQueryDto,
  SetNotificationLevelDto,
  ThreadListQueryDto,
} from './dto/forums.dto';
import { ForumsService } from './forums.service';
import { PostsService } from './posts.service';
import { SearchService } from './search.service';

@ApiTags('forums')
@ApiBearerAuth()
@Controller('forums')
export class ForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ForumSummaryDto[]> {
    return this.forums.list(user);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: PreviewDto): Promise<PreviewResult> {
    return this.forums.preview(body.body);
  }

  @Get(':id')
  forum(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<ForumDto> {
    return this.forums.forum(user, id);
  }

  @Get(':id/threads')
  threads(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: ThreadListQueryDto,
  ): Promise<Page<ThreadSummaryDto>> {
    return this.forums.threads(user, id, query);
  }

  @RequireVerifiedEmail()
  @Post(':id/threads')
  createThread(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CreateThreadDto,
  ): Promise<ThreadDto> {
    return this.forums.createThread(user, id, body);
  }
}

@ApiTags('forums')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly forums: ForumsService,
    private readonly posts: PostsService,
  ) {}

  @Get(':id')
  thread(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<ThreadDto> {
    return this.forums.thread(user, id);
  }

  @Get(':id/posts')
  postPage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: PostListQueryDto,
  ): Promise<PostPage> {
    return this.posts.page(user, id, query);
  }

  @RequireVerifiedEmail()
  @Post(':id/posts')
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CreatePostDto,
  ): Promise<PostDto> {
    return this.posts.create(user, id, body);
  }

  @Put(':id/read')
  @HttpCode(204)
  async read(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: MarkReadDto,
  ): Promise<void> {
    await this.forums.markRead(user, id, body.lastReadSeq);
  }

  @Put(':id/notification-level')
  @HttpCode(204)
  async level(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: SetNotificationLevelDto,
  ): Promise<void> {
    await this.forums.setNotificationLevel(user, id, body.level);
  }

  @Get(':id/mentionable')
  mentionable(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Query() query: MentionableQueryDto,
  ): Promise<MentionCandidateDto[]> {
    return this.forums.mentionable(user, id, query.q);
  }
}

@ApiTags('forums')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Patch(':id')
  edit(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string, @Body() body: EditPostDto): Promise<PostDto> {
    return this.posts.edit(user, id, body.body);
  }

  @Delete(':id')
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<PostDto> {
    return this.posts.remove(user, id);
  }

  @Get(':id/revisions')
  revisions(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<PostRevisionDto[]> {
    return this.posts.revisions(user, id);
  }
}

@ApiTags('forums')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQueryDto): Promise<SearchPage> {
    return this.searchService.search(user, query);
  }
}
