import { childrenIndex, coveredUnitIds } from './status.js';
import type { CertificateFacts, FieldIssue, UnitNode } from './types.js';

/** A clash between a new or changed certificate and an existing one of the same scheme. */
export interface Overlap {
  certificateId: string;
  /** Units covered by both (empty for an external organisation). */
  unitIds: string[];
  /** First and last day the two are both valid. */
  from: string;
  to: string;
}

const periodOf = (c: CertificateFacts): [string, string] | null => {
  if (c.issuedOn === null || c.validUntil === null || c.verification === 'rejected') return null;
  const end = c.withdrawnOn !== null && c.withdrawnOn <= c.validUntil ? c.withdrawnOn : c.validUntil;
  return end >= c.issuedOn ? [c.issuedOn, end] : null;
};

/**
 * Certificates of the same scheme whose validity overlaps `candidate`'s for the same holder: the same
 * organisation, or at least one unit covered by both (sub-units included as each certificate says).
 * A renewal may overlap the certificate it supersedes (recertification happens before expiry).
 */
export function findOverlaps(candidate: CertificateFacts, existing: readonly CertificateFacts[], units: readonly Pick<UnitNode, 'id' | 'parentId'>[]): Overlap[] {
  const mine = periodOf(candidate);
  if (!mine) return [];
  const children = childrenIndex(units);
  const myUnits = candidate.holderUnitId !== null ? coveredUnitIds(candidate, children) : null;
  const out: Overlap[] = [];
  for (const other of existing) {
    if (other.id === candidate.id || other.schemeKey !== candidate.schemeKey) continue;
    if (candidate.supersedesId === other.id || other.supersedesId === candidate.id) continue;
    const theirs = periodOf(other);
    if (!theirs) continue;
    const from = mine[0] > theirs[0] ? mine[0] : theirs[0];
    const to = mine[1] < theirs[1] ? mine[1] : theirs[1];
    if (from > to) continue;
    if (myUnits === null) {
      if (other.organisationId !== null && other.organisationId === candidate.organisationId) out.push({ certificateId: other.id, unitIds: [], from, to });
      continue;
    }
    if (other.holderUnitId === null) continue;
    const shared = [...coveredUnitIds(other, children)].filter((id) => myUnits.has(id));
    if (shared.length) out.push({ certificateId: other.id, unitIds: shared.sort(), from, to });
  }
  return out;
}

/**
 * Checks a certificate's own dates against its scheme: issued and valid-until together, valid-until after
 * issue and not beyond the scheme's validity (plus a month's slack for how issuers round), started no
 * later than issued, withdrawn inside the validity.
 */
export function validateCertificateDates(c: Pick<CertificateFacts, 'startedOn' | 'issuedOn' | 'validUntil' | 'withdrawnOn'>, validityMonths: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (c.issuedOn === null && c.validUntil !== null) out.push({ field: 'issuedOn', message: 'Utstedt dato må fylles ut når gyldig til er oppgitt', messageEn: 'Issued date is required when valid-until is given' });
  if (c.issuedOn !== null && c.validUntil === null) out.push({ field: 'validUntil', message: 'Gyldig til må fylles ut når sertifikatet er utstedt', messageEn: 'Valid-until is required for an issued certificate' });
  if (c.issuedOn === null && c.startedOn === null) out.push({ field: 'startedOn', message: 'Oppgi når arbeidet startet, eller når sertifikatet ble utstedt', messageEn: 'Give the start of the work, or the issue date' });
  if (c.issuedOn !== null && c.validUntil !== null) {
    if (c.validUntil <= c.issuedOn) out.push({ field: 'validUntil', message: `Gyldig til (${c.validUntil}) må være etter utstedt dato (${c.issuedOn})`, messageEn: `Valid-until (${c.validUntil}) must be after the issue date (${c.issuedOn})` });
    else {
      const [y, m, d] = c.issuedOn.split('-').map(Number) as [number, number, number];
      const max = new Date(Date.UTC(y, m - 1 + validityMonths + 1, d)).toISOString().slice(0, 10);
      if (c.validUntil > max) out.push({ field: 'validUntil', message: `Gyldig til kan ikke være mer enn ${validityMonths} måneder etter utstedt dato for denne ordningen`, messageEn: `Valid-until cannot be more than ${validityMonths} months after the issue date for this scheme` });
    }
  }
  if (c.startedOn !== null && c.issuedOn !== null && c.startedOn > c.issuedOn) out.push({ field: 'startedOn', message: 'Oppstart kan ikke være etter utstedt dato', messageEn: 'The start cannot be after the issue date' });
  if (c.withdrawnOn !== null && (c.issuedOn === null || c.withdrawnOn < c.issuedOn)) out.push({ field: 'withdrawnOn', message: 'Trukket tilbake-dato må være på eller etter utstedt dato', messageEn: 'The withdrawal date must be on or after the issue date' });
  return out;
}
