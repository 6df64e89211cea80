import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { MyTrainingOfferDto, Page, PageQuery } from '@twinning/contracts';
import { apiRequest } from '../../../lib/api-client';
import { courseAuthoringKeys } from './authoring-keys';

export const MY_OFFERS_PAGE_SIZE = 20;

/** `GET /training/offers/mine`: the trainer's own offers with their requests, newest first. */
export function getMyOffers(query: PageQuery, signal?: AbortSignal): Promise<Page<MyTrainingOfferDto>> {
  return apiRequest<Page<MyTrainingOfferDto>>('/api/training/offers/mine', {
    signal,
    query: { cursor: query.cursor, limit: query.limit },
  });
}

export const myOffersInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: courseAuthoringKeys.myOffers(),
    queryFn: ({ pageParam, signal }) => getMyOffers({ cursor: pageParam, limit: MY_OFFERS_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useMyOffers() {
  return useInfiniteQuery(myOffersInfiniteQueryOptions());
}
