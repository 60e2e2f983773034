import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main.js';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // A DATABASE_URL that leads nowhere: screening must not need a database.
  const code = await run(args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' }, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LIST = [
  'name,isin,lei,country,category,criterion,decision,date',
  'Marathon Oil Corp,,,US,Product-based,Production of coal or coal-based energy,Exclusion,01.01.2020',
  'Suncor Energy Inc,,,CA,Conduct-based,Unacceptable greenhouse gas emissions,Exclusion,2020-05-01',
  'NTPC Ltd,,,IN,,,,',
  '"Equinor ASA (formerly Statoil ASA)",,,NO,,,,',
  'DNO ASA,NO0003921009,,NO,,,,',
].join('\n');

const HOLDINGS = [
  'name;isin;lei;country;market_value_nok;fund',
  'MARATHON PETROLEUM CORP;;;US;1 000 000,50;A',
  'SUNCORP GROUP LTD;;;AU;2000;A',
  'NHPC LTD;;;IN;3000;B',
  'STATOIL ASA;;;NO;4000;B',
  'DNB BANK ASA;;;NO;5000;B',
  'Det norske oljeselskap;NO0003921009;;NO;6000;B',
  'MARATHON OIL CORP /DE/;;;US;7000;C',
  'MARATHON OIL CORP;;;GB;8000;C',
].join('\n');

describe('omstilling investments screen (CLI, no database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'investments-cli-'));
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('prints the matches as JSON with rows counted from 1 after the header', async () => {
    const r = await cli(['investments', 'screen', '--list', write('list.csv', LIST), '--holdings', write('holdings.csv', HOLDINGS), '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { matches: Record<string, unknown>[] };
    expect(Object.keys(j)).toEqual(['matches']);
    expect(j.matches).toEqual([
      { holdingRow: 4, holdingName: 'STATOIL ASA', listRow: 4, listName: 'Equinor ASA (formerly Statoil ASA)', method: 'alias', score: 0.98, status: 'match' },
      { holdingRow: 6, holdingName: 'Det norske oljeselskap', listRow: 5, listName: 'DNO ASA', method: 'isin', score: 1, status: 'match' },
      { holdingRow: 7, holdingName: 'MARATHON OIL CORP /DE/', listRow: 1, listName: 'Marathon Oil Corp', method: 'name', score: 1, status: 'match' },
      { holdingRow: 8, holdingName: 'MARATHON OIL CORP', listRow: 1, listName: 'Marathon Oil Corp', method: 'name', score: 0.85, status: 'review' },
    ]);
  });

  it('reads XLSX holdings and the Norges Bank table saved as HTML; prints a readable summary without --json', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Beholdning');
    ws.addRow(['name', 'isin', 'country', 'market_value_nok']);
    ws.addRow(['Coal India Ltd', 'INE522F01014', 'IN', 100]);
    ws.addRow(['Novo Nordisk A/S-B', 'DK0062498333', 'DK', 200]);
    const xlsx = path.join(dir, 'h.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const html = write('nbim.html', '<table><tr><th>Company</th><th>Category</th><th>Criterion</th><th>Decision</th><th>Date</th></tr><tr><td>Coal India Ltd.</td><td>Product-based</td><td>Coal</td><td>Exclusion</td><td>14.04.2016</td></tr></table>');
    const j = JSON.parse((await cli(['investments', 'screen', '--list', html, '--holdings', xlsx, '--json'])).out);
    expect(j.matches).toEqual([{ holdingRow: 1, holdingName: 'Coal India Ltd', listRow: 1, listName: 'Coal India Ltd.', method: 'name', score: 1, status: 'match' }]);
    const human = await cli(['investments', 'screen', '--list', html, '--holdings', xlsx]);
    expect(human.out).toMatch(/2 beholdninger mot 1 navn på listen: 1 treff, 0 til vurdering/);
  });

  it('reports bad lines on stderr and still screens; usage errors exit 2; missing files exit 1', async () => {
    const list = write('bad-list.csv', 'name,isin\nEquinor ASA,NO0010096986\n');
    const r = await cli(['investments', 'screen', '--list', list, '--holdings', write('h2.csv', 'name\nEquinor ASA\n'), '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/linje 2, isin: Ugyldig ISIN/);
    expect(JSON.parse(r.out).matches).toHaveLength(1);
    expect((await cli(['investments', 'screen', '--list', list])).code).toBe(2);
    expect((await cli(['investments', 'screen', '--list', path.join(dir, 'nope.csv'), '--holdings', list])).code).toBe(1);
    expect((await cli(['investments', 'screen', '--list', write('nocol.csv', 'foo,bar\n1,2\n'), '--holdings', list])).err).toMatch(/ingen kolonne «name»/);
  });
});
