// Contract follow-up: each environmental requirement and contract condition of an awarded tender is
// checked after award (document review, audit, measurement) by a due date; a deviation leads to an action
// (notice, fine, termination) and is closed when put right. The figures of program point A2 come from here.
import { ENV_RULE_THRESHOLD_NOK, MIN_ENV_WEIGHT } from './rules.js';

export type CheckKind = 'document_review' | 'audit' | 'measurement';
export const CHECK_KINDS: readonly CheckKind[] = ['document_review', 'audit', 'measurement'];
export type Outcome = 'met' | 'deviation';
export const OUTCOMES: readonly Outcome[] = ['met', 'deviation'];
export type Sanction = 'none' | 'notice' | 'fine' | 'termination';
export const SANCTIONS: readonly Sanction[] = ['none', 'notice', 'fine', 'termination'];

export interface FollowUpFacts {
  dueDate: string;
  outcome: Outcome | null;
  checkedOn: string | null;
  sanction: Sanction | null;
  deviationClosedOn: string | null;
}

export type FollowUpStatus = 'upcoming' | 'overdue' | 'met' | 'deviation_open' | 'deviation_closed';
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['overdue', 'deviation_open', 'upcoming', 'deviation_closed', 'met'];

/** Where a follow-up item stands on `today`: no outcome after the due date is overdue. */
export function followUpStatus(f: FollowUpFacts, today: string): FollowUpStatus {
  if (f.outcome === 'met') return 'met';
  if (f.outcome === 'deviation') return f.deviationClosedOn ? 'deviation_closed' : 'deviation_open';
  return f.dueDate < today ? 'overdue' : 'upcoming';
}

/** Checks a recorded outcome; Norwegian messages per field. */
export function validateOutcome(f: { outcome: string; checkedOn: string; sanction?: string | null; sanctionDate?: string | null; deviationClosedOn?: string | null }, today: string): { field: string; message: string }[] {
  const bad: { field: string; message: string }[] = [];
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!OUTCOMES.includes(f.outcome as Outcome)) bad.push({ field: 'outcome', message: 'Utfallet må være «oppfylt» eller «avvik».' });
  if (!iso.test(f.checkedOn) || Number.isNaN(Date.parse(f.checkedOn))) bad.push({ field: 'checkedOn', message: 'Kontrolldatoen må være en dato (ÅÅÅÅ-MM-DD).' });
  else if (f.checkedOn > today) bad.push({ field: 'checkedOn', message: 'Kontrolldatoen kan ikke være fram i tid.' });
  if (f.outcome === 'met' && f.sanction && f.sanction !== 'none') bad.push({ field: 'sanction', message: 'Et oppfylt krav gir ingen sanksjon.' });
  if (f.sanction && !SANCTIONS.includes(f.sanction as Sanction)) bad.push({ field: 'sanction', message: 'Tiltaket må være ingen, varsel, bot/dagmulkt eller heving.' });
  if (f.sanction && f.sanction !== 'none' && !(f.sanctionDate && iso.test(f.sanctionDate))) bad.push({ field: 'sanctionDate', message: 'Oppgi datoen tiltaket ble iverksatt.' });
  if (f.deviationClosedOn) {
    if (f.outcome !== 'deviation') bad.push({ field: 'deviationClosedOn', message: 'Bare et avvik kan lukkes.' });
    else if (!iso.test(f.deviationClosedOn) || f.deviationClosedOn < f.checkedOn) bad.push({ field: 'deviationClosedOn', message: 'Avviket kan ikke lukkes før det ble funnet.' });
    else if (f.deviationClosedOn > today) bad.push({ field: 'deviationClosedOn', message: 'Lukkedatoen kan ikke være fram i tid.' });
  }
  return bad;
}

/** Due dates for evidence after award: the first check `firstAfterDays` after the start, then every `everyMonths` until the end. */
export function followUpDueDates(start: string, end: string, firstAfterDays = 90, everyMonths = 12): string[] {
  const d0 = new Date(`${start}T00:00:00Z`);
  d0.setUTCDate(d0.getUTCDate() + firstAfterDays);
  const out: string[] = [];
  const d = new Date(d0);
  for (let i = 0; i < 20; i++) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > end && out.length > 0) break;
    out.push(iso);
    d.setUTCMonth(d.getUTCMonth() + everyMonths);
  }
  return out;
}

export interface TenderFacts {
  estimatedValueNok: number;
  envWeight: number | null;
  exceptionUsed: boolean;
}

export interface ProcurementFigures {
  /** Tenders of NOK 100 000 or more. */
  tendersAboveThreshold: number;
  /** Share (%) of those weighting environment at least 30 %. */
  shareEnv30: number | null;
  /** Share (%) of those relying on a justified exception. */
  shareException: number | null;
  /** Average environment weight (%) of weighted tenders of NOK 100 000 or more. */
  averageEnvWeight: number | null;
  contracts: number;
  /** Share (%) of active contracts with no overdue follow-up. */
  shareOnSchedule: number | null;
  deviationsFound: number;
  deviationsClosed: number;
}

/** The A2 figures from published tenders and the follow-up items of their contracts (grouped by contract). */
export function procurementFigures(tenders: readonly TenderFacts[], contracts: readonly (readonly FollowUpFacts[])[], today: string): ProcurementFigures {
  const above = tenders.filter((t) => t.estimatedValueNok >= ENV_RULE_THRESHOLD_NOK);
  const weighted = above.filter((t) => t.envWeight !== null);
  const share = (n: number, d: number) => (d === 0 ? null : (100 * n) / d);
  const all = contracts.flat();
  const statuses = all.map((f) => followUpStatus(f, today));
  return {
    tendersAboveThreshold: above.length,
    shareEnv30: share(weighted.filter((t) => (t.envWeight ?? 0) >= MIN_ENV_WEIGHT).length, above.length),
    shareException: share(above.filter((t) => t.exceptionUsed).length, above.length),
    averageEnvWeight: weighted.length ? weighted.reduce((s, t) => s + (t.envWeight ?? 0), 0) / weighted.length : null,
    contracts: contracts.length,
    shareOnSchedule: share(contracts.filter((c) => !c.some((f) => followUpStatus(f, today) === 'overdue')).length, contracts.length),
    deviationsFound: statuses.filter((s) => s === 'deviation_open' || s === 'deviation_closed').length,
    deviationsClosed: statuses.filter((s) => s === 'deviation_closed').length,
  };
}
