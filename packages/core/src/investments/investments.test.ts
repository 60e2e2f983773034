import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ListIndex,
  OTHER_LIST_CRITERION,
  applyDecisions,
  criterionForListText,
  evaluateHolding,
  evaluateMatcher,
  exclusionListFromRows,
  holdingPairKey,
  holdingsFromRows,
  isValidIsin,
  isValidLei,
  jaroWinkler,
  listPairKey,
  nameVariants,
  normaliseName,
  parseLabelledPairs,
  parseNorgesBankTable,
  screenHoldings,
  summarisePortfolio,
  validatePolicy,
  type InvestmentPolicy,
} from './index.js';

const DATA = path.resolve(import.meta.dirname, '../../../../data/reference/investments');
const policy = JSON.parse(fs.readFileSync(path.join(DATA, 'policy-asker-default.json'), 'utf8')) as InvestmentPolicy;

describe('name normalisation', () => {
  it.each([
    ['Equinor ASA', 'EQUINOR ASA ORD'],
    ['A.P. Møller - Mærsk A/S', 'AP MOLLER-MAERSK A/S-B'],
    ['Leonardo S.p.A.', 'LEONARDO SPA'],
    ['PJSC Gazprom', 'Gazprom PAO'],
    ['Alphabet Inc.', 'ALPHABET INC-CL A'],
    ['PetroChina Company Limited', 'PETROCHINA CO LTD-H'],
    ['British American Tobacco p.l.c.', 'BRITISH AMERICAN TOBACCO PLC'],
    ['Grupo México, S.A.B. de C.V.', 'GRUPO MEXICO SAB DE CV-SER B'],
    ['Siemens Aktiengesellschaft', 'SIEMENS AG-REG'],
    ['Nestlé S.A.', 'NESTLE SA-REG'],
    ['The Coca-Cola Company', 'COCA-COLA CO/THE'],
    ['Marathon Oil Corporation', 'Marathon Oil Corp /DE/'],
    ['Ørsted A/S', 'ORSTED AS'],
    ['Koninklijke Philips N.V.', 'KONINKLIJKE PHILIPS NV'],
    ['Honeywell International Inc.', 'HONEYWELL INTL INC'],
    ['Telenor ASA', 'Telenor ASA ORD NOK6'],
    ['ČEZ, a.s.', 'CEZ AS'],
  ])('%s = %s', (a, b) => {
    expect(normaliseName(a).key).toBe(normaliseName(b).key);
  });

  it('keeps the words that tell companies apart', () => {
    expect(normaliseName('Marathon Oil Corp').key).not.toBe(normaliseName('Marathon Petroleum Corp').key);
    expect(normaliseName('Suncor Energy Inc').key).toBe('suncor energy');
    expect(normaliseName('Suncorp Group Ltd').key).toBe('suncorp group');
    expect(normaliseName('DNB Bank ASA').key).toBe('dnb bank');
    expect(normaliseName('AS').key).toBe('as'); // never stripped to nothing
    expect(normaliseName('Constructor toString Holdings').key).toBe('constructor tostring holding'); // no prototype keys
  });

  it('reads former and parenthesised names as aliases', () => {
    expect(nameVariants('Equinor ASA (formerly Statoil ASA)')).toEqual(['Equinor ASA', 'Statoil ASA']);
    expect(nameVariants('Petróleo Brasileiro SA (Petrobras)')).toContain('Petrobras');
    expect(nameVariants('Mowi ASA, tidligere Marine Harvest ASA')).toEqual(['Mowi ASA', 'Marine Harvest ASA']);
    expect(nameVariants('Novo Nordisk A/S (publ)')).toEqual(['Novo Nordisk A/S']);
    expect(nameVariants('Aker BP ASA', ['Det norske oljeselskap ASA'])).toEqual(['Aker BP ASA', 'Det norske oljeselskap ASA']);
  });

  it('is the same whatever the case, diacritics or spacing (property)', () => {
    const word = fc.stringMatching(/^[a-zæøå]{2,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('ASA', 'AS', 'Inc.', 'plc', 'S.A.', 'AG', 'Ltd', ''), (words, form) => {
        const name = `${words.join(' ')} ${form}`.trim();
        const a = normaliseName(name);
        expect(normaliseName(name.toUpperCase()).key).toBe(a.key);
        expect(normaliseName(`  ${name.replace(/ /g, '   ')}  `).key).toBe(a.key);
        expect(a.tokens.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('matching', () => {
  const list = [
    { name: 'Marathon Oil Corp', country: 'US' },
    { name: 'Suncor Energy Inc', country: 'CA' },
    { name: 'NTPC Ltd', country: 'IN' },
    { name: 'DNO ASA', country: 'NO', isin: 'NO0003921009' },
    { name: 'Equinor ASA (formerly Statoil ASA)', country: 'NO', lei: 'OW6OFBNCKXC4US5C7523' },
    { name: 'Rosneft Oil Co', country: 'RU' },
    { name: 'Huntington Ingalls Industries Inc', country: 'US' },
    { name: 'Taiwan Semiconductor Manufacturing Co Ltd', country: 'TW' },
  ];
  const index = new ListIndex(list);
  const best = (name: string, country: string | null = null) => index.screen({ name, country })[0] ?? null;

  it('does not confuse near-names that are different companies', () => {
    expect(best('MARATHON PETROLEUM CORP', 'US')).toBeNull();
    expect(best('Marathon Petroleum Corporation')).toBeNull();
    expect(best('SUNCORP GROUP LTD', 'AU')).toBeNull();
    expect(best('Suncorp Group Ltd')).toBeNull();
    expect(best('NHPC LTD', 'IN')).toBeNull();
    expect(best('DNB BANK ASA', 'NO')).toBeNull();
    expect(best('DNB ASA')).toBeNull();
  });

  it('matches the same companies written differently, with method, score and evidence', () => {
    expect(best('MARATHON OIL CORP /DE/')).toMatchObject({ listIndex: 0, method: 'name', score: 1, status: 'match' });
    expect(best('Suncor Energy', 'CA')).toMatchObject({ listIndex: 1, status: 'match' });
    expect(best('NTPC LIMITED')).toMatchObject({ listIndex: 2, status: 'match' });
    const statoil = best('STATOIL ASA', 'NO');
    expect(statoil).toMatchObject({ listIndex: 4, method: 'alias', status: 'match' });
    expect(statoil!.evidence.listVariant).toBe('Statoil ASA');
    expect(best('HUNTINGTON INGALLS INDUSTRI')).toMatchObject({ listIndex: 6, status: 'match' });
    const truncated = best('TAIWAN SEMICONDUCTOR MANUFAC');
    expect(truncated).toMatchObject({ listIndex: 7, method: 'fuzzy', status: 'match' });
    expect(truncated!.evidence.sharedTokens).toEqual(['taiwan', 'semiconductor']);
    expect(truncated!.evidence.onlyInList).toEqual(['manufacturing']);
    expect(truncated!.evidence.reason).toMatch(/Lignende navn/);
  });

  it('uses ISIN before LEI before names', () => {
    expect(index.screen({ name: 'Something else entirely', isin: 'NO 0003921009' })[0]).toMatchObject({ listIndex: 3, method: 'isin', score: 1 });
    expect(index.screen({ name: 'Whatever', lei: 'OW6OFBNCKXC4US5C7523' })[0]).toMatchObject({ listIndex: 4, method: 'lei' });
  });

  it('sends an exact name from another country to review, and containment with new words to review', () => {
    expect(best('MARATHON OIL CORP', 'GB')).toMatchObject({ listIndex: 0, status: 'review' });
    const sub = best('ROSNEFT OIL CO TRADING PARTNERS');
    expect(sub).toMatchObject({ listIndex: 5, status: 'review' });
    expect(sub!.evidence.onlyInHolding).toEqual(['trading', 'partner']);
  });

  it('always matches an exact copy of a list name automatically (property)', () => {
    const names = fc.array(fc.stringMatching(/^[A-Za-z][a-z]{2,8}$/), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 30 }), fc.nat(), (entries, k) => {
        const target = entries[k % entries.length]!;
        const ix = new ListIndex(entries.map((name) => ({ name })));
        const ms = ix.screen({ name: target.toUpperCase() + ' Inc.' });
        expect(ms.some((m) => entries[m.listIndex] !== undefined && normaliseName(entries[m.listIndex]!).key === normaliseName(target).key && m.status === 'match')).toBe(true);
      }),
    );
  });

  it('remembers review decisions', () => {
    const holdings = [{ name: 'MARATHON OIL CORP', country: 'GB' }, { name: 'ROSNEFT OIL CO TRADING PARTNERS' }];
    const ms = screenHoldings(list, holdings);
    expect(ms.map((m) => m.status)).toEqual(['review', 'review']);
    const decided = applyDecisions(ms, holdings, list, [
      { holdingKey: holdingPairKey(holdings[0]!), listKey: listPairKey(list[0]!), decision: 'confirmed' },
      { holdingKey: holdingPairKey(holdings[1]!), listKey: listPairKey(list[5]!), decision: 'rejected' },
    ]);
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ holdingIndex: 0, status: 'match', decided: true });
  });

  it('Jaro-Winkler gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('the labelled evaluation set', () => {
  const pairs = parseLabelledPairs(fs.readFileSync(path.join(DATA, 'evaluation-pairs.csv'), 'utf8'));

  it('has at least 300 pairs with the near-name traps of the issue', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    const has = (a: string, b: string) => pairs.some((p) => !p.same && p.listName.startsWith(a) && p.holdingName.startsWith(b));
    expect(has('Marathon Oil', 'MARATHON PETROLEUM')).toBe(true);
    expect(has('Suncor Energy', 'SUNCORP')).toBe(true);
    expect(has('NTPC', 'NHPC')).toBe(true);
    expect(has('DNB', 'DNO')).toBe(true);
    expect(pairs.filter((p) => p.same).length).toBeGreaterThan(150);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThan(150);
  });

  it('automatic matches: precision ≥ 0.99, recall ≥ 0.95; with the review band recall ≥ 0.99', () => {
    const r = evaluateMatcher(pairs);
    expect(r.auto.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.auto.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.withReview.recall).toBeGreaterThanOrEqual(0.99);
  });
});

describe('policy', () => {
  it('the default policy is valid and a broken one says what is wrong', () => {
    expect(validatePolicy(policy)).toEqual([]);
    const broken = { ...policy, title: '', criteria: [{ ...policy.criteria[0]!, id: 'Bad Id', maxRevenueShare: 2 }, policy.criteria[0]!, policy.criteria[0]!] };
    const fields = validatePolicy(broken).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'criteria[0].id', 'criteria[0].maxRevenueShare', 'criteria[2].id']));
  });

  it('puts Norges Bank criteria under the policy criteria', () => {
    const id = (t: string) => criterionForListText(policy, t)?.id ?? null;
    expect(id('Production of coal or coal-based energy')).toBe('thermal_coal');
    expect(id('Production of weapons that violate fundamental humanitarian principles through their normal use')).toBe('controversial_weapons');
    expect(id('Produksjon av tobakk')).toBe('tobacco');
    expect(id('Unacceptable greenhouse gas emissions')).toBe('climate');
    expect(id('Sale of weapons to states in armed conflict')).toBe('human_rights');
    expect(id('Oil sands production')).toBe('oil_sands');
    expect(id('Something else')).toBeNull();
  });

  it('evaluates list hits and revenue thresholds', () => {
    const hits = [
      { listKey: 'nbim', category: 'Product-based', criterion: 'Production of coal or coal-based energy', decision: 'exclusion' as const, date: '2016-04-14' },
      { listKey: 'nbim', category: 'Conduct-based', criterion: 'Severe environmental damage', decision: 'observation' as const, date: null },
      { listKey: 'ngo', category: '', criterion: 'Tobacco', decision: 'exclusion' as const, date: null }, // not adopted
      { listKey: 'own', category: '', criterion: 'Kommunestyrets vedtak', decision: 'exclusion' as const, date: null },
    ];
    const data = { revenueShares: { oil_gas_production: 0.04, oil_gas_exploration: 0.02, tobacco_production: 0 }, metrics: { coal_power_gw: 12 }, source: 'Feed', year: 2025 };
    const b = evaluateHolding(policy, hits, data);
    const by = Object.fromEntries(b.map((x) => [x.criterionId, x]));
    expect(Object.keys(by).sort()).toEqual([OTHER_LIST_CRITERION, 'environment', 'oil_gas', 'thermal_coal'].sort());
    expect(by.thermal_coal).toMatchObject({ source: 'list', status: 'breach' });
    expect(by.environment).toMatchObject({ status: 'watch' });
    expect(by.oil_gas).toMatchObject({ source: 'data', status: 'breach' });
    expect(by.oil_gas!.detail).toMatch(/6 %/);
    expect(evaluateHolding(policy, [], { revenueShares: { oil_gas_production: 0.049 }, metrics: {}, source: 'F', year: null })).toEqual([]);
    expect(evaluateHolding(policy, [], { revenueShares: { cluster_munitions: 0.001 }, metrics: {}, source: 'F', year: null })[0]).toMatchObject({ criterionId: 'controversial_weapons' });
  });

  it('sums a portfolio by criterion, with fossil exposure', () => {
    const breach = (criterionId: string) => ({ criterionId, source: 'list' as const, status: 'breach' as const, detail: '', listKey: 'nbim' });
    const s = summarisePortfolio(policy, [
      { marketValueOre: 600, breaches: [], data: { revenueShares: { oil_gas_production: 0.02 }, metrics: {}, source: 'F', year: null } },
      { marketValueOre: 300, breaches: [breach('thermal_coal'), breach('climate')], data: null },
      { marketValueOre: 100, breaches: [breach('tobacco')], data: null },
      { marketValueOre: 0, breaches: [{ ...breach('environment'), status: 'watch' }], data: null },
    ]);
    expect(s).toMatchObject({ totalOre: 1000, breachedHoldings: 2, breachedOre: 400, breachedShare: 0.4, fossilOre: 300, fossilShare: 0.3, fossilRevenueWeightedOre: 12, watchedHoldings: 1 });
    expect(s.byCriterion.map((c) => [c.criterionId, c.marketValueOre])).toEqual([
      ['thermal_coal', 300],
      ['tobacco', 100],
      ['climate', 300],
    ]);
  });
});

describe('rows and the Norges Bank table', () => {
  it('checks ISIN and LEI check digits', () => {
    expect(isValidIsin('NO0010096985')).toBe(true);
    expect(isValidIsin('NO0010096986')).toBe(false);
    expect(isValidLei('506700GE1G29325QX363')).toBe(true);
    expect(isValidLei('506700GE1G29325QX364')).toBe(false);
  });

  it('reads list rows, reports every bad line and leaves revoked entries out', () => {
    const r = exclusionListFromRows([
      { line: 2, cells: { name: 'Adani Ports', decision: 'Utelukkelse', date: '07.09.2022', aliases: 'APSEZ; Adani Ports SEZ' } },
      { line: 3, cells: { name: '', isin: '' } },
      { line: 4, cells: { name: 'X', isin: 'NO0010096986', decision: 'maybe', date: '31.02.2020' } },
      { line: 5, cells: { name: 'Y', decision: 'Revoked', country: 'Norway' } },
    ]);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({ name: 'Adani Ports', decision: 'exclusion', date: '2022-09-07', aliases: ['APSEZ', 'Adani Ports SEZ'] });
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'name'],
      [4, 'isin'],
      [4, 'decision'],
      [5, 'country'],
    ]);
  });

  it('reads holdings with market values in NOK as øre and keeps extra columns', () => {
    const r = holdingsFromRows([
      { line: 2, cells: { name: 'Equinor ASA', isin: 'NO0010096985', market_value_nok: '1 234 567,89', fund: 'Kraftfondet' } },
      { line: 3, cells: { name: 'Apple', market_value_nok: '1000.5' } },
      { line: 4, cells: { name: 'Bad', market_value_nok: 'mye' } },
    ]);
    expect(r.holdings[0]).toMatchObject({ marketValueOre: 123456789, extra: { fund: 'Kraftfondet' } });
    expect(r.holdings[1]!.marketValueOre).toBe(100050);
    expect(r.problems).toEqual([{ line: 4, field: 'market_value_nok', message: expect.stringMatching(/ikke et tall/) }]);
  });

  it('reads the table pasted as HTML', () => {
    const html = `<table><thead><tr><th>Company</th><th>Category</th><th>Criterion</th><th>Decision</th><th>Date</th></tr></thead>
<tbody><tr><td><a href="/x">Adani Ports &amp; Special Economic Zone Ltd</a></td><td>Conduct-based</td><td>Serious violations of the rights of individuals in situations of war or conflict</td><td>Exclusion</td><td>07.09.2022</td></tr>
<tr><td>Rio Tinto Ltd</td><td>Conduct-based</td><td>Severe environmental damage</td><td>Observation</td><td>19.05.2023</td></tr></tbody></table>`;
    const r = parseNorgesBankTable(html);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.name, e.decision, e.date])).toEqual([
      ['Adani Ports & Special Economic Zone Ltd', 'exclusion', '2022-09-07'],
      ['Rio Tinto Ltd', 'observation', '2023-05-19'],
    ]);
  });

  it('reads the table pasted as text (tabs or wide spaces)', () => {
    const text = 'Company\tCategory\tCriterion\tDecision\tDate\nAnglo American PLC\tProduct-based\tThermal coal\tObservation\t31.12.2021\n\nBAE Systems Plc  Product-based  Production of nuclear weapons  Exclusion  31.12.2005\nBad Co\tx\ty\tz\t2021';
    const r = parseNorgesBankTable(text);
    expect(r.entries.map((e) => [e.line, e.name, e.criterion, e.decision])).toEqual([
      [2, 'Anglo American PLC', 'Thermal coal', 'observation'],
      [4, 'BAE Systems Plc', 'Production of nuclear weapons', 'exclusion'],
    ]);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'decision'],
    ]);
  });
});
