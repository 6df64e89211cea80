import { PAGE_SIZE_MAX, type Page, type PartnershipSummaryDto } from '@twinning/contracts';
import { apiRequest } from './api-client';

/** Pages read at most (of 100 each): more partnerships than that would not fit a select anyway. */
const MAX_PAGES = 5;

/**
 * Every active partnership the viewer sees, page after page of `GET /api/partnerships`: what the
 * features that offer a partnership to pick (a visit's, a workshop's scope) choose from.
 */
export async function getActivePartnerships(signal?: AbortSignal): Promise<PartnershipSummaryDto[]> {
  const result: PartnershipSummaryDto[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await apiRequest<Page<PartnershipSummaryDto>>('/api/partnerships', {
      signal,
      query: { status: 'active', cursor, limit: PAGE_SIZE_MAX },
    });
    result.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return result;
}
