import './translations';
// The campaign editors' pages (themes and events, moderator queue, statistics with ECharts),
// loaded lazily by the router; the public pages are in public.ts, so residents never load these.
export { AdminPage } from './AdminPage';
export { ModerationPage } from './ModerationPage';
export { StatsPage } from './StatsPage';
