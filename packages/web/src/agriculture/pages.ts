import './translations';
// The agriculture pages, loaded lazily by the router.
export { AgriculturePage } from './AgriculturePage';
export { FarmPage } from './FarmPage';
export { ReportPage } from './ReportPage';
