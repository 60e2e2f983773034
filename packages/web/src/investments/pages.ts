import './translations';
// The investments pages, loaded lazily by the router.
export { InvestmentsPage } from './InvestmentsPage';
