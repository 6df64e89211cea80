import { Injectable } from '@nestjs/common';
import {
  WAITING_DEFAULT_SINCE_DAYS,
  WAITING_LIST_LIMIT,
  WAITING_THREADS_PER_FORUM,
  WAITING_UPCOMING_DAYS,
  type WaitingForMeDto,
} from '@twinning/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { hasRole, type AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { plainExcerpt } from '../common/markdown';
import { WaitingRepository } from './waiting.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Unread threads older than this do not wait for anyone any more (and the query stays bounded). */
const WAITING_MAX_SINCE_DAYS = 90;
const EXCERPT_MAX = 200;

/**
 * The first words of a post as plain text: its first two non-empty lines of its own (lines quoting
 * another post are left out, unless the post is nothing but a quote), with the Markdown rendered
 * away (no `*stars*` or `[links](…)` in a digest), shortened to 200 characters.
 */
export function firstLines(body: string): string {
  const lines = body.split('\n').filter((line) => line.trim().length > 0);
  const own = lines.filter((line) => !/^\s*>/.test(line));
  const chosen = (own.length > 0 ? own : lines.map((line) => line.replace(/^\s*(>\s*)+/, ''))).slice(0, 2);
  return plainExcerpt(chosen.join('\n'), EXCERPT_MAX);
}

export interface WaitingOptions {
  /** Threads count when they had activity after this instant (default: 14 days before `now`; at most 90). */
  since?: Date;
  /** The instant to describe (default: the clock's now). */
  now?: Date;
  /** How many days ahead upcoming visits and workshops count (default 14; the home asks for 30). */
  upcomingDays?: number;
}

/**
 * What waits for a user, in one query. Only what they may read: partnership forums, visits and
 * polls of their own partnerships (an admin's right to open every forum does not make every forum
 * theirs), public theme forums, workshops they may see and take part in, and the join requests and
 * invitations of the cities they coordinate.
 */
@Injectable()
export class WaitingService {
  constructor(
    private readonly repository: WaitingRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async forUser(
    user: Pick<AuthUser, 'id' | 'roles'>,
    opts: WaitingOptions = {},
    manager?: EntityManager,
  ): Promise<WaitingForMeDto> {
    const now = opts.now ?? this.clock.now();
    const earliest = now.getTime() - WAITING_MAX_SINCE_DAYS * DAY_MS;
    const since = new Date(
      Math.max(opts.since?.getTime() ?? now.getTime() - WAITING_DEFAULT_SINCE_DAYS * DAY_MS, earliest),
    );
    const upcomingUntil = new Date(now.getTime() + (opts.upcomingDays ?? WAITING_UPCOMING_DAYS) * DAY_MS);
    const isAdmin = hasRole(user, 'admin');
    const row = await this.repository.find(
      {
        userId: user.id,
        isAdmin,
        since,
        now,
        upcomingUntil,
        threadsPerForum: WAITING_THREADS_PER_FORUM,
        listLimit: WAITING_LIST_LIMIT,
        readableForums: this.access.readableForumsSql('f', '$1', false),
        visibleWorkshops: this.access.visibleWorkshopsSql('w', '$1', isAdmin),
      },
      manager,
    );
    return {
      since: since.toISOString(),
      now: now.toISOString(),
      upcomingUntil: upcomingUntil.toISOString(),
      forums: row.forums.map((forum) => ({
        ...forum,
        threads: forum.threads.map((thread) => ({ ...thread, excerpt: firstLines(thread.excerpt) })),
      })),
      visits: row.visits,
      workshops: row.workshops,
      polls: row.polls,
      decisions: { joinRequests: row.join_requests, invitations: row.invitations },
    };
  }
}
