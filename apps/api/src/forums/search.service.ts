import { Inject, Injectable } from '@nestjs/common';
import { PAGE_SIZE_DEFAULT, type SearchPage } from '@twinning/contracts';
import { AccessService } from '../access/access.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { hasRole, type AuthUser } from '../common/auth-user';
import { AppError } from '../common/app-error';
import { ConcurrencyGate } from '../common/concurrency-gate';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { SearchQueryDto } from './dto/forums.dto';
import { SearchRepository } from './search.repository';

/** Deepest page a search may reach. */
const MAX_OFFSET = 1000;

@Injectable()
export class SearchService {
  /**
   * Searches in flight. Without a bound, 50 searches for a common word held all 20 pooled
   * connections, and other requests waited for one until the pool's 5 s timeout (503).
   */
  private readonly gate: ConcurrencyGate;

  constructor(
    private readonly access: AccessService,
    private readonly repository: SearchRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.gate = new ConcurrencyGate(config.searchConcurrency);
  }

  /**
   * Full-text search over visible posts (and thread titles, which count for a thread's first post)
   * in the forums the viewer may read. Ranked by ts_rank among the newest SEARCH_RANK_LIMIT
   * matches (`capped` says when there were more); offset cursor. The benchmark (tools/bench)
   * measures it on 200,000 posts.
   */
  async search(user: AuthUser, query: SearchQueryDto): Promise<SearchPage> {
    if (query.forumId) await this.access.requireForum(user, query.forumId);
    const limit = query.limit ?? PAGE_SIZE_DEFAULT;
    const offset = decodeCursor<[number]>(query.cursor, 1)?.[0] ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
      throw AppError.field('cursor', 'invalidCursor');
    }
    const { results, capped, ranked } = await this.gate.run(() =>
      this.repository.search(
        { id: user.id, isAdmin: hasRole(user, 'admin') },
        { q: query.q, forumId: query.forumId, theme: query.theme, offset, take: limit },
      ),
    );
    const next = offset + limit;
    return {
      items: results,
      nextCursor: next < ranked && next <= MAX_OFFSET ? encodeCursor([next]) : null,
      capped,
    };
  }
}
