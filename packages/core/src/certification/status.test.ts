import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths } from '../program/dates.js';
import { COVERED_STATUSES, STATUS_ORDER, certificateStatus, coverage, coveredUnitIds, childrenIndex, quarterEnds, statusRank, unitStatuses } from './status.js';
import type { CertificateFacts, CertStatus, SchemeRules, UnitNode } from './types.js';

const MFT: SchemeRules = { validityMonths: 36, graceMonths: 4, annualReport: { month: 4, day: 1 }, surveillanceAuditsPerYear: 0, countsForCoverage: true, holders: ['unit', 'organisation'] };
const ISO: SchemeRules = { validityMonths: 36, graceMonths: 0, annualReport: null, surveillanceAuditsPerYear: 1, countsForCoverage: true, holders: ['unit', 'organisation'] };
const SWAN: SchemeRules = { ...ISO, countsForCoverage: false };
const SCHEMES = new Map([
  ['miljofyrtarn', MFT],
  ['iso-14001', ISO],
  ['svanemerket', SWAN],
]);

const cert = (over: Partial<CertificateFacts> = {}): CertificateFacts => ({
  id: 'c1',
  schemeKey: 'miljofyrtarn',
  holderUnitId: 'u1',
  organisationId: null,
  scopeUnitIds: [],
  includeSubunits: true,
  startedOn: null,
  issuedOn: '2024-03-01',
  validUntil: '2027-03-01',
  withdrawnOn: null,
  supersedesId: null,
  verification: 'verified',
  ...over,
});

const DAY = 86_400_000;
const isoFromDay = (day: number): string => new Date(Date.UTC(2015, 0, 1) + day * DAY).toISOString().slice(0, 10);

describe('certificateStatus', () => {
  it('follows a Miljøfyrtårn certificate through its life', () => {
    const c = cert({ startedOn: '2023-10-01' });
    expect(certificateStatus(c, MFT, '2023-09-30')).toBe('none');
    expect(certificateStatus(c, MFT, '2023-10-01')).toBe('in_progress');
    expect(certificateStatus(c, MFT, '2024-03-01')).toBe('certified');
    expect(certificateStatus(c, MFT, '2026-11-30')).toBe('certified'); // 91 days left
    expect(certificateStatus(c, MFT, '2026-12-01')).toBe('expiring'); // 90 days left: "within 90 days"
    expect(certificateStatus(c, MFT, '2027-03-01')).toBe('expiring'); // the last valid day
    expect(certificateStatus(c, MFT, '2027-03-02')).toBe('in_grace');
    expect(certificateStatus(c, MFT, '2027-07-01')).toBe('in_grace'); // 4 months late: still kept
    expect(certificateStatus(c, MFT, '2027-07-02')).toBe('lapsed');
  });

  it('has no grace for a scheme without one', () => {
    expect(certificateStatus(cert({ schemeKey: 'iso-14001' }), ISO, '2027-03-02')).toBe('lapsed');
  });

  it('treats withdrawn, rejected and pending certificates as the rules say', () => {
    expect(certificateStatus(cert({ withdrawnOn: '2025-01-10' }), MFT, '2025-01-09')).toBe('certified');
    expect(certificateStatus(cert({ withdrawnOn: '2025-01-10' }), MFT, '2025-01-10')).toBe('lapsed');
    expect(certificateStatus(cert({ verification: 'rejected' }), MFT, '2025-01-10')).toBe('none');
    expect(certificateStatus(cert({ verification: 'pending' }), MFT, '2025-01-10')).toBe('in_progress');
    expect(certificateStatus(cert({ issuedOn: null, validUntil: null, startedOn: '2025-01-01' }), MFT, '2025-01-10')).toBe('in_progress');
  });

  it('property: a verified certificate moves forward only (none/in progress → certified → expiring → in grace → lapsed)', () => {
    const phase: Record<CertStatus, number> = { none: 0, in_progress: 1, certified: 2, expiring: 3, in_grace: 4, lapsed: 5 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: 0, max: 800 })),
        fc.array(fc.integer({ min: -500, max: 3000 }), { minLength: 2, maxLength: 30 }),
        (issueDay, months, grace, startBefore, offsets) => {
          const issuedOn = isoFromDay(issueDay);
          const c = cert({ issuedOn, validUntil: addMonths(issuedOn, months), startedOn: startBefore === null ? null : isoFromDay(issueDay - startBefore) });
          const rules = { graceMonths: grace };
          const dates = offsets.map((o) => isoFromDay(issueDay + o)).sort();
          const phases = dates.map((d) => phase[certificateStatus(c, rules, d)]);
          for (let i = 1; i < phases.length; i++) expect(phases[i]!).toBeGreaterThanOrEqual(phases[i - 1]!);
          // Within its validity it is always covered; after valid-until + grace, always lapsed.
          for (const d of dates) {
            const s = certificateStatus(c, rules, d);
            if (d >= issuedOn && d <= c.validUntil!) expect(['certified', 'expiring']).toContain(s);
            if (d > addMonths(c.validUntil!, grace)) expect(s).toBe('lapsed');
            if (d < issuedOn) expect(['none', 'in_progress']).toContain(s);
          }
        },
      ),
    );
  });
});

// A random forest of units: unit i's parent is an earlier unit or none.
const arbUnits = fc.array(fc.record({ parent: fc.nat(40), kind: fc.constantFrom('sector', 'unit', 'unit', 'subunit'), staff: fc.integer({ min: 0, max: 300 }) }), { minLength: 1, maxLength: 40 }).map((xs) =>
  xs.map((x, i): UnitNode => ({ id: `u${i}`, parentId: i === 0 || x.parent >= i ? null : `u${x.parent}`, kind: x.kind, staff: x.staff })),
);
const arbCert = (n: number) =>
  fc.record({
    holder: fc.nat(n - 1),
    scope: fc.array(fc.nat(n - 1), { maxLength: 4 }),
    includeSubunits: fc.boolean(),
    scheme: fc.constantFrom('miljofyrtarn', 'iso-14001', 'svanemerket', 'unknown'),
    issueDay: fc.option(fc.integer({ min: 0, max: 4000 })),
    startDay: fc.option(fc.integer({ min: 0, max: 4000 })),
    months: fc.integer({ min: 1, max: 48 }),
    verification: fc.constantFrom('verified', 'verified', 'pending', 'rejected') as fc.Arbitrary<CertificateFacts['verification']>,
  });
const toCert = (x: { holder: number; scope: number[]; includeSubunits: boolean; scheme: string; issueDay: number | null; startDay: number | null; months: number; verification: CertificateFacts['verification'] }, i: number): CertificateFacts => {
  const issuedOn = x.issueDay === null ? null : isoFromDay(x.issueDay);
  return cert({ id: `c${i}`, schemeKey: x.scheme, holderUnitId: `u${x.holder}`, scopeUnitIds: x.scope.map((s) => `u${s}`), includeSubunits: x.includeSubunits, issuedOn, validUntil: issuedOn && addMonths(issuedOn, x.months), startedOn: x.startDay === null ? (issuedOn ? null : isoFromDay(0)) : isoFromDay(x.startDay), verification: x.verification });
};
const arbWorld = arbUnits.chain((units) => fc.tuple(fc.constant(units), fc.array(arbCert(units.length), { maxLength: 12 }).map((cs) => cs.map(toCert)), fc.integer({ min: 0, max: 4500 }).map(isoFromDay)));

describe('unit statuses and coverage', () => {
  it('a head-office certificate covers its scope units and their sub-units', () => {
    const units: UnitNode[] = [
      { id: 'hq', parentId: null, kind: 'unit', staff: 10 },
      { id: 'a', parentId: null, kind: 'unit', staff: 20 },
      { id: 'a-sfo', parentId: 'a', kind: 'subunit', staff: 5 },
      { id: 'b', parentId: null, kind: 'unit', staff: 30 },
    ];
    const s = unitStatuses(units, [cert({ holderUnitId: 'hq', scopeUnitIds: ['a'] })], SCHEMES, '2025-01-01');
    expect([...s.values()].map((x) => [x.unitId, x.status, x.viaScope])).toEqual([
      ['hq', 'certified', false],
      ['a', 'certified', true],
      ['a-sfo', 'certified', true],
      ['b', 'none', false],
    ]);
    const cov = coverage(units, s, '2025-01-01');
    expect(cov).toMatchObject({ units: 3, certified: 2, staff: 65, staffCovered: 35 });
    expect(cov.certifiedShare).toBeCloseTo(2 / 3);
    const noSub = unitStatuses(units, [cert({ holderUnitId: 'hq', scopeUnitIds: ['a'], includeSubunits: false })], SCHEMES, '2025-01-01');
    expect(noSub.get('a-sfo')!.status).toBe('none');
  });

  it('a scheme that does not count for coverage (Svanemerket) does not certify a unit', () => {
    const units: UnitNode[] = [{ id: 'u1', parentId: null, kind: 'unit', staff: 1 }];
    expect(unitStatuses(units, [cert({ schemeKey: 'svanemerket' })], SCHEMES, '2025-01-01').get('u1')!.status).toBe('none');
  });

  it('property: counts add up, shares lie in [0, 1], and a unit status is the best of its certificates', () => {
    fc.assert(
      fc.property(arbWorld, ([units, certs, date]) => {
        const s = unitStatuses(units, certs, SCHEMES, date);
        const cov = coverage(units, s, date);
        const sum = Object.values(cov.byStatus).reduce((a, b) => a + b, 0);
        expect(sum).toBe(cov.units);
        expect(cov.units).toBe(units.filter((u) => u.kind === 'unit').length);
        expect(cov.certified).toBe(cov.byStatus.certified + cov.byStatus.expiring + cov.byStatus.in_grace);
        if (cov.certifiedShare !== null) expect(cov.certifiedShare).toBeGreaterThanOrEqual(0), expect(cov.certifiedShare).toBeLessThanOrEqual(1);
        if (cov.staffShare !== null) expect(cov.staffShare).toBeGreaterThanOrEqual(0), expect(cov.staffShare).toBeLessThanOrEqual(1);
        expect(cov.staffCovered).toBeLessThanOrEqual(cov.staff);
        const children = childrenIndex(units);
        for (const u of units) {
          const covering = certs.filter((c) => SCHEMES.get(c.schemeKey)?.countsForCoverage && coveredUnitIds(c, children).has(u.id));
          const best = covering.map((c) => certificateStatus(c, SCHEMES.get(c.schemeKey)!, date)).sort((a, b) => statusRank(a) - statusRank(b))[0] ?? 'none';
          expect(s.get(u.id)!.status).toBe(best);
        }
      }),
    );
  });

  it('property: adding a certificate never lowers coverage, and removing every certificate gives none', () => {
    fc.assert(
      fc.property(arbWorld, ([units, certs, date]) => {
        if (!certs.length) return;
        const without = coverage(units, unitStatuses(units, certs.slice(1), SCHEMES, date), date);
        const withAll = coverage(units, unitStatuses(units, certs, SCHEMES, date), date);
        expect(withAll.certified).toBeGreaterThanOrEqual(without.certified);
        expect(withAll.staffCovered).toBeGreaterThanOrEqual(without.staffCovered);
        const none = coverage(units, unitStatuses(units, [], SCHEMES, date), date);
        expect(none.certified).toBe(0);
        expect(none.byStatus.none).toBe(none.units);
      }),
    );
  });

  it('property: with sub-units included, a sub-unit is never worse off than its parent', () => {
    fc.assert(
      fc.property(arbWorld, ([units, certs, date]) => {
        const s = unitStatuses(units, certs.map((c) => ({ ...c, includeSubunits: true })), SCHEMES, date);
        for (const u of units) if (u.parentId) expect(statusRank(s.get(u.id)!.status)).toBeLessThanOrEqual(statusRank(s.get(u.parentId)!.status));
      }),
    );
  });

  it('orders statuses best first and calls certified, expiring and in grace covered', () => {
    expect(STATUS_ORDER[0]).toBe('certified');
    expect(COVERED_STATUSES).toEqual(['certified', 'expiring', 'in_grace']);
  });
});

describe('quarterEnds', () => {
  it('lists quarter ends up to the date', () => {
    expect(quarterEnds('2025-05-17', '2026-03-31')).toEqual([
      { period: '2025-Q2', date: '2025-06-30' },
      { period: '2025-Q3', date: '2025-09-30' },
      { period: '2025-Q4', date: '2025-12-31' },
      { period: '2026-Q1', date: '2026-03-31' },
    ]);
    expect(quarterEnds('2026-05-01', '2026-05-02')).toEqual([]);
  });
});
