import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  TRAINING_EVALUATION_MIN_ANSWERS,
  TRAINING_EVALUATION_WINDOW_DAYS,
  type TrainingEvaluationDto,
  type TrainingEvaluationResultsDto,
} from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import type { TrainingEvaluationDtoIn } from './dto/training-delivery.dto';
import { TrainingAccess, type TrainingContext } from './training-access';
import { TrainingDeliveryRepository } from './training-delivery.repository';

const DAY_MS = 86_400_000;

export function evaluationClosesAt(deliveredAt: Date | null): Date | null {
  return deliveredAt ? new Date(deliveredAt.getTime() + TRAINING_EVALUATION_WINDOW_DAYS * DAY_MS) : null;
}

/**
 * Evaluations of a delivered training. Each participant answers once (and may change the answer while
 * the window is open). Requesters, trainers and admins see the results, in aggregate only and only from
 * TRAINING_EVALUATION_MIN_ANSWERS answers on; below that, no numbers at all.
 */
@Injectable()
export class TrainingEvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trainingAccess: TrainingAccess,
    private readonly delivery: TrainingDeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthUser, id: string): Promise<TrainingEvaluationDto> {
    return this.build(user, await this.trainingAccess.require(user, id));
  }

  async answer(user: AuthUser, id: string, dto: TrainingEvaluationDtoIn): Promise<TrainingEvaluationDto> {
    await this.dataSource.transaction(async (manager) => {
      const { row } = await this.trainingAccess.require(user, id, { manager, lock: true });
      if (!row.is_participant) throw AppError.forbidden('Only the participants of the training can evaluate it.');
      const closes = evaluationClosesAt(row.delivered_at);
      if (row.status !== 'delivered' || !closes || closes.getTime() <= this.clock.now().getTime()) {
        throw new AppError(
          ErrorCode.INVALID_STATE,
          `This training request is ${row.status}; it is evaluated while delivered, for ${TRAINING_EVALUATION_WINDOW_DAYS} days.`,
        );
      }
      await this.delivery.saveEvaluation(id, user.id, dto, manager);
    });
    return this.get(user, id);
  }

  private async build(user: AuthUser, ctx: TrainingContext): Promise<TrainingEvaluationDto> {
    const { row, requester } = ctx;
    const closes = evaluationClosesAt(row.delivered_at);
    const open = row.status === 'delivered' && closes !== null && closes.getTime() > this.clock.now().getTime();
    const mine = row.is_participant ? await this.delivery.evaluation(row.id, user.id) : undefined;
    const seesResults = (requester || row.is_trainer) && (row.status === 'delivered' || row.status === 'evaluated');
    return {
      requestId: row.id,
      open,
      opensAt: row.delivered_at?.toISOString() ?? null,
      closesAt: closes?.toISOString() ?? null,
      canAnswer: open && row.is_participant,
      mine: mine
        ? {
            overall: mine.overall,
            relevance: mine.relevance,
            willApply: mine.will_apply,
            improve: mine.improve,
            updatedAt: mine.updated_at.toISOString(),
          }
        : null,
      results: seesResults ? await this.results(row.id) : null,
    };
  }

  private async results(id: string): Promise<TrainingEvaluationResultsDto> {
    const a = await this.delivery.aggregate(id);
    const minAnswers = TRAINING_EVALUATION_MIN_ANSWERS;
    if (a.answers < minAnswers) return { ready: false, minAnswers };
    const five = (c: number[]) => [c[0], c[1], c[2], c[3], c[4]] as [number, number, number, number, number];
    return {
      ready: true,
      minAnswers,
      answers: a.answers,
      overall: { average: a.overall_avg ?? 0, counts: five(a.overall_counts) },
      relevance: { average: a.relevance_avg ?? 0, counts: five(a.relevance_counts) },
      willApply: { yes: a.yes, no: a.answers - a.yes },
      improvements: a.improvements,
    };
  }
}
