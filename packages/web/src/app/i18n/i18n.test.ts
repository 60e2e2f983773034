import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every pair of translation files (the shell's in app/i18n, each domain's in <domain>/i18n)
// must hold the same keys in Norwegian and English, none of them empty.
const SRC = path.resolve(import.meta.dirname, '../..');
const pairs = fs
  .readdirSync(SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(SRC, d.name, 'i18n', 'nb.json')))
  .map((d) => path.join(SRC, d.name, 'i18n'));

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, value);
  return out;
}
const read = (dir: string, lang: string) => leaves(JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')));

describe('translations', () => {
  it('finds the shell and every domain folder with strings', () => {
    const names = pairs.map((p) => path.basename(path.dirname(p)));
    expect(names).toEqual(expect.arrayContaining(['app', 'program', 'certification', 'foodwaste']));
  });

  it.each(pairs.map((p) => [path.relative(SRC, p), p]))('%s: Norwegian and English have the same keys, none empty', (_name, dir) => {
    const nb = read(dir, 'nb');
    const en = read(dir, 'en');
    expect([...nb.keys()].filter((k) => !en.has(k)), 'missing in en.json').toEqual([]);
    expect([...en.keys()].filter((k) => !nb.has(k)), 'missing in nb.json').toEqual([]);
    const empty = [...nb, ...en].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty, 'empty or non-text values').toEqual([]);
  });

  it('a domain file holds its keys without repeating the domain name at the top', () => {
    for (const dir of pairs.filter((p) => !p.includes(`${path.sep}app${path.sep}`))) {
      const domain = path.basename(path.dirname(dir));
      const top = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'nb.json'), 'utf8')));
      expect(top, dir).not.toContain(domain);
    }
  });
});
