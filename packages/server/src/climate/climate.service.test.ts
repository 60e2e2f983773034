import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@omstilling/core';
import { createTestEnv, ENGINES, systemCtx, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { run } from '../cli/main.js';
import { climateReference } from './climate.reference.js';
import { decideFactor, energyUses, importEnergy, importLedger, mapAnsvar, report, setSupplierFactor, sources, summaryPdf, yearFigures, type ClimateDeps } from './climate.service.js';
import { CLIMATE_PUBLISHERS } from './climate.publishers.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const HEADER = 'Bilagsdato;Ansvar;Art;Funksjon;Prosjekt;Leverandør_orgnr;Leverandør;Beløp;Tekst';
// 974760673 is a valid organisation number (MOD11)
const GOOD = [
  HEADER,
  '05.01.2023;1100;115;202;;974760673;Kjøkkengrossisten AS;"12 500,00";Matvarer januar',
  '2023-01-20;1100;11501;202;;974760673;Kjøkkengrossisten AS;-1 250,00;Kreditnota',
  '2023-02-03;1200;180;253;;;Asker Kraft;"40 000,50";Strøm februar',
  '2023-02-03;1200;010;253;;;;"500 000,00";Lønn (utelates)',
  '2023-03-10;1200;230;222;P-17;;Bygg og Anlegg AS;"250 000,00";"Rehabilitering, tak\r\nfløy B"',
  '2023-03-11;9999;120;120;;;;99,90;Rekvisita',
].join('\r\n') + '\r\n';

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(ENGINES)('climate services on %s', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let deps: ClimateDeps;
  let dir: string;
  const write = (name: string, content: string | Uint8Array) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const lineCount = async () => Number((await ctx.scope.selectFrom('climate_ledger_line').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    deps = { reference: climateReference(env.config.dataDir), sqlite: env.deps.database.sqlite };
    dir = path.join(path.dirname(env.config.storageDir), 'ledgers');
    fs.mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => env?.close());

  it('seeds two demo years at Asker scale and publishes A2/C1 figures from them', async () => {
    const by = Object.fromEntries(CLIMATE_PUBLISHERS.map((p) => [p.metric, p]));
    const t = await by.spend_based_co2e_t!.compute(ctx, '2026-11-27');
    expect(t.map((o) => o.period)).toEqual(['2024', '2025']);
    const figures = await yearFigures(ctx, deps, 2025);
    expect(figures.ore / 1e11).toBeGreaterThan(2.5); // about NOK 3 bn of purchases
    expect(figures.ore / 1e11).toBeLessThan(3.5);
    expect(t[1]!.value).toBeCloseTo(figures.kg / 1000, 6);
    expect(t[1]!.value).toBeGreaterThan(10_000);
    expect(t[1]!.value).toBeLessThan(200_000);
    const perResident = await by.spend_based_co2e_kg_per_resident!.compute(ctx, '2026-11-27');
    expect(perResident.at(-1)!.value).toBeCloseTo(figures.kg / 100650, 6); // population 1 January 2025 in the demo
    const supplierShare = await by.supplier_specific_spend_share!.compute(ctx, '2026-11-27');
    expect(supplierShare.at(-1)!.value).toBeGreaterThan(0);
    expect(supplierShare.at(-1)!.value).toBeLessThan(100);
    const certified = await by.certified_supplier_spend_share!.compute(ctx, '2026-11-27');
    expect(certified).toHaveLength(2);
    expect(certified[1]!.value).toBeGreaterThanOrEqual(0);
  });

  it('imports a messy ledger: BOM, semicolons, decimal comma, thousands spaces, quoted line breaks, credit notes; excludes wages', async () => {
    const before = await lineCount();
    const r = await importLedger(ctx, deps, { path: write('hovedbok-2023.csv', '\uFEFF' + GOOD), filename: 'hovedbok-2023.csv' });
    expect(r.errors).toEqual([]);
    expect(r.lines).toBe(6);
    expect(r.imported).toBe(5);
    expect(r.skipped).toBe(1);
    expect(r.excluded.wages).toEqual({ lines: 1, nok: 500000 });
    expect(r.totalNok).toBeCloseTo(12500 - 1250 + 40000.5 + 250000 + 99.9, 6);
    expect(r.totalKgCo2e).toBeGreaterThan(0);
    expect(r.periodFrom).toBe('2023-01');
    expect(r.periodTo).toBe('2023-03');
    expect((await lineCount()) - before).toBe(5);
    const line = await ctx.scope.selectFrom('climate_ledger_line').selectAll().where('import_id', '=', r.importId!).where('line', '=', 6).executeTakeFirstOrThrow();
    expect(line.text).toBe('Rehabilitering, tak\r\nfløy B');
    expect(line.project).toBe('P-17');
    expect(line.art).toBe('230');
    expect(Number(line.amount_ore)).toBe(25_000_000);
    const credit = await ctx.scope.selectFrom('climate_ledger_line').select(['amount_ore', 'art', 'date']).where('import_id', '=', r.importId!).where('line', '=', 3).executeTakeFirstOrThrow();
    expect({ ...credit, amount_ore: Number(credit.amount_ore) }).toEqual({ amount_ore: -125000, art: '115', date: '2023-01-20' });
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const before = await lineCount();
    const r = await importLedger(ctx, deps, { path: write('kopi.csv', '\uFEFF' + GOOD), filename: 'kopi.csv' });
    expect(r.unchanged).toBe(true);
    expect(r.imported).toBe(0);
    expect(r.errors).toEqual([]);
    expect(await lineCount()).toBe(before);
  });

  it('writes nothing when any line is bad, and names every bad line and field (Windows-1252 file)', async () => {
    const before = await lineCount();
    const text = [HEADER, '2023-04-01;1100;115;202;;;Bæ;100,00;ok', '2023-04-31;1100;115;202;;;;100,00;dato', '2023-04-02;1100;117;202;;;;100,00;art', '2023-04-03;1100;115;202;;123456789;;tolv,50;orgnr og beløp'].join('\n');
    const bytes = Uint8Array.from([...text].map((c) => (c === 'æ' ? 0xe6 : c.charCodeAt(0))));
    const r = await importLedger(ctx, deps, { path: write('feil.csv', bytes), filename: 'feil.csv' });
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[3, 'dato'], [4, 'art'], [5, 'belop'], [5, 'orgnr']]);
    expect(r.errors[2]!.message).toContain('«tolv,50» er ikke et beløp');
    expect(await lineCount()).toBe(before);
  });

  it('names missing columns, and reads them through a manual mapping', async () => {
    const text = 'Bokf.dato;Kostnadssted;Konto;Tjeneste;Sum\n2023-05-02;1100;115;202;1000\n';
    const r = await importLedger(ctx, deps, { path: write('egne-navn.csv', text.replace('Tjeneste', 'Tjenesteområde')), filename: 'egne-navn.csv' });
    expect(r.errors.map((e) => e.field).sort()).toEqual(['ansvar', 'belop', 'dato', 'funksjon']);
    const ok = await importLedger(ctx, deps, { path: write('egne-navn2.csv', text), filename: 'egne-navn2.csv', map: { dato: 'Bokf.dato', ansvar: 'Kostnadssted', art: 'Konto', funksjon: 'Tjeneste', belop: 'Sum' } });
    expect(ok.errors).toEqual([]);
    expect(ok.imported).toBe(1);
  });

  it('imports the first sheet of an XLSX file, with Excel row numbers in errors', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hovedbok');
    ws.addRow(['Bilagsdato', 'Ansvar', 'Art', 'Funksjon', 'Leverandør', 'Beløp']);
    ws.addRow([new Date(Date.UTC(2022, 5, 1)), 1100, 115, 202, 'Bærum Fisk AS', 1234.5]);
    ws.addRow([new Date(Date.UTC(2022, 5, 2)), 1100, 999, 202, 'Ås', 10]);
    const bad = write('bok.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await importLedger(ctx, deps, { path: bad, filename: 'bok.xlsx' });
    expect(r.errors).toEqual([{ line: 3, field: 'art', message: expect.stringContaining('«999»') }]);
    ws.getRow(3).getCell(3).value = 120;
    const ok = await importLedger(ctx, deps, { path: write('bok2.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), filename: 'bok2.xlsx' });
    expect(ok.errors).toEqual([]);
    expect(ok.imported).toBe(2);
    expect(ok.totalNok).toBeCloseTo(1244.5, 6);
    const fish = await ctx.scope.selectFrom('climate_ledger_line').select(['supplier', 'date']).where('import_id', '=', ok.importId!).where('line', '=', 2).executeTakeFirstOrThrow();
    expect(fish).toEqual({ supplier: 'Bærum Fisk AS', date: '2022-06-01' });
  });

  it('replaces months already imported only when asked', async () => {
    const text = [HEADER, '2023-03-15;1100;115;202;;;;1 000,00;korrigert mars'].join('\n');
    const r = await importLedger(ctx, deps, { path: write('mars.csv', text), filename: 'mars.csv' });
    expect(r.imported).toBe(0);
    expect(r.errors[0]!.message).toContain('hovedbok-2023.csv');
    const before = await lineCount();
    const ok = await importLedger(ctx, deps, { path: write('mars.csv', text), filename: 'mars.csv', replacePeriod: true });
    expect(ok.imported).toBe(1);
    // March had two lines from the first file; they are gone, January and February stay.
    expect(await lineCount()).toBe(before - 2 + 1);
    const march = await report(ctx, deps, 2023, 'month');
    expect(march.rows.find((x) => x.key === '2023-03')!.ore).toBe(100_000);
    expect(march.rows.find((x) => x.key === '2023-01')!.ore).toBe(1_125_000);
  });

  it('reports by unit with the tree roll-up once ansvar are mapped, and by art, supplier and month with equal totals', async () => {
    await mapAnsvar(ctx, [{ ansvar: '1100', unitKey: 'bhg-bleikerfaret' }, { ansvar: '1200', unitKey: 'skole-hvalstad' }]);
    const byUnit = await report(ctx, deps, 2023, 'unit');
    const key = (k: string) => byUnit.rows.find((r) => r.label === k);
    expect(key('Oppvekst')!.totalOre).toBe(byUnit.rows.filter((r) => r.parentKey === null && r.label === 'Oppvekst')[0]!.totalOre);
    expect(key('Oppvekst')!.totalOre).toBe(1_125_000 + 4_000_050 + 100_000 + 100_000); // both units are under Oppvekst (mai line 1100)
    expect(byUnit.rows.some((r) => r.key === 'ansvar:9999')).toBe(false); // March replaced
    const totals = await Promise.all((['art', 'supplier', 'month', 'funksjon'] as const).map(async (by) => (await report(ctx, deps, 2023, by)).totalKg));
    for (const t of totals) expect(t).toBeCloseTo(byUnit.totalKg, 6);
    const byArt = await report(ctx, deps, 2023, 'art');
    expect(byArt.rows.find((r) => r.key === '115')!.category).toBe('food');
    expect(byArt.set.key).toBe('exiobase-no');
    expect(byArt.hotspots.length).toBeGreaterThan(0);
    expect(byArt.byKind.average.ore).toBe(byArt.totalOre);
    const alt = await report(ctx, deps, 2023, 'art', 'useeio');
    expect(alt.totalKg).not.toBeCloseTo(byArt.totalKg, 3);
  });

  it('uses a supplier-specific factor for that supplier and shows the share of spend it covers', async () => {
    await setSupplierFactor(ctx, { orgnr: '974760673', year: 2024, kgPerNok: 0.01, source: 'Kjøkkengrossisten AS, klimaregnskap 2024' });
    const r = await report(ctx, deps, 2023, 'supplier');
    expect(r.byKind.supplier.ore).toBe(1_125_000);
    expect(r.byKind.supplier.kg).toBeCloseTo(11_250 * 0.01, 9);
    expect(r.rows.find((x) => x.key === '974760673')!.kg).toBeCloseTo(112.5, 9);
    expect((await appError(setSupplierFactor(ctx, { orgnr: '12', year: 2024, kgPerNok: -1, source: '' }))).details.map((d) => d.field)).toEqual(['orgnr', 'kgPerNok', 'source']);
  });

  it('does not use a flagged factor until it is confirmed or replaced', async () => {
    const src = await sources(ctx, deps);
    const exio = src.sets.find((s) => s.key === 'exiobase-no')!;
    expect(exio.factors.filter((f) => f.flagged).map((f) => f.category).sort()).toEqual(['heating', 'sea_transport']);
    expect(src.mapping.every((m) => m.rationale.length > 10)).toBe(true);
    const err = await appError(decideFactor(ctx, deps, { setKey: 'exiobase-no', category: 'food', value: null, note: 'ok' }));
    expect(err.code).toBe('validation');
    await decideFactor(ctx, deps, { setKey: 'exiobase-no', category: 'sea_transport', value: 0.9, note: 'Erstattet med ferjeselskapets eget tall' });
    expect((await sources(ctx, deps)).sets[0]!.factors.find((f) => f.category === 'sea_transport')!.decision!.value).toBe(0.9);
  });

  it('writes a PDF summary for the council report', async () => {
    const f = await summaryPdf(ctx, deps, 2025);
    expect(f.fileName).toBe('klimaregnskap-2025.pdf');
    expect(f.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(f.body.length).toBeGreaterThan(3000);
  });

  it('replaces the spend on energy arts by kWh × the carrier factor where an ansvar reports its energy use, and shows the share of each kind of data', async () => {
    const ledger = [HEADER, '2019-03-01;E1;180;222;;;Kraft AS;"10 000,00";Strøm', '2019-04-01;E1;180;222;;;Kraft AS;"30 000,00";Strøm', '2019-03-01;E2;180;222;;;Kraft AS;"5 000,00";Strøm', '2019-03-01;E1;120;222;;;;"1 000,00";Rekvisita'].join('\r\n') + '\r\n';
    expect((await importLedger(ctx, deps, { path: write('energi-2019.csv', ledger), filename: 'energi-2019.csv' })).errors).toEqual([]);
    const before = await report(ctx, deps, 2019, 'unit');
    expect(before.byKind.physical).toEqual({ ore: 0, kg: 0 });
    const kgOf = (r: { rows: { key: string; kg: number }[] }, key: string) => r.rows.find((x) => x.key === key)?.kg ?? NaN;

    // all or nothing: a carrier without a factor and a bad number are named, nothing is stored
    const bad = await appError(importEnergy(ctx, deps, { path: write('energi-feil.csv', 'ansvar;år;energibærer;kwh\r\nE1;2019;fjernvarme;10\r\nE1;2019;elektrisitet;abc\r\nE1;2019;elektrisitet;5\r\n'), filename: 'energi-feil.csv' }));
    expect(bad.details.map((d) => [(d as { line?: number }).line, d.field])).toEqual([[2, 'carrier'], [3, 'kwh']]);
    expect((await energyUses(ctx, deps)).rows).toEqual([]);
    expect((await appError(importEnergy(ctx, deps, { path: write('energi-kolonner.csv', 'ansvar;kwh\r\nE1;5\r\n'), filename: 'energi-kolonner.csv' }))).details.map((d) => d.field)).toEqual(['year', 'carrier']);

    const ok = await importEnergy(ctx, deps, { path: write('energi.csv', '\uFEFFAnsvar;År;Energibærer;kWh\r\nE1;2019;Elektrisitet;"100 000"\r\nE3;2019;fyringsolje;1 000\r\n'), filename: 'energi.csv' });
    expect(ok).toEqual({ imported: 2, years: [2019] });
    const after = await report(ctx, deps, 2019, 'unit');
    // E1: 100 000 kWh × 0.017 (NVE 2019) replace its NOK 40 000 of energy; E3 bought no energy in the ledger: 1 000 kWh oil × 0.2645 still count
    expect(after.byKind.physical.kg).toBeCloseTo(1700 + 264.5, 6);
    expect(after.byKind.physical.ore).toBe(4_000_000);
    expect(kgOf(after, 'ansvar:E2')).toBeCloseTo(kgOf(before, 'ansvar:E2'), 9); // no energy data: spend-based as before
    expect(kgOf(after, 'ansvar:E3')).toBeCloseTo(264.5, 9);
    const byArt = await report(ctx, deps, 2019, 'art');
    expect(kgOf(byArt, '180')).toBeCloseTo(1700 + 264.5 + kgOf(before, 'ansvar:E2'), 6);
    expect(kgOf(after, 'ansvar:E1') - 1700).toBeCloseTo(kgOf(byArt, '120'), 6); // the rest of E1 is its art 120
    for (const by of ['month', 'supplier', 'funksjon'] as const) expect((await report(ctx, deps, 2019, by)).totalKg).toBeCloseTo(after.totalKg, 6);
    expect(after.energy.carriers.map((c) => [c.carrier, c.kwh, c.factorYear]).sort()).toEqual([['electricity', 100_000, 2019], ['fuel_oil', 1000, 2023]]);
    expect(after.byKind.average.ore + after.byKind.physical.ore + after.byKind.supplier.ore + after.byKind.not_computed.ore).toBe(after.totalOre);

    // a new file replaces the figure of the same ansvar, year and carrier
    await importEnergy(ctx, deps, { path: write('energi-2.csv', 'unit,year,carrier,kwh\nE1,2019,electricity,50000\n'), filename: 'energi-2.csv' });
    expect((await report(ctx, deps, 2019, 'unit')).byKind.physical.kg).toBeCloseTo(850 + 264.5, 6);
    expect((await energyUses(ctx, deps)).rows.map((r) => [r.ansvar, r.kwh, r.source])).toEqual([['E1', 50_000, 'energi-2.csv'], ['E3', 1000, 'energi.csv']]);
    const viewer: Ctx = { ...ctx, actor: { kind: 'user', userId: 'u', municipalityId: ctx.scope.municipalityId, name: 'T', email: 't@x', role: 'editor', domains: ['foodwaste'], unitScope: [], unitId: null, organisationId: null } as UserActor };
    expect((await appError(importEnergy(viewer, deps, { path: write('x.csv', 'ansvar;år;energibærer;kwh\r\nE1;2019;el;1\r\n'), filename: 'x.csv' }))).code).toBe('forbidden');
  });

  it('lets only climate editors import, and staff read', async () => {
    const user = (over: Partial<UserActor>): Ctx => ({ ...ctx, actor: { kind: 'user', userId: 'u', municipalityId: ctx.scope.municipalityId, name: 'T', email: 't@x', role: 'editor', domains: [], unitScope: [], unitId: null, organisationId: null, ...over } as UserActor });
    expect((await appError(importLedger(user({ domains: ['foodwaste'] }), deps, { path: write('x.csv', GOOD), filename: 'x.csv' }))).code).toBe('forbidden');
    expect((await appError(report(user({ role: 'business' }), deps, 2023, 'art'))).code).toBe('forbidden');
    expect((await report(user({ domains: ['foodwaste'] }), deps, 2023, 'art')).totalOre).toBeGreaterThan(0);
  });
});

// The CLI opens its own connection from DATABASE_URL; like the other domains' CLI tests, on SQLite.
describe('climate CLI on sqlite', () => {
  let env: TestEnv;
  let dir: string;
  let ctx: Ctx;
  const write = (name: string, content: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const lineCount = async () => Number((await ctx.scope.selectFrom('climate_ledger_line').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    env = await createTestEnv('sqlite', {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    ctx = await systemCtx(env.deps, 'asker', () => NOW);
    dir = path.dirname(env.config.storageDir);
  });
  afterAll(async () => env?.close());

  it('runs from the CLI: import-ledger and report with --json, exit 1 and nothing written on a bad line', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
    const cliEnv = { DATABASE_URL: `sqlite:${(env.config.database as { file: string }).file}`, DATA_DIR: env.config.dataDir, STORAGE_DIR: env.config.storageDir, LOG_LEVEL: 'silent' };
    const file = write('cli.csv', 'dato,enhet,konto,funksjon,beløp\n2026-01-05,1100,115,202,"1 000,00"\n2026-01-06,1100,115,202,-100\n'.replace('enhet', 'unit').replace('konto', 'account'));
    expect(await run(['climate', 'import-ledger', file, '--json'], cliEnv, io), err.join('\n')).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect(r).toMatchObject({ lines: 2, imported: 2, skipped: 0, totalNok: 900, errors: [] });
    expect(r.totalKgCo2e).toBeGreaterThan(0);
    out.length = 0;
    expect(await run(['climate', 'import-ledger', file, '--json'], cliEnv, io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ imported: 0, skipped: 2, unchanged: true });
    out.length = 0;
    const before = await lineCount();
    const bad = write('cli-feil.csv', 'Dato;Kost;Art;Funksjon;Beløp\n2026-02-01;1100;115;202;10\n2026-02-30;1100;115;202;10\n');
    expect(await run(['climate', 'import-ledger', bad, '--map', 'ansvar=Kost', '--json'], cliEnv, io)).toBe(1);
    expect(JSON.parse(out.join('\n')).errors).toEqual([{ line: 3, field: 'dato', message: expect.stringContaining('2026-02-30') }]);
    expect(await lineCount()).toBe(before);
    out.length = 0;
    expect(await run(['climate', 'report', '--year', '2026', '--by', 'month', '--json'], cliEnv, io)).toBe(0);
    const rep = JSON.parse(out.join('\n'));
    expect(rep.rows).toEqual([expect.objectContaining({ key: '2026-01', nok: 900 })]);
    expect(rep.totalNok).toBe(900);
    expect(await run(['climate', 'report', '--year', '2026', '--by', 'colour'], cliEnv, io)).toBe(2);
  });
});
