import './translations';
// The economy pages, loaded lazily by the router.
export { EconomyPage } from './EconomyPage';
export { RulesPage } from './RulesPage';
