import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseCsv, parseNorwegianNumber } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { DEMO_PASSWORD, sessionFrom, type TestSession } from '../testing/http.js';
import { seedDemo } from '../demo/demo.service.js';
import { buildApp } from '../app.js';
import type { IndicatorView, ProgramView } from './program.view.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const programFile = path.resolve(import.meta.dirname, '../../../../data/programs/asker-sdg12.json');

/** Keys of the indicators the program file marks internal (they must stay out of public files). */
function internalKeys(): string[] {
  const def = JSON.parse(fs.readFileSync(programFile, 'utf8')) as { areas: { goals: { indicators: { key: string; visibility?: string }[] }[] }[] };
  return def.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.filter((i) => i.visibility === 'internal').map((i) => i.key)));
}

const indicators = (v: ProgramView): IndicatorView[] => [...v.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)), ...v.contextIndicators];
const valueCount = (v: ProgramView) => indicators(v).reduce((n, i) => n + i.values.length, 0);
const STATUS_NB = ['I rute', 'I fare', 'Ikke i rute', 'Mangler data'];

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet as objects keyed by the header row. */
function sheetRows(ws: ExcelJS.Worksheet): { cells: Record<string, ExcelJS.Cell> }[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: { cells: Record<string, ExcelJS.Cell> }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, ExcelJS.Cell> = {};
    header.forEach((h, k) => (cells[h] = row.getCell(k + 1)));
    rows.push({ cells });
  });
  return rows;
}

describe.each(ENGINES)('program exports and council report over HTTP (%s)', (engine) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let admin: TestSession;
  let business: TestSession;
  let programId: string;
  let internalView: ProgramView;
  let publicView: ProgramView;
  const secret = internalKeys();

  const login = async (email: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    return sessionFrom(res);
  };

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    app = await buildApp(env.deps);
    await app.ready();
    admin = await login('admin@asker.example');
    business = await login('vibeke@holmsbu-fjordhotell.example');
    programId = (await app.inject({ url: '/api/public/programs' })).json()[0].id;
    internalView = (await app.inject({ url: `/api/programs/${programId}`, headers: admin.headers() })).json();
    // The public API gives a summary and one resource per point; put the full public view together from them.
    const summary = (await app.inject({ url: `/api/public/programs/${programId}` })).json();
    const goals = [];
    for (const a of summary.areas) for (const g of a.goals) goals.push((await app.inject({ url: `/api/public/programs/${programId}/goals/${g.code}` })).json().goal);
    const context = internalView.contextIndicators.filter((i) => i.visibility === 'public');
    publicView = { ...internalView, contextIndicators: context, areas: [{ ...internalView.areas[0]!, goals }] };
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('has internal indicators to leave out (so the public checks below mean something)', () => {
    expect(secret).toContain('a1-staff-trained-share');
    expect(indicators(internalView).map((i) => i.key)).toEqual(expect.arrayContaining(secret));
    expect(indicators(publicView).map((i) => i.key)).not.toEqual(expect.arrayContaining([secret[0]]));
  });

  it('exports every value as CSV for Norwegian Excel: BOM, semicolons, CRLF, decimal comma', async () => {
    const res = await app.inject({ url: `/api/programs/${programId}/export.csv`, headers: admin.headers() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="asker-sdg12-indikatorer-2026-11-27.csv"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const table = parseCsv(text);
    expect(table.issues).toEqual([]);
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['program', 'område', 'mål', 'indikator', 'navn', 'enhet', 'periode', 'dato', 'verdi', 'kilde', 'produsent', 'registrert av', 'importfil', 'linje', 'merknad']);
    expect(table.rows).toHaveLength(valueCount(internalView));
    expect(new Set(table.rows.map((r) => r.cells.indikator))).toEqual(new Set(indicators(internalView).filter((i) => i.values.length).map((i) => i.key)));
    for (const k of secret) expect(table.rows.some((r) => r.cells.indikator === k)).toBe(true);

    // A value with decimals comes back the same, with a decimal comma, traced to its file and line.
    const i = indicators(internalView).find((x) => x.values.some((v) => !Number.isInteger(v.value) && v.importLine))!;
    const v = i.values.find((x) => !Number.isInteger(x.value) && x.importLine)!;
    const row = table.rows.find((r) => r.cells.indikator === i.key && r.cells.dato === v.date)!;
    expect(row.cells.verdi).toContain(',');
    expect(parseNorwegianNumber(row.cells.verdi!)).toBeCloseTo(v.value, 9);
    expect(row.cells).toMatchObject({ program: 'asker-sdg12', mål: i.goalCode ?? '', enhet: i.unit, periode: v.period, importfil: 'indicator-values.csv', linje: String(v.importLine) });
    expect(row.cells['område']).toBe(i.goalCode ? i.goalCode[0] : '');
  });

  it('exports only public indicators to anyone, without a login and without staff e-mail addresses', async () => {
    const res = await app.inject({ url: `/api/public/programs/${programId}/export.csv` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    const table = parseCsv(res.body);
    expect(table.rows).toHaveLength(valueCount(publicView));
    expect(table.rows.length).toBeLessThan(valueCount(internalView));
    for (const k of secret) expect(table.rows.some((r) => r.cells.indikator === k), k).toBe(false);
    expect(res.body).not.toMatch(/@[a-z0-9.-]+\.[a-z]+/i);

    const xlsx = await app.inject({ url: `/api/public/programs/${programId}/export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = await workbook(xlsx.rawPayload);
    const keys = sheetRows(wb.getWorksheet('Indikatorer')!).map((r) => r.cells.indikator!.value);
    expect(keys).toHaveLength(indicators(publicView).length);
    for (const k of secret) expect(keys).not.toContain(k);
  });

  it('exports an Excel workbook with the values and the indicators, as numbers and dates', async () => {
    const res = await app.inject({ url: `/api/programs/${programId}/export.xlsx`, headers: admin.headers() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="asker-sdg12-indikatorer-2026-11-27.xlsx"');
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Verdier', 'Indikatorer']);

    const values = wb.getWorksheet('Verdier')!;
    expect(values.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(values.autoFilter).toBeTruthy();
    const rows = sheetRows(values);
    expect(rows).toHaveLength(valueCount(internalView));
    for (const r of rows) {
      expect(r.cells.verdi!.type).toBe(ExcelJS.ValueType.Number);
      expect(r.cells.dato!.value).toBeInstanceOf(Date);
    }
    expect(rows[0]!.cells.dato!.numFmt).toBe('dd.mm.yyyy');
    expect(rows[0]!.cells.verdi!.numFmt).toMatch(/^#,##0/);
    expect((values.getColumn(5).width ?? 0) > 10).toBe(true);

    const sheet = sheetRows(wb.getWorksheet('Indikatorer')!);
    expect(sheet).toHaveLength(indicators(internalView).length);
    for (const r of sheet) expect(STATUS_NB).toContain(r.cells.status!.value);
    const withValue = indicators(internalView).find((i) => i.latestValue !== null && i.goalCode)!;
    const row = sheet.find((r) => r.cells.indikator!.value === withValue.key)!;
    expect(row.cells['siste verdi']!.type).toBe(ExcelJS.ValueType.Number);
    expect(row.cells['siste verdi']!.value).toBeCloseTo(withValue.latestValue!, 9);
    expect(row.cells.utgangsverdi!.value).toBe(withValue.baseline!.value);
    expect(row.cells['ansvarlig enhet']!.value).toBe(withValue.responsibleUnit!.name);
    expect(String(row.cells.begrunnelse!.value).length).toBeGreaterThan(20);
  });

  it('switches headers, sheet names and status words to English with ?lang=en', async () => {
    const csv = await app.inject({ url: `/api/public/programs/${programId}/export.csv?lang=en` });
    expect(csv.headers['content-disposition']).toContain('asker-sdg12-indicators-2026-11-27.csv');
    expect(parseCsv(csv.body).header.slice(0, 5)).toEqual(['program', 'area', 'goal', 'indicator', 'name']);
    const res = await app.inject({ url: `/api/public/programs/${programId}/export.xlsx?lang=en` });
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Values', 'Indicators']);
    const statuses = new Set(sheetRows(wb.getWorksheet('Indicators')!).map((r) => r.cells.status!.value));
    for (const s of statuses) expect(['On track', 'At risk', 'Off track', 'No data']).toContain(s);
    expect((await app.inject({ url: `/api/public/programs/${programId}/export.csv?lang=de` })).statusCode).toBe(400);
  });

  it('keeps the internal exports and report to signed-in staff', async () => {
    for (const f of ['export.csv', 'export.xlsx', 'report.pdf']) {
      const anon = await app.inject({ url: `/api/programs/${programId}/${f}` });
      expect(anon.statusCode, f).toBe(401);
      expect(anon.json().code).toBe('unauthenticated');
      const biz = await app.inject({ url: `/api/programs/${programId}/${f}`, headers: business.headers() });
      expect(biz.statusCode, f).toBe(403);
    }
    expect((await app.inject({ url: '/api/public/programs/no-such-program/export.csv' })).statusCode).toBe(404);
  });

  it('serves the council report as PDF, internal and public', async () => {
    const res = await app.inject({ url: `/api/programs/${programId}/report.pdf?year=2026`, headers: admin.headers() });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="asker-sdg12-arsrapport-2026-intern.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(10);

    const pub = await app.inject({ url: `/api/public/programs/${programId}/report.pdf?year=2025` });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-disposition']).toBe('inline; filename="asker-sdg12-arsrapport-2025.pdf"');
    expect(pub.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A second reader within seconds gets the same document.
    const again = await app.inject({ url: `/api/public/programs/${programId}/report.pdf?year=2025` });
    expect(again.rawPayload.equals(pub.rawPayload)).toBe(true);

    expect((await app.inject({ url: `/api/programs/${programId}/report.pdf?year=2031`, headers: admin.headers() })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/programs/${programId}/report.pdf?year=2001`, headers: admin.headers() })).statusCode).toBe(400);
  });

  it('documents the exports in the OpenAPI description', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths['/api/public/programs/{id}/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(doc.paths['/api/public/programs/{id}/report.pdf'].get.tags).toEqual(['open data']);
    expect(doc.paths['/api/programs/{id}/export.xlsx']).toBeTruthy();
  });
});
