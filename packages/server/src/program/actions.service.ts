import { ACTION_STATUSES, type ActionStatus } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { programRepository } from './program.repository.js';
import { programPolicy as policy } from './program.policy.js';
import { invalidateProgramCache } from './program.cache.js';

export interface ActionLogInput {
  date: string;
  kind: 'update' | 'decision';
  text: string;
  textEn?: string | null;
  caseNumber?: string | null;
  /** A new status for the action, recorded with this entry. */
  status?: ActionStatus | null;
}

const CASE_NUMBER = /^\d{2,4}\/\d{1,6}(-\d+)?$/;

/** Adds an entry to an action's history (an update, or a decision with its case number), optionally changing its status. */
export async function addActionLog(ctx: Ctx, actionId: string, input: ActionLogInput) {
  const repo = programRepository(ctx.scope);
  const action = await repo.actionById(actionId);
  if (!action) throw AppError.notFound('Tiltaket');
  if (!policy.logAction(ctx.actor, action.responsible_unit_id)) throw AppError.forbidden();
  const d = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) d.push({ field: 'date', message: 'Ugyldig dato' });
  else if (input.date > nowIso(ctx).slice(0, 10)) d.push({ field: 'date', message: 'Datoen kan ikke ligge i framtiden' });
  if (!input.text?.trim()) d.push({ field: 'text', message: 'Skriv hva som er gjort eller vedtatt' });
  if (input.kind === 'decision' && input.caseNumber && !CASE_NUMBER.test(input.caseNumber)) d.push({ field: 'caseNumber', message: 'Saksnummer skrives som 24/01234' });
  if (input.status && !ACTION_STATUSES.includes(input.status)) d.push({ field: 'status', message: 'Ukjent status' });
  if (d.length) throw AppError.validation('Oppføringen kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const trepo = programRepository(scope);
    const at = nowIso(ctx);
    const row = { id: newId(), action_id: actionId, date: input.date, kind: input.kind, text_nb: input.text.trim(), text_en: input.textEn?.trim() ?? '', case_number: input.caseNumber?.trim() || null, author_label: actorLabel(ctx.actor), created_at: at };
    await trepo.insertLog(row);
    if (input.status && input.status !== action.status) await trepo.updateAction(actionId, { status: input.status, updated_at: at });
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'action_log', entityId: row.id, summary: `Tiltak «${action.title_nb}»: ${input.kind === 'decision' ? 'vedtak' : 'oppdatering'}${input.status && input.status !== action.status ? `, status ${action.status} → ${input.status}` : ''}`, before: { status: action.status }, after: { ...row, status: input.status ?? action.status } });
    invalidateProgramCache(scope.municipalityId);
    return { id: row.id, date: row.date, kind: row.kind, text: { nb: row.text_nb, en: row.text_en || row.text_nb }, caseNumber: row.case_number, author: row.author_label };
  });
}
