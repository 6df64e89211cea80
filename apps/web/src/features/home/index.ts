export { homeKeys } from './api/home.keys';
export { getHome, homeQueryOptions, useHome } from './api/get-home';
export { HomeDashboard } from './components/home-dashboard';
