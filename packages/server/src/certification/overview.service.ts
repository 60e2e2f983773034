import { onTimeShare, quarterEnds, reportsOwed, type Coverage, type TrainingShare } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { Ctx } from '../platform/context.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { certificationRepository } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import { certificatesCovering, factsOf, loadWorld, statusesOn, statusOverview, type CertificateView, type CertificationDeps, type UnitStatusView, type World } from './certification.service.js';
import { businessCoverage, type BusinessCoverage } from './businesses.service.js';
import { listReminders, type ReminderView } from './reminders.service.js';
import { listReports, type ReportView } from './reports.service.js';
import { trainingOverview } from './training.service.js';

/** Quarter-end coverage from the first certificate's quarter up to the date (at most 40 quarters), plus the date itself. */
export function coverageHistory(world: World, date: string): Coverage[] {
  const first = world.certificates.map((c) => c.issued_on ?? c.started_on).filter((x): x is string => !!x && x <= date).sort()[0];
  if (!first) return [];
  const points = quarterEnds(first, date).slice(-40).map((q) => q.date);
  if (points[points.length - 1] !== date) points.push(date);
  return points.map((d) => statusesOn(world, d).coverage);
}

/** The reports owed for `year` and how many came on time. */
export async function reportsOnTime(ctx: Ctx, world: World, year: number): Promise<{ year: number; owed: number; onTime: number; delivered: number; share: number | null }> {
  const owed = reportsOwed(world.nodes, world.certificates.filter((c) => c.holder_unit_id !== null).map(factsOf), world.schemeByKey, year);
  const keys = (await certificationRepository(ctx.scope).reportKeys()).filter((r) => r.year === year && r.status === 'submitted' && r.submitted_at);
  const submitted = new Map(keys.map((k) => [`${k.unit_id}/${k.year}`, k.submitted_at!]));
  const s = onTimeShare(owed, submitted);
  return { year, owed: s.owed, onTime: s.onTime, delivered: owed.filter((o) => submitted.has(`${o.unitId}/${o.year}`)).length, share: s.share };
}

export interface Overview {
  date: string;
  coverage: Coverage;
  byScheme: { schemeKey: string; name: string; units: number }[];
  history: Coverage[];
  training: TrainingShare;
  businesses: BusinessCoverage;
  reports: { year: number; owed: number; onTime: number; delivered: number; share: number | null };
  reminders: Record<string, number>;
}

/** The adviser's dashboard: coverage now and over time, staff trained, businesses, reports on time, reminders. */
export async function overview(ctx: Ctx, deps: CertificationDeps, date: string): Promise<Overview> {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const world = await loadWorld(ctx, deps.reference);
  const { coverage } = statusesOn(world, date);
  const o = await statusOverview(ctx, deps, date);
  const reminders: Record<string, number> = {};
  for (const r of (await listReminders(ctx, deps, date)).items) reminders[r.kind] = (reminders[r.kind] ?? 0) + 1;
  return {
    date,
    coverage,
    byScheme: o.byScheme,
    history: coverageHistory(world, date),
    training: (await trainingOverview(ctx, date)).total,
    businesses: await businessCoverage(ctx, deps, date),
    reports: await reportsOnTime(ctx, world, Number(date.slice(0, 4)) - 1),
    reminders,
  };
}

export interface UnitPage {
  date: string;
  unit: UnitStatusView & { address: string | null; postalCode: string | null; parentName: string | null };
  certificates: CertificateView[];
  reports: ReportView[];
  training: TrainingShare;
  reminders: ReminderView[];
  /** Whether the signed-in user may write this unit's annual report. */
  canWriteReport: boolean;
  canEdit: boolean;
  subunits: { unitId: string; name: string; status: string }[];
}

/** Everything about one unit: status, certificate history, annual reports with greenhouse-gas accounts, training, reminders. */
export async function unitPage(ctx: Ctx, deps: CertificationDeps, unitId: string, date: string): Promise<UnitPage> {
  const unit = await organisationsRepository(ctx.scope).unitById(unitId);
  if (!unit) throw AppError.notFound('Enheten');
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const o = await statusOverview(ctx, deps, date);
  const view = o.units.find((u) => u.unitId === unitId)!;
  const parent = unit.parent_id ? o.units.find((u) => u.unitId === unit.parent_id) : undefined;
  const training = (await trainingOverview(ctx, date)).units.find((u) => u.unitId === unitId)!;
  const all = await organisationsRepository(ctx.scope).allUnits();
  return {
    date,
    unit: { ...view, address: unit.address, postalCode: unit.postal_code, parentName: parent?.name ?? null },
    certificates: await certificatesCovering(ctx, deps, unitId, date),
    reports: (await listReports(ctx, { unitId })).sort((a, b) => a.year - b.year),
    training: { staff: training.staff, trained: training.trained, share: training.share },
    reminders: (await listReminders(ctx, deps, date)).items.filter((r) => r.unitId === unitId),
    canWriteReport: policy.writeReport(ctx.actor, unitId),
    canEdit: policy.edit(ctx.actor) || policy.register(ctx.actor, unitId, null),
    subunits: all.filter((u) => u.parent_id === unitId).map((u) => ({ unitId: u.id, name: u.name, status: o.units.find((x) => x.unitId === u.id)!.status })),
  };
}
