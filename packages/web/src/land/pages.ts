import './translations';
// The business-land pages, loaded lazily by the router.
export { LandPage } from './LandPage';
export { LandCallPage } from './LandCallPage';
export { DecisionsPage } from './DecisionsPage';
