import './translations';
// The campaign's public pages (no login, phone first, one light chunk): themes, a theme's
// threads, events with registration, the code of conduct.
export { ThemesPage, ConductPage } from './ThemesPage';
export { ThemePage } from './ThemePage';
export { EventsPage } from './EventsPage';
