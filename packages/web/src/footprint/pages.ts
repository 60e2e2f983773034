import './translations';
// The footprint pages (public, no login), loaded lazily by the router.
export { CalculatorPage } from './CalculatorPage';
export { DocsPage } from './DocsPage';
export { TallyPage } from './TallyPage';
