import { addMonths, daysInMonth, toMs } from '../program/dates.js';
import type { CertificateFacts, CertStatus, SchemeRules, UnitNode } from './types.js';

/** A certificate is "expiring" when it is valid for at most this many more days. */
export const EXPIRING_WITHIN_DAYS = 90;
/** Reminders say "soon" at this many days left. */
export const EXPIRING_SOON_DAYS = 30;

/** Statuses from best to worst: a unit covered by several certificates gets the best of them. */
export const STATUS_ORDER: readonly CertStatus[] = ['certified', 'expiring', 'in_grace', 'in_progress', 'lapsed', 'none'];

/** Statuses that count as certified in coverage figures: valid, expiring, or in the scheme's grace period (the holder keeps the certificate). */
export const COVERED_STATUSES: readonly CertStatus[] = ['certified', 'expiring', 'in_grace'];

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** Rank of a status, 0 = best. */
export function statusRank(s: CertStatus): number {
  return STATUS_ORDER.indexOf(s);
}

/** The better of two statuses. */
export function betterStatus(a: CertStatus, b: CertStatus): CertStatus {
  return statusRank(a) <= statusRank(b) ? a : b;
}

/** Last day of the grace period: valid-until plus the scheme's grace months. */
export function graceEnd(validUntil: string, rules: Pick<SchemeRules, 'graceMonths'>): string {
  return addMonths(validUntil, rules.graceMonths);
}

/**
 * Status of one certificate on `date`. Rejected: none. Withdrawn: lapsed from the withdrawal date.
 * Not yet issued (or pending verification): in progress from its start (pending also from issue), else none.
 * Issued and verified: certified through valid-until, "expiring" in its last 90 days, then in grace
 * for the scheme's grace months, then lapsed.
 */
export function certificateStatus(c: CertificateFacts, rules: Pick<SchemeRules, 'graceMonths'>, date: string): CertStatus {
  if (c.verification === 'rejected') return 'none';
  const t = toMs(date);
  if (c.withdrawnOn !== null && t >= toMs(c.withdrawnOn)) return 'lapsed';
  const started = c.startedOn !== null && t >= toMs(c.startedOn);
  if (c.issuedOn === null || c.validUntil === null || t < toMs(c.issuedOn)) return started ? 'in_progress' : 'none';
  if (c.verification === 'pending') return t <= toMs(graceEnd(c.validUntil, rules)) ? 'in_progress' : 'lapsed';
  const left = daysBetween(date, c.validUntil);
  if (left >= 0) return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'certified';
  if (rules.graceMonths > 0 && t <= toMs(graceEnd(c.validUntil, rules))) return 'in_grace';
  return 'lapsed';
}

/** Children of each unit id. */
export function childrenIndex(units: readonly Pick<UnitNode, 'id' | 'parentId'>[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  return children;
}

/** Units a certificate covers: its holder and scope units, with all their sub-units when includeSubunits is set. */
export function coveredUnitIds(c: Pick<CertificateFacts, 'holderUnitId' | 'scopeUnitIds' | 'includeSubunits'>, children: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const roots = [...(c.holderUnitId ? [c.holderUnitId] : []), ...c.scopeUnitIds];
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    if (c.includeSubunits) stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** A unit's status and the certificate that decides it. */
export interface UnitStatus {
  unitId: string;
  status: CertStatus;
  /** The certificate giving the status (the best one), or null when none applies. */
  certificateId: string | null;
  schemeKey: string | null;
  validUntil: string | null;
  /** True when the certificate is held by another unit (a head-office certificate, or a parent's). */
  viaScope: boolean;
}

/**
 * Status of every unit on `date`: the best status among the certificates covering it whose scheme
 * counts for coverage (unknown schemes are ignored). Ties keep the certificate valid longest.
 */
export function unitStatuses(units: readonly UnitNode[], certificates: readonly CertificateFacts[], schemes: ReadonlyMap<string, SchemeRules>, date: string): Map<string, UnitStatus> {
  const children = childrenIndex(units);
  const out = new Map<string, UnitStatus>(units.map((u) => [u.id, { unitId: u.id, status: 'none', certificateId: null, schemeKey: null, validUntil: null, viaScope: false }]));
  for (const c of certificates) {
    const rules = schemes.get(c.schemeKey);
    if (!rules || !rules.countsForCoverage || c.holderUnitId === null) continue;
    const status = certificateStatus(c, rules, date);
    if (status === 'none') continue;
    for (const id of coveredUnitIds(c, children)) {
      const cur = out.get(id);
      if (!cur) continue;
      const better = statusRank(status) < statusRank(cur.status) || (status === cur.status && (c.validUntil ?? '') > (cur.validUntil ?? ''));
      if (better) out.set(id, { unitId: id, status, certificateId: c.id, schemeKey: c.schemeKey, validUntil: c.validUntil, viaScope: id !== c.holderUnitId });
    }
  }
  return out;
}

/** Coverage of the municipality on a date. Shares are fractions 0–1 (null when there is nothing to divide by). */
export interface Coverage {
  date: string;
  /** Units counted (kinds in `countedKinds`, by default "unit"). */
  units: number;
  byStatus: Record<CertStatus, number>;
  /** Counted units with a covered status (certified, expiring, in grace). */
  certified: number;
  certifiedShare: number | null;
  /** Staff of all units (every kind: a unit's staff figure does not include its sub-units'). */
  staff: number;
  staffCovered: number;
  staffShare: number | null;
}

/** Counts, shares of units and shares of staff covered, from unit statuses. */
export function coverage(units: readonly UnitNode[], statuses: ReadonlyMap<string, Pick<UnitStatus, 'status'>>, date: string, countedKinds: readonly string[] = ['unit']): Coverage {
  const byStatus: Record<CertStatus, number> = { certified: 0, expiring: 0, in_grace: 0, in_progress: 0, lapsed: 0, none: 0 };
  let counted = 0;
  let staff = 0;
  let staffCovered = 0;
  for (const u of units) {
    const status = statuses.get(u.id)?.status ?? 'none';
    const covered = COVERED_STATUSES.includes(status);
    const s = Number.isFinite(u.staff) && u.staff > 0 ? u.staff : 0;
    staff += s;
    if (covered) staffCovered += s;
    if (!countedKinds.includes(u.kind)) continue;
    counted++;
    byStatus[status]++;
  }
  const certified = byStatus.certified + byStatus.expiring + byStatus.in_grace;
  return {
    date,
    units: counted,
    byStatus,
    certified,
    certifiedShare: counted ? certified / counted : null,
    staff,
    staffCovered,
    staffShare: staff ? staffCovered / staff : null,
  };
}

/** Status of an external organisation on a date: the best among its certificates of schemes that count for coverage. */
export function organisationStatus(organisationId: string, certificates: readonly CertificateFacts[], schemes: ReadonlyMap<string, SchemeRules>, date: string): CertStatus {
  let best: CertStatus = 'none';
  for (const c of certificates) {
    const rules = schemes.get(c.schemeKey);
    if (c.organisationId !== organisationId || !rules || !rules.countsForCoverage) continue;
    best = betterStatus(best, certificateStatus(c, rules, date));
  }
  return best;
}

/** The end of each calendar quarter from the quarter of `from` through the last quarter ending on or before `to`. */
export function quarterEnds(from: string, to: string): { period: string; date: string }[] {
  const out: { period: string; date: string }[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (let guard = 0; guard < 400; guard++) {
    const month = q * 3;
    const date = `${y}-${String(month).padStart(2, '0')}-${String(daysInMonth(y, month)).padStart(2, '0')}`;
    if (date > to) break;
    out.push({ period: `${y}-Q${q}`, date });
    q++;
    if (q > 4) {
      q = 1;
      y++;
    }
  }
  return out;
}
