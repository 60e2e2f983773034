import './translations';
// The climate pages, loaded lazily by the router.
export { ClimatePage } from './ClimatePage';
