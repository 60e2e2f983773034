import './translations';
// The enterprise pages (grant rounds), loaded lazily by the router.
export { GrantsPage } from './GrantsPage';
export { CallPage } from './CallPage';
