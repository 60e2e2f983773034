// Shapes of the program API, as the pages use them: the views themselves are core's, shared with the server.
import type { ReasonCode, ReportingInterval, Status } from '@omstilling/core/program/types';
import type { Localized } from '@omstilling/core/program/definition';
import type { ActionView, AreaView, GoalView, IndicatorView, ProgramSummaryView } from '@omstilling/core/program/view';

export type { ReasonCode, ReportingInterval, Status };
export type { DueItem, IndicatorSummary, Nudge, ProgramSummaryView, ProgramView, PublicGoal, ReportingOverview, SourceView, ValueView } from '@omstilling/core/program/view';
export type Indicator = IndicatorView;
export type Goal = GoalView;
export type Action = ActionView;
export type Area = AreaView;
export type ActionLogEntry = ActionView['log'][number];
export type Assessment = IndicatorView['assessment'];
export type GoalSummary = ProgramSummaryView['areas'][number]['goals'][number];

export type { Localized } from '@omstilling/core/program/definition';

export interface UnitRef {
  id: string;
  name: string;
}

export type StatusCounts = Record<Status, number>;

export const STATUSES: readonly Status[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export interface DatedValue {
  date: string;
  value: number;
}

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export interface ProgramSummary {
  id: string;
  key: string;
  name: Localized;
  startDate: string;
  endDate: string;
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

