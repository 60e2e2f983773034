import { collectRows, parseIsoOrNorwegianDate, parseNorwegianNumber, type RowIssue } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { programRepository, type IndicatorRow, type ValueRow } from './program.repository.js';
import { programPolicy as policy } from './program.policy.js';
import { invalidateProgramCache } from './program.cache.js';
import type { ValueView } from './program.view.js';

export interface ValueInput {
  period: string;
  date: string;
  value: number;
  note?: string | null;
  sourceId?: string | null;
}

const present = (v: ValueRow): ValueView => ({ id: v.id, sourceId: v.source_id, period: v.period, date: v.date, value: v.value, note: v.note, producedBy: v.produced_by_label, importFile: v.import_file, importLine: v.import_line });

const ISO = /^\d{4}-\d{2}-\d{2}$/;

async function writableIndicator(ctx: Ctx, indicatorId: string): Promise<IndicatorRow> {
  const ind = await programRepository(ctx.scope).indicatorById(indicatorId);
  if (!ind) throw AppError.notFound('Indikatoren');
  if (!policy.recordValue(ctx.actor, ind.responsible_unit_id)) throw AppError.forbidden('Du kan bare registrere verdier for indikatorer din enhet har ansvar for');
  if (ind.source_kind === 'computed' || ind.source_kind === 'derived') throw AppError.validation('Verdiene til denne indikatoren beregnes automatisk', [{ field: 'indicatorId', message: ind.source_kind === 'computed' ? `Beregnes av domenet ${ind.source_domain}` : `Beregnes med formelen ${ind.formula}` }]);
  return ind;
}

function checkValue(input: ValueInput, ctx: Ctx) {
  const d = [];
  if (!input.period?.trim()) d.push({ field: 'period', message: 'Perioden må fylles ut (f.eks. 2025 eller 2025-K2)' });
  if (!ISO.test(input.date) || Number.isNaN(Date.parse(input.date))) d.push({ field: 'date', message: 'Datoen må være en gyldig dato (ÅÅÅÅ-MM-DD)' });
  else if (input.date > nowIso(ctx).slice(0, 10)) d.push({ field: 'date', message: 'Datoen kan ikke ligge i framtiden' });
  if (!Number.isFinite(input.value)) d.push({ field: 'value', message: 'Verdien må være et tall' });
  if (d.length) throw AppError.validation('Verdien kunne ikke lagres', d);
}

/** Records a value for a period; a value for the same date and source is replaced (and the old one kept in the audit log). */
export async function recordValue(ctx: Ctx, indicatorId: string, input: ValueInput): Promise<ValueView> {
  const ind = await writableIndicator(ctx, indicatorId);
  checkValue(input, ctx);
  return ctx.scope.transaction(async (scope) => {
    const repo = programRepository(scope);
    const sourceId = input.sourceId ?? ind.primary_source_id;
    const source = sourceId ? await repo.sourceById(sourceId) : undefined;
    if (!source || source.indicator_id !== ind.id) throw AppError.validation('Ukjent kilde', [{ field: 'sourceId', message: 'Kilden tilhører ikke denne indikatoren' }]);
    const at = nowIso(ctx);
    const existing = await repo.valueAt(source.id, input.date);
    const fields = { period: input.period.trim(), value: input.value, note: input.note?.trim() || null, produced_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, produced_by_label: actorLabel(ctx.actor), import_file: null, import_line: null, updated_at: at };
    let row: ValueRow;
    if (existing) {
      await repo.updateValue(existing.id, fields);
      row = { ...existing, ...fields };
    } else {
      row = { id: newId(), municipality_id: scope.municipalityId, indicator_id: ind.id, source_id: source.id, date: input.date, created_at: at, ...fields };
      const { municipality_id: _m, ...insert } = row;
      await repo.insertValue(insert);
    }
    await recordAudit({ ...ctx, scope }, { action: existing ? 'update' : 'create', entityType: 'indicator_value', entityId: row.id, summary: `${ind.name_nb}: ${input.period} = ${input.value}`, before: existing ? present(existing) : undefined, after: present(row) });
    invalidateProgramCache(scope.municipalityId);
    return present(row);
  });
}

/** Removes a value (kept in the audit log). */
export async function deleteValue(ctx: Ctx, valueId: string): Promise<void> {
  const repo = programRepository(ctx.scope);
  const v = await repo.valueById(valueId);
  if (!v) throw AppError.notFound('Verdien');
  await writableIndicator(ctx, v.indicator_id);
  await ctx.scope.transaction(async (scope) => {
    await programRepository(scope).deleteValue(valueId);
    await recordAudit({ ...ctx, scope }, { action: 'delete', entityType: 'indicator_value', entityId: valueId, summary: `Verdi for ${v.period} slettet`, before: present(v) });
  });
  invalidateProgramCache(ctx.scope.municipalityId);
}

export interface ValueImportResult {
  file: string;
  format: string;
  encoding: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

const COLUMNS = {
  indicator: ['indikator', 'indicator', 'nøkkel', 'key'],
  period: ['periode', 'period'],
  date: ['dato', 'date'],
  value: ['verdi', 'value'],
  note: ['merknad', 'note', 'kommentar'],
};
const pick = (cells: Record<string, string>, names: string[]) => names.map((n) => cells[n]).find((v) => v !== undefined) ?? '';

/**
 * Imports values from a spreadsheet (columns indikator;periode;dato;verdi;merknad, Norwegian
 * number and date formats accepted). All or nothing: any bad line stops the import and every
 * bad line is reported with its number and reason. Importing the same file again changes nothing.
 */
export async function importValues(ctx: Ctx, programIdOrKey: string, fileName: string, data: Buffer, onProgress?: (done: number, total: number) => void): Promise<ValueImportResult> {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const repo = programRepository(ctx.scope);
  const program = (await repo.programById(programIdOrKey)) ?? (await repo.programByKey(programIdOrKey));
  if (!program) throw AppError.notFound('Programmet');
  const sheet = await readSpreadsheet(fileName, data);
  const missingCols = (['indicator', 'period', 'date', 'value'] as const).filter((c) => !COLUMNS[c].some((n) => sheet.header.includes(n)));
  if (missingCols.length) throw new AppError('import_failed', `${fileName}: mangler kolonner`, missingCols.map((c) => ({ file: fileName, line: 1, field: COLUMNS[c][0], message: `Kolonnen «${COLUMNS[c][0]}» mangler (fant: ${sheet.header.join(', ')})` })));
  const indicators = new Map((await repo.indicatorsOfProgram(program.id)).map((i) => [i.key, i]));
  const today = nowIso(ctx).slice(0, 10);
  const seen = new Map<string, number>();
  const { ok, issues } = collectRows(sheet.rows, (row) => {
    const bad: RowIssue[] = [];
    const issue = (field: string, message: string, messageEn: string) => bad.push({ line: row.line, field, message, messageEn });
    const key = pick(row.cells, COLUMNS.indicator).trim();
    const ind = indicators.get(key);
    if (!key) issue('indikator', 'Indikatornøkkel mangler', 'Indicator key missing');
    else if (!ind) issue('indikator', `Ukjent indikator «${key}» i programmet ${program.key}`, `Unknown indicator "${key}"`);
    else if (ind.source_kind === 'computed' || ind.source_kind === 'derived') issue('indikator', `«${key}» beregnes automatisk og tar ikke imot verdier`, `"${key}" is computed and takes no values`);
    else if (!policy.recordValue(ctx.actor, ind.responsible_unit_id)) issue('indikator', `Du kan ikke registrere verdier for «${key}»`, `You may not record values for "${key}"`);
    const rawDate = pick(row.cells, COLUMNS.date);
    const date = parseIsoOrNorwegianDate(rawDate);
    if (!date) issue('dato', `Ugyldig dato «${rawDate}» (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)`, `Invalid date "${rawDate}"`);
    else if (date > today) issue('dato', `Datoen ${date} ligger i framtiden`, `Date ${date} is in the future`);
    const rawValue = pick(row.cells, COLUMNS.value);
    const value = parseNorwegianNumber(rawValue);
    if (value === null) issue('verdi', `Ugyldig tall «${rawValue}»`, `Invalid number "${rawValue}"`);
    const period = pick(row.cells, COLUMNS.period).trim() || date?.slice(0, 4) || '';
    if (ind && date) {
      const dup = seen.get(`${key}|${date}`);
      if (dup) issue('dato', `Samme indikator og dato som linje ${dup}`, `Same indicator and date as line ${dup}`);
      seen.set(`${key}|${date}`, row.line);
    }
    if (bad.length) return bad;
    return { line: row.line, ind: ind!, date: date!, value: value!, period, note: pick(row.cells, COLUMNS.note).trim() || null };
  });
  if (issues.length) throw new AppError('import_failed', `${fileName}: ${issues.length} feil; ingenting er importert`, issues.map((i) => ({ file: fileName, line: i.line, field: i.field, message: i.message })));
  if (!ok.length) throw new AppError('import_failed', `${fileName}: filen har ingen verdier`, [{ file: fileName, message: 'ingen datalinjer' }]);

  const result: ValueImportResult = { file: fileName, format: sheet.format, encoding: sheet.encoding, rows: ok.length, created: 0, updated: 0, unchanged: 0 };
  await ctx.scope.transaction(async (scope) => {
    const trepo = programRepository(scope);
    const at = nowIso(ctx);
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const label = actorLabel(ctx.actor);
    for (const [n, r] of ok.entries()) {
      const sourceId = r.ind.primary_source_id!;
      const existing = await trepo.valueAt(sourceId, r.date);
      if (!existing) {
        await trepo.insertValue({ id: newId(), indicator_id: r.ind.id, source_id: sourceId, period: r.period, date: r.date, value: r.value, note: r.note, produced_by: by, produced_by_label: label, import_file: fileName, import_line: r.line, created_at: at, updated_at: at });
        result.created++;
      } else if (existing.value !== r.value || existing.period !== r.period || existing.note !== r.note) {
        await trepo.updateValue(existing.id, { period: r.period, value: r.value, note: r.note, produced_by: by, produced_by_label: label, import_file: fileName, import_line: r.line, updated_at: at });
        result.updated++;
      } else result.unchanged++;
      if (onProgress && n % 50 === 0) onProgress(n, ok.length);
    }
    if (result.created || result.updated) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'indicator_value', entityId: `${program.key}:${fileName}`, summary: `Verdier importert fra ${fileName}: ${result.created} nye, ${result.updated} endret, ${result.unchanged} uendret`, after: result });
  });
  onProgress?.(ok.length, ok.length);
  invalidateProgramCache(ctx.scope.municipalityId);
  return result;
}
