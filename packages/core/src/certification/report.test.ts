import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REPORT_FIELDS, deriveReport, reportDueDate, validateReport, type ReportData } from './report.js';
import { factorFor, ghgAccount, parseEmissionFactors, type EmissionFactor } from './ghg.js';
import { findOverlaps, validateCertificateDates } from './overlap.js';
import { trainingByUnit, trainingTotal } from './training.js';
import { certificationReminders, onTimeShare, reportsOwed } from './reminders.js';
import { parseSchemes, validateScheme } from './schemes.js';
import type { CertificateFacts, SchemeRules, UnitNode } from './types.js';

const data = (values: Record<string, number | null>, own: ReportData['own'] = []): ReportData => ({ values, own });

describe('annual report', () => {
  it('accepts a plausible report and derives intensity and sorting rate', () => {
    const d = data({ electricityKwh: 120_000, districtHeatingKwh: 30_000, heatedAreaM2: 1_500, wasteResidualKg: 4_000, wasteFoodKg: 2_000, wastePaperKg: 2_000 });
    expect(validateReport(2025, d, 2026)).toEqual([]);
    const x = deriveReport(d);
    expect(x.kwhPerM2).toBe(100);
    expect(x.wasteTotalKg).toBe(8_000);
    expect(x.sortingRateComputedPct).toBe(50);
    expect(x.sortingRatePct).toBe(50);
    expect(deriveReport(data({ sortingRatePct: 61, wasteResidualKg: 1 })).sortingRatePct).toBe(61);
  });

  it('names each bad value: negative kWh, sorting rate above 100 %, unknown fields, future year', () => {
    const issues = validateReport(2027, data({ electricityKwh: -5, sortingRatePct: 120, nonsense: 1 }, [{ name: '', value: Number.NaN, unit: 'x' }]), 2026);
    expect(issues.map((i) => i.field)).toEqual(['year', 'values.electricityKwh', 'values.sortingRatePct', 'values.nonsense', 'own.0.name', 'own.0.value']);
    expect(issues[1]!.message).toBe('Strøm kan ikke være negativ (−5 kWh)');
    expect(issues[2]!.message).toBe('Sorteringsgrad (oppgitt) kan ikke være over 100 % (120 %)');
  });

  it('property: every value within its range passes, every value below its minimum fails on that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REPORT_FIELDS), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (f, t, below) => {
        const ok = f.min + t * (Math.min(f.max, 1e9) - f.min);
        expect(validateReport(2024, data({ [f.key]: ok }), 2026)).toEqual([]);
        expect(validateReport(2024, data({ [f.key]: f.min - below }), 2026).map((i) => i.field)).toEqual([`values.${f.key}`]);
      }),
    );
  });

  it('property: the computed sorting rate lies in [0, 100]', () => {
    const fractions = REPORT_FIELDS.filter((f) => f.wasteFraction);
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1e7, noNaN: true })), { minLength: fractions.length, maxLength: fractions.length }), (vals) => {
        const r = deriveReport(data(Object.fromEntries(fractions.map((f, i) => [f.key, vals[i] ?? null]))));
        if (r.sortingRateComputedPct !== null) {
          expect(r.sortingRateComputedPct).toBeGreaterThanOrEqual(0);
          expect(r.sortingRateComputedPct).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it('is due on the scheme day of the following year', () => {
    expect(reportDueDate(2025, { month: 4, day: 1 })).toBe('2026-04-01');
  });
});

const FACTORS: EmissionFactor[] = parseEmissionFactors({
  factors: [
    { key: 'el-2020', activity: 'electricity', scope: 2, unit: 'kWh', kgCo2ePerUnit: 0.008, year: 2020, dataset: 'NVE', publisher: 'NVE', licence: 'NLOD', approximation: false },
    { key: 'el-2022', activity: 'electricity', scope: 2, unit: 'kWh', kgCo2ePerUnit: 0.019, year: 2022, dataset: 'NVE', publisher: 'NVE', licence: 'NLOD', approximation: false },
    { key: 'diesel', activity: 'diesel', scope: 1, unit: 'l', kgCo2ePerUnit: 2.66155, year: 2023, dataset: 'DESNZ', publisher: 'DESNZ', licence: 'OGL', approximation: false },
    { key: 'car', activity: 'car_private', scope: 3, unit: 'km', kgCo2ePerUnit: 0.17, year: 2023, dataset: 'DESNZ', publisher: 'DESNZ', licence: 'OGL', approximation: true },
  ],
});

describe('greenhouse-gas account', () => {
  it('picks the newest factor year on or before the report year', () => {
    expect(factorFor(FACTORS, 'electricity', 2021)!.key).toBe('el-2020');
    expect(factorFor(FACTORS, 'electricity', 2025)!.key).toBe('el-2022');
    expect(factorFor(FACTORS, 'electricity', 2010)!.key).toBe('el-2020');
    expect(factorFor(FACTORS, 'flight', 2025)).toBeNull();
  });

  it('splits emissions into scopes and lists what it could not count', () => {
    const a = ghgAccount(data({ electricityKwh: 100_000, dieselLitres: 1_000, carPrivateKm: 10_000, flightKm: 5_000, districtHeatingKwh: 0 }), FACTORS, 2025);
    expect(a.scope1).toBeCloseTo(2661.55);
    expect(a.scope2).toBeCloseTo(1900);
    expect(a.scope3).toBeCloseTo(1700);
    expect(a.total).toBeCloseTo(6261.55);
    expect(a.lines.map((l) => [l.field, l.factor.key, l.factor.year])).toEqual([
      ['electricityKwh', 'el-2022', 2022],
      ['carPrivateKm', 'car', 2023],
      ['dieselLitres', 'diesel', 2023],
    ]);
    expect(a.notCounted).toEqual([{ field: 'flightKm', activity: 'flight', amount: 5000 }]);
  });

  it('rejects a factor file with missing origin', () => {
    expect(() => parseEmissionFactors({ factors: [{ key: 'x', activity: 'electricity', scope: 2, unit: 'kWh', kgCo2ePerUnit: 1, year: 2020, approximation: false }] })).toThrow(/dataset/);
  });
});

const MFT: SchemeRules = { validityMonths: 36, graceMonths: 4, annualReport: { month: 4, day: 1 }, surveillanceAuditsPerYear: 0, countsForCoverage: true, holders: ['unit'] };
const SCHEMES = new Map([['miljofyrtarn', MFT]]);
const cert = (over: Partial<CertificateFacts>): CertificateFacts => ({ id: 'c1', schemeKey: 'miljofyrtarn', holderUnitId: 'a', organisationId: null, scopeUnitIds: [], includeSubunits: true, startedOn: null, issuedOn: '2024-01-01', validUntil: '2027-01-01', withdrawnOn: null, supersedesId: null, verification: 'verified', ...over });
const UNITS: UnitNode[] = [
  { id: 'hq', parentId: null, kind: 'unit', staff: 3 },
  { id: 'a', parentId: null, kind: 'unit', staff: 10 },
  { id: 'a1', parentId: 'a', kind: 'subunit', staff: 2 },
  { id: 'b', parentId: null, kind: 'unit', staff: 10 },
];

describe('overlaps and dates', () => {
  it('finds an overlapping certificate of the same scheme for the same unit, also through a head-office scope', () => {
    const existing = [cert({ id: 'old' }), cert({ id: 'hq', holderUnitId: 'hq', scopeUnitIds: ['b'] }), cert({ id: 'other-scheme', schemeKey: 'iso-14001' })];
    expect(findOverlaps(cert({ id: 'new', issuedOn: '2026-06-01', validUntil: '2029-06-01' }), existing, UNITS)).toEqual([{ certificateId: 'old', unitIds: ['a', 'a1'], from: '2026-06-01', to: '2027-01-01' }]);
    expect(findOverlaps(cert({ id: 'new', holderUnitId: 'b', issuedOn: '2026-06-01', validUntil: '2029-06-01' }), existing, UNITS).map((o) => o.certificateId)).toEqual(['hq']);
    // A renewal may overlap what it supersedes; a certificate after the old one's end does not overlap.
    expect(findOverlaps(cert({ id: 'new', issuedOn: '2026-06-01', validUntil: '2029-06-01', supersedesId: 'old' }), existing, UNITS)).toEqual([]);
    expect(findOverlaps(cert({ id: 'new', issuedOn: '2027-01-02', validUntil: '2030-01-01' }), existing, UNITS)).toEqual([]);
  });

  it('checks the dates of a certificate', () => {
    expect(validateCertificateDates({ startedOn: null, issuedOn: '2025-05-01', validUntil: '2025-04-01', withdrawnOn: null }, 36).map((i) => i.field)).toEqual(['validUntil']);
    expect(validateCertificateDates({ startedOn: null, issuedOn: '2025-05-01', validUntil: '2030-05-01', withdrawnOn: null }, 36)[0]!.message).toMatch(/36 måneder/);
    expect(validateCertificateDates({ startedOn: null, issuedOn: '2025-05-01', validUntil: '2028-05-01', withdrawnOn: null }, 36)).toEqual([]);
    expect(validateCertificateDates({ startedOn: null, issuedOn: null, validUntil: null, withdrawnOn: null }, 36).map((i) => i.field)).toEqual(['startedOn']);
  });
});

describe('training', () => {
  it('counts named staff once and caps at the unit staff', () => {
    const by = trainingByUnit(
      [
        { id: 'a', staff: 10 },
        { id: 'b', staff: 2 },
        { id: 'c', staff: 0 },
      ],
      [
        { unitId: 'a', date: '2025-01-01', completed: 2, names: ['Kari Nordmann', 'Ola'] },
        { unitId: 'a', date: '2025-02-01', completed: 1, names: ['kari  nordmann'] },
        { unitId: 'a', date: '2025-02-01', completed: 3, names: null },
        { unitId: 'b', date: '2025-02-01', completed: 5, names: null },
        { unitId: 'b', date: '2030-02-01', completed: 5, names: null },
      ],
      '2025-12-31',
    );
    expect(by.get('a')).toEqual({ staff: 10, trained: 5, share: 0.5 });
    expect(by.get('b')).toEqual({ staff: 2, trained: 2, share: 1 });
    expect(by.get('c')!.share).toBeNull();
    expect(trainingTotal(by)).toEqual({ staff: 12, trained: 7, share: 7 / 12 });
  });
});

describe('reminders', () => {
  it('reminds of expiry at 90 and 30 days, grace, lapse and missing reports after the deadline', () => {
    const certs = [
      cert({ id: 'soon', holderUnitId: 'a', issuedOn: '2024-01-10', validUntil: '2027-01-10' }),
      cert({ id: 'later', holderUnitId: 'b', issuedOn: '2024-02-20', validUntil: '2027-02-20' }),
    ];
    const r = certificationReminders({ units: UNITS, certificates: certs, schemes: SCHEMES, reports: [{ unitId: 'a', year: 2025 }], date: '2026-12-15' });
    expect(r.map((x) => [x.kind, x.unitId, x.daysLeft])).toEqual([
      ['report_missing', 'b', -258],
      ['expires_30', 'a', 26],
      ['expires_90', 'b', 67],
    ]);
    const grace = certificationReminders({ units: UNITS, certificates: certs, schemes: SCHEMES, reports: [], date: '2027-03-01' });
    expect(grace.filter((x) => x.kind === 'in_grace').map((x) => [x.unitId, x.date])).toEqual([
      ['a', '2027-05-10'],
      ['b', '2027-06-20'],
    ]);
    const lapsed = certificationReminders({ units: UNITS, certificates: certs, schemes: SCHEMES, reports: [], date: '2027-08-01' });
    expect(lapsed.filter((x) => x.kind === 'lapsed').map((x) => x.unitId)).toEqual(['a', 'b']);
    // A registered renewal silences the reminder.
    const renewed = certificationReminders({ units: UNITS, certificates: [...certs, cert({ id: 'new', holderUnitId: 'a', issuedOn: '2026-12-01', validUntil: '2029-12-01', supersedesId: 'soon' })], schemes: SCHEMES, reports: [{ unitId: 'a', year: 2025 }, { unitId: 'b', year: 2025 }], date: '2026-12-15' });
    expect(renewed.map((x) => [x.kind, x.unitId])).toEqual([['expires_90', 'b']]);
  });

  it('lists reports owed by every covered unit and the share delivered on time', () => {
    const owed = reportsOwed(UNITS, [cert({ holderUnitId: 'hq', scopeUnitIds: ['a'] })], SCHEMES, 2025);
    expect(owed.map((o) => [o.unitId, o.due])).toEqual([
      ['a', '2026-04-01'],
      ['hq', '2026-04-01'],
    ]);
    expect(onTimeShare(owed, new Map([['a/2025', '2026-03-30T10:00:00Z'], ['hq/2025', '2026-05-01T10:00:00Z']]))).toEqual({ owed: 2, onTime: 1, share: 0.5 });
  });
});

describe('schemes', () => {
  it('validates scheme rules and rejects duplicates', () => {
    expect(validateScheme({ key: 'X', name: { nb: '', en: 'e' }, validityMonths: 0, graceMonths: 30, surveillanceAuditsPerYear: 1, countsForCoverage: 'yes', holders: ['people'], annualReport: { month: 13, day: 1 } }).map((i) => i.field)).toEqual(['key', 'name.nb', 'validityMonths', 'graceMonths', 'countsForCoverage', 'holders', 'annualReport']);
    const ok = { key: 'ok', name: { nb: 'N', en: 'E' }, validityMonths: 36, graceMonths: 0, surveillanceAuditsPerYear: 1, countsForCoverage: true, holders: ['unit'], annualReport: null };
    expect(parseSchemes({ schemes: [ok] })[0]).toMatchObject({ key: 'ok', builtIn: true });
    expect(() => parseSchemes({ schemes: [ok, ok] })).toThrow(/Duplicate key/);
  });
});
