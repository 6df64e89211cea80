import { Module } from '@nestjs/common';
import { CourseAuthoringService } from './course-authoring.service';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseContentRepository } from './course-content.repository';
import { CourseReviewService } from './course-review.service';
import { CourseVersionsService } from './course-versions.service';
import { CourseReviewsController, CourseVersionsController, CoursesController } from './courses.controller';
import { CoursesRepository } from './courses.repository';

@Module({
  controllers: [CoursesController, CourseVersionsController, CourseReviewsController],
  providers: [
    CoursesRepository,
    CourseContentRepository,
    CourseVersionsService,
    CourseAuthoringService,
    CourseReviewService,
    CourseCatalogueService,
  ],
  exports: [CoursesRepository, CourseContentRepository],
})
export class CoursesModule {}
