import { TRAINING_REQUEST_STATUSES, type TrainingRequestStatus } from '@twinning/contracts';
import { oneOf } from '../../lib/search-params';

/** The board's state, kept in its address: `/training?status=open`. */
export interface TrainingListParams {
  status?: TrainingRequestStatus;
}

export function parseTrainingListParams(search: URLSearchParams): TrainingListParams {
  const status = oneOf(TRAINING_REQUEST_STATUSES, search.get('status'));
  return status ? { status } : {};
}

export function trainingListParamsToSearch(params: TrainingListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  return search;
}
