import { Inject, Injectable } from '@nestjs/common';
import {
  HOME_ACTIVITY_DAYS,
  HOME_ACTIVITY_LIMIT,
  HOME_LIVE_LIMIT,
  HOME_REPORTS_LISTED,
  HOME_UPCOMING_DAYS,
  type HomeDto,
  type HomeLiveWorkshopDto,
  meetingFor,
} from '@twinning/contracts';
import { AccessService } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WaitingService } from '../waiting';
import { HomeRepository, type HomeLiveRow } from './home.repository';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forUser(user: Pick<AuthUser, 'id' | 'roles'>): Promise<HomeDto> {
    const now = this.clock.now();
    const isAdmin = hasRole(user, 'admin');
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
      live: own.live.map((row) => this.liveItem(row, isAdmin, now)),
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

  /**
   * A live workshop without its raw link: the meeting as the workshop page would show it to this
   * viewer (facilitators and admins always; registered participants while it is open).
   */
  private liveItem({ meetingUrl, ...workshop }: HomeLiveRow, isAdmin: boolean, now: Date): HomeLiveWorkshopDto {
    const viewer = { facilitator: workshop.facilitator || isAdmin, registered: workshop.registered, removed: false };
    const meeting = meetingFor(
      meetingUrl,
      { ...workshop, viewer },
      { now, embedOrigins: this.config.meetingEmbedOrigins },
    );
    return { ...workshop, meeting };
  }
}
