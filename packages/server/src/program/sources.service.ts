import { JsonStatError, jsonStatSeries, parseJsonStat, tableSeries } from '@omstilling/core';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { AppError } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { programRepository } from './program.repository.js';
import { programPolicy as policy } from './program.policy.js';
import { invalidateProgramCache } from './program.cache.js';

export interface JsonStatImportInput {
  fileName: string;
  /** The file's text (parsed here, after the indicator is found) or its parsed JSON. */
  json: unknown;
  /** One category per dimension other than time, e.g. { Region: '3203', ContentsCode: 'Personer1' }. */
  filter: Record<string, string>;
  time?: string;
  /** Whether a period's value is dated at its start (stocks like population on 1 January) or its end. */
  at?: 'start' | 'end';
  url?: string | null;
  limits?: string | null;
}

export interface JsonStatImportResult {
  sourceId: string;
  sourceName: string;
  values: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports one series of a JSON-stat 2.0 dataset (Statistics Norway's API format) as an open-data
 * source of an indicator, beside its other sources. The indicator's own (primary) source is
 * not changed; choose it with setPrimarySource. Importing the same file again changes nothing.
 */
export async function importJsonStat(ctx: Ctx, indicatorId: string, input: JsonStatImportInput): Promise<JsonStatImportResult> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const repo = programRepository(ctx.scope);
  const ind = await repo.indicatorById(indicatorId);
  if (!ind) throw AppError.notFound('Indikatoren');
  let json = input.json;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch (e) {
      throw new AppError('import_failed', `${input.fileName}: ikke gyldig JSON`, [{ file: input.fileName, message: (e as Error).message }]);
    }
  }
  let series;
  let ds;
  try {
    ds = parseJsonStat(json);
    series = jsonStatSeries(ds, input.filter, { time: input.time, at: input.at });
  } catch (e) {
    if (e instanceof JsonStatError) throw new AppError('import_failed', `${input.fileName}: ${e.message}`, [{ file: input.fileName, message: e.message }]);
    throw e;
  }
  if (!series.length) throw new AppError('import_failed', `${input.fileName}: utvalget gir ingen verdier`, [{ file: input.fileName, message: 'ingen verdier for dette utvalget' }]);
  const today = nowIso(ctx).slice(0, 10);
  const future = series.filter((o) => o.date > today);
  if (future.length) throw new AppError('import_failed', `${input.fileName}: ${future.length} verdier ligger i framtiden`, future.map((o) => ({ file: input.fileName, field: o.period, message: `perioden ${o.period} er datert ${o.date}, etter i dag` })));
  const selection = Object.entries(input.filter).map(([k, v]) => `${k}=${v}`).join(', ');
  const name = `${ds.source ?? 'åpne data'} – ${ds.label || input.fileName}`.slice(0, 200);
  const source = {
    kind: 'open_data',
    name,
    producer: ds.source ?? 'ukjent produsent',
    method: `JSON-stat 2.0, utvalg ${selection || '(hele tabellen)'}, verdier datert ved periodens ${input.at === 'start' ? 'start' : 'slutt'}`,
    version: ds.updated ?? '',
    limits: input.limits ?? '',
    url: input.url ?? null,
  };
  return storeSourceSeries(ctx, ind, source, series, input.fileName);
}

type SourceFields = { kind: string; name: string; producer: string; method: string; version: string; limits: string; url: string | null };

/** Writes a series as one source of an indicator (created or updated by its name); unchanged values stay. */
async function storeSourceSeries(ctx: Ctx, ind: { id: string; name_nb: string }, source: SourceFields, series: { period: string; date: string; value: number; line?: number }[], fileName: string): Promise<JsonStatImportResult> {
  const name = source.name;
  const result = await ctx.scope.transaction(async (scope) => {
    const trepo = programRepository(scope);
    const at = nowIso(ctx);
    const existing = await trepo.sourceByName(ind.id, name);
    const sourceId = existing?.id ?? newId();
    if (!existing) await trepo.insertSource({ id: sourceId, indicator_id: ind.id, ...source, created_at: at });
    else await trepo.updateSource(sourceId, source);
    const r: JsonStatImportResult = { sourceId, sourceName: name, values: series.length, created: 0, updated: 0, unchanged: 0 };
    for (const o of series) {
      const old = await trepo.valueAt(sourceId, o.date);
      if (!old) {
        await trepo.insertValue({ id: newId(), indicator_id: ind.id, source_id: sourceId, period: o.period, date: o.date, value: o.value, note: null, produced_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, produced_by_label: actorLabel(ctx.actor), import_file: fileName, import_line: o.line ?? null, created_at: at, updated_at: at });
        r.created++;
      } else if (old.value !== o.value || old.period !== o.period) {
        await trepo.updateValue(old.id, { period: o.period, value: o.value, import_file: fileName, import_line: o.line ?? null, updated_at: at });
        r.updated++;
      } else r.unchanged++;
    }
    if (r.created || r.updated || !existing) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'indicator_source', entityId: sourceId, summary: `${ind.name_nb}: ${r.values} verdier fra ${name}`, after: { ...source, ...r } });
    return r;
  });
  invalidateProgramCache(ctx.scope.municipalityId);
  return result;
}

export interface TableImportInput {
  fileName: string;
  data: Buffer;
  sheet?: string;
  municipalityColumn: string;
  yearColumn: string;
  valueColumn: string;
  where?: Record<string, string>;
  producer: string;
  dataset?: string | null;
  url?: string | null;
  limits?: string | null;
}

/**
 * Imports a published table (CSV/XLSX, e.g. the Norwegian Environment Agency's municipal
 * emission figures, one row per sector and year) as an open-data source: the rows of this
 * municipality (current and former numbers) are summed per year. All or nothing, with every
 * bad row's line; the values keep the first line they came from.
 */
export async function importTableSource(ctx: Ctx, indicatorId: string, municipalityNumbers: string[], input: TableImportInput): Promise<JsonStatImportResult> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const ind = await programRepository(ctx.scope).indicatorById(indicatorId);
  if (!ind) throw AppError.notFound('Indikatoren');
  const required = (['municipalityColumn', 'yearColumn', 'valueColumn', 'producer'] as const).filter((k) => !input[k]?.trim());
  if (required.length) throw AppError.validation('Fyll ut kolonnene og produsenten', required.map((k) => ({ field: k, message: 'må fylles ut' })));
  const sheet = await readSpreadsheet(input.fileName, input.data, { sheet: input.sheet });
  const missing = [input.municipalityColumn, input.yearColumn, input.valueColumn, ...Object.keys(input.where ?? {})].filter((c) => !sheet.header.includes(c.trim().toLowerCase()));
  if (missing.length) throw new AppError('import_failed', `${input.fileName}: mangler kolonner`, missing.map((c) => ({ file: input.fileName, line: 1, field: c, message: `Kolonnen «${c}» finnes ikke (fant: ${sheet.header.join(', ')})` })));
  const { series, issues } = tableSeries(sheet.rows, { municipalityColumn: input.municipalityColumn, municipalityNumbers, yearColumn: input.yearColumn, valueColumn: input.valueColumn, where: input.where });
  if (issues.length) throw new AppError('import_failed', `${input.fileName}: ${issues.length} feil; ingenting er importert`, issues.map((i) => ({ file: input.fileName, line: i.line, field: i.field, message: i.message })));
  if (!series.length) throw new AppError('import_failed', `${input.fileName}: ingen rader for kommunenummer ${municipalityNumbers.join(', ')}`, [{ file: input.fileName, field: input.municipalityColumn, message: 'ingen rader for kommunen' }]);
  const where = Object.entries(input.where ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const source = {
    kind: 'open_data',
    name: `${input.producer} – ${input.dataset || input.fileName}`.slice(0, 200),
    producer: input.producer,
    method: `Sum per år av radene for kommunenummer ${municipalityNumbers.join('/')} i kolonnen «${input.valueColumn}»${where ? `, der ${where}` : ''}`,
    version: input.fileName,
    limits: input.limits ?? '',
    url: input.url ?? null,
  };
  return storeSourceSeries(ctx, ind, source, series.map((s) => ({ period: s.period, date: s.date, value: s.value, line: s.lines[0] })), input.fileName);
}

/** Chooses which of an indicator's sources is its own: the one its status and charts use. */
export async function setPrimarySource(ctx: Ctx, indicatorId: string, sourceId: string): Promise<void> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const repo = programRepository(ctx.scope);
  const ind = await repo.indicatorById(indicatorId);
  if (!ind) throw AppError.notFound('Indikatoren');
  const src = await repo.sourceById(sourceId);
  if (!src || src.indicator_id !== ind.id) throw AppError.validation('Ukjent kilde', [{ field: 'sourceId', message: 'Kilden tilhører ikke denne indikatoren' }]);
  if (ind.source_kind === 'computed' || ind.source_kind === 'derived') throw AppError.validation('Kilden til en beregnet indikator velges i programfilen', [{ field: 'sourceId', message: `Indikatoren beregnes (${ind.source_kind})` }]);
  if (ind.primary_source_id === sourceId) return;
  await ctx.scope.transaction(async (scope) => {
    await programRepository(scope).updateIndicator(ind.id, { primary_source_id: sourceId, updated_at: nowIso(ctx) });
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'indicator', entityId: ind.id, summary: `${ind.name_nb}: egen kilde er nå «${src.name}»`, before: { primarySourceId: ind.primary_source_id }, after: { primarySourceId: sourceId } });
  });
  invalidateProgramCache(ctx.scope.municipalityId);
}
