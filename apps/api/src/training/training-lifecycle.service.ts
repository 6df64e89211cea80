import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TRAINING_EVALUATION_WINDOW_DAYS } from '@twinning/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotificationsService, type CreatedNotifications, type NewNotification } from '../notifications';
import { evaluationClosesAt } from './training-evaluations.service';
import { TrainingDeliveryRepository } from './training-delivery.repository';
import { assertTrainingMove } from './training-requests.service';
import { TrainingRepository } from './training.repository';

/** Requests moved per transaction; the tick loops until none is due. */
const BATCH = 50;

/**
 * The moves nobody makes by hand: scheduled → delivered once the last session ended (live, in
 * person) or the course deadline passed (self paced), telling each participant their evaluation is
 * open; delivered → evaluated once the evaluation window closed. Each move is recorded with no actor
 * (the system) at the time it is made. `tick` is what the lifecycle job runs; tests call it.
 */
@Injectable()
export class TrainingLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: TrainingRepository,
    private readonly delivery: TrainingDeliveryRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async tick(): Promise<{ delivered: number; evaluated: number }> {
    const counts = { delivered: 0, evaluated: 0 };
    for (;;) {
      const now = this.clock.now();
      const { moved, created } = await this.dataSource.transaction(async (manager) => {
        const due = await this.delivery.due(now, TRAINING_EVALUATION_WINDOW_DAYS, BATCH, manager);
        const items: NewNotification[] = [];
        for (const row of due) {
          const to = row.status === 'scheduled' ? 'delivered' : 'evaluated';
          assertTrainingMove(row.status, to);
          await this.delivery.move(row.id, to, now, manager);
          await this.requests.insertEvent(
            row.id,
            {
              actorId: null,
              from: row.status,
              to,
              note: to === 'delivered' ? 'The training is over.' : 'The evaluation window closed.',
            },
            manager,
          );
          counts[to] += 1;
          if (to === 'delivered') {
            const closesAt = (evaluationClosesAt(now) ?? now).toISOString();
            for (const userId of await this.delivery.participantIds(row.id, manager)) {
              items.push({
                userId,
                kind: 'training.evaluation_open',
                payload: { request: { id: row.id, title: row.title }, closesAt },
              });
            }
          }
        }
        const made: CreatedNotifications = await this.notifications.create(manager, items);
        return { moved: due.length, created: made };
      });
      await this.notifications.publish(created);
      if (moved < BATCH) return counts;
    }
  }
}
