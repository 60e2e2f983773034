import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kostraCodes, LedgerReader, ledgerColumnOf, ledgerHeaderEnd, type LedgerCursor, type LedgerFormat } from './ledger.js';
import { emissionModel, energyFactorFor, exclusionOf, factorPerNok, implausibleFactors, physicalEnergyKg, type Conversion, type FactorRow, type FactorSetInfo } from './factors.js';
import { LedgerSummariser, mergeLedgerSummaries } from './lines.js';
import { climateReport, groupEmissions, hotspots, type SpendGroup } from './report.js';
import { parseEnergyRows } from './energy.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 })[c] ?? c.charCodeAt(0)));

function read(bytes: Uint8Array, chunk = bytes.length, map?: Record<string, string>) {
  const rows: { line: number; cells: string[] }[] = [];
  let format: LedgerFormat | null = null;
  let headerErrors: unknown[] = [];
  const r = new LedgerReader({
    ...(map ? { map } : {}),
    onHeader: (f, e) => {
      format = f;
      headerErrors = e;
    },
    onRecord: (c: LedgerCursor) => rows.push({ line: c.line, cells: Array.from({ length: c.count }, (_, i) => c.str(i)) }),
  });
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  r.end();
  return { rows, format: format as LedgerFormat | null, headerErrors, broken: r.brokenLine };
}

const CODES = kostraCodes(2026, ['115', '120', '180', '230', '010', '470', '510', '290'], ['202', '253', '120']);
const SET: FactorSetInfo = { key: 'exiobase-no', name: 'EXIOBASE', source: 's', year: 2011, currency: 'EUR', priceBasis: 'basic', licence: 'CC BY-SA 4.0', url: null };
const CONV: Conversion = { rates: { EUR: { year: 2011, nokPerUnit: 8, source: 'x' } }, priceIndex: { name: 'KPI', source: 'SSB', values: { '2011': 100, '2024': 125 } } };
const FACTORS: FactorRow[] = [
  { category: 'food', label: 'Mat', sourceCategory: 'Food', value: 0.8 },
  { category: 'consumables', label: 'Forbruk', sourceCategory: 'x', value: 0.4 },
  { category: 'electricity', label: 'El', sourceCategory: 'x', value: 0.6 },
  { category: 'construction', label: 'Bygg', sourceCategory: 'x', value: 0.3 },
  { category: 'sea_transport', label: 'Sjø', sourceCategory: 'x', value: 200 },
];
const MAPPING = [
  { art: '115', funksjon: null, name: 'Matvarer', category: 'food', rationale: 'mat' },
  { art: '120', funksjon: null, name: 'Forbruk', category: 'consumables', rationale: 'r' },
  { art: '180', funksjon: null, name: 'Energi', category: 'electricity', rationale: 'r' },
  { art: '230', funksjon: null, name: 'Bygg', category: 'sea_transport', rationale: 'a wrong row, to test flags' },
];
const model = (over: Partial<Parameters<typeof emissionModel>[0]> = {}) => emissionModel({ year: 2024, set: SET, factors: FACTORS, conversion: CONV, mapping: MAPPING, ...over });

describe('ledger reader', () => {
  const file = '\uFEFFBilagsdato;Ansvar;Art;Funksjon;Leverandør;Beløp;Tekst\r\n2025-01-31;1100;11500;202;Kjøkkenmat AS;"1 234,50";"Mat til\r\nkantina; «uke 5»"\r\n31.01.2025;1100;120;202;Ås Bok;-99,90;"Kreditnota ""retur"""\r\n\r\n';

  it('reads BOM, semicolons, decimal comma, quoted fields with separators, quotes and line breaks, in any chunk size', () => {
    for (const chunk of [1, 2, 3, 7, 64, 10_000]) {
      const { rows, format } = read(enc(file), chunk);
      expect(format!.separator).toBe(';');
      expect(format!.header[0]).toBe('Bilagsdato');
      expect(rows.map((r) => r.line)).toEqual([2, 4]);
      expect(rows[0]!.cells).toEqual(['2025-01-31', '1100', '11500', '202', 'Kjøkkenmat AS', '1 234,50', 'Mat til\r\nkantina; «uke 5»']);
      expect(rows[1]!.cells[6]).toBe('Kreditnota "retur"');
    }
  });

  it('reads Windows-1252 and commas as separators, and a last line without a line break', () => {
    const { rows, format } = read(cp1252('dato,ansvar,art,funksjon,leverandor,belop\n2025-02-01,2200,115,202,Bærum Fisk,"1234,5"\n2025-02-02,2200,115,202,Ås,10'));
    expect(format!.separator).toBe(',');
    expect(rows.map((r) => r.cells[4])).toEqual(['Bærum Fisk', 'Ås']);
    expect(rows[1]!.cells[5]).toBe('10');
  });

  it('recognises English headers and manual mappings, and names missing columns', () => {
    expect(read(enc('date;unit;account;function;amount\n')).format!.columns).toMatchObject({ dato: 0, ansvar: 1, art: 2, funksjon: 3, belop: 4, orgnr: -1 });
    const mapped = read(enc('Bokf;Kost;Konto2;Tjen;Sum\n'), 100, { dato: 'Bokf', ansvar: 'Kost', art: 'Konto2', funksjon: 'Tjen', belop: 'Sum' });
    expect(mapped.headerErrors).toEqual([]);
    expect(read(enc('dato;ansvar\n')).headerErrors).toHaveLength(3);
    expect(ledgerColumnOf('Beløp')).toBe('belop');
    expect(ledgerColumnOf('supplier_orgnr')).toBe('orgnr');
    expect(ledgerColumnOf('nonsense')).toBeNull();
  });

  it('reports an unterminated quote at the end', () => {
    expect(read(enc('dato;ansvar;art;funksjon;belop\n2025-01-01;1;115;202;"12\n')).broken).toBe(2);
  });

  it('parses amounts in øre exactly (property)', () => {
    const cell = (s: string) => {
      let v = NaN;
      const r = new LedgerReader({ onRecord: (c) => (v = c.ore(0)) });
      r.push(enc(`belop;dato;ansvar;art;funksjon\n${s};;;;\n`));
      r.end();
      return v;
    };
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.constantFrom(' ', '\u00a0', '.', ''), (ore, group) => {
        const abs = Math.abs(ore);
        const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        const text = `${ore < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
        expect(cell(text)).toBe(ore);
      }),
    );
    expect(cell('1 234.5')).toBe(123450);
    expect(cell('1,234,5')).toBeNaN();
    expect(cell('12 34,00')).toBeNaN();
    expect(cell('abc')).toBeNaN();
    expect(cell('1.234.567,89')).toBe(123456789);
  });

  it('parses dates and rejects days that do not exist', () => {
    const date = (s: string) => {
      let v = NaN;
      const r = new LedgerReader({ onRecord: (c) => (v = c.date(0)) });
      r.push(enc(`dato;ansvar;art;funksjon;belop\n${s};;;;\n`));
      r.end();
      return v;
    };
    expect(date('2024-02-29')).toBe(20240229);
    expect(date('1.3.2025')).toBe(20250301);
    expect(date('20250331')).toBe(20250331);
    expect(date('2025-02-29')).toBeNaN();
    expect(date('31.04.2025')).toBeNaN();
    expect(date('2025/01/01')).toBeNaN();
  });
});

describe('factors', () => {
  it('converts EUR 2011 basic to NOK of the year by rate and price index', () => {
    // 0.8 kg/EUR, 8 NOK/EUR, prices up 25 %: 0.8 / 8 / 1.25 = 0.08 kg/NOK
    expect(factorPerNok(0.8, 'EUR', 2011, 2024, CONV)).toBeCloseTo(0.08, 12);
    expect(factorPerNok(0.8, 'EUR', 2011, 2030, CONV)).toBeCloseTo(0.08, 12); // newest index used
    expect(() => factorPerNok(1, 'SEK', 2011, 2024, CONV)).toThrow();
  });

  it('flags implausible factors and uses them only when confirmed or replaced', () => {
    expect([...implausibleFactors(FACTORS)]).toEqual(['sea_transport']);
    expect(model().perNokByArt[230]).toBeNaN();
    expect(model({ decisions: [{ setKey: 'exiobase-no', category: 'sea_transport', value: 0.5, note: 'replaced' }] }).perNokByArt[230]).toBeCloseTo(0.05, 12);
    expect(model({ decisions: [{ setKey: 'exiobase-no', category: 'sea_transport', value: null, note: 'confirmed' }] }).perNokByArt[230]).toBeCloseTo(20, 12);
  });

  it('excludes wages, internal purchases, transfers, financial items and income', () => {
    expect(['010', '099', '290', '280', '470', '429', '510', '590', '700'].map((a) => exclusionOf(Number(a)))).toEqual(['wages', 'wages', 'internal', 'assets', 'transfers', 'transfers', 'financial', 'financial', 'income']);
    expect(exclusionOf(115)).toBeNull();
    expect(exclusionOf(370)).toBeNull();
  });

  it('supplier-specific factors override the average, newest year not after the reporting year', () => {
    const m = model({ supplierFactors: [
      { orgnr: '974760673', year: 2020, kgPerNok: 0.01, source: 'rapport 2020' },
      { orgnr: '974760673', year: 2023, kgPerNok: 0.02, source: 'rapport 2023' },
      { orgnr: '974760673', year: 2026, kgPerNok: 0.03, source: 'rapport 2026' },
    ] });
    expect(m.supplier.get('974760673')!.year).toBe(2023);
  });
});

describe('summary and report', () => {
  const header = 'dato;ansvar;art;funksjon;orgnr;leverandor;belop;tekst\n';
  const ledger = header + [
    '2024-01-05;1100;115;202;974760673;Mat AS;1 000,00;mat',
    '2024-01-06;1100;115;202;974760673;Mat AS;-200,00;kreditnota',
    '2024-02-01;1200;180;253;;Kraft AS;500,00;strøm',
    '2024-02-01;1200;010;253;;;9 999,00;lønn',
    '2024-03-01;A-7;120;202;;;100,00;tekststreng som ansvar',
    '2024-03-01;1200;230;253;;Ferje AS;300,00;ferje (flagget faktor)',
    '2024-13-01;1200;999;000;12345678;;x;feil',
  ].join('\n');

  it('checks every line, excludes non-purchases and sums by unit and art with data kinds', () => {
    const s = new LedgerSummariser(model({ supplierFactors: [{ orgnr: '974760673', year: 2024, kgPerNok: 0.5, source: 'r' }] }), CODES);
    s.push(enc(ledger));
    const r = s.finish();
    expect(r.lines).toBe(7);
    expect(r.valid).toBe(6);
    expect(r.errors.map((e) => e.field)).toEqual(['dato', 'art', 'funksjon', 'belop', 'orgnr']);
    expect(r.errors.every((e) => e.line === 8)).toBe(true);
    expect(r.excluded.wages).toEqual({ lines: 1, ore: 999900 });
    expect(r.totalOre).toBe(80000 + 50000 + 10000 + 30000);
    expect(r.byKind.supplier).toEqual({ ore: 80000, kg: 400 });
    expect(r.byKind.not_computed.ore).toBe(30000);
    expect(r.byKind.average.kg).toBeCloseTo(500 * 0.06 + 100 * 0.04, 9);
    const key = (a: string, art: number) => r.byUnitArt.find((x) => x.ansvar === a && x.art === art);
    expect(key('1100', 115)!.ore).toBe(80000);
    expect(key('A-7', 120)!.ore).toBe(10000);
  });

  it('names a missing column instead of reading lines', () => {
    const s = new LedgerSummariser(model(), CODES);
    s.push(enc('dato;ansvar;art\n2024-01-01;1;115\n'));
    const r = s.finish();
    expect(r.lines).toBe(0);
    expect(r.errors.map((e) => e.field)).toEqual(['funksjon', 'belop']);
  });

  const groups: SpendGroup[] = [
    { period: 202401, ansvar: '1100', art: '115', funksjon: '202', orgnr: '1', supplierName: 'Mat AS', ore: 100_000, lines: 3 },
    { period: 202402, ansvar: '1200', art: '180', funksjon: '253', orgnr: null, supplierName: 'Kraft AS', ore: 50_000, lines: 1 },
    { period: 202402, ansvar: '9999', art: '120', funksjon: '253', orgnr: null, supplierName: null, ore: 10_000, lines: 1 },
    { period: 202402, ansvar: '1200', art: '010', funksjon: '253', orgnr: null, supplierName: null, ore: 1_000_000, lines: 1 },
  ];
  const units = { unitOfAnsvar: new Map([['1100', 'school'], ['1200', 'home']]), units: [{ id: 'sector', name: 'Oppvekst og omsorg', parentId: null }, { id: 'school', name: 'Skole', parentId: 'sector' }, { id: 'home', name: 'Sykehjem', parentId: 'sector' }] };

  it('rolls units up their tree and keeps unmapped ansvar visible', () => {
    const r = climateReport(groups, model(), 'unit', units);
    expect(r.totalOre).toBe(160_000);
    const by = Object.fromEntries(r.rows.map((x) => [x.key, x]));
    expect(by.sector!.ore).toBe(0);
    expect(by.sector!.totalOre).toBe(150_000);
    expect(by.sector!.totalKg).toBeCloseTo(1000 * 0.08 + 500 * 0.06, 9);
    expect(by['ansvar:9999']!.label).toContain('ikke koblet');
    expect(r.rows[0]!.key).toBe('sector');
  });

  it('reports by month, art and supplier with the same total, and ranks hotspots', () => {
    const m = model();
    const totals = (['month', 'art', 'supplier', 'funksjon'] as const).map((by) => climateReport(groups, m, by).rows.reduce((s, x) => s + x.kg, 0));
    for (const t of totals) expect(t).toBeCloseTo(totals[0]!, 9);
    expect(climateReport(groups, m, 'month').rows.map((x) => x.key)).toEqual(['2024-01', '2024-02']);
    expect(climateReport(groups, m, 'art').rows[0]!.category).toBe('food');
    expect(hotspots(groups, m, 2).map((h) => h.art)).toEqual(['115', '180']);
  });
});

describe('a ledger read in two byte ranges', () => {
  const m = model();
  const line = fc.record({
    day: fc.integer({ min: 1, max: 31 }),
    ansvar: fc.constantFrom('1100', '1200', 'A-7', ''),
    art: fc.constantFrom('115', '120', '180', '010', '999'),
    kr: fc.integer({ min: -5000, max: 50000 }),
    text: fc.constantFrom('mat', '"to\nlinjer"', '"semi;kolon og ""sitat"""', '"\n"', 'æøå'),
  });
  const HEADER = '\uFEFF"dato";ansvar;art;funksjon;belop;tekst\r\n';
  const ledgerOf = (rows: { day: number; ansvar: string; art: string; kr: number; text: string }[]) =>
    HEADER + rows.map((r) => `2024-01-${String(r.day).padStart(2, '0')};${r.ansvar};${r.art};202;${r.kr},50;${r.text}\n`).join('');
  const norm = (r: ReturnType<LedgerSummariser['finish']>) => ({
    ...r,
    totalKg: Math.round(r.totalKg * 1e6),
    byKind: Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, { ore: v.ore, kg: Math.round(v.kg * 1e6) }])),
    byUnitArt: r.byUnitArt.map((g) => ({ ...g, kg: Math.round(g.kg * 1e6) })).sort((a, b) => `${a.ansvar}|${a.art}`.localeCompare(`${b.ansvar}|${b.art}`)),
  });

  it('gives the same summary, errors and line numbers as one pass, wherever the split newline falls (inside quotes too)', () => {
    let splitInsideQuotes = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.nat(), (rows, pick) => {
        const bytes = enc(ledgerOf(rows));
        const whole = new LedgerSummariser(m, CODES);
        whole.push(bytes);
        const expected = whole.finish();
        const head = ledgerHeaderEnd(bytes);
        expect(head).toBe(enc(HEADER).length);
        // every newline after the header is a candidate split point, those inside quotes included
        const nls = [...bytes.keys()].filter((i) => i >= head && bytes[i] === 10);
        const split = nls[pick % nls.length]! + 1;
        const first = new LedgerSummariser(m, CODES);
        first.push(bytes.subarray(0, split));
        const { summary, complete } = first.rangeSummary();
        let merged;
        if (complete) {
          const second = new LedgerSummariser(m, CODES);
          second.push(bytes.subarray(0, head));
          const start = second.nextLine;
          second.push(bytes.subarray(split));
          merged = mergeLedgerSummaries(summary, second.finish({ headerErrors: false }), start);
        } else {
          splitInsideQuotes++;
          first.push(bytes.subarray(split));
          merged = first.finish();
        }
        expect(norm(merged)).toEqual(norm(expected));
      }),
      { numRuns: 300 },
    );
    expect(splitInsideQuotes).toBeGreaterThan(0);
  });

  it('tells when a range ends inside a quoted field, and finds the header end past quoted line breaks', () => {
    const bytes = enc('dato;ansvar;art;funksjon;belop;tekst\n2024-01-02;1100;115;202;1,00;"a\nb"\n');
    const s = new LedgerSummariser(m, CODES);
    s.push(bytes.subarray(0, bytes.indexOf(10, 40) + 1));
    expect(s.rangeSummary().complete).toBe(false);
    s.push(bytes.subarray(bytes.indexOf(10, 40) + 1));
    expect(s.rangeSummary().complete).toBe(true);
    expect(ledgerHeaderEnd(enc('\r\n\n"a\nb";c'))).toBe(-1);
    expect(ledgerHeaderEnd(enc('\r\n\n"a\nb";c\nx'))).toBe(11);
  });
});

describe('physical energy', () => {
  const EF = [
    { carrier: 'electricity', label: 'El', kgPerKwh: 0.017, year: 2019, source: 'NVE' },
    { carrier: 'electricity', label: 'El', kgPerKwh: 0.008, year: 2020, source: 'NVE' },
    { carrier: 'electricity', label: 'El', kgPerKwh: 0.015, year: 2023, source: 'NVE' },
  ];
  it('takes the latest factor at or before the year, else the earliest', () => {
    expect(energyFactorFor(EF, 'electricity', 2021)!.kgPerKwh).toBe(0.008);
    expect(energyFactorFor(EF, 'electricity', 2025)!.kgPerKwh).toBe(0.015);
    expect(energyFactorFor(EF, 'electricity', 2010)!.kgPerKwh).toBe(0.017);
    expect(energyFactorFor(EF, 'fuel_oil', 2023)).toBeNull();
    expect(physicalEnergyKg([{ ansvar: 'A', year: 2021, carrier: 'electricity', kwh: 1000 }, { ansvar: 'A', year: 2022, carrier: 'electricity', kwh: 5 }], EF, 2021)).toEqual(new Map([['A', 8]]));
  });

  it('shares the physical figure over the energy groups of the ansvar by spend, keeps other arts and ansvar, and adds ansvar without energy spend', () => {
    const groups: SpendGroup[] = [
      { period: 202401, ansvar: 'A', art: '180', funksjon: '253', orgnr: null, supplierName: 'Kraft', ore: 300_00, lines: 1 },
      { period: 202402, ansvar: 'A', art: '180', funksjon: '253', orgnr: null, supplierName: 'Kraft', ore: 100_00, lines: 1 },
      { period: 202402, ansvar: 'A', art: '120', funksjon: '253', orgnr: null, supplierName: null, ore: 100_00, lines: 1 },
      { period: 202402, ansvar: 'B', art: '180', funksjon: '253', orgnr: null, supplierName: null, ore: 100_00, lines: 1 },
    ];
    const m = model();
    const { groups: all, emissions } = groupEmissions(groups, m, new Map([['A', 1000], ['C', 50]]));
    expect(all).toHaveLength(5);
    expect(emissions.map((e) => e!.kind)).toEqual(['physical', 'physical', 'average', 'average', 'physical']);
    expect(emissions[0]!.kg).toBeCloseTo(750, 9);
    expect(emissions[1]!.kg).toBeCloseTo(250, 9);
    expect(emissions[4]!.kg).toBe(50);
    const r = climateReport(groups, m, 'month', undefined, new Map([['A', 1000], ['C', 50]]));
    expect(r.byKind.physical).toEqual({ ore: 400_00, kg: 1050 });
    expect(r.rows.reduce((s, x) => s + x.kg, 0)).toBeCloseTo(r.totalKg, 9);
    expect(climateReport(groups, m, 'unit', undefined, new Map([['A', 1000], ['C', 50]])).totalKg).toBeCloseTo(r.totalKg, 9);
  });

  it('checks energy rows: carrier names in Norwegian, numbers with spaces, one error per bad field, duplicates named', () => {
    const rows = [
      { line: 2, cells: { ansvar: 'A', år: '2024', energibærer: 'Strøm', kwh: '1 200,5' } },
      { line: 3, cells: { ansvar: '', år: '24', energibærer: 'fjernvarme', kwh: '-3' } },
      { line: 4, cells: { ansvar: 'A', år: '2024', energibærer: 'el', kwh: '1' } },
    ];
    const r = parseEnergyRows(rows, EF);
    expect(r.uses).toEqual([{ line: 2, ansvar: 'A', year: 2024, carrier: 'electricity', kwh: 1200.5 }]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[3, 'ansvar'], [3, 'year'], [3, 'carrier'], [3, 'kwh'], [4, 'ansvar']]);
  });
});
