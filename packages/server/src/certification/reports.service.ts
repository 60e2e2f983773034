import { REPORT_FIELDS, deriveReport, ghgAccount, parseIsoOrNorwegianDate, parseNorwegianNumber, validateReport, type GhgAccount, type OwnIndicator, type ReportData } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { certificationRepository, type ReportRow } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import type { CertificationDeps } from './certification.service.js';

export interface ReportView {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  values: Record<string, number | null>;
  own: OwnIndicator[];
  derived: { kwhPerM2: number | null; wasteTotalKg: number | null; sortingRatePct: number | null; sortingRateComputedPct: number | null };
  ghg: GhgAccount;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  importFile: string | null;
  importLine: number | null;
  updatedBy: string;
  updatedAt: string;
}

const presentReport = (r: ReportRow, unitName: string): ReportView => {
  const data = JSON.parse(r.data) as ReportData;
  const d = deriveReport(data);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName,
    year: Number(r.year),
    values: data.values,
    own: data.own,
    derived: { kwhPerM2: d.kwhPerM2, wasteTotalKg: d.wasteTotalKg, sortingRatePct: d.sortingRatePct, sortingRateComputedPct: d.sortingRateComputedPct },
    ghg: JSON.parse(r.ghg) as GhgAccount,
    status: r.status as ReportView['status'],
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by_label,
    importFile: r.import_file,
    importLine: r.import_line === null ? null : Number(r.import_line),
    updatedBy: r.updated_by_label,
    updatedAt: r.updated_at,
  };
};

/** Only the known fields, in form order, with null for those not reported (so equal reports compare equal). */
function normalise(values: Record<string, number | null | undefined>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of REPORT_FIELDS) out[f.key] = typeof values[f.key] === 'number' ? (values[f.key] as number) : null;
  return out;
}

const currentYear = (ctx: Ctx) => Number(nowIso(ctx).slice(0, 4));

export async function listReports(ctx: Ctx, filter: { year?: number; unitId?: string }): Promise<ReportView[]> {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const units = new Map((await organisationsRepository(ctx.scope).allUnits()).map((u) => [u.id, u.name]));
  const rows = await certificationRepository(ctx.scope).reports({ year: filter.year, unitIds: filter.unitId ? [filter.unitId] : undefined });
  return rows.map((r) => presentReport(r, units.get(r.unit_id) ?? '?')).sort((a, b) => b.year - a.year || a.unitName.localeCompare(b.unitName, 'nb'));
}

export async function getReport(ctx: Ctx, id: string): Promise<ReportView> {
  const row = await certificationRepository(ctx.scope).reportById(id);
  if (!row) throw AppError.notFound('Årsrapporten');
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const unit = await organisationsRepository(ctx.scope).unitById(row.unit_id);
  return presentReport(row, unit?.name ?? '?');
}

export interface ReportInput {
  unitId: string;
  year: number;
  values: Record<string, number | null | undefined>;
  own?: OwnIndicator[];
  /** Deliver the report (else it is kept as a draft). */
  submit?: boolean;
}

interface WriteOptions {
  importFile?: string | null;
  importLine?: number | null;
  submittedAt?: string | null;
}

/** Writes one report (insert or update) in the caller's transaction; returns what happened. */
async function writeReport(ctx: Ctx, deps: CertificationDeps, unitId: string, year: number, data: ReportData, submit: boolean, o: WriteOptions): Promise<{ row: ReportRow; change: 'created' | 'updated' | 'unchanged'; before: ReportRow | null }> {
  const repo = certificationRepository(ctx.scope);
  const at = nowIso(ctx);
  const ghg = ghgAccount(data, deps.reference.factors, year);
  const d = deriveReport(data);
  const existing = await repo.reportOf(unitId, year);
  const status = submit || existing?.status === 'submitted' ? 'submitted' : 'draft';
  const fields = {
    data: JSON.stringify(data),
    scope1_kg: ghg.scope1,
    scope2_kg: ghg.scope2,
    scope3_kg: ghg.scope3,
    total_kg: ghg.total,
    ghg: JSON.stringify(ghg),
    kwh_per_m2: d.kwhPerM2,
    sorting_rate_pct: d.sortingRatePct,
    status,
  };
  if (!existing) {
    const row: ReportRow = {
      id: newId(),
      municipality_id: ctx.scope.municipalityId,
      unit_id: unitId,
      year,
      ...fields,
      submitted_at: status === 'submitted' ? (o.submittedAt ?? at) : null,
      submitted_by_label: status === 'submitted' ? actorLabel(ctx.actor) : null,
      import_file: o.importFile ?? null,
      import_line: o.importLine ?? null,
      updated_by_label: actorLabel(ctx.actor),
      created_at: at,
      updated_at: at,
    };
    const { municipality_id: _m, ...insert } = row;
    await repo.insertReport(insert);
    return { row, change: 'created', before: null };
  }
  const same = existing.data === fields.data && existing.status === status && existing.ghg === fields.ghg;
  if (same) return { row: existing, change: 'unchanged', before: existing };
  // The first delivery date is kept: it is what "on time" is measured by.
  const patch = {
    ...fields,
    submitted_at: existing.submitted_at ?? (status === 'submitted' ? (o.submittedAt ?? at) : null),
    submitted_by_label: existing.submitted_by_label ?? (status === 'submitted' ? actorLabel(ctx.actor) : null),
    import_file: o.importFile !== undefined ? o.importFile : existing.import_file,
    import_line: o.importLine !== undefined ? o.importLine : existing.import_line,
    updated_by_label: actorLabel(ctx.actor),
    updated_at: at,
  };
  await repo.updateReport(existing.id, patch);
  return { row: { ...existing, ...patch }, change: 'updated', before: existing };
}

/**
 * The unit manager (or a certification editor) saves a unit's annual report for a year, as a draft or
 * delivered. Every number is checked against its range; a bad value writes nothing. The greenhouse-gas
 * account is computed with the emission factors for that year and stored with the factors it used.
 */
export async function saveReport(ctx: Ctx, deps: CertificationDeps, input: ReportInput): Promise<ReportView> {
  if (!policy.writeReport(ctx.actor, input.unitId)) throw AppError.forbidden('Du kan bare levere årsrapport for din egen enhet');
  const unit = await organisationsRepository(ctx.scope).unitById(input.unitId);
  const values = Object.fromEntries(Object.entries(input.values ?? {}).filter(([, v]) => v !== undefined)) as Record<string, number | null>;
  const data: ReportData = { values, own: input.own ?? [] };
  const issues = validateReport(input.year, data, currentYear(ctx));
  const details: ErrorDetail[] = issues.map((i) => ({ field: i.field, message: i.message }));
  if (!unit) details.unshift({ field: 'unitId', message: 'Enheten finnes ikke' });
  if (details.length) throw AppError.validation('Årsrapporten kunne ikke lagres', details);
  const clean: ReportData = { values: normalise(data.values), own: data.own.map((o) => ({ name: o.name.trim(), value: o.value, unit: o.unit.trim() })) };
  return ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    const { row, change, before } = await writeReport(tctx, deps, input.unitId, input.year, clean, input.submit === true, {});
    const view = presentReport(row, unit!.name);
    if (change !== 'unchanged') {
      await recordAudit(tctx, { action: change === 'created' ? 'create' : 'update', entityType: 'cert_report', entityId: row.id, summary: `Årsrapport ${input.year} for ${unit!.name} ${view.status === 'submitted' ? 'levert' : 'lagret som utkast'}`, before: before ? presentReport(before, unit!.name) : undefined, after: view });
    }
    return view;
  });
}

export interface ReportImportResult {
  file: string;
  format: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

const YEAR_COLUMNS = ['år', 'ar', 'aar', 'year'];
const UNIT_COLUMNS = ['enhet', 'enhet_nokkel', 'unit', 'unit_key'];

/**
 * Imports a year's (or several years') annual reports from CSV or XLSX: one row per unit and year,
 * columns `enhet` (unit key), `år`, the field columns (REPORT_FIELDS[].column) and optionally
 * `levert_dato` (delivery date). Atomic: a file with a bad line writes nothing and every bad line is
 * reported with its number and column. Importing the same file again changes nothing.
 */
export async function importReports(ctx: Ctx, deps: CertificationDeps, fileName: string, bytes: Buffer): Promise<ReportImportResult> {
  if (!policy.importReports(ctx.actor)) throw AppError.forbidden();
  const sheet = await readSpreadsheet(fileName, bytes);
  const col = (names: string[]) => names.find((n) => sheet.header.includes(n)) ?? null;
  const unitCol = col(UNIT_COLUMNS);
  const yearCol = col(YEAR_COLUMNS);
  const missing = [!unitCol && 'enhet', !yearCol && 'år'].filter(Boolean) as string[];
  if (missing.length) throw new AppError('import_failed', `${fileName}: mangler kolonne ${missing.join(' og ')}`, missing.map((m) => ({ file: fileName, line: 1, field: m, message: `Kolonnen «${m}» mangler i første linje` })));
  const known = new Set([...UNIT_COLUMNS, ...YEAR_COLUMNS, 'levert_dato', 'merknad', ...REPORT_FIELDS.map((f) => f.column)]);
  const unknown = sheet.header.filter((h) => h && !known.has(h) && !/^_\d+$/.test(h));
  if (unknown.length) throw new AppError('import_failed', `${fileName}: ukjente kolonner`, unknown.map((h) => ({ file: fileName, line: 1, field: h, message: `Ukjent kolonne «${h}». Kjente kolonner: enhet, år, levert_dato, ${REPORT_FIELDS.map((f) => f.column).join(', ')}` })));
  const units = new Map((await organisationsRepository(ctx.scope).allUnits()).map((u) => [u.key, u]));
  const year = currentYear(ctx);
  const details: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const parsed: { line: number; unitId: string; year: number; data: ReportData; submittedAt: string | null }[] = [];
  for (const row of sheet.rows) {
    const bad = (field: string, message: string) => details.push({ file: fileName, line: row.line, field, message });
    const before = details.length;
    const key = (row.cells[unitCol!] ?? '').trim();
    const unit = units.get(key);
    if (!key) bad(unitCol!, 'Enhet mangler');
    else if (!unit) bad(unitCol!, `Ukjent enhet «${key}»`);
    const y = Number((row.cells[yearCol!] ?? '').trim());
    if (!Number.isInteger(y)) bad(yearCol!, `Ugyldig år «${row.cells[yearCol!] ?? ''}»`);
    const values: Record<string, number | null> = {};
    for (const f of REPORT_FIELDS) {
      const raw = (row.cells[f.column] ?? '').trim();
      if (raw === '') continue;
      const n = parseNorwegianNumber(raw.replace(/\s*%$/, ''));
      if (n === null) bad(f.column, `${f.label.nb}: «${raw}» er ikke et tall`);
      else values[f.key] = n;
    }
    let submittedAt: string | null = null;
    const delivered = (row.cells.levert_dato ?? '').trim();
    if (delivered) {
      const iso = parseIsoOrNorwegianDate(delivered);
      if (!iso) bad('levert_dato', `Ugyldig dato «${delivered}»`);
      else submittedAt = `${iso}T12:00:00.000Z`;
    }
    if (details.length === before) {
      for (const i of validateReport(y, { values, own: [] }, year)) {
        const f = REPORT_FIELDS.find((x) => `values.${x.key}` === i.field);
        bad(f ? f.column : i.field === 'year' ? yearCol! : i.field, i.message);
      }
    }
    if (unit && Number.isInteger(y)) {
      const k = `${unit.id}/${y}`;
      const first = seen.get(k);
      if (first !== undefined) bad(unitCol!, `${unit.name} ${y} står også på linje ${first}`);
      else seen.set(k, row.line);
    }
    if (details.length === before && unit) parsed.push({ line: row.line, unitId: unit.id, year: y, data: { values: normalise(values), own: [] }, submittedAt });
  }
  if (details.length) {
    const lines = new Set(details.map((x) => x.line)).size;
    throw new AppError('import_failed', `${fileName}: ${lines} ${lines === 1 ? 'linje har' : 'linjer har'} feil; ingenting er importert`, details);
  }
  const result: ReportImportResult = { file: fileName, format: sheet.format, rows: parsed.length, created: 0, updated: 0, unchanged: 0 };
  await ctx.scope.transaction(async (scope) => {
    const tctx = { ...ctx, scope };
    for (const p of parsed) {
      const r = await writeReport(tctx, deps, p.unitId, p.year, p.data, true, { importFile: fileName, importLine: p.line, submittedAt: p.submittedAt });
      result[r.change]++;
    }
    if (result.created || result.updated) await recordAudit(tctx, { action: 'import', entityType: 'cert_report', entityId: fileName, summary: `Årsrapporter importert fra ${fileName}: ${result.created} nye, ${result.updated} endret, ${result.unchanged} uendret`, after: result });
  });
  return result;
}
