import { addMonths } from '../program/dates.js';
import { reportDueDate } from './report.js';
import { COVERED_STATUSES, EXPIRING_SOON_DAYS, certificateStatus, childrenIndex, coveredUnitIds, daysBetween, graceEnd } from './status.js';
import type { CertificateFacts, SchemeRules, UnitNode } from './types.js';

/** What a reminder is about. */
export type ReminderKind = 'expires_30' | 'expires_90' | 'in_grace' | 'lapsed' | 'report_missing';

/** Something a unit must act on. `date` is the deadline (or, for lapsed, the day it lapsed). */
export interface Reminder {
  kind: ReminderKind;
  unitId: string;
  certificateId: string | null;
  schemeKey: string | null;
  date: string;
  /** For report_missing: the year the report covers. */
  year: number | null;
  daysLeft: number;
}

/** A report a unit owes for a year, and when. */
export interface OwedReport {
  unitId: string;
  year: number;
  due: string;
  schemeKey: string;
}

/**
 * The annual reports owed for `year`: every unit of a counted kind that was covered on 31 December
 * of that year by a certificate of a scheme with an annual report. Earliest deadline wins.
 */
export function reportsOwed(units: readonly UnitNode[], certificates: readonly CertificateFacts[], schemes: ReadonlyMap<string, SchemeRules>, year: number, countedKinds: readonly string[] = ['unit']): OwedReport[] {
  const yearEnd = `${year}-12-31`;
  const children = childrenIndex(units);
  const counted = new Set(units.filter((u) => countedKinds.includes(u.kind)).map((u) => u.id));
  const owed = new Map<string, OwedReport>();
  for (const c of certificates) {
    const rules = schemes.get(c.schemeKey);
    if (!rules?.annualReport || c.holderUnitId === null) continue;
    if (!COVERED_STATUSES.includes(certificateStatus(c, rules, yearEnd))) continue;
    const due = reportDueDate(year, rules.annualReport);
    for (const id of coveredUnitIds(c, children)) {
      if (!counted.has(id)) continue;
      const cur = owed.get(id);
      if (!cur || due < cur.due) owed.set(id, { unitId: id, year, due, schemeKey: c.schemeKey });
    }
  }
  return [...owed.values()].sort((a, b) => a.unitId.localeCompare(b.unitId));
}

/**
 * Reminders on `date`: certificates expiring within 90 and 30 days, in grace (recertification late),
 * lapsed in the last 12 months — unless a renewal is registered — and annual reports for last year
 * missing after their deadline. Each goes to the certificate's holder, or the unit owing the report.
 */
export function certificationReminders(input: {
  units: readonly UnitNode[];
  certificates: readonly CertificateFacts[];
  schemes: ReadonlyMap<string, SchemeRules>;
  /** Reports delivered: unit and year. */
  reports: readonly { unitId: string; year: number }[];
  date: string;
  countedKinds?: readonly string[];
}): Reminder[] {
  const { units, certificates, schemes, date } = input;
  const out: Reminder[] = [];
  const renewed = (c: CertificateFacts) => certificates.some((o) => o.id !== c.id && o.verification !== 'rejected' && o.schemeKey === c.schemeKey && o.holderUnitId === c.holderUnitId && (o.supersedesId === c.id || (o.issuedOn ?? o.startedOn ?? '') > (c.issuedOn ?? '')));
  for (const c of certificates) {
    const rules = schemes.get(c.schemeKey);
    if (!rules || c.holderUnitId === null || c.verification !== 'verified' || c.issuedOn === null || c.validUntil === null) continue;
    const status = certificateStatus(c, rules, date);
    const base = { unitId: c.holderUnitId, certificateId: c.id, schemeKey: c.schemeKey, year: null };
    if (status === 'expiring') {
      const left = daysBetween(date, c.validUntil);
      if (renewed(c)) continue;
      out.push({ ...base, kind: left <= EXPIRING_SOON_DAYS ? 'expires_30' : 'expires_90', date: c.validUntil, daysLeft: left });
    } else if (status === 'in_grace') {
      if (renewed(c)) continue;
      const end = graceEnd(c.validUntil, rules);
      out.push({ ...base, kind: 'in_grace', date: end, daysLeft: daysBetween(date, end) });
    } else if (status === 'lapsed') {
      const lapsedOn = c.withdrawnOn !== null && c.withdrawnOn <= c.validUntil ? c.withdrawnOn : rules.graceMonths > 0 ? graceEnd(c.validUntil, rules) : c.validUntil;
      if (lapsedOn < addMonths(date, -12) || renewed(c)) continue;
      out.push({ ...base, kind: 'lapsed', date: lapsedOn, daysLeft: daysBetween(date, lapsedOn) });
    }
  }
  const year = Number(date.slice(0, 4)) - 1;
  const delivered = new Set(input.reports.map((r) => `${r.unitId}/${r.year}`));
  for (const o of reportsOwed(units, certificates, schemes, year, input.countedKinds)) {
    if (date <= o.due || delivered.has(`${o.unitId}/${o.year}`)) continue;
    out.push({ kind: 'report_missing', unitId: o.unitId, certificateId: null, schemeKey: o.schemeKey, date: o.due, year: o.year, daysLeft: daysBetween(date, o.due) });
  }
  const rank: Record<ReminderKind, number> = { lapsed: 0, in_grace: 1, report_missing: 2, expires_30: 3, expires_90: 4 };
  return out.sort((a, b) => rank[a.kind] - rank[b.kind] || a.date.localeCompare(b.date) || a.unitId.localeCompare(b.unitId));
}

/** Share of the reports owed for a year that were delivered by their deadline (null when none were owed). */
export function onTimeShare(owed: readonly OwedReport[], submitted: ReadonlyMap<string, string>): { owed: number; onTime: number; share: number | null } {
  let onTime = 0;
  for (const o of owed) {
    const at = submitted.get(`${o.unitId}/${o.year}`);
    if (at !== undefined && at.slice(0, 10) <= o.due) onTime++;
  }
  return { owed: owed.length, onTime, share: owed.length ? onTime / owed.length : null };
}
