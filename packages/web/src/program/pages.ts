import './translations';
// The internal program pages, one lazily loaded chunk (they share most of their code).
export { ProgramIndexPage } from './ProgramIndexPage';
export { ProgramOverviewPage } from './ProgramOverviewPage';
export { GoalPage } from './GoalPage';
export { IndicatorPage } from './IndicatorPage';
export { ReportingPage } from './ReportingPage';
