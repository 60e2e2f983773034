import './translations';
// The public catalogue for residents: one light chunk without the staff pages.
export { PublicCataloguePage } from './PublicCataloguePage';
