import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptionMatrix, areaOfUnit, canMoveAdoption, countingUnitOf, coverageOn, planShareByYear, statusOn, unitsWithoutActive, validateMeasure, validateServiceReport, validateStatusChange, yearBefore, ADOPTION_STATUSES, type AdoptionFacts, type AreaMapping, type CoverageUnit, type ReportFacts } from './coverage.js';

const MAPPING: AreaMapping = {
  areas: [
    { key: 'kindergarten', nb: 'Barnehager', en: 'Kindergartens', unitTypes: ['kindergarten'], group: 'education' },
    { key: 'school', nb: 'Skoler', en: 'Schools', unitTypes: ['school'], group: 'education' },
    { key: 'family', nb: 'Familietjenester', en: 'Family services', unitTypes: [], group: 'care' },
    { key: 'care', nb: 'Omsorg', en: 'Care', unitTypes: ['nursing_home', 'home_care'], group: 'care' },
  ],
  byUnitKey: { 'familiens-hus': 'family', 'legevakt': null },
};
const u = (id: string, type: string, kind = 'unit', parentId: string | null = 'sector'): CoverageUnit => ({ id, key: id, parentId, kind, type, name: id.toUpperCase() });
const UNITS: CoverageUnit[] = [u('sector', 'office', 'sector', null), u('bhg1', 'kindergarten'), u('bhg2', 'kindergarten'), u('skole1', 'school'), u('sfo1', 'school', 'subunit', 'skole1'), u('familiens-hus', 'health'), u('sykehjem', 'nursing_home'), u('kjokken', 'other', 'subunit', 'sykehjem'), u('legevakt', 'health'), u('it', 'office')];
const adoption = (id: string, unitId: string, measureId: string, ...events: [string, AdoptionFacts['events'][number]['status']][]): AdoptionFacts => ({ id, unitId, measureId, events: events.map(([date, status]) => ({ date, status })) });

describe('service areas', () => {
  it('maps a unit by its key first, then its type; excluded keys and unknown types count nowhere', () => {
    expect(areaOfUnit({ key: 'bhg1', type: 'kindergarten' }, MAPPING)).toBe('kindergarten');
    expect(areaOfUnit({ key: 'familiens-hus', type: 'health' }, MAPPING)).toBe('family');
    expect(areaOfUnit({ key: 'legevakt', type: 'health' }, MAPPING)).toBeNull();
    expect(areaOfUnit({ key: 'it', type: 'office' }, MAPPING)).toBeNull();
  });
  it("counts a subunit's adoption for its unit", () => {
    const byId = new Map(UNITS.map((x) => [x.id, x]));
    expect(countingUnitOf('sfo1', byId)).toBe('skole1');
    expect(countingUnitOf('kjokken', byId)).toBe('sykehjem');
    expect(countingUnitOf('sector', byId)).toBeNull();
  });
});

describe('adoption status', () => {
  it('is the latest change on or before the date', () => {
    const ev = adoption('a', 'bhg1', 'm1', ['2024-03-01', 'planned'], ['2024-08-15', 'active'], ['2025-06-01', 'paused'], ['2025-09-01', 'active']).events;
    expect(statusOn(ev, '2024-01-01')).toBeNull();
    expect(statusOn(ev, '2024-08-14')).toBe('planned');
    expect(statusOn(ev, '2024-08-15')).toBe('active');
    expect(statusOn(ev, '2025-07-01')).toBe('paused');
    expect(statusOn(ev, '2026-01-01')).toBe('active');
  });
  it('moves forward: never back to planned, never out of ended', () => {
    expect(canMoveAdoption('planned', 'active')).toBe(true);
    expect(canMoveAdoption('planned', 'paused')).toBe(false);
    expect(canMoveAdoption('active', 'paused')).toBe(true);
    expect(canMoveAdoption('paused', 'active')).toBe(true);
    expect(canMoveAdoption('ended', 'active')).toBe(false);
    for (const s of ADOPTION_STATUSES) expect(canMoveAdoption(s, 'planned')).toBe(false);
  });
  it('refuses a change dated before the previous one, after today, or not allowed', () => {
    const ev = [{ date: '2025-01-10', status: 'active' as const }];
    expect(validateStatusChange(ev, 'paused', '2025-01-09', '2026-01-01').map((i) => i.field)).toEqual(['date']);
    expect(validateStatusChange(ev, 'paused', '2026-01-02', '2026-01-01')[0]!.message).toBe('Datoen kan ikke være etter i dag');
    expect(validateStatusChange(ev, 'planned', '2025-02-01', '2026-01-01')[0]).toEqual({ field: 'status', message: 'Et aktiv tiltak kan ikke bli planlagt' });
    expect(validateStatusChange(ev, 'oppe', '2025-02-01', '2026-01-01')[0]!.field).toBe('status');
    expect(validateStatusChange(ev, 'ended', '2025-01-10', '2026-01-01')).toEqual([]);
  });
  it('takes one year back, also from a leap day', () => {
    expect(yearBefore('2025-12-31')).toBe('2024-12-31');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
  });
});

describe('coverage', () => {
  const adoptions = [
    adoption('a1', 'bhg1', 'm1', ['2024-01-01', 'active']),
    adoption('a2', 'sfo1', 'm2', ['2024-02-01', 'planned'], ['2025-01-01', 'active']),
    adoption('a3', 'kjokken', 'm3', ['2024-05-01', 'active'], ['2025-03-01', 'ended']),
    adoption('a4', 'familiens-hus', 'm1', ['2025-04-01', 'active']),
    adoption('a5', 'legevakt', 'm1', ['2024-04-01', 'active']),
  ];
  const reports: ReportFacts[] = [
    { adoptionId: 'a1', unitId: 'bhg1', date: '2024-06-01' },
    { adoptionId: 'a2', unitId: 'sfo1', date: '2025-05-01' },
    { adoptionId: 'a3', unitId: 'kjokken', date: '2024-11-01' },
  ];
  it('counts units per area with an active measure and with a plan (active and a report in the last 12 months)', () => {
    const c = coverageOn(UNITS, MAPPING, adoptions, reports, '2024-12-31');
    expect(c.areas.map((a) => [a.key, a.units, a.withActive, a.withPlan])).toEqual([
      ['kindergarten', 2, 1, 1],
      ['school', 1, 0, 0],
      ['family', 1, 0, 0],
      ['care', 1, 1, 1],
    ]);
    expect(c.groups.find((g) => g.key === 'education')).toMatchObject({ units: 3, withActive: 1, withPlan: 1, activeShare: 33.3, planShare: 33.3 });
    const later = coverageOn(UNITS, MAPPING, adoptions, reports, '2025-06-30');
    // bhg1's only report is more than a year old: active, but no plan any more. The school reports through its SFO.
    expect(later.areas.map((a) => [a.key, a.withActive, a.withPlan])).toEqual([
      ['kindergarten', 1, 0],
      ['school', 1, 1],
      ['family', 1, 0],
      ['care', 0, 0],
    ]);
    expect(later.active.has('legevakt')).toBe(true); // active, but not counted in any area
  });
  it('gives the yearly plan share of a group and lists units without an active measure', () => {
    expect(planShareByYear(UNITS, MAPPING, adoptions, reports, 'care', [2023, 2024, 2025])).toEqual([
      { year: 2023, units: 2, withPlan: 0, share: 0 },
      { year: 2024, units: 2, withPlan: 1, share: 50 },
      { year: 2025, units: 2, withPlan: 0, share: 0 },
    ]);
    const without = unitsWithoutActive(UNITS, MAPPING, adoptions, '2025-06-30');
    expect(without.map((w) => [w.unit.id, w.area, w.hasAny])).toEqual([
      ['bhg2', 'kindergarten', false],
      ['sykehjem', 'care', true],
    ]);
  });
  it('builds units × measures with the strongest status per cell', () => {
    const m = adoptionMatrix(UNITS, [...adoptions, adoption('a6', 'skole1', 'm2', ['2024-01-01', 'active'])], '2024-06-01');
    expect(m.get('skole1')?.get('m2')).toBe('active');
    expect(m.get('sykehjem')?.get('m3')).toBe('active');
    expect(m.has('bhg2')).toBe(false);
  });
  it('never counts more units with a plan than with an active measure, nor more than there are (property)', () => {
    const ids = UNITS.map((x) => x.id);
    const day = fc.integer({ min: 0, max: 1200 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const ev = fc.array(fc.record({ date: day, status: fc.constantFrom(...ADOPTION_STATUSES) }), { minLength: 1, maxLength: 4 }).map((es) => [...es].sort((a, b) => a.date.localeCompare(b.date)));
    fc.assert(
      fc.property(fc.array(fc.record({ unitId: fc.constantFrom(...ids), measureId: fc.constantFrom('m1', 'm2'), events: ev }), { maxLength: 12 }), fc.array(fc.record({ unitId: fc.constantFrom(...ids), date: day }), { maxLength: 12 }), day, (ads, reps, date) => {
        const c = coverageOn(UNITS, MAPPING, ads.map((a, i) => ({ ...a, id: `a${i}` })), reps.map((r) => ({ ...r, adoptionId: 'x' })), date);
        for (const a of [...c.areas, ...c.groups]) {
          expect(a.withPlan).toBeLessThanOrEqual(a.withActive);
          expect(a.withActive).toBeLessThanOrEqual(a.units);
        }
        expect(c.groups.reduce((s, g) => s + g.units, 0)).toBe(c.areas.reduce((s, a) => s + a.units, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('checks', () => {
  const areas = MAPPING.areas;
  const ok = { titleNb: 'Plantebaserte dager', titleEn: 'Plant-based days', descriptionNb: 'To plantebaserte dager i uka i kantina.', areas: ['school'], programPoints: ['C2', 'A6'], sourceTitle: 'Helsedirektoratet', sourceUrl: 'https://www.helsedirektoratet.no/retningslinjer' };
  it('names every problem with a measure', () => {
    expect(validateMeasure(ok, areas)).toEqual([]);
    expect(validateMeasure({ ...ok, titleNb: ' ', areas: [], programPoints: ['C22x'], sourceUrl: 'http://x.no' }, areas).map((i) => i.field)).toEqual(['titleNb', 'areas', 'programPoints', 'sourceUrl']);
    expect(validateMeasure({ ...ok, areas: ['hospital'] }, areas)[0]).toEqual({ field: 'areas', message: 'Ukjent tjenesteområde: hospital' });
    expect(validateMeasure({ ...ok, sourceTitle: '' }, areas).map((i) => i.field)).toEqual(['sourceTitle']);
  });
  it('names every problem with a report', () => {
    const r = { date: '2025-05-01', text: 'Vi hadde byttedag med 40 barn.', participants: 40, meals: null };
    expect(validateServiceReport(r, '2025-06-01', '2025-01-01')).toEqual([]);
    expect(validateServiceReport({ ...r, date: '2025-07-01' }, '2025-06-01', '2025-01-01')[0]!.message).toBe('Rapportdatoen kan ikke være etter i dag');
    expect(validateServiceReport({ ...r, date: '2024-12-01' }, '2025-06-01', '2025-01-01')[0]!.field).toBe('date');
    expect(validateServiceReport({ ...r, text: 'kort', participants: -1, meals: 2.5 }, '2025-06-01', '2025-01-01').map((i) => i.field)).toEqual(['text', 'participants', 'meals']);
  });
});
