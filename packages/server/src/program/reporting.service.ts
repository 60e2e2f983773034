import { canEditDomain, dueDate, isStale, type DueItem, type Nudge, type ReportingOverview } from '@omstilling/core';

import { AppError } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { getProgramView, listPrograms } from './program.service.js';

export type { DueItem, Nudge, ReportingOverview };

const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * What is owed: entered indicators whose next value is due within 30 days or overdue, and
 * actions that lack a responsible unit, a linked indicator or an update in the last 12 months.
 * A unit manager sees their units only; editors and admins see all.
 */
export async function reportingOverview(ctx: Ctx, options: { unitId?: string; asOf?: string } = {}): Promise<ReportingOverview> {
  const a = ctx.actor;
  if (a.kind === 'anonymous' || (a.kind === 'user' && a.role === 'business')) throw AppError.forbidden();
  const asOf = options.asOf ?? nowIso(ctx).slice(0, 10);
  const seesAll = canEditDomain(a, 'program') || (a.kind === 'user' && a.role === 'editor');
  const mine = (unitId: string | null | undefined) => {
    if (options.unitId && unitId !== options.unitId) return false;
    if (seesAll) return true;
    return a.kind === 'user' && !!unitId && a.unitScope.includes(unitId);
  };
  const items: DueItem[] = [];
  const nudges: Nudge[] = [];
  for (const p of await listPrograms(ctx)) {
    const view = await getProgramView(ctx, p.id, { publicOnly: false, asOf });
    for (const area of view.areas)
      for (const g of area.goals) {
        for (const ac of g.actions) if (ac.lacks.length && (mine(ac.responsibleUnit?.id) || (seesAll && !ac.responsibleUnit))) nudges.push({ programId: p.id, programKey: p.key, goalCode: g.code, actionId: ac.id, title: ac.title, unit: ac.responsibleUnit, lacks: ac.lacks });
      }
    const indicators = [...view.contextIndicators, ...view.areas.flatMap((ar) => ar.goals.flatMap((g) => g.indicators))];
    for (const i of indicators) {
      if (i.source !== 'entered' && i.source !== 'open_data') continue;
      if (!mine(i.responsibleUnit?.id)) continue;
      const from = i.latestDate ?? i.baseline?.date;
      if (!from) continue;
      const due = dueDate(from, i.reportingInterval);
      if (due > addDays(asOf, 30)) continue;
      const state = i.latestDate && isStale(i.latestDate, asOf, i.reportingInterval) ? 'stale' : due < asOf ? 'overdue' : 'due';
      items.push({ programId: p.id, programKey: p.key, indicatorId: i.id, indicatorKey: i.key, goalCode: i.goalCode, name: i.name, unit: i.responsibleUnit, reportingInterval: i.reportingInterval, latestPeriod: i.latestPeriod, latestDate: i.latestDate, dueDate: due, state });
    }
  }
  items.sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  return { asOf, items, nudges };
}
