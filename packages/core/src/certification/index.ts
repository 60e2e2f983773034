export type { CertStatus, CertificateFacts, HolderKind, ReportDue, Scheme, SchemeRules, UnitNode, Verification } from './types.js';
export { parseSchemes, toScheme, validateScheme } from './schemes.js';
export type { Coverage, UnitStatus } from './status.js';
export {
  COVERED_STATUSES,
  EXPIRING_SOON_DAYS,
  EXPIRING_WITHIN_DAYS,
  STATUS_ORDER,
  betterStatus,
  certificateStatus,
  childrenIndex,
  coverage,
  coveredUnitIds,
  daysBetween,
  graceEnd,
  organisationStatus,
  quarterEnds,
  statusRank,
  unitStatuses,
} from './status.js';
export type { Overlap } from './overlap.js';
export { findOverlaps, validateCertificateDates } from './overlap.js';
export type { Activity, OwnIndicator, ReportData, ReportDerived, ReportField, ReportTheme } from './report.js';
export { FIRST_REPORT_YEAR, MAX_OWN_INDICATORS, REPORT_FIELDS, deriveReport, reportDueDate, validateReport } from './report.js';
export type { EmissionFactor, GhgAccount, GhgLine } from './ghg.js';
export { factorFor, ghgAccount, parseEmissionFactors } from './ghg.js';
export type { Participation, TrainingShare } from './training.js';
export { trainingByUnit, trainingTotal } from './training.js';
export type { OwedReport, Reminder, ReminderKind } from './reminders.js';
export { certificationReminders, onTimeShare, reportsOwed } from './reminders.js';
