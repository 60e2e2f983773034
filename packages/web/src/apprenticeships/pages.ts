import './translations';
// The apprenticeship pages, loaded lazily by the router.
export { ApprenticeshipsPage } from './ApprenticeshipsPage';
