import './translations';
// The food-waste pages, loaded lazily by the router.
export { FoodwastePage } from './FoodwastePage';
export { QuickEntryPage } from './QuickEntryPage';
export { KitchenPage } from './KitchenPage';
export { OffersPage } from './OffersPage';
