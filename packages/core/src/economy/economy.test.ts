import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/table.js';
import { classifyEstablishment, codeDigits, matchCodeRule, parseRuleSet, ruleSetOn, tallyJobs, type ClassRule } from './rules.js';
import { parseSnapshotRows, snapshotFromBrreg } from './snapshot.js';
import { byIndustry, percent, yearSnapshots } from './trend.js';

const DATA = path.resolve(import.meta.dirname, '../../../../data/reference');
const defaults = () => {
  const { ruleSet, issues } = parseRuleSet(JSON.parse(fs.readFileSync(path.join(DATA, 'economy/rules.json'), 'utf8')));
  expect(issues).toEqual([]);
  return ruleSet!;
};
const text = { nb: 'x', en: 'x' };
const rule = (p: Partial<ClassRule>): ClassRule => ({ id: 'r', basis: 'code', prefix: '06', class: 'oil_gas', share: 1, rationale: text, caveat: null, sources: [], ...p });

describe('the default rule set', () => {
  it('parses, and every partial rule has a caveat and every rule a rationale and a known source', () => {
    const rs = defaults();
    expect(rs.rules.length).toBeGreaterThan(15);
    for (const r of rs.rules) {
      if (r.share < 1) expect(r.caveat).not.toBeNull();
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(rs.sources[s]).toBeDefined();
    }
    expect(rs.rules.filter((r) => r.basis === 'certification')).toHaveLength(1);
  });

  it('uses the longest matching prefix: platforms are wholly oil, other ships half, engineering a quarter', () => {
    const rs = defaults();
    expect(matchCodeRule('30.113', rs.rules)?.id).toBe('oil-30.113');
    expect(matchCodeRule('30.111', rs.rules)?.id).toBe('oil-30.11');
    expect(matchCodeRule('09.101', rs.rules)?.id).toBe('oil-09.1');
    expect(matchCodeRule('09.900', rs.rules)).toBeNull(); // other mining services are not petroleum
    expect(matchCodeRule('47.792', rs.rules)?.id).toBe('green-47.79');
    expect(matchCodeRule('33.150', rs.rules)?.id).toBe('oil-33.15'); // not green-33.1
    const eng = classifyEstablishment({ industryCode: '71.129', employees: 64, certified: false }, rs.rules);
    expect(eng).toMatchObject({ oil_gas: 16, green: 0, other: 48, codeRuleId: 'oil-71.12', uncertain: true, main: 'other' });
    // Certified: the jobs that are not oil-related become green.
    const cert = classifyEstablishment({ industryCode: '71.129', employees: 64, certified: true }, rs.rules);
    expect(cert).toMatchObject({ oil_gas: 16, green: 48, other: 0, certificationRuleId: 'green-certified', main: 'green' });
    // Certification never greens extraction.
    expect(classifyEstablishment({ industryCode: '06.100', employees: 10, certified: true }, rs.rules)).toMatchObject({ oil_gas: 10, green: 0, certificationRuleId: null });
    expect(classifyEstablishment({ industryCode: '56.101', employees: 8, certified: false }, rs.rules)).toMatchObject({ other: 8, codeRuleId: null, uncertain: false });
    expect(classifyEstablishment({ industryCode: null, employees: 3, certified: true }, rs.rules)).toMatchObject({ green: 3, certificationRuleId: 'green-certified' });
  });
});

describe('classification properties', () => {
  const code = fc.oneof(fc.constant(null), fc.stringMatching(/^\d{2}\.\d{3}$/), fc.constantFrom('06.100', '09.101', '30.113', '71.129', '38.320', '33.150', '35.300', 'x'));
  const anyRule = fc.record({
    id: fc.stringMatching(/^[a-z]{1,6}$/),
    basis: fc.constantFrom('code' as const, 'certification' as const),
    prefix: fc.stringMatching(/^\d{2}(\.\d{1,3})?$/),
    class: fc.constantFrom('oil_gas' as const, 'green' as const),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    rationale: fc.constant(text),
    caveat: fc.constant(null),
    sources: fc.constant([] as string[]),
  });
  it('puts every job in exactly one class, whole jobs only, and the totals add up', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ industryCode: code, employees: fc.integer({ min: 0, max: 5000 }), certified: fc.boolean() }), { maxLength: 40 }), fc.array(anyRule, { maxLength: 8 }), (es, rules) => {
        const cs = es.map((e) => classifyEstablishment(e, rules));
        cs.forEach((c, i) => {
          for (const k of ['oil_gas', 'green', 'other'] as const) {
            expect(Number.isInteger(c[k])).toBe(true);
            expect(c[k]).toBeGreaterThanOrEqual(0);
          }
          expect(c.oil_gas + c.green + c.other).toBe(es[i]!.employees);
        });
        const t = tallyJobs(cs);
        expect(t.total).toBe(es.reduce((s, e) => s + e.employees, 0));
        const rows = byIndustry(es.map((e, i) => ({ industryCode: e.industryCode, c: cs[i]! })));
        expect(rows.reduce((s, r) => s + r.jobs, 0)).toBe(t.total);
        expect(rows.reduce((s, r) => s + r.oil_gas, 0)).toBe(t.oil_gas);
      }),
    );
  });
  it('never moves jobs out of oil by certification, and never adds green without a rule', () => {
    fc.assert(
      fc.property(code, fc.integer({ min: 0, max: 1000 }), fc.array(anyRule, { maxLength: 6 }), (c, n, rules) => {
        const plain = classifyEstablishment({ industryCode: c, employees: n, certified: false }, rules);
        const cert = classifyEstablishment({ industryCode: c, employees: n, certified: true }, rules);
        expect(cert.oil_gas).toBe(plain.oil_gas);
        expect(cert.green).toBeGreaterThanOrEqual(plain.green);
        expect(classifyEstablishment({ industryCode: c, employees: n, certified: true }, [])).toMatchObject({ other: n, green: 0, oil_gas: 0 });
      }),
    );
  });
  it('reads codes and prefixes as digits', () => {
    expect(codeDigits('71.129')).toBe('71129');
    expect(codeDigits('06')).toBe('06');
    expect(codeDigits('7112')).toBeNull();
    fc.assert(fc.property(fc.stringMatching(/^\d{2}\.\d{3}$/), (c) => codeDigits(c)!.length === 5));
  });
});

describe('rule set checks', () => {
  it('names each bad field', () => {
    const { ruleSet, issues } = parseRuleSet({
      validFrom: '2026-13',
      rules: [rule({ id: 'a', prefix: '7112' }), rule({ id: 'a', share: 0 }), rule({ id: 'b', share: 0.5 }), rule({ id: 'c', basis: 'certification', class: 'oil_gas' }), { ...rule({ id: 'd' }), sources: ['nope'] }],
      sources: {},
    });
    expect(ruleSet).toBeNull();
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['validFrom', 'rules[0].prefix', 'rules[1].id', 'rules[1].share', 'rules[2].prefix', 'rules[2].caveat', 'rules[3].class', 'rules[4].sources']));
    expect(issues.find((i) => i.field === 'rules[2].caveat')!.message).toContain('delvis');
  });
  it('picks the version in force on a date', () => {
    const vs = [{ validFrom: '1900-01-01' }, { validFrom: '2026-12-01' }, { validFrom: '2024-01-01' }];
    expect(ruleSetOn(vs, '2023-12-31')!.validFrom).toBe('1900-01-01');
    expect(ruleSetOn(vs, '2025-12-31')!.validFrom).toBe('2024-01-01');
    expect(ruleSetOn(vs, '2026-12-01')!.validFrom).toBe('2026-12-01');
    expect(ruleSetOn(vs, '1800-01-01')).toBeNull();
  });
});

describe('snapshots', () => {
  it('reads a CSV with every bad cell named by line and column', () => {
    const t = parseCsv(['orgnr;navn;naeringskode;ansatte;dato', '927124238;TOMRA;28.290;850;31.12.2024', '927124239;Feil;2829;-1;2024-13-01', '927124238;TOMRA igjen;28.290;1;2024-12-31', ';;;;'].join('\r\n'));
    const { byDate, issues } = parseSnapshotRows(t.header, t.rows);
    expect(byDate.get('2024-12-31')).toHaveLength(1);
    expect(issues.map((i) => `${i.line}:${i.field}`)).toEqual(['3:orgnr', '3:naeringskode', '3:ansatte', '3:dato', '4:orgnr']);
    expect(issues[4]!.message).toContain('linje 2');
    expect(parseSnapshotRows(['orgnr', 'navn'], []).issues.map((i) => i.field)).toEqual(['naeringskode', 'ansatte', 'dato']);
  });
  it('reads the Brønnøysund underenheter fixture, keeping the municipality', () => {
    const json = JSON.parse(fs.readFileSync(path.join(DATA, 'enhetsregisteret/brreg_underenheter_page_response_anonymised.json'), 'utf8'));
    const all = snapshotFromBrreg(json, []);
    expect(all.establishments.length).toBeGreaterThan(0);
    const asker = snapshotFromBrreg(json, ['3025']);
    expect(asker.establishments.length + asker.skippedOutside).toBe(all.establishments.length + all.skippedOutside);
    for (const e of asker.establishments) expect(e.municipalityNumber).toBe('3025');
    expect(snapshotFromBrreg({ _embedded: { enheter: [] } }, []).issues[0]!.message).toContain('underenheter');
  });
  it('takes the latest snapshot of each year', () => {
    expect(yearSnapshots(['2024-06-30', '2023-12-31', '2024-12-31'])).toEqual([
      { year: 2023, date: '2023-12-31' },
      { year: 2024, date: '2024-12-31' },
    ]);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBeNull();
  });
});
