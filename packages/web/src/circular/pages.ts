import './translations';
// The internal reuse marketplace (staff), loaded lazily by the router.
export { MarketPage } from './MarketPage';
