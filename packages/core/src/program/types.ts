/** Whether a higher or a lower value is the goal. */
export type Direction = 'increase' | 'decrease';

/** How the expected value moves between baseline and targets. */
export type PathShape = 'linear' | 'stepwise';

/** How often an indicator gets a new value. */
export type ReportingInterval = 'yearly' | 'quarterly' | 'monthly';

/** A value to reach by a date (ISO yyyy-mm-dd). */
export interface Target {
  date: string;
  value: number;
}

/** The measured starting point of an indicator (ISO yyyy-mm-dd). */
export interface Baseline {
  date: string;
  value: number;
}

/** Everything needed to judge an indicator's progress. */
export interface IndicatorSpec {
  direction: Direction;
  baseline: Baseline | null;
  targets: Target[];
  path: PathShape;
  /** Allowed shortfall behind the path, as a fraction of |final target − baseline| (e.g. 0.1). */
  tolerance: number;
  reportingInterval: ReportingInterval;
}

/** A measured value; `date` is the end of the period it covers (ISO yyyy-mm-dd). */
export interface Observation {
  date: string;
  value: number;
}

/** Traffic-light status of an indicator, goal, area or the whole program. */
export type Status = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/** Machine-readable reasons behind a status; the UI translates them. */
export type ReasonCode =
  | 'target_reached'
  | 'ahead_of_path'
  | 'behind_path_within_tolerance'
  | 'behind_path_beyond_tolerance'
  | 'no_values'
  | 'stale'
  | 'no_target';

/** Value projected for a date from the observations so far. */
export interface Projection {
  date: string;
  value: number;
  method: 'linear_trend' | 'single_point';
}

/** The result of assessing one indicator at a date. */
export interface Assessment {
  status: Status;
  reason: { code: ReasonCode; params: Record<string, number | string> };
  /** Value on the path at the latest observation's date. */
  expected: number | null;
  latest: Observation | null;
  /** Projected value at the final target's date. */
  projection: Projection | null;
  /** First target dated on or after the assessment date. */
  nextTarget: Target | null;
  /** Deviation of the latest value from the path, signed so that positive is ahead (good) and negative is behind. */
  gap: number | null;
}
