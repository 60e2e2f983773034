import { parseIsoOrNorwegianDate, trainingByUnit, trainingTotal, type Participation, type TrainingShare } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { certificationRepository } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import { sectorsOf, today } from './certification.service.js';

export const SESSION_FORMATS = ['e_learning', 'classroom', 'digital'] as const;

export interface CourseView {
  id: string;
  title: string;
  theme: string;
  hours: number;
  description: string;
  sessions: { id: string; date: string; format: string; place: string | null; units: number; participants: number; completed: number }[];
}

export interface TrainingOverview {
  date: string;
  total: TrainingShare;
  units: ({ unitId: string; name: string; kind: string; sectorName: string } & TrainingShare)[];
  courses: CourseView[];
}

/** Participations as core sees them. */
export async function participationsOf(ctx: Ctx): Promise<Participation[]> {
  return (await certificationRepository(ctx.scope).participations()).map((p) => ({ unitId: p.unit_id, date: p.date, completed: Number(p.completed), names: p.names ? (JSON.parse(p.names) as string[]) : null }));
}

/** Staff trained per unit and for the whole municipality on a date, with the courses and their sessions. */
export async function trainingOverview(ctx: Ctx, date?: string, options: { skipPolicy?: boolean } = {}): Promise<TrainingOverview> {
  if (!options.skipPolicy && !policy.readInternal(ctx.actor)) throw AppError.forbidden();
  const asOf = date ?? today(ctx);
  const repo = certificationRepository(ctx.scope);
  const units = await organisationsRepository(ctx.scope).allUnits();
  const sectors = sectorsOf(units);
  const rows = await repo.participations();
  const byUnit = trainingByUnit(units, await participationsOf(ctx), asOf);
  const sessions = await repo.sessions();
  const courses = (await repo.courses()).map((c): CourseView => ({
    id: c.id,
    title: c.title,
    theme: c.theme,
    hours: Number(c.hours),
    description: c.description,
    sessions: sessions
      .filter((s) => s.course_id === c.id)
      .map((s) => {
        const ps = rows.filter((p) => p.session_id === s.id);
        return { id: s.id, date: s.date, format: s.format, place: s.place, units: ps.length, participants: ps.reduce((n, p) => n + Number(p.participants), 0), completed: ps.reduce((n, p) => n + Number(p.completed), 0) };
      }),
  }));
  return {
    date: asOf,
    total: trainingTotal(byUnit),
    units: units.map((u) => ({ unitId: u.id, name: u.name, kind: u.kind, sectorName: sectors.get(u.id)!.name, ...byUnit.get(u.id)! })).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    courses,
  };
}

export interface CourseInput {
  title: string;
  theme: string;
  hours: number;
  description?: string;
}

export async function createCourse(ctx: Ctx, input: CourseInput): Promise<CourseView> {
  if (!policy.editTraining(ctx.actor)) throw AppError.forbidden();
  const d: ErrorDetail[] = [];
  if (!input.title?.trim() || input.title.length > 200) d.push({ field: 'title', message: 'Tittel må fylles ut (høyst 200 tegn)' });
  if (!input.theme?.trim() || input.theme.length > 100) d.push({ field: 'theme', message: 'Tema må fylles ut (høyst 100 tegn)' });
  if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 200) d.push({ field: 'hours', message: 'Timer må være mer enn 0 og høyst 200' });
  if ((input.description?.length ?? 0) > 2000) d.push({ field: 'description', message: 'Høyst 2000 tegn' });
  if (d.length) throw AppError.validation('Kurset kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const repo = certificationRepository(scope);
    if (await repo.courseByTitle(input.title.trim())) throw new AppError('conflict', 'Det finnes allerede et kurs med denne tittelen', [{ field: 'title', message: `«${input.title.trim()}» finnes fra før` }]);
    const at = nowIso(ctx);
    const row = { id: newId(), title: input.title.trim(), theme: input.theme.trim(), hours: input.hours, description: input.description?.trim() ?? '', created_at: at, updated_at: at };
    await repo.insertCourse(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cert_course', entityId: row.id, summary: `Kurs «${row.title}» opprettet`, after: row });
    return { id: row.id, title: row.title, theme: row.theme, hours: row.hours, description: row.description, sessions: [] };
  });
}

export interface SessionInput {
  courseId: string;
  date: string;
  format: string;
  place?: string | null;
}

export async function createSession(ctx: Ctx, input: SessionInput): Promise<{ id: string; courseId: string; date: string; format: string; place: string | null }> {
  if (!policy.editTraining(ctx.actor)) throw AppError.forbidden();
  const repo = certificationRepository(ctx.scope);
  const d: ErrorDetail[] = [];
  if (!(await repo.courseById(input.courseId))) d.push({ field: 'courseId', message: 'Kurset finnes ikke' });
  const date = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? parseIsoOrNorwegianDate(input.date) : null;
  if (!date) d.push({ field: 'date', message: `Ugyldig dato: ${input.date}` });
  if (!(SESSION_FORMATS as readonly string[]).includes(input.format)) d.push({ field: 'format', message: 'Velg e-læring, samling eller digitalt møte' });
  if ((input.place?.length ?? 0) > 200) d.push({ field: 'place', message: 'Høyst 200 tegn' });
  if (d.length) throw AppError.validation('Kursdagen kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), course_id: input.courseId, date: date!, format: input.format, place: input.place?.trim() || null, created_at: nowIso(ctx) };
    await certificationRepository(scope).insertSession(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cert_session', entityId: row.id, summary: `Kursdag ${row.date} registrert`, after: row });
    return { id: row.id, courseId: row.course_id, date: row.date, format: row.format, place: row.place };
  });
}

export interface ParticipationInput {
  sessionId: string;
  unitId: string;
  participants: number;
  completed: number;
  /** Named staff, where the unit wants it; completed is then the number of names. */
  names?: string[] | null;
}

/** Records (or corrects) how many of a unit's staff took and completed a session; a unit manager for their own unit. */
export async function recordParticipation(ctx: Ctx, input: ParticipationInput): Promise<{ id: string; sessionId: string; unitId: string; participants: number; completed: number; names: string[] | null }> {
  if (!policy.recordParticipation(ctx.actor, input.unitId)) throw AppError.forbidden('Du kan bare registrere deltakere fra din egen enhet');
  const repo = certificationRepository(ctx.scope);
  const d: ErrorDetail[] = [];
  if (!(await repo.sessionById(input.sessionId))) d.push({ field: 'sessionId', message: 'Kursdagen finnes ikke' });
  if (!(await organisationsRepository(ctx.scope).unitById(input.unitId))) d.push({ field: 'unitId', message: 'Enheten finnes ikke' });
  const names = input.names?.map((n) => n.trim()).filter(Boolean) ?? null;
  const completed = names && names.length ? names.length : input.completed;
  if (!Number.isInteger(input.participants) || input.participants < 0 || input.participants > 10_000) d.push({ field: 'participants', message: 'Antall deltakere må være et heltall fra 0 til 10 000' });
  if (!Number.isInteger(completed) || completed < 0) d.push({ field: 'completed', message: 'Antall fullført må være et heltall ≥ 0' });
  else if (completed > input.participants) d.push({ field: names?.length ? 'names' : 'completed', message: `Fullført (${completed}) kan ikke være flere enn deltakerne (${input.participants})` });
  if (names && names.some((n) => n.length > 100)) d.push({ field: 'names', message: 'Et navn kan ha høyst 100 tegn' });
  if (d.length) throw AppError.validation('Deltakelsen kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const r = certificationRepository(scope);
    const at = nowIso(ctx);
    const existing = await r.participationOf(input.sessionId, input.unitId);
    const fields = { participants: input.participants, completed, names: names && names.length ? JSON.stringify(names) : null, updated_at: at };
    let id: string;
    if (existing) {
      id = existing.id;
      await r.updateParticipation(id, fields);
    } else {
      id = newId();
      await r.insertParticipation({ id, session_id: input.sessionId, unit_id: input.unitId, created_at: at, ...fields });
    }
    const view = { id, sessionId: input.sessionId, unitId: input.unitId, participants: input.participants, completed, names: names && names.length ? names : null };
    await recordAudit({ ...ctx, scope }, { action: existing ? 'update' : 'create', entityType: 'cert_participation', entityId: id, summary: `Kursdeltakelse registrert: ${completed} av ${input.participants} fullførte`, before: existing ? { id, sessionId: existing.session_id, unitId: existing.unit_id, participants: existing.participants, completed: existing.completed, names: existing.names ? JSON.parse(existing.names) : null } : undefined, after: view });
    return view;
  });
}
