import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CourseDto,
  CourseQuestionStatsDto,
  CourseSummaryDto,
  CourseVersionDto,
  CourseVersionSummaryDto,
  Page,
} from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { CourseAuthoringService } from './course-authoring.service';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseInsightsService } from './course-insights.service';
import { CourseReviewService } from './course-review.service';
import { CourseVersionsService } from './course-versions.service';
import {
  CourseCatalogueQueryDto,
  CourseCommentDto,
  CourseContentDto,
  CourseRequestChangesDto,
  CreateCourseDto,
} from './dto/courses.dto';

/** The public catalogue and course pages, and authoring (facilitators). */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly catalogue: CourseCatalogueService,
    private readonly authoring: CourseAuthoringService,
    private readonly versions: CourseVersionsService,
  ) {}

  @Public()
  @Get()
  list(@Query() query: CourseCatalogueQueryDto): Promise<Page<CourseSummaryDto>> {
    return this.catalogue.list(query);
  }

  @Get('authored')
  authored(@CurrentUser() user: AuthUser): Promise<CourseVersionSummaryDto[]> {
    return this.authoring.authored(user);
  }

  @Public()
  @Get(':id')
  course(@Param('id', ParseId) id: string): Promise<CourseDto> {
    return this.catalogue.course(id);
  }

  @RequireVerifiedEmail()
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCourseDto): Promise<CourseVersionDto> {
    return this.authoring.create(user, body);
  }

  @RequireVerifiedEmail()
  @Put(':id/draft')
  saveDraft(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CourseContentDto,
  ): Promise<CourseVersionDto> {
    return this.authoring.saveDraft(user, id, body);
  }

  @Get(':id/versions')
  history(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseVersionSummaryDto[]> {
    return this.versions.history(user, id);
  }

  @RequireVerifiedEmail()
  @Post(':id/versions')
  newDraft(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseVersionDto> {
    return this.authoring.newDraft(user, id);
  }
}

/** One version: read in full by authors, reviewers and admins; submitted by authors; reviewed by the board. */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('course-versions')
export class CourseVersionsController {
  constructor(
    private readonly authoring: CourseAuthoringService,
    private readonly review: CourseReviewService,
    private readonly versions: CourseVersionsService,
    private readonly insights: CourseInsightsService,
  ) {}

  /** Authors and admins: attempts and misses per question, most missed first. */
  @Get(':id/quiz-stats')
  quizStats(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseQuestionStatsDto[]> {
    return this.insights.questionStats(user, id);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseVersionDto> {
    return this.versions.get(user, id);
  }

  @RequireVerifiedEmail()
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseVersionDto> {
    return this.authoring.submit(user, id);
  }

  @RequireVerifiedEmail()
  @Post(':id/comments')
  comment(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CourseCommentDto,
  ): Promise<CourseVersionDto> {
    return this.review.comment(user, id, body);
  }

  @RequireVerifiedEmail()
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseVersionDto> {
    return this.review.approve(user, id);
  }

  @RequireVerifiedEmail()
  @Post(':id/request-changes')
  @HttpCode(200)
  requestChanges(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CourseRequestChangesDto,
  ): Promise<CourseVersionDto> {
    return this.review.requestChanges(user, id, body.comments);
  }
}

/** The advisory board's queue: versions in review that the reviewer did not author. */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('course-reviews')
export class CourseReviewsController {
  constructor(private readonly review: CourseReviewService) {}

  @Get()
  queue(@CurrentUser() user: AuthUser): Promise<CourseVersionSummaryDto[]> {
    return this.review.queue(user);
  }
}
