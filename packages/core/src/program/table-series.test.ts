import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../import/table.js';
import { tableSeries } from './table-series.js';

const CSV = [
  'Kommunenummer;Kommunenavn;År;Sektor;Utslipp (tonn CO2-ekvivalenter)',
  '3203;Asker;2022;Veitrafikk;120 000,5',
  '3203;Asker;2022;Jordbruk;9 000',
  '3201;Bærum;2022;Veitrafikk;150 000',
  '3025;Asker;2020;Veitrafikk;130 000',
  '3203;Asker;2023;Veitrafikk;110 000',
  '3203;Asker;2023;Jordbruk;-',
].join('\r\n');

describe('tableSeries', () => {
  it('sums the municipality’s rows per year, former numbers included', () => {
    const { rows } = parseCsv(CSV);
    const { series, issues } = tableSeries(rows, { municipalityColumn: 'Kommunenummer', municipalityNumbers: ['3203', '3025', '0220'], yearColumn: 'År', valueColumn: 'Utslipp (tonn CO2-ekvivalenter)' });
    expect(issues).toEqual([]);
    expect(series.map((s) => [s.period, s.value, s.lines])).toEqual([
      ['2020', 130000, [5]],
      ['2022', 129000.5, [2, 3]],
      ['2023', 110000, [6]],
    ]);
  });

  it('filters by a column and reports bad rows with their line', () => {
    const { rows } = parseCsv(`${CSV}\r\n3203;Asker;20x4;Veitrafikk;1\r\n3203;Asker;2024;Veitrafikk;mye`);
    const { series } = tableSeries(rows, { municipalityColumn: 'kommunenummer', municipalityNumbers: ['3203'], yearColumn: 'år', valueColumn: 'utslipp (tonn co2-ekvivalenter)', where: { Sektor: 'jordbruk' } });
    expect(series.map((s) => [s.period, s.value])).toEqual([['2022', 9000]]);
    expect(tableSeries(rows, { municipalityColumn: 'kommunenummer', municipalityNumbers: ['3203'], yearColumn: 'år', valueColumn: 'utslipp (tonn co2-ekvivalenter)' }).issues.map((i) => [i.line, i.field])).toEqual([
      [8, 'år'],
      [9, 'utslipp (tonn co2-ekvivalenter)'],
    ]);
  });

  it('each yearly total is the sum of its rows, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2024 }), value: fc.integer({ min: 0, max: 1_000_000 }), mine: fc.boolean() }), { maxLength: 60 }), (recs) => {
        const rows = recs.map((r, i) => ({ line: i + 2, cells: { k: r.mine ? '3203' : '3201', y: String(r.year), v: String(r.value) } }));
        const { series } = tableSeries(rows, { municipalityColumn: 'k', municipalityNumbers: ['3203'], yearColumn: 'y', valueColumn: 'v' });
        for (const s of series) expect(s.value).toBe(recs.filter((r) => r.mine && String(r.year) === s.period).reduce((a, r) => a + r.value, 0));
        expect(series.length).toBe(new Set(recs.filter((r) => r.mine).map((r) => r.year)).size);
      }),
    );
  });
});
