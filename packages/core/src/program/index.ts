export type {
  Assessment,
  Baseline,
  Direction,
  IndicatorSpec,
  Observation,
  PathShape,
  Projection,
  ReasonCode,
  ReportingInterval,
  Status,
  Target,
} from './types.js';
export {
  STATUS_RULES,
  STATUS_RULE_TEXT,
  assess,
  dueDate,
  expectedValue,
  finalTarget,
  isStale,
  latestObservation,
  nextTarget,
  project,
  rollUp,
  staleAfter,
  summarise,
} from './progress.js';
export type { FormulaNode } from './formula.js';
export {
  FORMULA_LIMITS,
  FormulaError,
  deriveSeries,
  evaluateFormula,
  formatFormula,
  formulaReferences,
  parseFormula,
} from './formula.js';
export { addMonths } from './dates.js';
export * from './definition.js';
export * from './jsonstat.js';
export * from './table-series.js';
export * from './view.js';
