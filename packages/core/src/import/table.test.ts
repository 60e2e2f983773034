import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collectRows, decodeText, parseCsv, parseIsoOrNorwegianDate, parseNorwegianNumber, type RowIssue } from './table.js';

declare const TextEncoder: new () => { encode(s: string): Uint8Array };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('navn;by\nÅse;Bærum')]))).toEqual({ text: 'navn;by\nÅse;Bærum', encoding: 'utf-8' });
  });

  it('falls back to windows-1252 for æøå (and € at 0x80) saved by Excel', () => {
    // "Bærum;Ørsta;på;€" in windows-1252
    const bytes = new Uint8Array([0x42, 0xe6, 0x72, 0x75, 0x6d, 0x3b, 0xd8, 0x72, 0x73, 0x74, 0x61, 0x3b, 0x70, 0xe5, 0x3b, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Bærum;Ørsta;på;€', encoding: 'windows-1252' });
  });

  it('decodes the windows-1252 range 0x80–0x9F by the WHATWG table (Node 20 TextDecoder does not)', () => {
    // 0x96 en dash, 0x93/0x94 curly quotes, 0x85 ellipsis, 0x8A Š, 0x9F Ÿ, 0x81 undefined -> U+0081
    expect(decodeText(new Uint8Array([0x96, 0x93, 0x94, 0x85, 0x8a, 0x9f, 0x81, 0xff])).text).toBe('\u2013\u201c\u201d\u2026\u0160\u0178\u0081\u00ff');
    const big = new Uint8Array(50_000).fill(0xe6);
    expect(decodeText(big)).toEqual({ text: '\u00e6'.repeat(50_000), encoding: 'windows-1252' });
  });

  it('decodes UTF-16LE with BOM (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x42, 0, 0xe6, 0, 0x72, 0]);
    expect(decodeText(bytes)).toEqual({ text: 'Bær', encoding: 'utf-16le' });
  });

  it('property: decodeText(utf8(s)) === s for any string not starting with U+FEFF', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        fc.pre(!s.startsWith('\uFEFF'));
        const d = decodeText(utf8(s));
        return d.text === s && d.encoding === 'utf-8';
      }),
    );
  });

  it('property: a leading U+FEFF is taken as the BOM, and only one is stripped', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => decodeText(utf8(`\uFEFF${s}`)).text === s));
  });
});

describe('parseCsv', () => {
  it('parses ; with decimal comma, trims/lower-cases the header and skips empty lines', () => {
    const t = parseCsv('\uFEFF Org.nr ; Navn ;Tonn\r\n927124238;Gjenbruk AS;1 234,5\r\n\r\n;;\r\n111111111; Asker, Bærum ;0,5\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['org.nr', 'navn', 'tonn']);
    expect(t.rows).toEqual([
      { line: 2, cells: { 'org.nr': '927124238', navn: 'Gjenbruk AS', tonn: '1 234,5' } },
      { line: 5, cells: { 'org.nr': '111111111', navn: 'Asker, Bærum', tonn: '0,5' } },
    ]);
    expect(t.rows.map((r) => parseNorwegianNumber(r.cells.tonn ?? ''))).toEqual([1234.5, 0.5]);
    expect(t.issues).toEqual([]);
  });

  it('gives the physical start line of rows with quoted multi-line fields', () => {
    const t = parseCsv('navn;beskrivelse\nA;"linje 1\nlinje 2\nlinje 3"\nB;"x;""y"""\r\nC;"\r\n"\nD;d');
    expect(t.rows.map((r) => [r.line, r.cells.navn])).toEqual([[2, 'A'], [5, 'B'], [6, 'C'], [8, 'D']]);
    expect(t.rows[0]?.cells.beskrivelse).toBe('linje 1\nlinje 2\nlinje 3');
    expect(t.rows[1]?.cells.beskrivelse).toBe('x;"y"');
  });

  it('detects delimiters from the header line; ; wins ties', () => {
    expect(parseCsv('a,b,c\n1;2,3').delimiter).toBe(',');
    expect(parseCsv('a\tb\n1,5\t2').delimiter).toBe('\t');
    expect(parseCsv('a;b,c\n1').delimiter).toBe(';');
    expect(parseCsv('"a;b",c\n1,2').delimiter).toBe(',');
    expect(parseCsv('\n;;\nx,y,z\n1,2,3')).toMatchObject({ delimiter: ',', header: [';;'] }); // blank-celled lines are skipped only for the detected delimiter
    expect(parseCsv('\n \nx,y\n1,2')).toMatchObject({ delimiter: ',', header: ['x', 'y'], rows: [{ line: 4, cells: { x: '1', y: '2' } }] });
    expect(parseCsv('navn\nAsker, Bærum')).toMatchObject({ delimiter: ';', rows: [{ cells: { navn: 'Asker, Bærum' } }] });
  });

  it('names empty and duplicate headers, pads short rows, keeps extra cells, reports bad quoting', () => {
    const t = parseCsv('a;;a\n1\n1;2;3;4\n"open;5');
    expect(t.header).toEqual(['a', '_2', 'a_2']);
    expect(t.rows[0]?.cells).toEqual({ a: '1', _2: '', a_2: '' });
    expect(t.rows[1]?.cells).toEqual({ a: '1', _2: '2', a_2: '3', _4: '4' });
    expect(t.issues).toEqual([expect.objectContaining({ line: 4, field: null })]);
    expect(parseCsv('')).toEqual({ header: [], rows: [], delimiter: ';', issues: [] });
  });
});

describe('parseNorwegianNumber', () => {
  it('accepts clean Norwegian and plain numbers, rejects the rest', () => {
    const cases: [string, number | null][] = [
      ['1 234,5', 1234.5], ['1234.5', 1234.5], ['1\u00a0234,5', 1234.5], ['\u221212,3', -12.3], ['-12,3', -12.3],
      ['  42 ', 42], ['0,5', 0.5], ['1 000 000', 1e6], ['1,234', 1.234],
      ['', null], ['  ', null], ['12 %', null], ['12 kg', null], ['kr 12', null], ['1,234,5', null], ['1.234,5', null],
      ['12 34', null], ['1 2345', null], [',5', null], ['5,', null], ['-', null], ['+5', null], ['1e5', null], ['NaN', null], ['9'.repeat(400), null],
    ];
    for (const [s, n] of cases) expect([s, parseNorwegianNumber(s)]).toEqual([s, n]);
  });

  const finite = fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((n) => !/e/i.test(String(n)));
  const norwegian = (n: number, sep: string) => {
    const [int = '', frac] = String(Math.abs(n)).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+$)/g, sep);
    return (n < 0 ? '\u2212' : '') + grouped + (frac === undefined ? '' : `,${frac}`);
  };

  it('property: round-trips plain and Norwegian-formatted numbers', () => {
    fc.assert(
      fc.property(finite, fc.constantFrom(' ', '\u00a0', '\u202f'), (n, sep) => {
        expect(parseNorwegianNumber(String(n))).toBe(n === 0 ? 0 : n);
        expect(parseNorwegianNumber(norwegian(n, sep))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('property: round-trips Intl nb-NO formatting', () => {
    const f = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 20 });
    fc.assert(fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((n) => n === 0 || Math.abs(n) >= 1e-4), (n) => {
      expect(parseNorwegianNumber(f.format(n))).toBe(n === 0 ? 0 : n);
    }));
  });
});

describe('parseIsoOrNorwegianDate', () => {
  it('parses ISO and dd.mm.yyyy, rejects impossible dates', () => {
    expect(parseIsoOrNorwegianDate('2024-12-31')).toBe('2024-12-31');
    expect(parseIsoOrNorwegianDate(' 31.12.2024 ')).toBe('2024-12-31');
    expect(parseIsoOrNorwegianDate('1.2.2024')).toBe('2024-02-01');
    expect(parseIsoOrNorwegianDate('29.02.2024')).toBe('2024-02-29');
    for (const bad of ['31.02.2024', '29.02.2023', '29.02.1900', '2024-13-01', '2024-00-10', '2024-1-1', '31.12.24', '12/31/2024', '2024-12-31T00:00', '', '00.01.2024']) {
      expect([bad, parseIsoOrNorwegianDate(bad)]).toEqual([bad, null]);
    }
    expect(parseIsoOrNorwegianDate('29.02.2000')).toBe('2000-02-29');
  });

  it('property: agrees with Date.UTC on every day and on ISO/Norwegian formats', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseIsoOrNorwegianDate(iso)).toBe(iso);
        expect(parseIsoOrNorwegianDate(`${day}.${m}.${y}`)).toBe(iso);
      }),
    );
  });
});

describe('collectRows', () => {
  it('splits mapped values from issues', () => {
    const { rows } = parseCsv('navn;tonn\nA;1,5\nB;mye\nC;2');
    const result = collectRows(rows, (r): { navn: string; tonn: number } | RowIssue[] => {
      const tonn = parseNorwegianNumber(r.cells.tonn ?? '');
      if (tonn === null) return [{ line: r.line, field: 'tonn', message: 'Ugyldig tall', messageEn: 'Invalid number' }];
      return { navn: r.cells.navn ?? '', tonn };
    });
    expect(result.ok).toEqual([{ navn: 'A', tonn: 1.5 }, { navn: 'C', tonn: 2 }]);
    expect(result.issues).toEqual([{ line: 3, field: 'tonn', message: 'Ugyldig tall', messageEn: 'Invalid number' }]);
    expect(collectRows([{ line: 7 }], () => []).issues).toEqual([expect.objectContaining({ line: 7, field: null })]);
  });
});
