import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { screeningPdf } from './investments.pdf.js';
import {
  ListIndex,
  applyDecisions,
  companyDataFromRows,
  evaluateHolding,
  holdingPairKey,
  listPairKey,
  normaliseName,
  parseIsoOrNorwegianDate,
  summarisePortfolio,
  validatePolicy,
  type CompanyData,
  type HoldingInput,
  type InvestmentPolicy,
  type ListEntryInput,
  type ListHit,
  type PolicyBreach,
  type PortfolioBreachSummary,
} from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { newId, sha256 } from '../platform/ids.js';
import { readExclusionListFile, readHoldingsFile } from './investments.import.js';
import { readSpreadsheet } from '../platform/import/spreadsheet.js';
import { investmentsPolicy } from './investments.policy.js';
import { investmentsRepository, type HoldingDbRow, type ListEntryRow, type ListVersionRow, type ReportRow } from './investments.repository.js';

export interface InvestmentsDeps {
  /** The data folder (data/), where the default policy lives. */
  dataDir: string;
}

const DEFAULT_POLICY_FILE = path.join('reference', 'investments', 'policy-asker-default.json');

/** The policy shipped as data, used until the municipality adopts its own version. */
export function defaultPolicy(dataDir: string): InvestmentPolicy {
  return JSON.parse(fs.readFileSync(path.join(dataDir, DEFAULT_POLICY_FILE), 'utf8')) as InvestmentPolicy;
}

const guardRead = (ctx: Ctx) => {
  if (!investmentsPolicy.read(ctx.actor)) throw AppError.forbidden();
};
const guardEdit = (ctx: Ctx) => {
  if (!investmentsPolicy.edit(ctx.actor)) throw AppError.forbidden();
};

export interface PolicyView {
  version: number;
  policy: InvestmentPolicy;
  createdAt: string | null;
  createdBy: string | null;
  /** True while the shipped default is in force (nothing adopted yet). */
  isDefault: boolean;
}

/** The policy in force: the newest adopted version, or the shipped default. */
export async function currentPolicy(ctx: Ctx, deps: InvestmentsDeps): Promise<PolicyView> {
  guardRead(ctx);
  return policyInForce(ctx, deps);
}

/** The policy in force without a permission check: for the program's published indicator, which anyone may read. */
async function policyInForce(ctx: Ctx, deps: InvestmentsDeps): Promise<PolicyView> {
  const [row] = await investmentsRepository(ctx.scope).policies();
  if (!row) return { version: 0, policy: defaultPolicy(deps.dataDir), createdAt: null, createdBy: null, isDefault: true };
  return { version: row.version, policy: JSON.parse(row.policy) as InvestmentPolicy, createdAt: row.created_at, createdBy: row.created_by_label, isDefault: false };
}

/** Adopts a new version of the policy (the council decision that adopted it is part of it). */
export async function adoptPolicy(ctx: Ctx, policy: InvestmentPolicy): Promise<PolicyView & { id: string }> {
  guardEdit(ctx);
  const issues = validatePolicy(policy);
  if (issues.length) throw AppError.validation('Retningslinjene har feil', issues.map((i) => ({ field: i.field, message: i.message })));
  return ctx.scope.transaction(async (scope) => {
    const repo = investmentsRepository(scope);
    const [latest] = await repo.policies();
    const version = (latest?.version ?? 0) + 1;
    const at = nowIso(ctx);
    const row = { id: newId(), version, title: policy.title.trim(), adopted_body: policy.adopted.body.trim(), adopted_date: policy.adopted.date, case_number: policy.adopted.caseNumber, policy: JSON.stringify(policy), created_by_label: actorLabel(ctx.actor), created_at: at };
    await repo.insertPolicy(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'inv_policy', entityId: row.id, summary: `Retningslinjer versjon ${version}`, before: latest ? { version: latest.version } : null, after: { version, criteria: policy.criteria.length, adoptedLists: policy.adoptedLists } });
    return { id: row.id, version, policy, createdAt: at, createdBy: row.created_by_label, isDefault: false };
  });
}

const LIST_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface ListImportResult {
  listKey: string;
  version: number;
  entries: number;
  unchanged: boolean;
}

/**
 * Imports a version of an exclusion list (CSV/XLSX with name, isin, lei, country, category,
 * criterion, decision, date; or the Norges Bank table as HTML or text). All or nothing; the
 * same content again changes nothing; new content becomes the next version.
 */
export async function importList(ctx: Ctx, input: { listKey: string; listName: string; fileName: string; data: Buffer }): Promise<ListImportResult> {
  guardEdit(ctx);
  const listKey = input.listKey.trim().toLowerCase();
  if (!LIST_KEY.test(listKey)) throw AppError.validation('Ugyldig listenøkkel', [{ field: 'listKey', message: 'Små bokstaver, tall og bindestrek, f.eks. «nbim»' }]);
  const parsed = await readExclusionListFile(input.fileName, input.data);
  if (parsed.problems.length) throw new AppError('import_failed', `${input.fileName}: ${parsed.problems.length} linjer med feil; ingenting er lagret`, parsed.problems.map((p) => ({ file: input.fileName, line: p.line, field: p.field ?? undefined, message: p.message })));
  if (!parsed.entries.length) throw new AppError('import_failed', `${input.fileName}: ingen selskaper i filen`, [{ file: input.fileName, message: 'ingen rader' }]);
  const entries = parsed.entries.map((e, i) => ({ row: parsed.format === 'table' ? e.line - 1 : i + 1, name: e.name, isin: e.isin, lei: e.lei, country: e.country, category: e.category, criterion: e.criterion, decision: e.decision, date: e.date, aliases: JSON.stringify(e.aliases) }));
  const hash = sha256(JSON.stringify(entries));
  return ctx.scope.transaction(async (scope) => {
    const repo = investmentsRepository(scope);
    const latest = (await repo.listVersions()).find((v) => v.list_key === listKey);
    if (latest && latest.content_hash === hash) return { listKey, version: latest.version, entries: latest.entry_count, unchanged: true };
    const version = (latest?.version ?? 0) + 1;
    const id = newId();
    await repo.insertListVersion({ id, list_key: listKey, list_name: input.listName.trim() || latest?.list_name || listKey, version, source_file: input.fileName, content_hash: hash, entry_count: entries.length, imported_by_label: actorLabel(ctx.actor), imported_at: nowIso(ctx) });
    await repo.insertListEntries(entries.map((e) => ({ id: newId(), version_id: id, ...e })));
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'inv_list_version', entityId: input.fileName, summary: `${listKey} versjon ${version}`, after: { listKey, version, entries: entries.length } });
    return { listKey, version, entries: entries.length, unchanged: false };
  });
}

/**
 * Imports a company data feed (CSV/XLSX: name, isin, year, source, revenue_share_<activity> in
 * per cent, metric_<name>), so that threshold criteria reach companies no list names. All or
 * nothing with every bad cell named; a company already known (by name) is updated, and the same
 * file again changes nothing.
 */
export async function importCompanyData(ctx: Ctx, input: { fileName: string; data: Buffer }): Promise<{ companies: number; created: number; updated: number; unchanged: number }> {
  guardEdit(ctx);
  const sheet = await readSpreadsheet(input.fileName, input.data);
  if (!sheet.header.some((h) => ['name', 'navn', 'company', 'selskap'].includes(h))) throw new AppError('import_failed', `${input.fileName}: finner ingen kolonne «name»`, [{ file: input.fileName, line: 1, field: 'name', message: `kolonner: ${sheet.header.join(', ')}` }]);
  const { companies, problems } = companyDataFromRows(sheet.rows);
  if (problems.length) throw new AppError('import_failed', `${input.fileName}: ${new Set(problems.map((p) => p.line)).size} linjer med feil; ingenting er lagret`, problems.map((p) => ({ file: input.fileName, line: p.line, field: p.field ?? undefined, message: p.message })));
  if (!companies.length) throw new AppError('import_failed', `${input.fileName}: ingen selskaper i filen`, [{ file: input.fileName, message: 'ingen rader' }]);
  return ctx.scope.transaction(async (scope) => {
    const known = new Map((await investmentsRepository(scope).companyData()).map((c) => [c.company_key, c]));
    const at = nowIso(ctx);
    const out = { companies: companies.length, created: 0, updated: 0, unchanged: 0 };
    for (const c of companies) {
      const key = `name:${normaliseName(c.name).key}`;
      const row = { name: c.name, isin: c.isin, revenue_shares: JSON.stringify(c.revenueShares), metrics: JSON.stringify(c.metrics), source: c.source ?? input.fileName, year: c.year };
      const before = known.get(key);
      if (!before) {
        await scope.insertInto('inv_company_data', { id: newId(), company_key: key, ...row, updated_at: at }).execute();
        out.created++;
      } else if (before.name !== row.name || before.isin !== row.isin || before.revenue_shares !== row.revenue_shares || before.metrics !== row.metrics || before.source !== row.source || (before.year === null ? null : Number(before.year)) !== row.year) {
        await scope.updateTable('inv_company_data').set({ ...row, updated_at: at }).where('id', '=', before.id).execute();
        out.updated++;
      } else out.unchanged++;
    }
    if (out.created || out.updated) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'inv_company_data', entityId: input.fileName, summary: `Selskapsdata fra ${input.fileName}: ${out.created} nye, ${out.updated} endret`, after: out });
    return out;
  });
}

export interface HoldingsImportResult {
  portfolioKey: string;
  asOf: string;
  reportId: string;
  holdings: number;
  unchanged: boolean;
}

/** Imports a custodian's holdings report for a portfolio and date (replacing that date's report). All or nothing; idempotent. */
export async function importHoldings(ctx: Ctx, input: { portfolioKey: string; portfolioName: string; asOf: string; fileName: string; data: Buffer }): Promise<HoldingsImportResult> {
  guardEdit(ctx);
  const portfolioKey = input.portfolioKey.trim().toLowerCase();
  if (!LIST_KEY.test(portfolioKey)) throw AppError.validation('Ugyldig porteføljenøkkel', [{ field: 'portfolioKey', message: 'Små bokstaver, tall og bindestrek, f.eks. «energifondet»' }]);
  const asOf = parseIsoOrNorwegianDate(input.asOf);
  if (!asOf) throw AppError.validation('Ugyldig dato for rapporten', [{ field: 'asOf', message: 'Bruk ÅÅÅÅ-MM-DD eller dd.mm.åååå' }]);
  const parsed = await readHoldingsFile(input.fileName, input.data);
  if (parsed.problems.length) throw new AppError('import_failed', `${input.fileName}: ${parsed.problems.length} linjer med feil; ingenting er lagret`, parsed.problems.map((p) => ({ file: input.fileName, line: p.line, field: p.field ?? undefined, message: p.message })));
  if (!parsed.holdings.length) throw new AppError('import_failed', `${input.fileName}: ingen beholdninger i filen`, [{ file: input.fileName, message: 'ingen rader' }]);
  const rows = parsed.holdings.map((h) => ({ line: h.line, name: h.name, isin: h.isin, lei: h.lei, country: h.country, market_value_ore: h.marketValueOre, extra: JSON.stringify(h.extra) }));
  const hash = sha256(JSON.stringify(rows));
  return ctx.scope.transaction(async (scope) => {
    const repo = investmentsRepository(scope);
    let portfolio = await repo.portfolioByKey(portfolioKey);
    if (!portfolio) {
      portfolio = { id: newId(), municipality_id: scope.municipalityId, key: portfolioKey, name: input.portfolioName.trim() || portfolioKey, created_at: nowIso(ctx) };
      await repo.insertPortfolio({ id: portfolio.id, key: portfolio.key, name: portfolio.name, created_at: portfolio.created_at });
    }
    const existing = await repo.reportFor(portfolio.id, asOf);
    if (existing && existing.content_hash === hash) return { portfolioKey, asOf, reportId: existing.id, holdings: rows.length, unchanged: true };
    if (existing) await repo.deleteReport(existing.id);
    const id = newId();
    await repo.insertReport({ id, portfolio_id: portfolio.id, as_of: asOf, source_file: input.fileName, content_hash: hash, imported_by_label: actorLabel(ctx.actor), imported_at: nowIso(ctx) });
    await repo.insertHoldings(rows.map((r) => ({ id: newId(), report_id: id, ...r })));
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'inv_report', entityId: input.fileName, summary: `${portfolio.name} per ${asOf}`, before: existing ? { holdings: null } : null, after: { portfolio: portfolioKey, asOf, holdings: rows.length } });
    return { portfolioKey, asOf, reportId: id, holdings: rows.length, unchanged: false };
  });
}

// ---------- screening ----------

interface Loaded {
  policy: PolicyView;
  versions: ListVersionRow[];
  entries: ListEntryRow[];
  index: ListIndex;
  listInputs: ListEntryInput[];
  companyData: Map<string, CompanyData>;
  decisions: { holdingKey: string; listKey: string; decision: 'confirmed' | 'rejected' }[];
}

/** Everything screening needs, loaded once: the policy, the newest version of each adopted list, company data, decisions. */
async function load(ctx: Ctx, deps: InvestmentsDeps): Promise<Loaded> {
  const policy = await policyInForce(ctx, deps);
  const repo = investmentsRepository(ctx.scope);
  const all = await repo.listVersions();
  const adopted = new Set(policy.policy.adoptedLists);
  const latest = new Map<string, ListVersionRow>();
  for (const v of all) if (adopted.has(v.list_key) && !latest.has(v.list_key)) latest.set(v.list_key, v);
  const entries = await repo.listEntries([...latest.values()].map((v) => v.id));
  const listInputs = entries.map((e) => ({ name: e.name, isin: e.isin, lei: e.lei, country: e.country, aliases: JSON.parse(e.aliases) as string[] }));
  const companyData = new Map<string, CompanyData>();
  for (const c of await repo.companyData()) {
    const data: CompanyData = { revenueShares: JSON.parse(c.revenue_shares), metrics: JSON.parse(c.metrics), source: c.source, year: c.year };
    companyData.set(c.company_key, data);
    if (c.isin) companyData.set(`isin:${c.isin}`, data);
  }
  const decisions = (await repo.decisions()).map((d) => ({ holdingKey: d.holding_key, listKey: d.list_key, decision: d.decision as 'confirmed' | 'rejected' }));
  return { policy, versions: [...latest.values()], entries, index: new ListIndex(listInputs), listInputs, companyData, decisions };
}

export interface ScreenedMatch {
  listKey: string;
  listName: string;
  listRow: number;
  listVersion: number;
  category: string;
  criterion: string;
  decision: string;
  method: string;
  score: number;
  status: 'match' | 'review';
  decided: boolean;
  reason: string;
  sharedTokens: string[];
  onlyInHolding: string[];
  onlyInList: string[];
}

export interface ScreenedHolding {
  line: number;
  name: string;
  isin: string | null;
  country: string | null;
  marketValueOre: number;
  share: number;
  holdingKey: string;
  matches: ScreenedMatch[];
  breaches: PolicyBreach[];
}

export interface ScreeningView {
  report: { id: string; asOf: string; portfolioKey: string; portfolioName: string; sourceFile: string; importedAt: string; importedBy: string };
  policy: { version: number; title: string; isDefault: boolean };
  lists: { key: string; name: string; version: number; entries: number; importedAt: string }[];
  criteria: { id: string; kind: string; label: { nb: string; en: string }; fossil: boolean }[];
  summary: PortfolioBreachSummary;
  /** Holdings in breach or watched, largest market value first. */
  breaches: ScreenedHolding[];
  /** Candidate matches for a person to confirm or reject. */
  review: (ScreenedHolding & { portfolioKey: string; asOf: string })[];
  holdings: number;
}

function screenReport(l: Loaded, report: ReportRow, portfolio: { key: string; name: string }, rows: HoldingDbRow[]): ScreeningView {
  const versionOf = new Map(l.versions.map((v) => [v.id, v]));
  const inputs: HoldingInput[] = rows.map((r) => ({ name: r.name, isin: r.isin, lei: r.lei, country: r.country }));
  const total = rows.reduce((s, r) => s + Number(r.market_value_ore), 0);
  const screened: ScreenedHolding[] = rows.map((r, i) => {
    const raw = l.index.screen(inputs[i]!, i);
    const decided = applyDecisions(raw, inputs, l.listInputs, l.decisions);
    const matches: ScreenedMatch[] = decided.map((m) => {
      const e = l.entries[m.listIndex]!;
      const v = versionOf.get(e.version_id)!;
      return { listKey: v.list_key, listName: e.name, listRow: e.row, listVersion: v.version, category: e.category, criterion: e.criterion, decision: e.decision, method: m.method, score: m.score, status: m.status, decided: m.decided, reason: m.evidence.reason, sharedTokens: m.evidence.sharedTokens, onlyInHolding: m.evidence.onlyInHolding, onlyInList: m.evidence.onlyInList };
    });
    const hits: ListHit[] = matches.filter((m) => m.status === 'match').map((m) => ({ listKey: m.listKey, category: m.category, criterion: m.criterion, decision: m.decision as 'exclusion' | 'observation', date: null }));
    const data = (r.isin ? l.companyData.get(`isin:${r.isin}`) : undefined) ?? l.companyData.get(`name:${normaliseName(r.name).key}`) ?? null;
    const mv = Number(r.market_value_ore);
    return { line: r.line, name: r.name, isin: r.isin, country: r.country, marketValueOre: mv, share: total > 0 ? mv / total : 0, holdingKey: holdingPairKey(inputs[i]!), matches, breaches: evaluateHolding(l.policy.policy, hits, data) };
  });
  const summary = summarisePortfolio(
    l.policy.policy,
    screened.map((h, i) => ({ marketValueOre: h.marketValueOre, breaches: h.breaches, data: (rows[i]!.isin ? l.companyData.get(`isin:${rows[i]!.isin}`) : undefined) ?? l.companyData.get(`name:${normaliseName(rows[i]!.name).key}`) ?? null })),
  );
  return {
    report: { id: report.id, asOf: report.as_of, portfolioKey: portfolio.key, portfolioName: portfolio.name, sourceFile: report.source_file, importedAt: report.imported_at, importedBy: report.imported_by_label },
    policy: { version: l.policy.version, title: l.policy.policy.title, isDefault: l.policy.isDefault },
    lists: l.versions.map((v) => ({ key: v.list_key, name: v.list_name, version: v.version, entries: v.entry_count, importedAt: v.imported_at })),
    criteria: l.policy.policy.criteria.map((c) => ({ id: c.id, kind: c.kind, label: c.label, fossil: c.fossil })),
    summary,
    breaches: screened.filter((h) => h.breaches.length).sort((a, b) => b.marketValueOre - a.marketValueOre),
    review: screened.filter((h) => h.matches.some((m) => m.status === 'review')).map((h) => ({ ...h, matches: h.matches.filter((m) => m.status === 'review'), portfolioKey: portfolio.key, asOf: report.as_of })),
    holdings: rows.length,
  };
}

async function reportsWithPortfolios(ctx: Ctx) {
  const repo = investmentsRepository(ctx.scope);
  const [portfolios, reports] = await Promise.all([repo.portfolios(), repo.reports()]);
  const byId = new Map(portfolios.map((p) => [p.id, p]));
  return { portfolios, reports, byId };
}

/** The screening of one report (default: the newest report of the first portfolio). */
export async function screening(ctx: Ctx, deps: InvestmentsDeps, reportId?: string): Promise<ScreeningView> {
  guardRead(ctx);
  const { reports, byId } = await reportsWithPortfolios(ctx);
  const report = reportId ? reports.find((r) => r.id === reportId) : reports[reports.length - 1];
  if (!report && reportId) throw AppError.notFound('rapport');
  const l = await load(ctx, deps);
  // No report imported yet: an empty screening, so that a first visit is not an error.
  if (!report) return screenReport(l, { id: '', municipality_id: ctx.scope.municipalityId, portfolio_id: '', as_of: '', source_file: '', content_hash: '', imported_by_label: '', imported_at: '' }, { key: '', name: '' }, []);
  const rows = await investmentsRepository(ctx.scope).holdings([report.id]);
  return screenReport(l, report, byId.get(report.portfolio_id)!, rows);
}

/** The newest report of each portfolio, screened. */
async function latestScreenings(ctx: Ctx, deps: InvestmentsDeps): Promise<ScreeningView[]> {
  const { reports, byId } = await reportsWithPortfolios(ctx);
  const latest = new Map<string, ReportRow>();
  for (const r of reports) latest.set(r.portfolio_id, r); // ordered by as_of
  if (!latest.size) return [];
  const l = await load(ctx, deps);
  const rows = await investmentsRepository(ctx.scope).holdings([...latest.values()].map((r) => r.id));
  return [...latest.values()].map((r) => screenReport(l, r, byId.get(r.portfolio_id)!, rows.filter((h) => h.report_id === r.id)));
}

/** The review queue: candidate matches in the newest report of every portfolio that nobody has decided yet. */
export async function reviewQueue(ctx: Ctx, deps: InvestmentsDeps) {
  guardRead(ctx);
  return (await latestScreenings(ctx, deps)).flatMap((s) => s.review);
}

/** Confirms or rejects a candidate match; the decision is remembered for every later report. */
export async function decideReview(ctx: Ctx, input: { holdingKey: string; listName: string; decision: 'confirmed' | 'rejected'; note?: string | null }) {
  guardEdit(ctx);
  const listKey = listPairKey({ name: input.listName });
  return ctx.scope.transaction(async (scope) => {
    const repo = investmentsRepository(scope);
    const prev = await repo.decision(input.holdingKey, listKey);
    const at = nowIso(ctx);
    const set = { decision: input.decision, note: input.note?.trim() || null, decided_by_label: actorLabel(ctx.actor), decided_at: at };
    const id = prev?.id ?? newId();
    if (prev) await repo.updateDecision(prev.id, set);
    else await repo.insertDecision({ id, holding_key: input.holdingKey, list_key: listKey, ...set });
    await recordAudit({ ...ctx, scope }, { action: prev ? 'update' : 'create', entityType: 'inv_review_decision', entityId: id, summary: `${input.holdingKey} ↔ ${input.listName}`, before: prev ? { decision: prev.decision } : null, after: { decision: input.decision } });
    return { id, holdingKey: input.holdingKey, listKey, decision: input.decision, decidedAt: at };
  });
}

// ---------- divestment tracker ----------

const STATUS_ORDER = ['flagged', 'decided', 'sold'] as const;
export type DivestmentStatus = (typeof STATUS_ORDER)[number];

export interface DivestmentView {
  portfolioKey: string;
  portfolioName: string;
  companyKey: string;
  companyName: string;
  criteria: string[];
  marketValueOre: number;
  asOf: string | null;
  status: DivestmentStatus;
  flaggedAt: string | null;
  flaggedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  soldAt: string | null;
  soldBy: string | null;
  note: string | null;
  /** Days since it was flagged (or since the report that first showed it). */
  ageDays: number;
}

/** Every breach of the newest reports with its divestment status, and what was sold. */
export async function divestments(ctx: Ctx, deps: InvestmentsDeps): Promise<DivestmentView[]> {
  guardRead(ctx);
  const screenings = await latestScreenings(ctx, deps);
  const { portfolios } = await reportsWithPortfolios(ctx);
  const rows = await investmentsRepository(ctx.scope).divestments();
  const today = nowIso(ctx).slice(0, 10);
  const days = (from: string | null) => (from ? Math.max(0, Math.round((Date.parse(today) - Date.parse(from.slice(0, 10))) / 86_400_000)) : 0);
  const out: DivestmentView[] = [];
  const seen = new Set<string>();
  for (const s of screenings) {
    const portfolio = portfolios.find((p) => p.key === s.report.portfolioKey)!;
    for (const h of s.breaches.filter((b) => b.breaches.some((x) => x.status === 'breach'))) {
      const row = rows.find((r) => r.portfolio_id === portfolio.id && r.company_key === h.holdingKey);
      seen.add(`${portfolio.id}|${h.holdingKey}`);
      out.push({ portfolioKey: portfolio.key, portfolioName: portfolio.name, companyKey: h.holdingKey, companyName: h.name, criteria: h.breaches.filter((b) => b.status === 'breach').map((b) => b.criterionId), marketValueOre: h.marketValueOre, asOf: s.report.asOf, status: (row?.status as DivestmentStatus) ?? 'flagged', flaggedAt: row?.flagged_at ?? null, flaggedBy: row?.flagged_by_label ?? null, decidedAt: row?.decided_at ?? null, decidedBy: row?.decided_by_label ?? null, soldAt: row?.sold_at ?? null, soldBy: row?.sold_by_label ?? null, note: row?.note ?? null, ageDays: days(row?.flagged_at ?? s.report.asOf) });
    }
  }
  for (const r of rows) {
    if (seen.has(`${r.portfolio_id}|${r.company_key}`)) continue;
    const p = portfolios.find((x) => x.id === r.portfolio_id);
    out.push({ portfolioKey: p?.key ?? '', portfolioName: p?.name ?? '', companyKey: r.company_key, companyName: r.company_name, criteria: [], marketValueOre: 0, asOf: null, status: r.status as DivestmentStatus, flaggedAt: r.flagged_at, flaggedBy: r.flagged_by_label, decidedAt: r.decided_at, decidedBy: r.decided_by_label, soldAt: r.sold_at, soldBy: r.sold_by_label, note: r.note, ageDays: days(r.flagged_at) });
  }
  return out;
}

/** Moves a breach along the tracker (flagged → decided → sold), with date and who. Never backwards. */
export async function setDivestment(ctx: Ctx, input: { portfolioKey: string; companyKey: string; companyName: string; status: DivestmentStatus; date?: string | null; note?: string | null }) {
  guardEdit(ctx);
  if (!STATUS_ORDER.includes(input.status)) throw AppError.validation('Ukjent status', [{ field: 'status', message: 'flagged, decided eller sold' }]);
  const date = input.date ? parseIsoOrNorwegianDate(input.date) : nowIso(ctx).slice(0, 10);
  if (!date) throw AppError.validation('Ugyldig dato', [{ field: 'date', message: 'Bruk ÅÅÅÅ-MM-DD' }]);
  return ctx.scope.transaction(async (scope) => {
    const repo = investmentsRepository(scope);
    const portfolio = await repo.portfolioByKey(input.portfolioKey);
    if (!portfolio) throw AppError.validation('Ukjent portefølje', [{ field: 'portfolioKey', message: `Ingen portefølje med nøkkel «${input.portfolioKey}»` }]);
    const prev = await repo.divestment(portfolio.id, input.companyKey);
    const who = actorLabel(ctx.actor);
    const rank = (s: string) => STATUS_ORDER.indexOf(s as DivestmentStatus);
    if (prev && rank(input.status) < rank(prev.status)) throw AppError.validation('Status kan ikke gå bakover', [{ field: 'status', message: `Allerede «${prev.status}»` }]);
    const set = {
      status: input.status,
      note: input.note?.trim() || prev?.note || null,
      ...(rank(input.status) >= 1 && !prev?.decided_at ? { decided_at: date, decided_by_label: who } : {}),
      ...(input.status === 'sold' && !prev?.sold_at ? { sold_at: date, sold_by_label: who } : {}),
    };
    const id = prev?.id ?? newId();
    if (prev) await repo.updateDivestment(prev.id, set);
    else await repo.insertDivestment({ id, portfolio_id: portfolio.id, company_key: input.companyKey, company_name: input.companyName, flagged_at: date, flagged_by_label: who, decided_at: null, decided_by_label: null, sold_at: null, sold_by_label: null, ...set });
    await recordAudit({ ...ctx, scope }, { action: prev ? 'update' : 'create', entityType: 'inv_divestment', entityId: id, summary: `${input.companyName} (${portfolio.name})`, before: prev ? { status: prev.status } : null, after: { status: input.status } });
    return { id, status: input.status };
  });
}

// ---------- overview, trend, export ----------

/** Policy, lists, portfolios with their newest figures, and the trend over report dates. */
export async function overview(ctx: Ctx, deps: InvestmentsDeps) {
  guardRead(ctx);
  const policy = await currentPolicy(ctx, deps);
  const { portfolios, reports, byId } = await reportsWithPortfolios(ctx);
  const versions = await investmentsRepository(ctx.scope).listVersions();
  const l = reports.length ? await load(ctx, deps) : null;
  const rows = l ? await investmentsRepository(ctx.scope).holdings(reports.map((r) => r.id)) : [];
  const perReport = l ? reports.map((r) => screenReport(l, r, byId.get(r.portfolio_id)!, rows.filter((h) => h.report_id === r.id))) : [];
  const trend = trendOf(perReport);
  return {
    policy: { version: policy.version, title: policy.policy.title, adopted: policy.policy.adopted, isDefault: policy.isDefault, adoptedLists: policy.policy.adoptedLists, criteria: policy.policy.criteria.map((c) => ({ id: c.id, kind: c.kind, label: c.label, fossil: c.fossil, maxRevenueShare: c.maxRevenueShare })) },
    lists: versions.map((v) => ({ key: v.list_key, name: v.list_name, version: v.version, entries: v.entry_count, sourceFile: v.source_file, importedAt: v.imported_at, importedBy: v.imported_by_label, adopted: policy.policy.adoptedLists.includes(v.list_key) })),
    portfolios: portfolios.map((p) => ({
      key: p.key,
      name: p.name,
      reports: perReport.filter((s) => s.report.portfolioKey === p.key).map((s) => ({ id: s.report.id, asOf: s.report.asOf, holdings: s.holdings, totalOre: s.summary.totalOre, breachedOre: s.summary.breachedOre, breachedShare: s.summary.breachedShare, fossilShare: s.summary.fossilShare, review: s.review.length })),
    })),
    trend,
  };
}

/** Per report date: all portfolios' newest report on or before it, summed. */
function trendOf(perReport: ScreeningView[]) {
  const dates = [...new Set(perReport.map((s) => s.report.asOf))].sort();
  return dates.map((d) => {
    const latest = new Map<string, ScreeningView>();
    for (const s of perReport) if (s.report.asOf <= d) latest.set(s.report.portfolioKey, s);
    const total = [...latest.values()].reduce((x, s) => x + s.summary.totalOre, 0);
    const breached = [...latest.values()].reduce((x, s) => x + s.summary.breachedOre, 0);
    const fossil = [...latest.values()].reduce((x, s) => x + s.summary.fossilOre, 0);
    return { date: d, totalOre: total, breachedOre: breached, breachedShare: total ? breached / total : 0, fossilShare: total ? fossil / total : 0, breachedHoldings: [...latest.values()].reduce((x, s) => x + s.summary.breachedHoldings, 0) };
  });
}

/**
 * Share of fund value in excluded companies per quarter end, for the program's computed
 * indicator. No permission check: the published figure is public (only sums leave here).
 */
export async function excludedShareByDate(ctx: Ctx, deps: InvestmentsDeps, dates: readonly string[]) {
  const { reports, byId } = await reportsWithPortfolios(ctx);
  if (!reports.length) return [];
  const l = await load(ctx, deps);
  const rows = await investmentsRepository(ctx.scope).holdings(reports.map((r) => r.id));
  const perReport = reports.map((r) => screenReport(l, r, byId.get(r.portfolio_id)!, rows.filter((h) => h.report_id === r.id)));
  return dates.flatMap((d) => {
    const latest = new Map<string, ScreeningView>();
    for (const s of perReport) if (s.report.asOf <= d) latest.set(s.report.portfolioKey, s);
    const total = [...latest.values()].reduce((x, s) => x + s.summary.totalOre, 0);
    if (!latest.size || !total) return [];
    const breached = [...latest.values()].reduce((x, s) => x + s.summary.breachedOre, 0);
    return [{ date: d, share: breached / total, breachedHoldings: [...latest.values()].reduce((x, s) => x + s.summary.breachedHoldings, 0), portfolios: latest.size }];
  });
}

const nok = (ore: number) => Math.round(ore) / 100;

/** The finance committee's workbook for one report: summary, breaches by criterion, review queue. */
export async function reportXlsx(ctx: Ctx, deps: InvestmentsDeps, reportId?: string): Promise<{ fileName: string; body: Buffer; contentType: string }> {
  const s = await screening(ctx, deps, reportId);
  const label = new Map(s.criteria.map((c) => [c.id, c.label.nb]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Omstilling';
  const sum = wb.addWorksheet('Sammendrag');
  sum.addRows([
    ['Portefølje', s.report.portfolioName],
    ['Rapportdato', s.report.asOf],
    ['Retningslinjer', `${s.policy.title} (versjon ${s.policy.version}${s.policy.isDefault ? ', standard' : ''})`],
    ['Lister', s.lists.map((l) => `${l.name} v${l.version}`).join(', ')],
    ['Markedsverdi (NOK)', nok(s.summary.totalOre)],
    ['I brudd (NOK)', nok(s.summary.breachedOre)],
    ['Andel i brudd', s.summary.breachedShare],
    ['Fossil eksponering', s.summary.fossilShare],
    ['Beholdninger i brudd', s.summary.breachedHoldings],
    ['Til vurdering', s.review.length],
  ]);
  sum.getColumn(1).width = 24;
  sum.getColumn(2).width = 60;
  for (const r of [7, 8]) sum.getCell(r, 2).numFmt = '0.0 %';
  const crit = wb.addWorksheet('Per kriterium');
  crit.addRow(['Kriterium', 'Beholdninger', 'Markedsverdi (NOK)', 'Andel']);
  for (const c of s.summary.byCriterion) crit.addRow([label.get(c.criterionId) ?? c.criterionId, c.holdings, nok(c.marketValueOre), c.share]);
  crit.getColumn(4).numFmt = '0.0 %';
  const br = wb.addWorksheet('Brudd');
  br.addRow(['Linje', 'Selskap', 'ISIN', 'Markedsverdi (NOK)', 'Andel', 'Kriterier', 'Begrunnelse', 'Treff på liste']);
  for (const h of s.breaches) br.addRow([h.line, h.name, h.isin ?? '', nok(h.marketValueOre), h.share, h.breaches.map((b) => `${label.get(b.criterionId) ?? b.criterionId}${b.status === 'watch' ? ' (observasjon)' : ''}`).join('; '), h.breaches.map((b) => b.detail).join('; '), h.matches.map((m) => `${m.listName} (${m.method}, ${m.score})`).join('; ')]);
  br.getColumn(5).numFmt = '0.00 %';
  const rv = wb.addWorksheet('Til vurdering');
  rv.addRow(['Linje', 'Beholdning', 'Kandidat på listen', 'Liste', 'Likhet', 'Begrunnelse']);
  for (const h of s.review) for (const m of h.matches) rv.addRow([h.line, h.name, m.listName, m.listKey, m.score, m.reason]);
  for (const ws of [crit, br, rv]) ws.getRow(1).font = { bold: true };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: s.report.id ? `investeringer-${s.report.portfolioKey}-${s.report.asOf}.xlsx` : 'investeringer.xlsx', body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

/** The finance committee's report for one holdings report as PDF. */
export async function reportPdf(ctx: Ctx, deps: InvestmentsDeps, reportId?: string): Promise<{ fileName: string; body: Buffer }> {
  const s = await screening(ctx, deps, reportId);
  const d = (await divestments(ctx, deps)).filter((x) => x.portfolioKey === s.report.portfolioKey);
  const m = await ctx.scope.db.selectFrom('municipality').select('name').where('id', '=', ctx.scope.municipalityId).executeTakeFirst();
  const body = await screeningPdf(s, d, m?.name ?? '', nowIso(ctx).slice(0, 10));
  return { fileName: s.report.id ? `investeringer-${s.report.portfolioKey}-${s.report.asOf}.pdf` : 'investeringer.pdf', body };
}
