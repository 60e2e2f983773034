import { evaluateFootprint, FOOTPRINT_CATEGORIES, PLEDGE_ACTION_IDS, pledgeSavings, tallyFootprint, validateAnswers, type FootprintAnswers, type FootprintTally } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { newId } from '../platform/ids.js';
import { footprintPolicy as policy } from './footprint.policy.js';
import { footprintRepository } from './footprint.repository.js';

// Anonymous sharing and pledging. Nothing that identifies a person is stored or logged: the
// routes pass an anonymous actor, and only the answers, the figures and a district are kept.

export interface DistrictView {
  key: string;
  name: string;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The districts residents may choose from, in the municipality's order. */
export async function listDistricts(ctx: Ctx): Promise<DistrictView[]> {
  return (await footprintRepository(ctx.scope).districts()).map((d) => ({ key: d.key, name: d.name }));
}

async function checkDistrict(ctx: Ctx, district: string | null | undefined): Promise<string | null> {
  if (district === null || district === undefined || district === '') return null;
  if (!(await footprintRepository(ctx.scope).districtByKey(district))) throw AppError.validation('Ukjent bydel', [{ field: 'district', message: `Ingen bydel med nøkkel «${district}»; velg fra listen eller la feltet stå tomt` }]);
  return district;
}

function readAnswers(input: unknown): FootprintAnswers {
  const { answers, errors } = validateAnswers(input);
  if (errors.length) throw AppError.validation(errors.length === 1 ? 'Ett svar er utenfor det tillatte' : `${errors.length} svar er utenfor det tillatte`, errors.map((e): ErrorDetail => ({ field: `answers.${e.field}`, message: e.message })));
  return answers;
}

/** Stores a calculator result a resident chose to share: only the answers given, the figures and the district. */
export async function shareResult(ctx: Ctx, input: { answers: unknown; district?: string | null }): Promise<{ id: string; totalKg: number; district: string | null }> {
  if (!policy.share(ctx.actor)) throw AppError.forbidden();
  const answers = readAnswers(input.answers);
  const district = await checkDistrict(ctx, input.district);
  const r = evaluateFootprint(answers);
  const categories = Object.fromEntries(FOOTPRINT_CATEGORIES.map((c) => [c, r1(r.categories[c])]));
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), district_key: district, answers: JSON.stringify(answers), total_kg: r1(r.totalKg), categories: JSON.stringify(categories), created_at: nowIso(ctx) };
    await footprintRepository(scope).insertSubmission(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fp_submission', entityId: row.id, summary: `Anonymt delt fotavtrykk: ${Math.round(row.total_kg)} kg CO2e`, before: null, after: { district, totalKg: row.total_kg } });
    return { id: row.id, totalKg: row.total_kg, district };
  });
}

/** Stores anonymous pledges (one row per action) with each action's saving for the answers given (or the average resident). */
export async function pledge(ctx: Ctx, input: { actions: string[]; answers?: unknown; district?: string | null }): Promise<{ pledged: { action: string; savingKg: number }[]; district: string | null }> {
  if (!policy.pledge(ctx.actor)) throw AppError.forbidden();
  const details: ErrorDetail[] = [];
  const unknown = input.actions.filter((a) => !PLEDGE_ACTION_IDS.includes(a));
  if (unknown.length) details.push({ field: 'actions', message: `Ukjent tiltak: ${unknown.join(', ')}. Gyldige: ${PLEDGE_ACTION_IDS.join(', ')}` });
  if (new Set(input.actions).size !== input.actions.length) details.push({ field: 'actions', message: 'Hvert tiltak kan bare loves én gang' });
  if (!input.actions.length) details.push({ field: 'actions', message: 'Velg minst ett tiltak' });
  if (details.length) throw AppError.validation('Løftet kunne ikke lagres', details);
  const answers = readAnswers(input.answers ?? {});
  const district = await checkDistrict(ctx, input.district);
  const savings = new Map(pledgeSavings(answers).map((s) => [s.id, s.savingKg]));
  const at = nowIso(ctx);
  const rows = input.actions.map((action) => ({ id: newId(), action, district_key: district, saving_kg: r1(savings.get(action) ?? 0), created_at: at }));
  return ctx.scope.transaction(async (scope) => {
    await footprintRepository(scope).insertPledges(rows);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'fp_pledge', entityId: rows[0]!.id, summary: `Anonyme løfter: ${input.actions.join(', ')}`, before: null, after: { actions: input.actions, district } });
    return { pledged: rows.map((r) => ({ action: r.action, savingKg: r.saving_kg })), district };
  });
}

export interface TallyView extends FootprintTally {
  districts: DistrictView[];
}

/** The public tally: shared results and pledges, per action and district (small groups' averages hidden). */
export async function tally(ctx: Ctx): Promise<TallyView> {
  if (!policy.readTally(ctx.actor)) throw AppError.forbidden();
  const repo = footprintRepository(ctx.scope);
  const [districts, subs, pledges] = await Promise.all([repo.districts(), repo.submissions(), repo.pledges()]);
  const t = tallyFootprint(
    subs.map((s) => ({ district: s.district_key, totalKg: Number(s.total_kg), categories: JSON.parse(s.categories) as Record<string, number>, at: s.created_at })),
    pledges.map((p) => ({ action: p.action, district: p.district_key, savingKg: Number(p.saving_kg), at: p.created_at })),
    districts.map((d) => d.key),
  );
  return { ...t, districts: districts.map((d) => ({ key: d.key, name: d.name })) };
}

/** Adds or renames districts (staff, demo and CLI); keys are kept, so shared results keep their district. */
export async function upsertDistricts(ctx: Ctx, list: { key: string; name: string }[]): Promise<{ created: number; updated: number }> {
  if (!policy.editDistricts(ctx.actor)) throw AppError.forbidden();
  const bad = list.filter((d) => !/^[a-z0-9-]{1,40}$/.test(d.key) || !d.name.trim());
  if (bad.length) throw AppError.validation('Ugyldige bydeler', bad.map((d) => ({ field: 'districts', message: `«${d.key}»: nøkkelen må være små bokstaver, tall og bindestrek, og navnet kan ikke være tomt` })));
  return ctx.scope.transaction(async (scope) => {
    const repo = footprintRepository(scope);
    let created = 0;
    let updated = 0;
    for (const [i, d] of list.entries()) {
      const existing = await repo.districtByKey(d.key);
      if (!existing) {
        await repo.insertDistrict({ id: newId(), key: d.key, name: d.name.trim(), sort: i });
        created++;
      } else if (existing.name !== d.name.trim() || Number(existing.sort) !== i) {
        await repo.updateDistrict(existing.id, { name: d.name.trim(), sort: i });
        updated++;
      }
    }
    if (created || updated) await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'fp_district', entityId: 'districts', summary: `Bydeler: ${created} nye, ${updated} endret`, after: { created, updated } });
    return { created, updated };
  });
}
