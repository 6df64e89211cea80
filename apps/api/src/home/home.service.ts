import { Injectable } from '@nestjs/common';
import { HOME_UPCOMING_DAYS, type HomeDto } from '@twinning/contracts';
import type { AuthUser } from '../common/auth-user';
import { WaitingService } from '../waiting';

/**
 * The signed-in user's home: the "what waits for this user" answer (one SQL statement) looking 30
 * days ahead, arranged in the home's blocks. A workshop is live now when its room is open.
 */
@Injectable()
export class HomeService {
  constructor(private readonly waiting: WaitingService) {}

  async forUser(user: Pick<AuthUser, 'id' | 'role'>): Promise<HomeDto> {
    const w = await this.waiting.forUser(user, { upcomingDays: HOME_UPCOMING_DAYS });
    return {
      now: w.now,
      upcomingUntil: w.upcomingUntil,
      live: w.workshops.filter((x) => x.status === 'live'),
      waiting: { joinRequests: w.decisions.joinRequests, invitations: w.decisions.invitations, polls: w.polls },
      comingUp: { visits: w.visits, workshops: w.workshops.filter((x) => x.status !== 'live') },
      unread: w.forums,
    };
  }
}
