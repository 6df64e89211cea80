export { homeKeys } from './api/home.keys';
export { getHome, homeQueryOptions, useHome } from './api/get-home';
export { HomeDashboard } from './components/home-dashboard';
export { getPublicOverview, publicOverviewQueryOptions, usePublicOverview } from './api/get-public-overview';
export { PublicLanding } from './components/public-landing';
