import type { STATUS_RULES } from './progress.js';
import type { Localized } from './definition.js';
import type { Assessment, ReportingInterval, Status } from './types.js';

// What the program API answers, shared by the server (which builds it) and the web (which shows it).

export interface SourceView {
  id: string;
  kind: string;
  name: string;
  producer: string;
  method: string;
  version: string;
  limits: string;
  url: string | null;
  primary: boolean;
}

export interface ValueView {
  id: string | null;
  sourceId: string;
  period: string;
  date: string;
  value: number;
  note: string | null;
  producedBy: string;
  importFile: string | null;
  importLine: number | null;
}

export interface IndicatorView {
  id: string;
  key: string;
  goalCode: string | null;
  name: Localized;
  description: Localized;
  unit: string;
  direction: 'increase' | 'decrease';
  decimals: number;
  baseline: { value: number; date: string; note: Localized | null } | null;
  targets: { date: string; value: number; label: Localized | null }[];
  path: 'linear' | 'stepwise';
  tolerance: number;
  reportingInterval: ReportingInterval;
  responsibleUnit: { id: string; name: string } | null;
  visibility: 'public' | 'internal';
  source: 'entered' | 'computed' | 'derived' | 'open_data';
  domain: string | null;
  metric: string | null;
  formula: string | null;
  plannedDomain: string | null;
  sources: SourceView[];
  values: ValueView[];
  latestValue: number | null;
  latestPeriod: string | null;
  latestDate: string | null;
  nextDue: string | null;
  status: Status;
  assessment: Assessment;
  /** The expected path at the baseline, each target and today, for charts. */
  pathPoints: { date: string; value: number }[];
}

export interface ActionView {
  id: string;
  key: string;
  goalCode: string;
  title: Localized;
  description: Localized;
  status: string;
  startDate: string | null;
  endDate: string | null;
  budgetNok: number | null;
  responsibleUnit: { id: string; name: string } | null;
  indicatorKeys: string[];
  log: { id: string; date: string; kind: string; text: Localized; caseNumber: string | null; author: string }[];
  /** What the action lacks: a responsible unit, a linked indicator, an update in the last 12 months. */
  lacks: ('responsible_unit' | 'indicator' | 'recent_update')[];
}

export interface GoalView {
  id: string;
  code: string;
  title: Localized;
  text: Localized;
  responsibleUnit: { id: string; name: string } | null;
  servedBy: string[];
  status: Status;
  statusCounts: Record<Status, number>;
  indicators: IndicatorView[];
  actions: ActionView[];
}

export interface AreaView {
  id: string;
  code: string;
  title: Localized;
  description: Localized;
  status: Status;
  statusCounts: Record<Status, number>;
  goals: GoalView[];
}

export interface ProgramView {
  id: string;
  key: string;
  name: Localized;
  description: Localized;
  startDate: string;
  endDate: string;
  asOf: string;
  status: Status;
  statusCounts: Record<Status, number>;
  areas: AreaView[];
  contextIndicators: IndicatorView[];
  rules: { text: Localized; numbers: typeof STATUS_RULES };
}

// ---------- the public summary: what the public overview needs, small enough for phones ----------

export interface IndicatorSummary {
  id: string;
  key: string;
  name: Localized;
  unit: string;
  decimals: number;
  direction: 'increase' | 'decrease';
  status: Status;
  reason: Assessment['reason'];
  latestValue: number | null;
  latestPeriod: string | null;
  baseline: { date: string; value: number } | null;
  finalTarget: { date: string; value: number } | null;
  /** The primary source's values as [date, value] pairs, oldest first. */
  series: [string, number][];
  source: IndicatorView['source'];
  domain: string | null;
}

export interface ProgramSummaryView {
  id: string;
  key: string;
  name: Localized;
  description: Localized;
  startDate: string;
  endDate: string;
  asOf: string;
  status: Status;
  statusCounts: Record<Status, number>;
  rules: ProgramView['rules'];
  areas: {
    code: string;
    title: Localized;
    status: Status;
    statusCounts: Record<Status, number>;
    goals: { code: string; title: Localized; status: Status; statusCounts: Record<Status, number>; responsibleUnit: string | null; actionCounts: Record<string, number>; indicators: IndicatorSummary[] }[];
  }[];
  contextIndicators: IndicatorSummary[];
}

/** One point in full for the public (GET /api/public/programs/:id/goals/:code). */
export interface PublicGoal {
  program: { id: string; key: string; name: Localized; asOf: string };
  area: { code: string; title: Localized };
  goal: GoalView;
  rules: ProgramView['rules'];
}

// ---------- what each unit owes (GET /api/reporting) ----------

export interface DueItem {
  programId: string;
  programKey: string;
  indicatorId: string;
  indicatorKey: string;
  goalCode: string | null;
  name: Localized;
  unit: { id: string; name: string } | null;
  reportingInterval: ReportingInterval;
  latestPeriod: string | null;
  latestDate: string | null;
  dueDate: string;
  state: 'due' | 'overdue' | 'stale';
}

export interface Nudge {
  programId: string;
  programKey: string;
  goalCode: string;
  actionId: string;
  title: Localized;
  unit: { id: string; name: string } | null;
  lacks: string[];
}

export interface ReportingOverview {
  asOf: string;
  items: DueItem[];
  nudges: Nudge[];
}
