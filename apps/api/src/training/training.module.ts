import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses';
import { WorkshopsModule } from '../workshops';
import { TrainingAccess } from './training-access';
import { TrainingDeliveryRepository } from './training-delivery.repository';
import { TrainingEvaluationsService } from './training-evaluations.service';
import { TrainingLifecycleScheduler } from './training-lifecycle.scheduler';
import { TrainingLifecycleService } from './training-lifecycle.service';
import { TrainingMatchingRepository } from './training-matching.repository';
import { TrainingMatchingService } from './training-matching.service';
import { TrainingOffersRepository } from './training-offers.repository';
import { TrainingOffersService } from './training-offers.service';
import { TrainingRequestsService } from './training-requests.service';
import { TrainingScheduleService } from './training-schedule.service';
import { TrainingController, TrainingOffersController } from './training.controller';
import { TrainingRepository } from './training.repository';

/**
 * Training requests and offers: cities and partnerships ask for training, facilitators and
 * expert cities offer it, the requesters accept one offer (the others are declined and told), and
 * explainable matching ranks the candidates. A matched training is scheduled (workshops through the
 * workshops module, enrolments through the courses module), delivered and evaluated; the lifecycle
 * job makes the timed moves.
 */
@Module({
  imports: [WorkshopsModule, CoursesModule],
  controllers: [TrainingController, TrainingOffersController],
  providers: [
    TrainingRepository,
    TrainingOffersRepository,
    TrainingMatchingRepository,
    TrainingDeliveryRepository,
    TrainingAccess,
    TrainingRequestsService,
    TrainingOffersService,
    TrainingMatchingService,
    TrainingScheduleService,
    TrainingEvaluationsService,
    TrainingLifecycleService,
    TrainingLifecycleScheduler,
  ],
})
export class TrainingModule {}
