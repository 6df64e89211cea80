import { Injectable } from '@nestjs/common';
import { PAGE_SIZE_DEFAULT, type Page, type PartnershipActivityDto } from '@twinning/contracts';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { decodeCursor, keysetPage } from '../common/cursor';
import { ActivityRepository } from './activity.repository';

/** The partnership's activity feed. */
@Injectable()
export class ActivityService {
  constructor(
    private readonly access: AccessService,
    private readonly activity: ActivityRepository,
  ) {}

  /** Transitions, threads and milestones, newest first; keyset on (at, id). Members and admins. */
  async feed(
    actor: AuthUser,
    id: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<PartnershipActivityDto>> {
    await this.access.requirePartnership(actor, id, { private: true });
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const rows = await this.activity.feed(id, decodeCursor<[string, string]>(query.cursor, 2), limit + 1);
    return keysetPage(
      rows,
      limit,
      (row) => row.activity,
      (row) => row.key,
    );
  }
}
