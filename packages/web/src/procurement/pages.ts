import './translations';
// The procurement pages, loaded lazily by the router.
export { ProcurementPage } from './ProcurementPage';
export { TenderBuilderPage } from './TenderBuilderPage';
export { TenderPage } from './TenderPage';
export { FollowUpPage } from './FollowUpPage';
export { LibraryPage } from './LibraryPage';
