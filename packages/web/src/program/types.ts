// Shapes of the program API (packages/server/src/program/program.schema.ts), as the pages use them.
import type { ReasonCode, ReportingInterval, Status } from '@omstilling/core/program/types';

export type { ReasonCode, ReportingInterval, Status };

export interface Localized {
  nb: string;
  en: string;
}

export interface UnitRef {
  id: string;
  name: string;
}

export type StatusCounts = Record<Status, number>;

export const STATUSES: readonly Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

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

export interface DatedValue {
  date: string;
  value: number;
}

export interface Assessment {
  status: Status;
  reason: { code: ReasonCode | string; params: Record<string, number | string> };
  expected: number | null;
  latest: DatedValue | null;
  projection: (DatedValue & { method: string }) | null;
  nextTarget: DatedValue | null;
  gap: number | null;
}

export interface Indicator {
  id: string;
  key: string;
  goalCode: string | null;
  name: Localized;
  description: Localized;
  unit: string;
  direction: 'increase' | 'decrease' | string;
  decimals: number;
  baseline: { value: number; date: string; note: Localized | null } | null;
  targets: { date: string; value: number; label: Localized | null }[];
  path: string;
  tolerance: number;
  reportingInterval: ReportingInterval | string;
  responsibleUnit: UnitRef | null;
  visibility: string;
  source: 'entered' | 'computed' | 'derived' | 'open_data' | string;
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
  pathPoints: DatedValue[];
}

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export interface ActionLogEntry {
  id: string;
  date: string;
  kind: 'update' | 'decision' | string;
  text: Localized;
  caseNumber: string | null;
  author: string;
}

export interface Action {
  id: string;
  key: string;
  goalCode: string;
  title: Localized;
  description: Localized;
  status: ActionStatus | string;
  startDate: string | null;
  endDate: string | null;
  budgetNok: number | null;
  responsibleUnit: UnitRef | null;
  indicatorKeys: string[];
  log: ActionLogEntry[];
  lacks: ('responsible_unit' | 'indicator' | 'recent_update' | string)[];
}

export interface Goal {
  id: string;
  code: string;
  title: Localized;
  text: Localized;
  responsibleUnit: UnitRef | null;
  servedBy: string[];
  status: Status;
  statusCounts: StatusCounts;
  indicators: Indicator[];
  actions: Action[];
}

export interface Area {
  id: string;
  code: string;
  title: Localized;
  description: Localized;
  status: Status;
  statusCounts: StatusCounts;
  goals: Goal[];
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
  statusCounts: StatusCounts;
  areas: Area[];
  contextIndicators: Indicator[];
  rules: { text: Localized; numbers: Record<string, unknown> };
}

export interface ProgramSummary {
  id: string;
  key: string;
  name: Localized;
  startDate: string;
  endDate: string;
}

export interface DueItem {
  programId: string;
  programKey: string;
  indicatorId: string;
  indicatorKey: string;
  goalCode: string | null;
  name: Localized;
  unit: UnitRef | null;
  reportingInterval: string;
  latestPeriod: string | null;
  latestDate: string | null;
  dueDate: string;
  state: 'due' | 'overdue' | 'stale';
}

export interface Nudge {
  programKey: string;
  goalCode: string;
  actionId: string;
  title: Localized;
  unit: UnitRef | null;
  lacks: string[];
}

export interface ReportingOverview {
  asOf: string;
  items: DueItem[];
  nudges: Nudge[];
}

export interface ValueImportResult {
  file: string;
  format: string;
  encoding: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** An indicator in the public program summary (GET /api/public/programs/:id). */
export interface IndicatorSummary {
  id: string;
  key: string;
  name: Localized;
  unit: string;
  decimals: number;
  direction: string;
  status: Status;
  reason: Assessment['reason'];
  latestValue: number | null;
  latestPeriod: string | null;
  baseline: DatedValue | null;
  finalTarget: DatedValue | null;
  /** The primary source's values as [date, value], oldest first. */
  series: [string, number][];
  source: string;
  domain: string | null;
}

export interface GoalSummary {
  code: string;
  title: Localized;
  status: Status;
  statusCounts: StatusCounts;
  responsibleUnit: string | null;
  actionCounts: Record<string, number>;
  indicators: IndicatorSummary[];
}

/** The public overview's payload: every point with status and public indicators, without provenance. */
export interface ProgramSummaryView {
  id: string;
  key: string;
  name: Localized;
  description: Localized;
  startDate: string;
  endDate: string;
  asOf: string;
  status: Status;
  statusCounts: StatusCounts;
  rules: ProgramView['rules'];
  areas: { code: string; title: Localized; status: Status; statusCounts: StatusCounts; goals: GoalSummary[] }[];
  contextIndicators: IndicatorSummary[];
}

/** One point in full for the public (GET /api/public/programs/:id/goals/:code). */
export interface PublicGoal {
  program: { id: string; key: string; name: Localized; asOf: string };
  area: { code: string; title: Localized };
  goal: Goal;
  rules: ProgramView['rules'];
}
