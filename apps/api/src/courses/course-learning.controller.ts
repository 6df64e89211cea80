import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CourseEnrolmentDto, CourseLearnerDto, CourseQuizAttemptDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, RequireVerifiedEmail } from '../common/decorators';
import { ParseId } from '../common/id.pipe';
import { CourseInsightsService } from './course-insights.service';
import { CourseLearningService } from './course-learning.service';
import { CourseProgressDto, CourseQuizAttemptBodyDto } from './dto/courses.dto';

/** A learner's own enrolment, progress and quiz attempts on a published course. */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses/:id')
export class CourseLearningController {
  constructor(
    private readonly learning: CourseLearningService,
    private readonly insights: CourseInsightsService,
  ) {}

  /** Authors and admins: every learner and how far they are. */
  @Get('learners')
  learners(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseLearnerDto[]> {
    return this.insights.learners(user, id);
  }

  @RequireVerifiedEmail()
  @Post('enrolment')
  enrol(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseEnrolmentDto> {
    return this.learning.enrol(user, id);
  }

  @Get('enrolment')
  enrolment(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseEnrolmentDto> {
    return this.learning.enrolment(user, id);
  }

  @Post('enrolment/move')
  @HttpCode(200)
  move(@CurrentUser() user: AuthUser, @Param('id', ParseId) id: string): Promise<CourseEnrolmentDto> {
    return this.learning.moveToPublished(user, id);
  }

  @Put('progress')
  progress(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Body() body: CourseProgressDto,
  ): Promise<CourseEnrolmentDto> {
    return this.learning.progress(user, id, body);
  }

  @Post('quizzes/:quizId/attempts')
  attempt(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseId) id: string,
    @Param('quizId', ParseId) quizId: string,
    @Body() body: CourseQuizAttemptBodyDto,
  ): Promise<CourseQuizAttemptDto> {
    return this.learning.attempt(user, id, quizId, body.answers);
  }
}
