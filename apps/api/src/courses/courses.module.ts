import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates';
import { ForumsModule } from '../forums';
import { CourseCompletionService } from './course-completion.service';
import { CourseAuthoringService } from './course-authoring.service';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseContentRepository } from './course-content.repository';
import { CourseInsightsService } from './course-insights.service';
import { CourseLearningController } from './course-learning.controller';
import { CourseLearningRepository } from './course-learning.repository';
import { CourseLearningService } from './course-learning.service';
import { CourseReviewService } from './course-review.service';
import { CourseVersionsService } from './course-versions.service';
import { CourseReviewsController, CourseVersionsController, CoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';

@Module({
  // each course's discussion forum (created when it is first published); completion issues the certificate
  imports: [ForumsModule, CertificatesModule],
  controllers: [CoursesController, CourseVersionsController, CourseReviewsController, CourseLearningController],
  providers: [
    CoursesRepository,
    CourseContentRepository,
    CourseVersionsService,
    CourseAuthoringService,
    CourseReviewService,
    CourseCatalogueService,
    CourseLearningRepository,
    CourseLearningService,
    CourseCompletionService,
    CourseInsightsService,
  ],
  exports: [CoursesRepository, CourseContentRepository, CourseLearningRepository],
})
export class CoursesModule {}
