import './translations';
// The services pages for staff (C2), loaded lazily by the router.
export { ServicesPage } from './ServicesPage';
export { UnitPage } from './UnitPage';
export { CoveragePage } from './CoveragePage';
