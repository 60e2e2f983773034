import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from './__fixtures__/ssb-07459-asker.json' with { type: 'json' };
import { JsonStatError, jsonStatSeries, parseJsonStat, periodDate } from './jsonstat.js';

describe('JSON-stat 2.0', () => {
  it('reads an SSB-shaped dataset and picks one series', () => {
    const ds = parseJsonStat(fixture);
    expect(ds.source).toBe('Statistisk sentralbyrå');
    expect(ds.timeDimension).toBe('Tid');
    expect(ds.dimensions.map((d) => d.id)).toEqual(['Region', 'Kjonn', 'ContentsCode', 'Tid']);
    // Women in Asker: Region 0, Kjonn 1 → the second block of three.
    expect(jsonStatSeries(ds, { Region: '3203', Kjonn: '2' }, { at: 'start' })).toEqual([
      { period: '2022', date: '2022-01-01', value: 48288 },
      { period: '2023', date: '2023-01-01', value: 49186 },
      { period: '2024', date: '2024-01-01', value: 50320 },
    ]);
    expect(jsonStatSeries(ds, { Region: '3201', Kjonn: '1' }).map((o) => o.value)).toEqual([63000, 63500, 64000]);
  });

  it('says which dimension needs a choice and which codes are unknown', () => {
    const ds = parseJsonStat(fixture);
    expect(() => jsonStatSeries(ds, { Region: '3203' })).toThrow(/Kjonn/);
    expect(() => jsonStatSeries(ds, { Region: '0301', Kjonn: '1' })).toThrow(/«0301» finnes ikke/);
    expect(() => jsonStatSeries(ds, { Fylke: '32', Region: '3203', Kjonn: '1' })).toThrow(/Fylke/);
  });

  it('refuses documents that are not consistent', () => {
    expect(() => parseJsonStat({ ...fixture, value: [1, 2, 3] })).toThrow(JsonStatError);
    expect(() => parseJsonStat({ ...fixture, size: [2, 2, 1] })).toThrow(/size/);
    expect(() => parseJsonStat({ ...fixture, class: 'collection' })).toThrow(/collection/);
    expect(() => parseJsonStat('nope')).toThrow(JsonStatError);
  });

  it('dates periods by their start or end', () => {
    expect(periodDate('2024', 'end')).toBe('2024-12-31');
    expect(periodDate('2024K2', 'end')).toBe('2024-06-30');
    expect(periodDate('2024K1', 'start')).toBe('2024-01-01');
    expect(periodDate('2024M02', 'end')).toBe('2024-02-29');
    expect(periodDate('2024M13', 'end')).toBeNull();
    expect(periodDate('ukjent', 'end')).toBeNull();
  });

  it('indexes values row-major (the last dimension fastest), dense or sparse', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (sizes, sparse) => {
        const ids = sizes.map((_, i) => `d${i}`);
        const total = sizes.reduce((a, b) => a * b, 1);
        const values = Array.from({ length: total }, (_, i) => i * 10);
        const dimension = Object.fromEntries(ids.map((id, d) => [id, { category: { index: Array.from({ length: sizes[d]! }, (_, k) => `c${k}`) } }]));
        const value = sparse ? Object.fromEntries(values.map((v, i) => [String(i), v])) : values;
        const ds = parseJsonStat({ version: '2.0', class: 'dataset', id: ids, size: sizes, dimension, value });
        // Walk every coordinate in row-major order and expect the flat values in sequence.
        const idx = sizes.map(() => 0);
        for (let n = 0; n < total; n++) {
          expect(ds.valueAt(idx)).toBe(n * 10);
          for (let d = sizes.length - 1; d >= 0; d--) {
            idx[d]!++;
            if (idx[d]! < sizes[d]!) break;
            idx[d] = 0;
          }
        }
      }),
    );
  });
});
