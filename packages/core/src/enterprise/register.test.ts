import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractSpendInYear, contractsAtYearEnd, greenSupportedInYear, validateEngagement, validateVenture, type EngagementFacts } from './register.js';
import { validateYouthCompany, youthCompaniesByYear } from './youth.js';
import { clusterMemberOn, clusterQuarters, suggestClusterMembers, themeOfCode, validateClusterEvent, validateClusterMember, validateClusterProject, type ThemeRule } from './cluster.js';

const venture = { name: 'Snekkerverkstedet Retur AS', orgNumber: '984023316', kind: 'social', activity: 'Møbler av returtre, arbeidstrening', impactArea: 'Arbeidsinkludering', sdgs: [8, 12] };
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('the register of social enterprises and green start-ups', () => {
  it('checks the org. number with MOD11, the kind and the SDG tags', () => {
    expect(validateVenture(venture)).toEqual([]);
    expect(validateVenture({ ...venture, orgNumber: null })).toEqual([]);
    expect(validateVenture({ ...venture, orgNumber: '984023317' })[0]).toEqual({ field: 'orgNumber', message: 'Organisasjonsnummeret 984023317 har feil kontrollsiffer' });
    expect(validateVenture({ ...venture, orgNumber: '12345' })[0]!.message).toBe('Organisasjonsnummeret må ha 9 sifre');
    expect(fields(validateVenture({ ...venture, kind: 'charity', sdgs: [] }))).toEqual(['kind', 'sdgs']);
    expect(validateVenture({ ...venture, sdgs: [12, 18] })[0]!.message).toBe('Bærekraftsmålene er nummerert 1–17');
    expect(validateVenture({ ...venture, sdgs: [12, 12] })[0]!.message).toBe('Et bærekraftsmål er valgt to ganger');
  });
  it('checks ways of working: end before start, value of contracts, tenders only on contracts, grants on an application', () => {
    const c = { kind: 'reserved_contract', title: 'Vaktmestertjenester', startDate: '2024-01-01', endDate: '2025-12-31', valueNok: 800_000, tenderId: 't1' };
    expect(validateEngagement(c)).toEqual([]);
    expect(validateEngagement({ ...c, endDate: '2023-12-31' })).toEqual([{ field: 'endDate', message: 'Sluttdatoen er før startdatoen' }]);
    expect(fields(validateEngagement({ ...c, valueNok: null }))).toEqual(['valueNok']);
    expect(fields(validateEngagement({ ...c, valueNok: -1 }))).toEqual(['valueNok']);
    expect(fields(validateEngagement({ kind: 'pilot', title: 'Pilot', startDate: '2024-03-01', tenderId: 't1' }))).toEqual(['tenderId']);
    expect(fields(validateEngagement({ kind: 'grant', title: 'Tilskudd', startDate: '2024-03-01' }))).toEqual(['applicationId']);
    expect(fields(validateEngagement({ kind: 'pilot', title: 'Pilot', startDate: '2024-03-01', applicationId: 'a' }))).toEqual(['applicationId']);
    expect(fields(validateEngagement({ kind: 'other', title: ' ', startDate: '2024-13-01' }))).toEqual(['kind', 'title', 'startDate']);
  });

  const es: EngagementFacts[] = [
    { ventureId: 'retur', kind: 'reserved_contract', startDate: '2024-01-01', endDate: '2025-12-31', valueNok: 730_000 },
    { ventureId: 'sol', kind: 'pre_commercial', startDate: '2025-07-01', endDate: null, valueNok: 300_000 },
    { ventureId: 'sol', kind: 'grant', startDate: '2024-04-10', endDate: null, valueNok: 50_000 },
    { ventureId: 'bio', kind: 'pilot', startDate: '2023-09-01', endDate: '2024-02-28', valueNok: null },
    { ventureId: 'retur', kind: 'pilot', startDate: '2024-05-01', endDate: '2024-06-01', valueNok: null },
  ];
  it('counts contracts running on 31 December and spreads their value over their days', () => {
    expect([2023, 2024, 2025, 2026].map((y) => contractsAtYearEnd(es, y))).toEqual([0, 1, 2, 1]);
    // 730 000 over 731 days (2024 is a leap year): 366 and 365 days.
    expect(Math.round(contractSpendInYear(es, 2024))).toBe(Math.round((730_000 * 366) / 731));
    expect(Math.round(contractSpendInYear(es, 2025))).toBe(Math.round((730_000 * 365) / 731) + 300_000);
    expect(contractSpendInYear(es, 2026)).toBe(0);
  });
  it('counts green start-ups supported in a year once each, and leaves social enterprises out', () => {
    const kinds = { retur: 'social', sol: 'green', bio: 'both' } as const;
    const kindOf = (id: string) => kinds[id as keyof typeof kinds];
    expect([2023, 2024, 2025].map((y) => greenSupportedInYear(es, kindOf, y))).toEqual([1, 2, 1]);
  });
  it('property: the spend of a dated contract over all its years is its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 10_000_000 }), (a, len, value) => {
        const start = new Date(Date.UTC(2020, 0, 1) + a * 86_400_000).toISOString().slice(0, 10);
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10);
        const e: EngagementFacts[] = [{ ventureId: 'x', kind: 'innovation_partnership', startDate: start, endDate: end, valueNok: value }];
        let sum = 0;
        for (let y = 2020; y <= 2030; y++) sum += contractSpendInYear(e, y);
        expect(sum).toBeCloseTo(value, 3);
      }),
    );
  });
});

describe('youth companies', () => {
  const c = { name: 'Ecobag UB', schoolName: 'Asker videregående skole', year: 2025, idea: 'Handlenett av gamle seil', participants: 5, outcome: 'completed', support: 'Veiledning og stand på messa', supportNok: 2000 };
  it('needs a school, a sensible year and participants, and an org. number when continued', () => {
    expect(validateYouthCompany(c, 2026)).toEqual([]);
    expect(fields(validateYouthCompany({ ...c, schoolName: '', year: 2030, participants: 0 }, 2026))).toEqual(['school', 'year', 'participants']);
    expect(validateYouthCompany({ ...c, outcome: 'continued' }, 2026)[0]!.message).toBe('En bedrift som er videreført, trenger organisasjonsnummeret sitt');
    expect(validateYouthCompany({ ...c, outcome: 'continued', orgNumber: '984023317' }, 2026)[0]!.field).toBe('orgNumber');
    expect(validateYouthCompany({ ...c, outcome: 'continued', orgNumber: '984 023 316' }, 2026)).toEqual([]);
    expect(fields(validateYouthCompany({ ...c, outcome: 'prize', support: ' ' }, 2026))).toEqual(['prize', 'support']);
    expect(fields(validateYouthCompany({ ...c, schoolUnitId: 'u1' }, 2026))).toEqual(['school']);
  });
  it('counts per year', () => {
    expect(youthCompaniesByYear([{ year: 2024 }, { year: 2025 }, { year: 2025 }], [2023, 2024, 2025])).toEqual([
      { year: 2023, count: 0 },
      { year: 2024, count: 1 },
      { year: 2025, count: 2 },
    ]);
  });
});

describe('the green cluster', () => {
  const themes = [
    { key: 'circular_economy', nb: 'Sirkulærøkonomi', en: 'Circular economy' },
    { key: 'bioeconomy', nb: 'Bioøkonomi', en: 'Bioeconomy' },
  ];
  const rules: ThemeRule[] = [
    { prefix: '38', theme: 'circular_economy', rationale: 'avfall' },
    { prefix: '38.2', theme: 'bioeconomy', rationale: 'behandling' },
    { prefix: '20.14', theme: 'bioeconomy', rationale: 'biodrivstoff' },
  ];
  it('maps an industry code by the longest prefix', () => {
    expect(themeOfCode('38.320', rules)!.theme).toBe('circular_economy');
    expect(themeOfCode('38.210', rules)!.theme).toBe('bioeconomy');
    expect(themeOfCode('47.111', rules)).toBeNull();
    expect(themeOfCode(null, rules)).toBeNull();
  });
  it('suggests non-members that fit, largest first', () => {
    const orgs = [
      { id: 'a', name: 'A', industryCode: '38.110', employees: 10 },
      { id: 'b', name: 'B', industryCode: '20.140', employees: null },
      { id: 'c', name: 'C', industryCode: '38.320', employees: 40 },
      { id: 'd', name: 'D', industryCode: '47.111', employees: 400 },
    ];
    expect(suggestClusterMembers(orgs, new Set(['a']), rules).map((o) => [o.id, o.theme])).toEqual([
      ['c', 'circular_economy'],
      ['b', 'bioeconomy'],
    ]);
  });
  it('checks members, events and projects', () => {
    const m = { organisationId: 'o', theme: 'bioeconomy', joinedOn: '2024-05-14', description: 'Biogass av matavfall' };
    expect(validateClusterMember(m, themes)).toEqual([]);
    expect(fields(validateClusterMember({ ...m, theme: 'x', leftOn: '2024-01-01' }, themes))).toEqual(['theme', 'leftOn']);
    const members = new Set(['a', 'b']);
    expect(validateClusterEvent({ title: 'Frokostmøte', date: '2025-02-01', participantIds: ['a', 'b'] }, members)).toEqual([]);
    expect(validateClusterEvent({ title: 'Frokostmøte', date: '2025-02-01', participantIds: ['a', 'z'] }, members)[0]!.message).toBe('Bare medlemmer av klyngen kan føres som deltakere');
    const p = { title: 'Biogass', description: 'Felles innsamling av matavfall', theme: 'bioeconomy', startDate: '2025-01-01', memberIds: ['a', 'b'] };
    expect(validateClusterProject(p, themes, members)).toEqual([]);
    expect(validateClusterProject({ ...p, memberIds: ['a'] }, themes, members)[0]!.message).toBe('Et samarbeidsprosjekt har minst to medlemmer');
    expect(fields(validateClusterProject({ ...p, endDate: '2024-12-31', memberIds: ['a', 'a'] }, themes, members))).toEqual(['endDate', 'memberIds']);
  });
  it('counts members on a date and lists quarters', () => {
    expect(clusterMemberOn({ joinedOn: '2024-05-14', leftOn: null }, '2024-06-30')).toBe(true);
    expect(clusterMemberOn({ joinedOn: '2024-05-14', leftOn: '2025-01-01' }, '2025-03-31')).toBe(false);
    expect(clusterQuarters('2024-05-14', '2025-02-01').map((q) => q.period)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4']);
    expect(clusterQuarters('2024-05-14', '2024-12-31').at(-1)).toEqual({ period: '2024-Q4', date: '2024-12-31' });
    expect(clusterQuarters('2024-5-14', '2024-12-31')).toEqual([]);
  });
});
