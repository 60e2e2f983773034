import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '@omstilling/core';
import { createTestEnv, ENGINES, type TestEnv } from '../testing/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { run } from '../cli/main.js';
import { getProgramView, listPrograms } from './program.service.js';
import { councilReport, renderReport, reportAsOf } from './report.pdf.js';
import { findInter, reportFonts } from './report.fonts.js';
import { formatNumber, formatValue, reasonText } from './exports.service.js';
import type { IndicatorView } from './program.view.js';

const NOW = new Date('2026-11-27T10:00:00Z');

// Windows-1252 bytes 0x80–0x9F (pdfkit's built-in fonts use WinAnsiEncoding).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The text of an uncompressed PDF as pdfkit writes it: each font's ToUnicode map (embedded
 * fonts) or WinAnsi (built-in fonts) turns the hex strings of the TJ operators back into text,
 * one line per text operator, pages separated by form feeds.
 */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of src.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) objects.set(m[1]!, m[2]!);
  const fonts = new Map<string, Map<number, string> | null>();
  for (const m of src.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(m[1]!)) continue;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(m[2]!) ?? '');
    if (!toUnicode) {
      fonts.set(m[1]!, null);
      continue;
    }
    const map = new Map<number, string>();
    const cmap = objects.get(toUnicode[1]!) ?? '';
    for (const range of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const start = parseInt(range[1]!, 16);
      [...range[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, k) => map.set(start + k, String.fromCharCode(...e[1]!.trim().split(/\s+/).map((h) => parseInt(h, 16)))));
    }
    fonts.set(m[1]!, map);
  }
  const decode = (hex: string, font: Map<number, string> | null) => {
    let out = '';
    if (font) for (let k = 0; k + 4 <= hex.length; k += 4) out += font.get(parseInt(hex.slice(k, k + 4), 16)) ?? '\ufffd';
    else
      for (let k = 0; k + 2 <= hex.length; k += 2) {
        const b = parseInt(hex.slice(k, k + 2), 16);
        out += b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b);
      }
    return out;
  };
  const pages: string[] = [];
  for (const m of src.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const content = m[1]!;
    if (!/ (TJ|Tf)\b/.test(content)) continue;
    let font: Map<number, string> | null = null;
    const lines: string[] = [];
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? null;
      else lines.push([...op[2]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => decode(h[1]!, font)).join(''));
    }
    pages.push(lines.join('\n'));
  }
  return pages.join('\f');
}

describe('report helpers', () => {
  it('formats numbers the Norwegian way', () => {
    expect(formatNumber(1234.5, 1)).toBe('1\u00a0234,5');
    expect(formatNumber(-12.25, 2)).toBe('\u221212,25');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
    expect(formatValue(62, { unit: '%', decimals: 0 })).toBe('62\u00a0%');
    expect(formatValue(12, { unit: 'antall', decimals: 0 })).toBe('12');
  });

  it('picks the figures as of 31 December, or today in the current year', () => {
    expect(reportAsOf(2025, '2026-11-27')).toBe('2025-12-31');
    expect(reportAsOf(2026, '2026-11-27')).toBe('2026-11-27');
  });

  it('finds Inter where fonts-inter puts it, and falls back to Helvetica without it', () => {
    expect(findInter(['/nonexistent'])).toBeNull();
    const fallback = reportFonts('auto', ['/nonexistent']);
    expect(fallback.family).toBe('Helvetica');
    // Helvetica (WinAnsi) has æøå but no subscript two or minus sign.
    expect(fallback.clean('CO₂e −5 æøå ÆØÅ «»–')).toBe('CO2e -5 æøå ÆØÅ «»–');
    if (findInter()) expect(reportFonts().family).toBe('Inter');
  });
});

describe.each(ENGINES)('council report (%s)', (engine) => {
  let env: TestEnv;
  let ctx: Ctx;
  let programId: string;

  beforeAll(async () => {
    env = await createTestEnv(engine, {}, () => NOW);
    await seedDemo(env.deps, 'asker');
    const m = (await municipalityRepository(env.deps.db).bySlug('asker'))!;
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: () => NOW };
    programId = (await listPrograms(ctx))[0]!.id;
  });
  afterAll(() => env?.close());

  it('has a cover, the status rule, every point with its status, and one section per area', async () => {
    const view = await getProgramView(ctx, programId, { publicOnly: false });
    const r = await councilReport(ctx, programId, { publicOnly: false, year: 2026, compress: false });
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.pages).toBeGreaterThan(12);
    const text = pdfText(r.body);
    const pages = text.split('\f');
    expect(pages).toHaveLength(r.pages);
    expect(pages[0]).toContain('ASKER KOMMUNE');
    expect(pages[0]).toContain('Årsrapport 2026');
    expect(pages[0]).toContain('27. november 2026');
    // How status is computed: the rule of the core, one item per status.
    expect(text).toContain('Slik beregnes status');
    expect(text).toContain('Verdien ligger bak banen, men ikke mer enn');
    const codes = view.areas.flatMap((a) => a.goals.map((g) => g.code));
    expect(codes).toHaveLength(15);
    const summary = pages.find((p) => p.includes('Oversikt over alle punkter') && p.includes('Nøkkeltall'))!;
    for (const g of view.areas.flatMap((a) => a.goals)) {
      expect(text, g.code).toContain(`${g.code}  ${g.title.nb}`.slice(0, 30));
      expect(text).toContain(g.text.nb.split(' ').slice(0, 4).join(' '));
    }
    for (const c of codes.slice(0, 6)) expect(summary).toContain(c);
    for (const a of view.areas) expect(text).toContain(`${a.code}  ${a.title.nb}`);
    // Every indicator with its status and reason; the internal edition has internal ones too.
    const all = view.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators));
    for (const i of all) expect(text, i.key).toContain(i.name.nb.slice(0, 40));
    expect(text).toContain('(intern indikator)');
    const reasons = all.map((i) => reasonText(i).slice(0, 30));
    expect(reasons.filter((x) => text.replace(/\n/g, ' ').includes(x)).length).toBeGreaterThan(all.length / 2);
    // Decisions with case numbers, page numbers and the data date in the footer.
    expect(text).toMatch(/Vedtak \(sak \d+\/\d+\)/);
    expect(text).toContain(`Side 2 av ${r.pages}`);
    expect(text).toContain('Tall per 27.11.2026');
    // Norwegian numbers on the chart axes (a non-breaking space groups thousands).
    expect(text).toMatch(/\b\d{1,3}\u00a0\d{3}\b/);
  });

  it('leaves internal indicators out of the public edition', async () => {
    const internal = (await getProgramView(ctx, programId, { publicOnly: false })).areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).filter((i: IndicatorView) => i.visibility === 'internal');
    expect(internal.length).toBeGreaterThan(0);
    const r = await councilReport(ctx, programId, { publicOnly: true, year: 2025, compress: false });
    const text = pdfText(r.body);
    expect(text).toContain('Årsrapport 2025');
    expect(text).toContain('Tall per 31.12.2025');
    expect(text).toContain('Offentlig utgave');
    for (const i of internal) expect(text).not.toContain(i.name.nb);
    expect(r.fileName).toBe('asker-sdg12-arsrapport-2025.pdf');
  });

  it('draws with the built-in Helvetica when Inter is missing, æøå included', async () => {
    const r = await councilReport(ctx, programId, { publicOnly: true, year: 2026, font: 'helvetica', compress: false });
    expect(r.font).toBe('Helvetica');
    expect(r.body.toString('latin1')).not.toContain('/FontFile');
    const text = pdfText(r.body);
    expect(text).toContain('Årsrapport 2026');
    expect(text).toContain('Miljøsertifisering');
    expect(text).toContain('Grønnere næringsliv');
  });

  it('lays out awkward content: very long texts, no targets, no values, one value, negative values', async () => {
    const view = structuredClone(await getProgramView(ctx, programId, { publicOnly: false }));
    const goal = view.areas[0]!.goals[0]!;
    const long = Array.from({ length: 260 }, (_, k) => `ord${k}`).join(' ');
    goal.text.nb = `${long} SLUTT-PÅ-PUNKTTEKSTEN`;
    const [a, b, c] = view.areas[1]!.goals[0]!.indicators.concat(view.areas[1]!.goals[1]!.indicators);
    Object.assign(a!, { targets: [], baseline: null, pathPoints: [], values: [] });
    Object.assign(b!, { values: b!.values.slice(0, 1) });
    Object.assign(c!, { values: c!.values.map((v) => ({ ...v, value: -v.value - 1234.5 })), targets: [{ date: '2030-12-31', value: -5000, label: null }] });
    goal.actions[0]!.log.push(...Array.from({ length: 5 }, (_, k) => ({ id: `x${k}`, date: `2026-0${k + 1}-01`, kind: 'decision', text: { nb: `${long} SLUTT-PÅ-LOGGEN-${k}`, en: '' }, caseNumber: `26/${k}`, author: 'test' })));
    const r = await renderReport({ view, municipality: { name: 'Asker kommune', slug: 'asker' }, year: 2026, generatedOn: '2026-11-27', publicOnly: false }, { compress: false });
    const text = pdfText(r.body);
    expect(text).toContain('SLUTT-PÅ-PUNKTTEKSTEN');
    // Only the three latest entries of a log are shown.
    expect(text).toContain('SLUTT-PÅ-LOGGEN-4');
    expect(text).not.toContain('SLUTT-PÅ-LOGGEN-1');
    expect(text).toContain('Ingen tall å vise ennå');
    expect(text).toMatch(/−1 \d{3}/);
    expect(text.split('\f')).toHaveLength(r.pages);
  });

  it('refuses a year that has not come or that the program had not started', async () => {
    await expect(councilReport(ctx, programId, { publicOnly: true, year: 2027 })).rejects.toBeInstanceOf(AppError);
    await expect(councilReport(ctx, programId, { publicOnly: true, year: 2001 })).rejects.toMatchObject({ code: 'validation' });
  });

  // The CLI opens its own database from DATABASE_URL (a file here); its services are tested on both engines above.
  (engine === 'sqlite' ? it : () => {})('writes the report from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-report-'));
    const out = path.join(dir, 'rapport.pdf');
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t) };
    const cliEnv = { DATABASE_URL: `sqlite:${(env.config.database as { file: string }).file}`, DATA_DIR: env.config.dataDir, STORAGE_DIR: env.config.storageDir, LOG_LEVEL: 'silent' };
    try {
      expect(await run(['program', 'report', '--out', out, '--year', '2025', '--json'], cliEnv, io), lines.join('\n')).toBe(0);
      expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(JSON.parse(lines.join('\n'))).toMatchObject({ file: out, fileName: 'asker-sdg12-arsrapport-2025-intern.pdf' });
      expect(await run(['program', 'report', '--year', '2025'], cliEnv, io)).toBe(2);
      expect(await run(['program', 'report', '--out', out, 'no-such-program'], cliEnv, io)).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
