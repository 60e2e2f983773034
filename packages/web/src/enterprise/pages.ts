import './translations';
// The enterprise pages (grant rounds, the register, youth companies, the cluster), loaded lazily by the router.
export { GrantsPage } from './GrantsPage';
export { CallPage } from './CallPage';
export { RegisterPage } from './RegisterPage';
export { VenturePage } from './VenturePage';
export { YouthPage } from './YouthPage';
export { ClusterPage } from './ClusterPage';
