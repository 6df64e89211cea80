import { Module } from '@nestjs/common';
import { TrainingAccess } from './training-access';
import { TrainingMatchingRepository } from './training-matching.repository';
import { TrainingMatchingService } from './training-matching.service';
import { TrainingOffersRepository } from './training-offers.repository';
import { TrainingOffersService } from './training-offers.service';
import { TrainingRequestsService } from './training-requests.service';
import { TrainingController, TrainingOffersController } from './training.controller';
import { TrainingRepository } from './training.repository';

/**
 * Training requests and offers: cities and partnerships ask for training, facilitators and
 * expert cities offer it, the requesters accept one offer (the others are declined and told), and
 * explainable matching ranks the candidates. Scheduling, evaluations and courses come later.
 */
@Module({
  controllers: [TrainingController, TrainingOffersController],
  providers: [
    TrainingRepository,
    TrainingOffersRepository,
    TrainingMatchingRepository,
    TrainingAccess,
    TrainingRequestsService,
    TrainingOffersService,
    TrainingMatchingService,
  ],
})
export class TrainingModule {}
