import { Injectable } from '@nestjs/common';
import {
  HOME_ACTIVITY_DAYS,
  HOME_ACTIVITY_LIMIT,
  HOME_LIVE_LIMIT,
  HOME_REPORTS_LISTED,
  HOME_UPCOMING_DAYS,
  type HomeDto,
} from '@twinning/contracts';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { WaitingService } from '../waiting';
import { HomeRepository } from './home.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The signed-in user's home: the "what waits for this user" answer (one SQL statement, shared with
 * the digests) looking 30 days ahead, and the home's own statement beside it (workshops live now
 * that the user may join, reports they moderate, recent activity in their partnerships). Two
 * statements, sent at once, whatever the user has.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly waiting: WaitingService,
    private readonly repository: HomeRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async forUser(user: Pick<AuthUser, 'id' | 'role'>): Promise<HomeDto> {
    const now = this.clock.now();
    const isAdmin = user.role === 'admin';
    const [w, own] = await Promise.all([
      this.waiting.forUser(user, { upcomingDays: HOME_UPCOMING_DAYS, now }),
      this.repository.find({
        userId: user.id,
        isAdmin,
        now,
        activitySince: new Date(now.getTime() - HOME_ACTIVITY_DAYS * DAY_MS),
        liveLimit: HOME_LIVE_LIMIT,
        reportsListed: HOME_REPORTS_LISTED,
        activityLimit: HOME_ACTIVITY_LIMIT,
        visibleWorkshops: this.access.visibleWorkshopsSql('w', '$1', isAdmin),
      }),
    ]);
    return {
      now: w.now,
      upcomingUntil: w.upcomingUntil,
      live: own.live,
      waiting: {
        joinRequests: w.decisions.joinRequests,
        invitations: w.decisions.invitations,
        polls: w.polls,
        reports: { count: own.report_count, items: own.reports },
      },
      comingUp: { visits: w.visits, workshops: w.workshops.filter((x) => x.status !== 'live') },
      unread: w.forums,
      activity: own.activity,
    };
  }
}
