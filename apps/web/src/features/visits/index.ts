export { visitKeys } from './api/visits.keys';
export { visitQueryOptions, useVisit } from './api/get-visit';
export { useMyPartnerships } from './api/get-my-partnerships';
export { parseVisitListParams, visitListParamsToSearch, type VisitListParams } from './visit-params';
export { VisitList } from './components/visit-list';
export { NewVisitForm } from './components/new-visit-form';
export { VisitDetail, VISIT_SECTIONS, visitSections, type VisitSection } from './components/visit-detail';
export { CalendarFeedPanel } from './components/calendar-feed-panel';
export { PartnershipVisitsLinks } from './components/partnership-visits-links';
