import { createHash } from 'node:crypto';
import {
  byIndustry,
  classifyEstablishment,
  COVERED_STATUSES,
  JOB_CLASSES,
  organisationStatus,
  parseRuleSet,
  parseSnapshotRows,
  percent,
  ruleSetOn,
  snapshotFromBrreg,
  tallyJobs,
  yearSnapshots,
  BrregFormatError,
  type Classification,
  type ClassRule,
  type JobClass,
  type RuleSet,
  type SnapshotEstablishment,
  type SnapshotIssue,
} from '@omstilling/core';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { loadWorld, factsOf as certificateFacts } from '../certification/certification.service.js';
import { certificationReference } from '../certification/certification.reference.js';
import { economyRepository, type EstablishmentRow, type SnapshotRow } from './economy.repository.js';
import { economyPolicy as policy } from './economy.policy.js';
import type { EconomyReference } from './economy.reference.js';

/** What the economy services need besides the context. */
export interface EconomyDeps {
  reference: EconomyReference;
}

/** The program metrics this domain publishes. */
export const OIL_GAS_JOBS_METRIC = 'oil_gas_jobs';
export const GREEN_JOBS_METRIC = 'green_jobs';

// ---------- rule versions ----------

/** A version of the rules as shown: the built-in default or one an editor saved. */
export interface RuleVersion {
  id: string | null;
  validFrom: string;
  builtIn: boolean;
  ruleSet: RuleSet;
  createdBy: string | null;
  createdAt: string | null;
}

/** Every version, oldest first: the built-in default, then the saved ones. */
export async function ruleVersions(ctx: Ctx, deps: EconomyDeps): Promise<RuleVersion[]> {
  const saved = await economyRepository(ctx.scope).ruleSets();
  const out: RuleVersion[] = [];
  if (!saved.some((s) => s.valid_from === deps.reference.defaults.validFrom)) out.push({ id: null, validFrom: deps.reference.defaults.validFrom, builtIn: true, ruleSet: deps.reference.defaults, createdBy: null, createdAt: null });
  for (const s of saved) {
    const { ruleSet } = parseRuleSet(JSON.parse(s.rules));
    if (ruleSet) out.push({ id: s.id, validFrom: s.valid_from, builtIn: false, ruleSet, createdBy: s.created_by_label, createdAt: s.created_at });
  }
  return out.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

// ---------- certification (read-only use of the certification domain) ----------

/** Whether an organisation number held a valid, verified environmental certificate on a date. */
export type CertifiedOn = (orgNumbers: readonly (string | null)[], date: string) => boolean;

async function certifiedLookup(ctx: Ctx): Promise<CertifiedOn> {
  const world = await loadWorld(ctx, certificationReference());
  const facts = world.certificates.filter((c) => c.organisation_id !== null).map(certificateFacts);
  if (facts.length === 0) return () => false;
  const orgs = await economyRepository(ctx.scope).organisationNumbers();
  const idByNumber = new Map(orgs.map((o) => [o.org_number, o.id]));
  const withCerts = new Set(facts.map((f) => f.organisationId));
  const memo = new Map<string, boolean>();
  return (numbers, date) =>
    numbers.some((n) => {
      const id = n ? idByNumber.get(n) : undefined;
      if (!id || !withCerts.has(id)) return false;
      const k = `${id}|${date}`;
      if (!memo.has(k)) memo.set(k, COVERED_STATUSES.includes(organisationStatus(id, facts, world.schemeByKey, date)));
      return memo.get(k)!;
    });
}

// ---------- classification ----------

interface Classified {
  row: Pick<EstablishmentRow, 'org_number' | 'parent_org_number' | 'industry_code' | 'employees'>;
  c: Classification;
  certified: boolean;
}

function classifyAll(rows: readonly Classified['row'][], date: string, rules: readonly ClassRule[], certified: CertifiedOn): Classified[] {
  return rows.map((row) => {
    const cert = certified([row.org_number, row.parent_org_number], date);
    return { row, certified: cert, c: classifyEstablishment({ industryCode: row.industry_code, employees: row.employees, certified: cert }, rules) };
  });
}

/** Jobs per class for each year (the year's latest snapshot), each classified with the rules in force on its date. */
export async function yearlyTotals(ctx: Ctx, deps: EconomyDeps) {
  const repo = economyRepository(ctx.scope);
  const [snapshots, all, versions, certified] = await Promise.all([repo.snapshots(), repo.allEstablishments(), ruleVersions(ctx, deps), certifiedLookup(ctx)]);
  const bySnapshot = new Map<string, Classified['row'][]>();
  for (const e of all) bySnapshot.set(e.snapshot_id, [...(bySnapshot.get(e.snapshot_id) ?? []), e]);
  const byDate = new Map(snapshots.map((s) => [s.date, s]));
  return yearSnapshots(snapshots.map((s) => s.date)).map(({ year, date }) => {
    const s = byDate.get(date)!;
    const version = ruleSetOn(versions, date);
    const cs = classifyAll(bySnapshot.get(s.id) ?? [], date, version?.ruleSet.rules ?? [], certified);
    const t = tallyJobs(cs.map((x) => x.c));
    const uncertain = cs.filter((x) => x.c.uncertain).reduce((n, x) => n + x.c.oil_gas + x.c.green, 0);
    return { year, date, snapshotId: s.id, fictional: s.fictional === 1, ruleVersion: version?.validFrom ?? null, ...t, uncertainJobs: uncertain, shares: { oil_gas: percent(t.oil_gas, t.total), green: percent(t.green, t.total), other: percent(t.other, t.total) } };
  });
}

const presentSnapshot = (s: SnapshotRow) => ({ id: s.id, date: s.date, sourceKind: s.source_kind, sourceFile: s.source_file, establishments: s.establishments, jobs: s.jobs, fictional: s.fictional === 1, importedBy: s.imported_by_label, updatedAt: s.updated_at });
export type SnapshotView = ReturnType<typeof presentSnapshot>;

async function snapshotOrLatest(ctx: Ctx, snapshotId: string | undefined): Promise<SnapshotRow | null> {
  const repo = economyRepository(ctx.scope);
  if (snapshotId) {
    const s = await repo.snapshotById(snapshotId);
    if (!s) throw AppError.notFound('Øyeblikksbildet');
    return s;
  }
  const all = await repo.snapshots();
  return all[all.length - 1] ?? null;
}

async function classifiedSnapshot(ctx: Ctx, deps: EconomyDeps, s: SnapshotRow) {
  const repo = economyRepository(ctx.scope);
  const [rows, versions, certified] = await Promise.all([repo.establishments(s.id), ruleVersions(ctx, deps), certifiedLookup(ctx)]);
  const version = ruleSetOn(versions, s.date);
  const rules = version?.ruleSet.rules ?? [];
  const cs = classifyAll(rows, s.date, rules, certified);
  return { rows, version, rules, items: cs.map((x, i) => ({ ...x, full: rows[i]! })) };
}

const ruleSummary = (r: ClassRule | undefined) => (r ? { id: r.id, basis: r.basis, prefix: r.prefix ?? null, class: r.class, share: r.share, caveat: r.caveat } : null);

/** The results page: snapshots, the yearly trend, and for one snapshot the totals, the table by industry code and the caveats. */
export async function overview(ctx: Ctx, deps: EconomyDeps, q: { snapshotId?: string }) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const repo = economyRepository(ctx.scope);
  const [snapshots, years] = await Promise.all([repo.snapshots(), yearlyTotals(ctx, deps)]);
  const s = await snapshotOrLatest(ctx, q.snapshotId);
  const base = { snapshots: snapshots.map(presentSnapshot), years, canEdit: policy.edit(ctx.actor), today: osloToday(ctx) };
  if (!s) return { ...base, snapshot: null, totals: null, byIndustry: [], caveats: [], ruleVersion: null };
  const { items, version, rules } = await classifiedSnapshot(ctx, deps, s);
  const totals = tallyJobs(items.map((x) => x.c));
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const rows = byIndustry(items.map((x) => ({ industryCode: x.row.industry_code, c: x.c }))).map((r) => ({
    ...r,
    name: r.code ? (deps.reference.codeNames.get(r.code) ?? null) : null,
    rule: ruleSummary(r.codeRuleId ? ruleById.get(r.codeRuleId) : undefined),
  }));
  // The caveats that apply to this snapshot: every rule that classified jobs and carries one, with the jobs it decided.
  const decided = new Map<string, number>();
  for (const x of items) {
    if (x.c.codeRuleId) decided.set(x.c.codeRuleId, (decided.get(x.c.codeRuleId) ?? 0) + (x.c.oil_gas + x.c.green));
    if (x.c.certificationRuleId) decided.set(x.c.certificationRuleId, (decided.get(x.c.certificationRuleId) ?? 0) + x.c.green);
  }
  const caveats = rules.filter((r) => r.caveat && (decided.get(r.id) ?? 0) > 0).map((r) => ({ ruleId: r.id, class: r.class, share: r.share, prefix: r.prefix ?? null, basis: r.basis, caveat: r.caveat!, jobs: decided.get(r.id)! }));
  const certifiedJobs = items.filter((x) => x.c.certificationRuleId).reduce((n, x) => n + x.c.green, 0);
  return {
    ...base,
    snapshot: presentSnapshot(s),
    totals: { ...totals, certifiedJobs, shares: { oil_gas: percent(totals.oil_gas, totals.total), green: percent(totals.green, totals.total), other: percent(totals.other, totals.total) } },
    byIndustry: rows,
    caveats,
    ruleVersion: version ? { validFrom: version.validFrom, builtIn: version.builtIn } : null,
  };
}

const presentEstablishment = (x: { full: EstablishmentRow; c: Classification; certified: boolean }, deps: EconomyDeps) => ({
  orgNumber: x.full.org_number,
  name: x.full.name,
  industryCode: x.full.industry_code,
  industryName: x.full.industry_code ? (deps.reference.codeNames.get(x.full.industry_code) ?? null) : null,
  employees: x.full.employees,
  oil_gas: x.c.oil_gas,
  green: x.c.green,
  other: x.c.other,
  main: x.c.main,
  codeRuleId: x.c.codeRuleId,
  certificationRuleId: x.c.certificationRuleId,
  certified: x.certified,
  uncertain: x.c.uncertain,
  lat: x.full.lat,
  lon: x.full.lon,
  sourceLine: x.full.source_line,
});
export type EstablishmentView = ReturnType<typeof presentEstablishment>;

/** Establishments of a snapshot with their classification, most jobs first, filtered and paged. */
export async function listEstablishments(ctx: Ctx, deps: EconomyDeps, q: { snapshotId?: string; class?: string; q?: string; limit?: number; offset?: number }) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  if (q.class && !JOB_CLASSES.includes(q.class as JobClass)) throw AppError.validation('Ukjent klasse', [{ field: 'class', message: 'Klassen må være oil_gas, green eller other' }]);
  const s = await snapshotOrLatest(ctx, q.snapshotId);
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
  const offset = Math.max(q.offset ?? 0, 0);
  if (!s) return { total: 0, limit, offset, items: [] as EstablishmentView[] };
  const { items } = await classifiedSnapshot(ctx, deps, s);
  const needle = q.q?.trim().toLowerCase();
  const hits = items.filter((x) => (!q.class || x.c[q.class as JobClass] > 0) && (!needle || x.full.name.toLowerCase().includes(needle) || x.full.org_number.includes(needle) || (x.full.industry_code ?? '').startsWith(needle)));
  return { total: hits.length, limit, offset, items: hits.slice(offset, offset + limit).map((x) => presentEstablishment(x, deps)) };
}

/** Establishments of a snapshot as points on the municipality's boundary, coloured by the class of most of their jobs. */
export async function mapView(ctx: Ctx, deps: EconomyDeps, snapshotId: string | undefined, boundary: number[][][][] | null) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const s = await snapshotOrLatest(ctx, snapshotId);
  if (!s) return { date: null, boundary, attribution: boundary ? '© Kartverket' : null, points: [], unplaced: 0, unplacedJobs: 0 };
  const { items } = await classifiedSnapshot(ctx, deps, s);
  const placed = items.filter((x) => x.full.lat !== null && x.full.lon !== null);
  const unplaced = items.filter((x) => x.full.lat === null || x.full.lon === null);
  return {
    date: s.date,
    boundary,
    attribution: boundary ? '© Kartverket' : null,
    points: placed.map((x) => ({ orgNumber: x.full.org_number, name: x.full.name, lat: x.full.lat!, lon: x.full.lon!, jobs: x.full.employees, main: x.c.main, uncertain: x.c.uncertain })),
    unplaced: unplaced.length,
    unplacedJobs: unplaced.reduce((n, x) => n + x.full.employees, 0),
  };
}

// ---------- import ----------

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const contentHash = (es: readonly SnapshotEstablishment[]) => sha(JSON.stringify([...es].sort((a, b) => a.orgNumber.localeCompare(b.orgNumber)).map((e) => [e.orgNumber, e.name, e.industryCode, e.employees, e.municipalityNumber, e.parentOrgNumber, e.lat, e.lon])));

const detailsOf = (file: string, issues: readonly SnapshotIssue[]): ErrorDetail[] => issues.map((i) => ({ file, line: i.line, field: i.field, message: i.message }));

/** What one import did to each snapshot date. */
export interface ImportResult {
  file: string;
  snapshots: { date: string; establishments: number; jobs: number; status: 'created' | 'replaced' | 'unchanged' }[];
  skippedOutside: number;
}

/**
 * Imports employment snapshots from a Brønnøysund underenheter JSON document (one date, given by the
 * caller) or a CSV/XLSX table (orgnr;navn;naeringskode;ansatte;dato — several dates allowed). All or
 * nothing: any bad line stops the import and every bad line is reported. A date already imported with
 * the same content is left alone; with other content its establishments are replaced.
 */
export async function importSnapshot(ctx: Ctx, deps: EconomyDeps, fileName: string, data: Buffer, opts: { date?: string; sourceKind?: 'demo'; fictional?: boolean } = {}): Promise<ImportResult> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden('Bare redaktører for næringsstruktur kan importere øyeblikksbilder');
  const repo = economyRepository(ctx.scope);
  const today = osloToday(ctx);
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
  let byDate: Map<string, SnapshotEstablishment[]>;
  let skippedOutside = 0;
  let kind: string;
  if (isJson) {
    kind = 'brreg';
    if (!opts.date || !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw AppError.validation('Oppgi datoen registeret gjelder', [{ field: 'date', message: 'En fil fra Enhetsregisteret har ingen dato; oppgi datoen uttrekket gjelder (åååå-mm-dd)' }]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new AppError('import_failed', `${fileName}: ikke gyldig JSON`, [{ file: fileName, line: 1, field: null, message: `Filen er ikke gyldig JSON: ${e instanceof Error ? e.message : String(e)}` }]);
    }
    const m = await repo.municipality();
    const numbers = m ? [m.number, ...(JSON.parse(m.previous_numbers) as string[])] : [];
    let parsed;
    try {
      parsed = snapshotFromBrreg(json, numbers);
    } catch (e) {
      if (e instanceof BrregFormatError) throw new AppError('import_failed', `${fileName}: ${e.message}`, [{ file: fileName, line: 1, field: null, message: e.message }]);
      throw e;
    }
    const unknown = parsed.establishments.filter((e) => e.industryCode && !deps.reference.codeNames.has(e.industryCode));
    const issues = [...parsed.issues, ...unknown.map((e) => ({ line: e.line, field: `naeringskode1.kode`, message: `Næringskoden ${e.industryCode} finnes ikke i SN2007`, messageEn: '' }))];
    if (issues.length) throw new AppError('import_failed', `${fileName}: ${issues.length} ${issues.length === 1 ? 'oppføring har' : 'oppføringer har'} feil; ingenting er importert`, detailsOf(fileName, issues));
    byDate = new Map([[opts.date, parsed.establishments]]);
    skippedOutside = parsed.skippedOutside;
  } else {
    kind = 'table';
    const sheet = await readSpreadsheet(fileName, data);
    const parsed = parseSnapshotRows(sheet.header, sheet.rows, (c) => deps.reference.codeNames.has(c));
    if (parsed.issues.length) {
      const lines = new Set(parsed.issues.map((i) => i.line)).size;
      throw new AppError('import_failed', `${fileName}: ${lines} ${lines === 1 ? 'linje har' : 'linjer har'} feil; ingenting er importert`, detailsOf(fileName, parsed.issues));
    }
    byDate = parsed.byDate;
  }
  const future = [...byDate.keys()].filter((d) => d > today);
  if (future.length) throw new AppError('import_failed', `${fileName}: datoen ${future[0]} er fram i tid; ingenting er importert`, future.map((d) => ({ file: fileName, line: byDate.get(d)![0]?.line ?? 1, field: 'dato', message: `Datoen ${d} er fram i tid` })));
  if (byDate.size === 0) throw new AppError('import_failed', `${fileName}: filen har ingen virksomheter; ingenting er importert`, [{ file: fileName, line: 1, field: null, message: 'Filen har ingen virksomheter i kommunen' }]);
  if (opts.sourceKind) kind = opts.sourceKind;
  const label = actorLabel(ctx.actor);
  const at = nowIso(ctx);
  return ctx.scope.transaction(async (scope) => {
    const trepo = economyRepository(scope);
    const out: ImportResult['snapshots'] = [];
    for (const [date, es] of [...byDate.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const hash = contentHash(es);
      const jobs = es.reduce((n, e) => n + e.employees, 0);
      const existing = await trepo.snapshotByDate(date);
      if (existing && existing.content_hash === hash) {
        out.push({ date, establishments: es.length, jobs, status: 'unchanged' });
        continue;
      }
      const id = existing?.id ?? newId();
      if (existing) {
        await trepo.deleteEstablishments(id);
        await trepo.updateSnapshot(id, { source_kind: kind, source_file: fileName, content_hash: hash, establishments: es.length, jobs, fictional: opts.fictional ? 1 : 0, imported_by_label: label, updated_at: at });
      } else {
        await trepo.insertSnapshot({ id, date, source_kind: kind, source_file: fileName, content_hash: hash, establishments: es.length, jobs, fictional: opts.fictional ? 1 : 0, imported_by_label: label, created_at: at, updated_at: at });
      }
      await trepo.insertEstablishments(es.map((e) => ({ id: newId(), snapshot_id: id, org_number: e.orgNumber, name: e.name, industry_code: e.industryCode, employees: e.employees, municipality_number: e.municipalityNumber, parent_org_number: e.parentOrgNumber, lat: e.lat, lon: e.lon, source_line: e.line })));
      out.push({ date, establishments: es.length, jobs, status: existing ? 'replaced' : 'created' });
    }
    const changed = out.filter((o) => o.status !== 'unchanged');
    if (changed.length) {
      await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'econ_snapshot', entityId: fileName, summary: `Sysselsetting importert fra ${fileName}: ${changed.map((c) => `${c.date} (${c.establishments} virksomheter, ${c.jobs} arbeidsplasser, ${c.status === 'created' ? 'ny' : 'erstattet'})`).join(', ')}`, after: { file: fileName, snapshots: changed } });
    }
    return { file: fileName, snapshots: out, skippedOutside };
  });
}

// ---------- rules ----------

/** The versions of the rule set, with the one in force today. */
export async function rulesView(ctx: Ctx, deps: EconomyDeps) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const versions = await ruleVersions(ctx, deps);
  const today = osloToday(ctx);
  const current = ruleSetOn(versions, today);
  return { today, canEdit: policy.edit(ctx.actor), current: current?.validFrom ?? null, versions: [...versions].reverse() };
}

/**
 * Saves a new version of the rules, in force from validFrom (today or later, and later than every
 * saved version), so that snapshots already classified keep their classification. Audited.
 */
export async function saveRuleSet(ctx: Ctx, deps: EconomyDeps, body: { validFrom: string; rules: unknown[]; note?: string | null }) {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden('Bare redaktører for næringsstruktur kan endre reglene');
  const { ruleSet, issues } = parseRuleSet({ validFrom: body.validFrom, rules: body.rules, sources: deps.reference.defaults.sources, note: body.note ? { nb: body.note, en: body.note } : undefined });
  const details: ErrorDetail[] = issues.map((i) => ({ field: i.field, message: i.message }));
  const today = osloToday(ctx);
  const versions = await ruleVersions(ctx, deps);
  const latest = versions[versions.length - 1];
  if (/^\d{4}-\d{2}-\d{2}$/.test(body.validFrom)) {
    if (body.validFrom < today) details.push({ field: 'validFrom', message: `Gyldig fra kan ikke være før i dag (${today}): da ville tidligere klassifiseringer endret seg` });
    else if (latest && body.validFrom <= latest.validFrom) details.push({ field: 'validFrom', message: `Det finnes allerede en versjon som gjelder fra ${latest.validFrom}; velg en senere dato` });
  }
  if (details.length || !ruleSet) throw AppError.validation('Reglene kunne ikke lagres', details);
  const id = newId();
  const row = { id, valid_from: ruleSet.validFrom, rules: JSON.stringify(ruleSet), note: body.note?.trim() || null, created_by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
  return ctx.scope.transaction(async (scope) => {
    await economyRepository(scope).insertRuleSet(row);
    const before = latest ? latest.ruleSet.rules.map((r) => `${r.id}:${r.class}:${r.share}`) : [];
    const after = ruleSet.rules.map((r) => `${r.id}:${r.class}:${r.share}`);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'econ_rule_set', entityId: id, summary: `Nye klassifiseringsregler fra ${ruleSet.validFrom} (${ruleSet.rules.length} regler)${row.note ? `: ${row.note}` : ''}`, before: latest ? { validFrom: latest.validFrom, rules: before } : null, after: { validFrom: ruleSet.validFrom, rules: after } });
    return { id, validFrom: ruleSet.validFrom, builtIn: false, ruleSet, createdBy: row.created_by_label, createdAt: row.created_at } satisfies RuleVersion;
  });
}

// ---------- export ----------

/** Every establishment of a snapshot with its classification, for the CSV/XLSX export. */
export async function exportRows(ctx: Ctx, deps: EconomyDeps, snapshotId: string | undefined) {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const s = await snapshotOrLatest(ctx, snapshotId);
  if (!s && snapshotId) throw AppError.notFound('Øyeblikksbildet');
  if (!s) return { snapshot: null, rows: [], ruleById: new Map<string, ClassRule>() }; // nothing imported yet: an empty file
  const { items, rules } = await classifiedSnapshot(ctx, deps, s);
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  return { snapshot: presentSnapshot(s), rows: items.map((x) => presentEstablishment(x, deps)), ruleById };
}
