import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import type { CriterionKind } from '@omstilling/core';
import { nowIso, type Ctx } from '../platform/context.js';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { procurementRepository, type TenderRow } from './procurement.repository.js';
import { procurementPolicy as policy } from './procurement.policy.js';
import { cpvCodes } from './procurement.reference.js';
import type { ProcurementDeps, TenderCriterion, Lot } from './procurement.service.js';

// OCDS 1.1 release packages (Open Contracting Data Standard), validated with ajv in draft-04 mode against
// the official schema copied to data/reference/procurement/ocds-1.1.5. Weights go in
// tender.lots[].awardCriteria.criteria[] (awardCriteria extension, as eForms maps BT-539/BT-541) and the
// environmental strategy in lots[].hasSustainability / sustainability[] (sustainability extension).

export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_sustainability_extension/master/extension.json',
];
const ENV_PREFIX = 'Klima og miljø';
const ENV_WORDS = /milj|klima|environment|climate|emission|utslipp|sustainab/i;

const validators = new Map<string, ValidateFunction>();

/** The compiled validator for release packages (schema files read once per data folder). */
export function ocdsValidator(dataDir: string): ValidateFunction {
  const hit = validators.get(dataDir);
  if (hit) return hit;
  const dir = path.join(dataDir, 'reference', 'procurement', 'ocds-1.1.5');
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
  // The OCDS schema has its own keywords (codelist, openCodelist, deprecated…): not strict.
  const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
  const ajv = new (Ajv as unknown as new (o: object) => import('ajv').default)({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addSchema(read('release-schema.json'));
  const v = ajv.compile(read('release-package-schema.json'));
  validators.set(dataDir, v);
  return v;
}

/** Schema errors of a release package, as field paths with messages (empty when valid). */
export function validateOcdsPackage(dataDir: string, pkg: unknown): ErrorDetail[] {
  const v = ocdsValidator(dataDir);
  if (v(pkg)) return [];
  return (v.errors ?? []).slice(0, 50).map((e) => ({ field: e.instancePath || '/', message: `${e.message ?? 'ugyldig'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}` }));
}

const parse = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
const iso = (d: string) => (d.length === 10 ? `${d}T00:00:00Z` : d);
const METHOD: Record<string, string> = { open: 'open', restricted: 'selective', negotiated: 'limited', competitive_dialogue: 'selective', below_threshold: 'open', direct: 'direct' };
const TENDER_STATUS: Record<string, string> = { draft: 'planning', published: 'active', awarded: 'complete', cancelled: 'cancelled' };

/** One tender (with its award and contract when there are) as an OCDS release. */
async function releaseOf(ctx: Ctx, t: TenderRow, buyer: { id: string; name: string }, prefix: string) {
  const repo = procurementRepository(ctx.scope);
  const criteria = parse<TenderCriterion[]>(t.criteria, []);
  const lots = parse<Lot[]>(t.lots, []);
  const requirements = parse<{ type: string }[]>(t.requirements, []);
  const ranking = t.weighting === 'ranking';
  const value = (ore: number | string | null) => ({ amount: Number(ore ?? 0) / 100, currency: t.currency });
  const awardCriteria = {
    criteria: criteria.map((c) => ({
      type: c.kind === 'price' ? 'price' : c.kind === 'lcc' ? 'cost' : 'quality',
      name: c.name,
      ...(c.kind === 'environment' ? { description: `${ENV_PREFIX}: ${c.name}` } : {}),
      numbers: [ranking ? { number: c.rank ?? 0, weight: 'order' } : { number: c.weight ?? 0, weight: 'percentageExact' }],
    })),
  };
  const strategies = [
    ...(criteria.some((c) => c.kind === 'environment') ? ['awardCriteria'] : []),
    ...(requirements.some((r) => r.type === 'specification') ? ['technicalSpecifications'] : []),
    ...(requirements.some((r) => r.type === 'contract_condition') ? ['contractPerformanceConditions'] : []),
    ...(requirements.some((r) => r.type === 'qualification') ? ['selectionCriteria'] : []),
  ];
  const sustainability = strategies.length ? { hasSustainability: true, sustainability: [{ goal: 'environmental', strategies }] } : { hasSustainability: false };
  const lotList = (lots.length ? lots : [{ id: 'lot-1', title: t.title, estimatedValueNok: Number(t.estimated_value_ore) / 100 }]).map((l) => ({
    id: l.id,
    title: l.title,
    ...(l.estimatedValueNok !== null ? { value: { amount: l.estimatedValueNok, currency: t.currency } } : {}),
    awardCriteria,
    ...sustainability,
  }));
  const cpvName = cpvCodes()[t.cpv];
  const ocid = t.ocds_id ?? `${prefix}-${t.id}`;
  const release: Record<string, unknown> = {
    ocid,
    id: `${ocid}-${t.status}-${t.updated_at.replace(/[^0-9]/g, '').slice(0, 14)}`,
    date: iso(t.updated_at),
    language: 'nb',
    tag: t.status === 'draft' ? ['planning'] : t.status === 'cancelled' ? ['tenderCancellation'] : ['tender'],
    initiationType: 'tender',
    parties: [{ id: buyer.id, name: buyer.name, roles: ['buyer', 'procuringEntity'] }],
    buyer,
    tender: {
      id: t.reference,
      title: t.title,
      ...(t.description ? { description: t.description } : {}),
      status: TENDER_STATUS[t.status] ?? 'active',
      value: value(t.estimated_value_ore),
      procurementMethod: METHOD[t.procedure] ?? 'open',
      procurementMethodDetails: t.procedure,
      awardCriteria: criteria.every((c) => c.kind === 'price') ? 'priceOnly' : 'ratedCriteria',
      ...(t.exception_kind ? { awardCriteriaDetails: `Unntak fra 30 %-kravet (${t.exception_kind}): ${t.exception_justification ?? ''}` } : {}),
      ...(t.cpv ? { items: [{ id: '1', classification: { scheme: 'CPV', id: t.cpv, ...(cpvName ? { description: cpvName } : {}) } }] } : {}),
      ...(t.tender_period_end ? { tenderPeriod: { endDate: iso(t.tender_period_end) } } : {}),
      procuringEntity: buyer,
      lots: lotList,
      ...sustainability,
    },
  };
  const bids = await repo.bids(t.id);
  if (bids.length) (release.parties as unknown[]).push(...bids.map((b) => ({ id: b.supplier_org_number ? `NO-ORG-${b.supplier_org_number}` : `bid-${b.id}`, name: b.supplier_name, roles: t.awarded_bid_id === b.id ? ['tenderer', 'supplier'] : ['tenderer'] })));
  const winner = bids.find((b) => b.id === t.awarded_bid_id);
  if (t.status === 'awarded' && winner) {
    const supplier = { id: winner.supplier_org_number ? `NO-ORG-${winner.supplier_org_number}` : `bid-${winner.id}`, name: winner.supplier_name };
    release.tag = ['tender', 'award'];
    release.awards = [{ id: `award-${winner.id}`, status: 'active', ...(t.awarded_at ? { date: iso(t.awarded_at) } : {}), value: value(winner.price_ore), suppliers: [supplier] }];
    const c = await repo.contractByTender(t.id);
    if (c) {
      release.tag = ['tender', 'award', 'contract'];
      release.contracts = [{ id: `contract-${c.id}`, awardID: `award-${winner.id}`, status: 'active', period: { startDate: iso(c.start_date), endDate: iso(c.end_date) }, value: { amount: Number(c.value_ore) / 100, currency: t.currency } }];
    }
  }
  return release;
}

/** Exports tenders (all, or the given ones) as one OCDS 1.1 release package, validated before it leaves. */
export async function exportOcds(ctx: Ctx, deps: ProcurementDeps, tenderIds?: string[]): Promise<Record<string, unknown>> {
  if (!policy.read(ctx.actor)) throw AppError.forbidden();
  const m = (await municipalityRepository(ctx.scope.db as never).all()).find((x) => x.id === ctx.scope.municipalityId)!;
  const repo = procurementRepository(ctx.scope);
  const tenders = (await repo.tenders()).filter((t) => !tenderIds || tenderIds.includes(t.id));
  if (tenderIds && !tenders.length) throw AppError.notFound('Konkurransen');
  const buyer = { id: `NO-MUN-${m.number}`, name: m.name };
  const releases = [];
  for (const t of tenders) releases.push(await releaseOf(ctx, t, buyer, `ocds-omstilling-${m.number}`));
  const pkg = { uri: `urn:omstilling:${m.slug}:ocds:${nowIso(ctx)}`, version: '1.1', extensions: OCDS_EXTENSIONS, publishedDate: nowIso(ctx).replace(/\.\d{3}Z$/, 'Z'), publisher: { name: m.name }, releases };
  // OCDS wants at least one release; a municipality without tenders gets the empty package (not schema-valid, and nothing to publish).
  if (!releases.length) return pkg;
  const errors = validateOcdsPackage(deps.dataDir, pkg);
  if (errors.length) throw new AppError('internal', 'Eksporten validerer ikke mot OCDS-skjemaet', errors);
  return pkg;
}

type Json = Record<string, any>;
const STATUS_FROM_OCDS: Record<string, string> = { planning: 'draft', planned: 'draft', active: 'published', complete: 'published', cancelled: 'cancelled', unsuccessful: 'cancelled', withdrawn: 'cancelled' };
const PROCEDURE_FROM_OCDS: Record<string, string> = { open: 'open', selective: 'restricted', limited: 'negotiated', direct: 'direct' };

/** Criteria from lots[].awardCriteria.criteria[] (the first lot that has them). */
function criteriaFrom(tender: Json): { criteria: TenderCriterion[]; ranking: boolean } {
  const lot = (tender.lots ?? []).find((l: Json) => Array.isArray(l?.awardCriteria?.criteria));
  const list: Json[] = lot?.awardCriteria?.criteria ?? [];
  let ranking = false;
  const criteria = list.map((c, i): TenderCriterion => {
    const n = (c.numbers ?? [])[0] ?? {};
    if (n.weight === 'order') ranking = true;
    const text = `${c.name ?? ''} ${c.description ?? ''}`;
    const kind: CriterionKind = c.type === 'price' ? 'price' : c.type === 'cost' ? 'lcc' : ENV_WORDS.test(text) ? 'environment' : 'quality';
    return { id: `c${i + 1}`, kind, name: String(c.name ?? c.description ?? `Kriterium ${i + 1}`), weight: n.weight === 'order' ? null : typeof n.number === 'number' ? n.number : null, rank: n.weight === 'order' ? Number(n.number) : null, libraryKey: null };
  });
  return { criteria, ranking };
}

/**
 * Imports an OCDS release package (or a record package's compiled releases): each ocid becomes or updates one
 * tender; awards name the supplier, contracts with a period become contracts. All or nothing; idempotent.
 */
export async function importOcds(ctx: Ctx, deps: ProcurementDeps, fileName: string, json: unknown): Promise<{ releases: number; created: number; updated: number; unchanged: number }> {
  if (!policy.edit(ctx.actor)) throw AppError.forbidden();
  const m = (await municipalityRepository(ctx.scope.db as never).all()).find((x) => x.id === ctx.scope.municipalityId)!;
  const own = `ocds-omstilling-${m.number}-`;
  const pkg = json as Json;
  const releases: Json[] = Array.isArray(pkg?.releases) ? pkg.releases : Array.isArray(pkg?.records) ? pkg.records.flatMap((r: Json) => (r.compiledRelease ? [r.compiledRelease] : (r.releases ?? []).filter((x: Json) => x.ocid))) : [];
  if (!releases.length) throw new AppError('import_failed', `${fileName}: ingen OCDS-utgivelser (releases) i filen`, [{ file: fileName, message: 'fant verken releases eller records' }]);
  if (Array.isArray(pkg.releases)) {
    const errors = validateOcdsPackage(deps.dataDir, pkg);
    if (errors.length) throw new AppError('import_failed', `${fileName} validerer ikke mot OCDS 1.1-skjemaet`, errors.map((e) => ({ ...e, file: fileName })));
  }
  // Releases of one ocid in date order: later releases overwrite what they carry.
  const byOcid = new Map<string, Json[]>();
  for (const r of [...releases].sort((a, b) => String(a.date).localeCompare(String(b.date)))) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  const cpv = cpvCodes(deps.dataDir);
  return ctx.scope.transaction(async (scope) => {
    const repo = procurementRepository(scope);
    const at = nowIso(ctx);
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const existing = await repo.tenders();
    for (const [ocid, rs] of byOcid) {
      // Our own export read back: the tender is here with more than OCDS carries (library keys, price model).
      if (ocid.startsWith(own) && existing.some((x) => ocid === `${own}${x.id}`)) {
        unchanged++;
        continue;
      }
      const merged: Json = {};
      for (const r of rs) for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== null) merged[k] = k === 'tender' ? { ...(merged.tender ?? {}), ...v } : v;
      const tender: Json = merged.tender ?? {};
      const { criteria, ranking } = criteriaFrom(tender);
      const cls = (tender.items ?? []).map((i: Json) => i.classification).find((c: Json) => c && String(c.scheme).toUpperCase() === 'CPV');
      const code = cls ? (cpv[String(cls.id)] ? String(cls.id) : (Object.keys(cpv).find((k) => k.startsWith(`${String(cls.id).slice(0, 8)}-`)) ?? String(cls.id))) : '';
      const awards: Json[] = (merged.awards ?? []).filter((a: Json) => a.status !== 'cancelled' && a.status !== 'unsuccessful');
      const contract: Json | undefined = (merged.contracts ?? []).find((c: Json) => c.period?.startDate && c.period?.endDate);
      const cols = {
        reference: String(tender.id ?? ocid),
        title: String(tender.title ?? merged.tag?.join(' ') ?? ocid),
        description: String(tender.description ?? ''),
        cpv: code,
        estimated_value_ore: Math.round(Number(tender.value?.amount ?? tender.minValue?.amount ?? 0) * 100),
        currency: String(tender.value?.currency ?? tender.minValue?.currency ?? 'NOK'),
        procedure: PROCEDURE_FROM_OCDS[tender.procurementMethod] ?? 'open',
        weighting: ranking ? 'ranking' : 'weights',
        price_model: JSON.stringify({ kind: 'proportional', maxPoints: 10 }),
        criteria: JSON.stringify(criteria),
        lots: JSON.stringify((tender.lots ?? []).map((l: Json, i: number) => ({ id: String(l.id ?? `lot-${i + 1}`), title: String(l.title ?? ''), estimatedValueNok: typeof l.value?.amount === 'number' ? l.value.amount : null }))),
        env_weight: ranking ? null : criteria.filter((c) => c.kind === 'environment').reduce((s, c) => s + (c.weight ?? 0), 0),
        tender_period_end: typeof tender.tenderPeriod?.endDate === 'string' ? tender.tenderPeriod.endDate.slice(0, 10) : null,
        updated_at: at,
      };
      let t = existing.find((x) => x.ocds_id === ocid) ?? (await repo.tenders()).find((x) => x.ocds_id === ocid);
      const status = awards.length ? 'awarded' : (STATUS_FROM_OCDS[tender.status] ?? 'published');
      const published = status === 'draft' ? null : String(tender.tenderPeriod?.startDate ?? merged.date ?? at);
      if (t) {
        await repo.updateTender(t.id, { ...cols, status, published_at: t.published_at ?? published });
        updated++;
      } else {
        const clash = await repo.tenderByReference(cols.reference);
        const row = { id: newId(), ...cols, reference: clash ? `${cols.reference} (${ocid})` : cols.reference, status, unit_id: null, requirements: '[]', exception_kind: null, exception_justification: null, exception_used: 0, published_at: published, awarded_bid_id: null, awarded_at: null, ocds_id: ocid, created_at: at };
        await repo.insertTender(row);
        t = { ...row, municipality_id: scope.municipalityId };
        created++;
      }
      const award = awards[0];
      if (award) {
        const supplier: Json = (award.suppliers ?? [])[0] ?? {};
        const name = String(supplier.name ?? 'Ukjent leverandør');
        const bids = await repo.bids(t.id);
        let bid = bids.find((b) => b.supplier_name === name);
        const price = typeof award.value?.amount === 'number' ? Math.round(award.value.amount * 100) : null;
        if (!bid) {
          const row = { id: newId(), tender_id: t.id, label: String.fromCharCode(65 + bids.length), supplier_name: name, supplier_org_number: null, price_ore: price, points: '{}', lcc: null, created_at: at, updated_at: at };
          await repo.insertBid(row);
          bid = { ...row, municipality_id: scope.municipalityId };
        }
        await repo.updateTender(t.id, { awarded_bid_id: bid.id, awarded_at: String(award.date ?? merged.date ?? at) });
        if (contract && !(await repo.contractByTender(t.id))) {
          await repo.insertContract({ id: newId(), tender_id: t.id, bid_id: bid.id, supplier_name: name, value_ore: Math.round(Number(contract.value?.amount ?? award.value?.amount ?? 0) * 100), start_date: String(contract.period.startDate).slice(0, 10), end_date: String(contract.period.endDate).slice(0, 10), unit_id: null, created_at: at });
        }
      }
    }
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'pr_tender', entityId: fileName, summary: `OCDS-import ${fileName}: ${releases.length} utgivelser, ${created} nye, ${updated} oppdatert, ${unchanged} egne uendret`, after: { releases: releases.length, created, updated, unchanged } });
    return { releases: releases.length, created, updated, unchanged };
  });
}

