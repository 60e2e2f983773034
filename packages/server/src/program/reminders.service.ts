import { canEditDomain, descendantsOf, type SystemActor } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { remindersRepository, type StaffRow } from './reminders.repository.js';
import { reportingOverview, type DueItem, type Nudge } from './reporting.service.js';

/** Why an item is in someone's digest: they manage its unit, or nobody does and they run the program. */
export type Route = { via: 'unit_manager' } | { via: 'fallback'; reason: 'no_unit' | 'no_manager' };

export type DigestItem = DueItem & { url: string; route: Route };
export type DigestNudge = Nudge & { url: string; route: Route };

export interface DigestRecipient {
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'editor' | 'unit_manager';
  unit: { id: string; name: string } | null;
}

/** One person's e-mail of the day. */
export interface Digest {
  /** The reminder_digest key: one digest per recipient and day. */
  key: string;
  recipient: DigestRecipient;
  /** Overdue and stale first, then due within 30 days; by due date. */
  items: DigestItem[];
  nudges: DigestNudge[];
  counts: { overdue: number; due: number; nudges: number };
  subject: string;
  text: string;
  html: string;
}

export interface DigestRun {
  asOf: string;
  municipality: { id: string; slug: string; name: string };
  digests: Digest[];
  /** Items and nudges nobody receives (no manager, and no program editor or admin to fall back on). */
  unrouted: number;
}

export interface SendResult {
  asOf: string;
  digests: number;
  sent: string[];
  /** Already sent today, by this or another instance. */
  skipped: string[];
  failed: { email: string; error: string }[];
}

export interface DigestOptions {
  /** Where links point: the web app's address (config.publicUrl). */
  publicUrl: string;
}

const STATE_RANK: Record<DueItem['state'], number> = { overdue: 0, stale: 1, due: 2 };
const LACKS: Record<string, string> = { responsible_unit: 'ansvarlig enhet', indicator: 'koblet indikator', recent_update: 'oppdatering siste 12 måneder' };
const ROLE_LABEL: Record<DigestRecipient['role'], string> = { admin: 'administrator', editor: 'programredaktør', unit_manager: 'enhetsleder' };

const norDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const isLate = (i: DueItem) => i.state !== 'due';

/** The local calendar date (the server's time zone) of a moment: the day a digest belongs to. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function routeNote(r: Route, unit: { name: string } | null): string | null {
  if (r.via === 'unit_manager') return null;
  return r.reason === 'no_unit' ? 'ingen ansvarlig enhet' : `ingen enhetsleder for ${unit?.name ?? 'enheten'}`;
}

function itemLine(i: DigestItem): { title: string; detail: string } {
  const title = `${i.goalCode ? `${i.goalCode} ` : ''}${i.name.nb}${i.unit ? ` (${i.unit.name})` : ''}`;
  const parts = [i.state === 'due' ? `frist ${norDate(i.dueDate)}` : `fristen var ${norDate(i.dueDate)}`];
  if (i.state === 'stale') parts.push('siste verdi er for gammel til å telle');
  parts.push(i.latestPeriod ? `siste periode ${i.latestPeriod}` : 'ingen verdi ennå');
  const note = routeNote(i.route, i.unit);
  if (note) parts.push(note);
  return { title, detail: parts.join(' · ') };
}

function nudgeLine(n: DigestNudge): { title: string; detail: string } {
  const title = `${n.goalCode} ${n.title.nb}${n.unit ? ` (${n.unit.name})` : ''}`;
  const parts = [`mangler ${n.lacks.map((l) => LACKS[l] ?? l).join(', ')}`];
  const note = routeNote(n.route, n.unit);
  if (note) parts.push(note);
  return { title, detail: parts.join(' · ') };
}

function why(r: DigestRecipient, items: { route: Route }[]): string {
  const asManager = items.some((i) => i.route.via === 'unit_manager');
  const asFallback = items.some((i) => i.route.via === 'fallback');
  const reasons = [];
  if (asManager) reasons.push(`du er enhetsleder for ${r.unit?.name ?? 'en enhet'}`);
  if (asFallback) reasons.push(`du er ${ROLE_LABEL[r.role]} og noen punkter mangler ansvarlig enhet eller enhetsleder`);
  return `Du får denne e-posten fordi ${reasons.join(', og fordi ')}.`;
}

/** Subject, plain text and HTML of one digest, in Norwegian (bokmål). */
function render(d: Omit<Digest, 'subject' | 'text' | 'html'>, m: { name: string }, asOf: string, reportingUrl: string): Pick<Digest, 'subject' | 'text' | 'html'> {
  const late = d.items.filter(isLate);
  const due = d.items.filter((i) => !isLate(i));
  const summary = [
    late.length ? `${plural(late.length, 'forfalt indikatorverdi', 'forfalte indikatorverdier')}` : null,
    due.length ? `${plural(due.length, 'indikatorverdi', 'indikatorverdier')} forfaller snart` : null,
    d.nudges.length ? `${d.nudges.length} tiltak å følge opp` : null,
  ].filter((s): s is string => s !== null);
  const subject = `Omstilling ${norDate(asOf)}: ${summary.join(', ')}`;
  const sections: { heading: string; lines: { title: string; detail: string; url: string }[] }[] = [
    { heading: `Forfalt (${late.length})`, lines: late.map((i) => ({ ...itemLine(i), url: i.url })) },
    { heading: `Forfaller innen 30 dager (${due.length})`, lines: due.map((i) => ({ ...itemLine(i), url: i.url })) },
    { heading: `Tiltak som trenger oppfølging (${d.nudges.length})`, lines: d.nudges.map((n) => ({ ...nudgeLine(n), url: n.url })) },
  ].filter((s) => s.lines.length > 0);
  const reason = why(d.recipient, [...d.items, ...d.nudges]);
  const intro = `Her er det som venter på rapportering i omstillingsprogrammet til ${m.name} per ${norDate(asOf)}.`;

  const text = [
    `Hei ${d.recipient.name}!`,
    '',
    intro,
    ...sections.flatMap((s) => ['', s.heading.toUpperCase(), ...s.lines.flatMap((l) => [`- ${l.title}`, `  ${l.detail}`, ...(l.url === reportingUrl ? [] : [`  ${l.url}`])])]),
    '',
    `Se og rapporter: ${reportingUrl}`,
    '',
    reason,
    'Omstilling sender én samlet e-post per dag.',
    '',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1e2b3c;max-width:40rem">',
    `<p>Hei ${escapeHtml(d.recipient.name)}!</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map(
      (s) =>
        `<h2 style="font-size:1.1rem">${escapeHtml(s.heading)}</h2><ul>${s.lines
          .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a><br><small>${escapeHtml(l.detail)}</small></li>`)
          .join('')}</ul>`,
    ),
    `<p><a href="${escapeHtml(reportingUrl)}">Se og rapporter i Omstilling</a></p>`,
    `<p><small>${escapeHtml(reason)} Omstilling sender én samlet e-post per dag.</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

const systemCtx = (ctx: Ctx): Ctx => {
  const actor: SystemActor = { kind: 'system', municipalityId: ctx.scope.municipalityId, label: 'påminnelser' };
  return { ...ctx, actor };
};

/**
 * The day's digests: every due or overdue indicator value and every action that needs
 * attention, sent to the unit managers whose units contain the responsible unit; items
 * without a unit, or whose unit has no manager, go to the program editors and admins.
 * One digest per recipient. Program editors and admins may build them.
 */
export async function buildDigests(ctx: Ctx, asOf: string, options: DigestOptions): Promise<DigestRun> {
  if (!canEditDomain(ctx.actor, 'program')) throw AppError.forbidden();
  const repo = remindersRepository(ctx.scope);
  const [overview, staff, tree, unitNames, municipality] = await Promise.all([
    reportingOverview(systemCtx(ctx), { asOf }),
    repo.staff(),
    organisationsRepository(ctx.scope).unitTree(),
    repo.unitNames(),
    repo.municipality(),
  ]);

  const managers = staff.filter((u) => u.role === 'unit_manager' && u.unit_id);
  const fallback = staff.filter((u) => u.role === 'admin' || (u.role === 'editor' && (JSON.parse(u.domains) as string[]).includes('program')));
  // A manager's scope is their unit and every unit below it, as for their permissions.
  const scopes = new Map(managers.map((u) => [u.id, new Set(descendantsOf(u.unit_id!, tree))]));
  const route = (unitId: string | null): { to: StaffRow[]; route: Route } => {
    if (!unitId) return { to: fallback, route: { via: 'fallback', reason: 'no_unit' } };
    const to = managers.filter((u) => scopes.get(u.id)!.has(unitId));
    return to.length ? { to, route: { via: 'unit_manager' } } : { to: fallback, route: { via: 'fallback', reason: 'no_manager' } };
  };

  const base = options.publicUrl.replace(/\/$/, '');
  const reportingUrl = `${base}/reporting`;
  const byUser = new Map<string, { user: StaffRow; items: DigestItem[]; nudges: DigestNudge[] }>();
  const bucket = (u: StaffRow) => byUser.get(u.id) ?? byUser.set(u.id, { user: u, items: [], nudges: [] }).get(u.id)!;
  let unrouted = 0;
  for (const i of overview.items) {
    const r = route(i.unit?.id ?? null);
    if (!r.to.length) unrouted++;
    for (const u of r.to) bucket(u).items.push({ ...i, url: `${base}/program/indicators/${encodeURIComponent(i.indicatorId)}`, route: r.route });
  }
  for (const n of overview.nudges) {
    const r = route(n.unit?.id ?? null);
    if (!r.to.length) unrouted++;
    for (const u of r.to) bucket(u).nudges.push({ ...n, url: reportingUrl, route: r.route });
  }

  const digests: Digest[] = [];
  for (const { user, items, nudges } of byUser.values()) {
    items.sort((a, b) => STATE_RANK[a.state] - STATE_RANK[b.state] || a.dueDate.localeCompare(b.dueDate) || a.name.nb.localeCompare(b.name.nb, 'nb'));
    nudges.sort((a, b) => a.goalCode.localeCompare(b.goalCode, 'nb', { numeric: true }) || a.title.nb.localeCompare(b.title.nb, 'nb'));
    const recipient: DigestRecipient = {
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role as DigestRecipient['role'],
      unit: user.unit_id ? { id: user.unit_id, name: unitNames.get(user.unit_id) ?? '' } : null,
    };
    const d = { key: `user:${user.id}`, recipient, items, nudges, counts: { overdue: items.filter(isLate).length, due: items.filter((i) => !isLate(i)).length, nudges: nudges.length } };
    digests.push({ ...d, ...render(d, municipality, asOf, reportingUrl) });
  }
  digests.sort((a, b) => a.recipient.name.localeCompare(b.recipient.name, 'nb') || a.recipient.email.localeCompare(b.recipient.email));
  return { asOf, municipality, digests, unrouted };
}

/**
 * Sends the day's digests, at most once per recipient and day however often and on however
 * many instances it runs: each digest is claimed in reminder_digest first and sent after; a
 * claim that already exists means "sent". A failed send gives its claim back for a later run.
 */
export async function sendDigests(ctx: Ctx, mailer: Mailer, asOf: string, options: DigestOptions): Promise<SendResult> {
  const run = await buildDigests(ctx, asOf, options);
  const repo = remindersRepository(ctx.scope);
  const result: SendResult = { asOf, digests: run.digests.length, sent: [], skipped: [], failed: [] };
  for (const d of run.digests) {
    const id = newId();
    const claimed = await repo.claim({ id, date: asOf, key: d.key, recipients: [d.recipient.email], items: d.items.length + d.nudges.length, at: nowIso(ctx) });
    if (!claimed) {
      result.skipped.push(d.recipient.email);
      continue;
    }
    try {
      await mailer.send({ to: { name: d.recipient.name, address: d.recipient.email }, subject: d.subject, text: d.text, html: d.html });
      result.sent.push(d.recipient.email);
    } catch (e) {
      await repo.release(id);
      result.failed.push({ email: d.recipient.email, error: (e as Error).message });
    }
  }
  return result;
}

/**
 * What the digests of a day hold, for the reminders page: program editors and admins see
 * everyone's, other staff only their own. `sentAt` says whether it has gone out.
 */
export async function previewDigests(ctx: Ctx, asOf: string, options: DigestOptions): Promise<{ asOf: string; digests: (Digest & { sentAt: string | null })[]; unrouted: number | null }> {
  const a = ctx.actor;
  if (a.kind === 'anonymous' || (a.kind === 'user' && a.role === 'business')) throw AppError.forbidden();
  const all = canEditDomain(a, 'program');
  const run = await buildDigests(all ? ctx : systemCtx(ctx), asOf, options);
  const sent = await remindersRepository(ctx.scope).sentOn(asOf);
  const mine = all ? run.digests : run.digests.filter((d) => a.kind === 'user' && d.recipient.userId === a.userId);
  return { asOf, digests: mine.map((d) => ({ ...d, sentAt: sent.get(d.key) ?? null })), unrouted: all ? run.unrouted : null };
}
