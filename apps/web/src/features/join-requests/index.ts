export { joinRequestKeys } from './api/join-requests.keys';
export { useCreateJoinRequest } from './api/create-join-request';
export { myJoinRequestsQueryOptions, useMyJoinRequests } from './api/get-my-join-requests';
export { reviewableJoinRequestsQueryOptions, useReviewableJoinRequests } from './api/get-reviewable-join-requests';
export { useDecideJoinRequest } from './api/decide-join-request';
export { JoinCityPanel } from './components/join-city-panel';
export { PendingJoinRequests } from './components/pending-join-requests';
export { MyJoinRequests } from './components/my-join-requests';
