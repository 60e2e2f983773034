import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  actionNeedsReason,
  BURST_WINDOW_MS,
  campaignStats,
  DUPLICATE_WINDOW_MS,
  initialPostStatus,
  MODERATION_ACTIONS,
  nextPostStatus,
  normaliseForDuplicate,
  periodsBetween,
  REPORT_REASONS,
  spamFindings,
  validateCampaignEvent,
  validateCampaignRegistration,
  validatePost,
  validateTheme,
  type CampaignActivity,
  type CampaignFieldError,
  type CampaignStatsRow,
  type ModerationAction,
  type ModerationMode,
  type PostStatus,
  type StatsInterval,
} from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { newId, sha256 } from '../platform/ids.js';
import { campaignPolicy as policy } from './campaign.policy.js';
import { campaignRepository, type EventRow, type PostRow, type ThemeRow } from './campaign.repository.js';

// The campaign's use cases. Residents act anonymously (the routes pass an anonymous actor):
// registrations keep a name or nickname, an optional e-mail and the hash of a cancel code;
// posts keep a display name and a keyed hash of the browser's random participant id.

const invalid = (message: string, errors: CampaignFieldError[]) => {
  if (errors.length) throw AppError.validation(message, errors);
};
const toBool = (v: unknown) => Number(v) === 1;

// ---------------------------------------------------------------- themes

export interface ThemeView {
  id: string;
  titleNb: string;
  titleEn: string | null;
  textNb: string;
  textEn: string | null;
  moderation: ModerationMode;
  open: boolean;
  threads: number;
}

const themeView = (t: ThemeRow, threads = 0): ThemeView => ({ id: t.id, titleNb: t.title_nb, titleEn: t.title_en, textNb: t.text_nb, textEn: t.text_en, moderation: t.moderation as ModerationMode, open: toBool(t.open), threads });

/** Every theme with its number of visible threads, in the campaign's order. */
export async function listThemes(ctx: Ctx): Promise<ThemeView[]> {
  const repo = campaignRepository(ctx.scope);
  const [themes, counts] = await Promise.all([repo.themes(), repo.threadCounts()]);
  return themes.map((t) => themeView(t, counts.get(t.id) ?? 0));
}

export interface ThemeInputBody {
  titleNb: string;
  titleEn?: string | null;
  textNb: string;
  textEn?: string | null;
  moderation: string;
  open: boolean;
}

const trimOrNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** Creates a theme (campaign editors). */
export async function createTheme(ctx: Ctx, input: ThemeInputBody): Promise<ThemeView> {
  if (!policy.manage(ctx.actor)) throw AppError.forbidden();
  invalid('Temaet kunne ikke lagres', validateTheme(input));
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const at = nowIso(ctx);
    const row = { id: newId(), title_nb: input.titleNb.trim(), title_en: trimOrNull(input.titleEn), text_nb: input.textNb.trim(), text_en: trimOrNull(input.textEn), moderation: input.moderation, open: input.open ? 1 : 0, sort: (await repo.maxThemeSort()) + 1, created_at: at, updated_at: at };
    await repo.insertTheme(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cmp_theme', entityId: row.id, summary: `Nytt kampanjetema: ${row.title_nb}`, before: null, after: { title: row.title_nb, moderation: row.moderation, open: input.open } });
    return themeView({ ...row, municipality_id: ctx.scope.municipalityId });
  });
}

/** Changes a theme: texts, moderation mode, open or closed (campaign editors). */
export async function updateTheme(ctx: Ctx, id: string, input: ThemeInputBody): Promise<ThemeView> {
  if (!policy.manage(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const before = await repo.theme(id);
    if (!before) throw AppError.notFound('Temaet');
    invalid('Temaet kunne ikke lagres', validateTheme(input));
    const set = { title_nb: input.titleNb.trim(), title_en: trimOrNull(input.titleEn), text_nb: input.textNb.trim(), text_en: trimOrNull(input.textEn), moderation: input.moderation, open: input.open ? 1 : 0, updated_at: nowIso(ctx) };
    await repo.updateTheme(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'cmp_theme', entityId: id, summary: `Kampanjetema endret: ${set.title_nb}`, before: { title: before.title_nb, moderation: before.moderation, open: toBool(before.open) }, after: { title: set.title_nb, moderation: set.moderation, open: input.open } });
    return themeView({ ...before, ...set });
  });
}

// ---------------------------------------------------------------- events and registrations

export interface EventView {
  id: string;
  themeId: string | null;
  kind: string;
  title: string;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  cancelled: boolean;
}

const eventView = (e: EventRow): EventView => ({ id: e.id, themeId: e.theme_id, kind: e.kind, title: e.title, description: e.description, place: e.place, startsAt: e.starts_at, endsAt: e.ends_at, capacity: Number(e.capacity), seatsTaken: Number(e.seats_taken), seatsLeft: Number(e.capacity) - Number(e.seats_taken), cancelled: toBool(e.cancelled) });

/** Events, soonest first; the public sees those not cancelled and not over, editors may ask for all. */
export async function listEvents(ctx: Ctx, filter: { all?: boolean; themeId?: string }, page: { limit: number; offset: number }): Promise<{ items: EventView[]; total: number }> {
  const all = filter.all === true;
  if (all && !policy.manage(ctx.actor)) throw AppError.forbidden();
  const repo = campaignRepository(ctx.scope);
  const f = { from: all ? undefined : nowIso(ctx), themeId: filter.themeId, includeCancelled: all };
  const [items, total] = await Promise.all([repo.events(f, page), repo.countEvents(f)]);
  return { items: items.map(eventView), total };
}

export interface EventInputBody {
  themeId?: string | null;
  kind: string;
  title: string;
  description?: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  cancelled?: boolean;
}

async function checkThemeRef(ctx: Ctx, themeId: string | null | undefined): Promise<string | null> {
  if (!themeId) return null;
  if (!(await campaignRepository(ctx.scope).theme(themeId))) throw AppError.validation('Ukjent tema', [{ field: 'themeId', message: 'Temaet finnes ikke; velg fra listen eller la feltet stå tomt' }]);
  return themeId;
}

const isoOf = (s: string) => new Date(Date.parse(s)).toISOString();

/** Creates a meeting, workshop or repair day (campaign editors). */
export async function createEvent(ctx: Ctx, input: EventInputBody): Promise<EventView> {
  if (!policy.manage(ctx.actor)) throw AppError.forbidden();
  invalid('Arrangementet kunne ikke lagres', validateCampaignEvent(input));
  return ctx.scope.transaction(async (scope) => {
    const themeId = await checkThemeRef({ ...ctx, scope }, input.themeId);
    const at = nowIso(ctx);
    const row = { id: newId(), theme_id: themeId, kind: input.kind, title: input.title.trim(), description: trimOrNull(input.description), place: input.place.trim(), starts_at: isoOf(input.startsAt), ends_at: isoOf(input.endsAt), capacity: input.capacity, seats_taken: 0, cancelled: input.cancelled ? 1 : 0, created_at: at, updated_at: at };
    await campaignRepository(scope).insertEvent(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cmp_event', entityId: row.id, summary: `Nytt arrangement: ${row.title}`, before: null, after: { title: row.title, kind: row.kind, startsAt: row.starts_at, capacity: row.capacity } });
    return eventView({ ...row, municipality_id: ctx.scope.municipalityId });
  });
}

/** Changes an event; the capacity never goes below the seats already taken (campaign editors). */
export async function updateEvent(ctx: Ctx, id: string, input: EventInputBody): Promise<EventView> {
  if (!policy.manage(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const before = await repo.event(id);
    if (!before) throw AppError.notFound('Arrangementet');
    invalid('Arrangementet kunne ikke lagres', validateCampaignEvent(input, Number(before.seats_taken)));
    const themeId = await checkThemeRef({ ...ctx, scope }, input.themeId);
    const set = { theme_id: themeId, kind: input.kind, title: input.title.trim(), description: trimOrNull(input.description), place: input.place.trim(), starts_at: isoOf(input.startsAt), ends_at: isoOf(input.endsAt), capacity: input.capacity, cancelled: input.cancelled ? 1 : 0, updated_at: nowIso(ctx) };
    // The database's check refuses a capacity below the seats taken by a registration made meanwhile.
    await repo.updateEvent(id, set);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'cmp_event', entityId: id, summary: `Arrangement endret: ${set.title}`, before: { title: before.title, startsAt: before.starts_at, capacity: Number(before.capacity), cancelled: toBool(before.cancelled) }, after: { title: set.title, startsAt: set.starts_at, capacity: set.capacity, cancelled: input.cancelled === true } });
    return eventView({ ...before, ...set });
  });
}

export interface RegistrationResult {
  id: string;
  eventId: string;
  seats: number;
  /** Shown once; the resident cancels with it. Only its hash is stored. */
  cancelCode: string;
  seatsLeft: number;
}

const codeHash = (code: string) => sha256(`cmp-cancel:${code.trim().toUpperCase()}`);
/** A cancel code people can read aloud: 12 characters without look-alikes, in groups of four. */
function newCancelCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  const s = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/** Registers a resident for an event; seats are taken in one conditional update, never over capacity. */
export async function register(ctx: Ctx, eventId: string, input: { name: string; email?: string | null; seats: number }): Promise<RegistrationResult> {
  if (!policy.participate(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const event = await repo.event(eventId);
    if (!event) throw AppError.notFound('Arrangementet');
    invalid('Påmeldingen kunne ikke lagres', validateCampaignRegistration(input));
    if (toBool(event.cancelled)) throw new AppError('conflict', `«${event.title}» er avlyst`, [{ field: 'eventId', message: 'Arrangementet er avlyst; påmelding er stengt' }]);
    const at = nowIso(ctx);
    if (event.starts_at <= at) throw new AppError('conflict', `«${event.title}» har allerede startet`, [{ field: 'eventId', message: 'Påmeldingen er stengt fordi arrangementet har startet' }]);
    if (!(await repo.takeSeats(eventId, input.seats, at))) {
      const now = await repo.event(eventId);
      const left = Number(now!.capacity) - Number(now!.seats_taken);
      throw new AppError('conflict', left <= 0 ? `«${event.title}» er fullt` : `Det er bare ${left} ${left === 1 ? 'plass' : 'plasser'} igjen på «${event.title}»`, [{ field: 'seats', message: left <= 0 ? 'Alle plassene er tatt' : `Velg høyst ${left} ${left === 1 ? 'plass' : 'plasser'}` }]);
    }
    const code = newCancelCode();
    const row = { id: newId(), event_id: eventId, name: input.name.trim(), email: trimOrNull(input.email), seats: input.seats, cancel_hash: codeHash(code), status: 'active', created_at: at, cancelled_at: null };
    await repo.insertRegistration(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cmp_registration', entityId: row.id, summary: `Påmelding til ${event.title}: ${row.seats} plass(er)`, before: null, after: { eventId, seats: row.seats } });
    const after = await repo.event(eventId);
    return { id: row.id, eventId, seats: row.seats, cancelCode: code, seatsLeft: Number(after!.capacity) - Number(after!.seats_taken) };
  });
}

/** Cancels a registration by its code and frees its seats (once, however often the code is sent). */
export async function cancelRegistration(ctx: Ctx, code: string): Promise<{ eventId: string; seats: number }> {
  if (!policy.participate(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const reg = await repo.registrationByHash(codeHash(code));
    if (!reg) throw AppError.validation('Ukjent avbestillingskode', [{ field: 'code', message: 'Ingen påmelding har denne koden; sjekk at den er skrevet riktig' }]);
    const at = nowIso(ctx);
    if (!(await repo.cancelRegistration(reg.id, at))) throw new AppError('conflict', 'Påmeldingen er allerede avbestilt', [{ field: 'code', message: 'Denne påmeldingen er allerede avbestilt' }]);
    await repo.releaseSeats(reg.event_id, Number(reg.seats), at);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'cmp_registration', entityId: reg.id, summary: `Påmelding avbestilt (${reg.seats} plass(er))`, before: { status: 'active' }, after: { status: 'cancelled' } });
    return { eventId: reg.event_id, seats: Number(reg.seats) };
  });
}

/** The registrations of one event, for its organisers (campaign editors). */
export async function listRegistrations(ctx: Ctx, eventId: string): Promise<{ event: EventView; items: { id: string; name: string; email: string | null; seats: number; status: string; createdAt: string }[] }> {
  if (!policy.manage(ctx.actor)) throw AppError.forbidden();
  const repo = campaignRepository(ctx.scope);
  const event = await repo.event(eventId);
  if (!event) throw AppError.notFound('Arrangementet');
  const rows = await repo.registrations(eventId);
  return { event: eventView(event), items: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, seats: Number(r.seats), status: r.status, createdAt: r.created_at })) };
}

// ---------------------------------------------------------------- threads and posts

/** A form token: when the form was shown, signed, so a bot cannot pretend it waited. */
export function issueFormToken(secret: string, nowMs: number): string {
  return `${nowMs}.${createHmac('sha256', secret).update(`cmp-form:${nowMs}`).digest('base64url').slice(0, 32)}`;
}

/** When the form was shown, or null when the token is not one we signed. */
export function verifyFormToken(secret: string, token: string): number | null {
  const [ts, sig] = token.split('.');
  if (!ts || !sig || !/^\d{10,16}$/.test(ts)) return null;
  const expected = Buffer.from(issueFormToken(secret, Number(ts)).split('.')[1]!);
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(ts) : null;
}

export interface PostView {
  id: string;
  parentId: string | null;
  title: string | null;
  displayName: string;
  body: string;
  createdAt: string;
  byStaff: boolean;
}
export interface ThreadView extends PostView {
  replies: PostView[];
}

const postView = (p: PostRow): PostView => ({ id: p.id, parentId: p.parent_id, title: p.title, displayName: p.display_name, body: p.body, createdAt: p.created_at, byStaff: toBool(p.by_staff) });

/** A theme with its visible threads (newest first) and their visible replies. */
export async function themeWithThreads(ctx: Ctx, id: string, page: { limit: number; offset: number }): Promise<{ theme: ThemeView; threads: ThreadView[]; total: number }> {
  const repo = campaignRepository(ctx.scope);
  const theme = await repo.theme(id);
  if (!theme) throw AppError.notFound('Temaet');
  const [threads, total] = await Promise.all([repo.threads(id, page), repo.countThreads(id)]);
  const replies = await repo.visibleReplies(threads.map((t) => t.id));
  return { theme: themeView(theme, total), total, threads: threads.map((t) => ({ ...postView(t), replies: replies.filter((r) => r.parent_id === t.id).map(postView) })) };
}

export interface PostInputBody {
  parentId?: string | null;
  title?: string | null;
  displayName: string;
  body: string;
  acceptedConduct: boolean;
  formToken: string;
  /** The honeypot: a field hidden from people. */
  website?: string | null;
  /** A random id the browser keeps; only its keyed hash is stored. */
  participant?: string | null;
}

export interface PostContext {
  secret: string;
  /** The client address, used only (hashed with the day) when the browser sends no participant id. */
  address: string;
  byStaff: boolean;
}

/** Stores a post after the checks: fields, code of conduct, spam heuristics, bursts; held when the theme pre-moderates. */
export async function createPost(ctx: Ctx, themeId: string, input: PostInputBody, pc: PostContext): Promise<{ id: string; status: PostStatus; message: string }> {
  if (!policy.participate(ctx.actor)) throw AppError.forbidden();
  const repo = campaignRepository(ctx.scope);
  const theme = await repo.theme(themeId);
  if (!theme) throw AppError.notFound('Temaet');
  invalid('Innlegget kunne ikke lagres', validatePost({ displayName: input.displayName, title: input.title, body: input.body, isReply: !!input.parentId, acceptedConduct: input.acceptedConduct }));
  if (!toBool(theme.open)) throw new AppError('conflict', 'Temaet er stengt for nye innlegg', [{ field: 'themeId', message: 'Samtalen i dette temaet er avsluttet; innleggene kan fortsatt leses' }]);
  if (input.parentId) {
    const parent = await repo.post(input.parentId);
    if (!parent || parent.theme_id !== themeId || parent.parent_id !== null || parent.status !== 'visible') throw AppError.validation('Ukjent tråd', [{ field: 'parentId', message: 'Tråden du svarer på finnes ikke (eller er ikke synlig) i dette temaet' }]);
  }
  const now = ctx.now();
  const issued = verifyFormToken(pc.secret, input.formToken);
  if (issued === null) throw AppError.validation('Skjemaet mangler et gyldig skjema-token', [{ field: 'formToken', message: 'Last siden på nytt og send igjen (teksten din er tatt vare på i skjemaet)' }]);
  const participant = input.participant && /^[A-Za-z0-9_-]{16,64}$/.test(input.participant) ? `p:${input.participant}` : `a:${pc.address}:${now.toISOString().slice(0, 10)}`;
  const posterKey = createHmac('sha256', pc.secret).update(`cmp-poster:${participant}`).digest('base64url').slice(0, 32);
  const [recentBodies, recentByPoster] = await Promise.all([repo.recentBodies(themeId, new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString()), repo.countByPosterSince(posterKey, new Date(now.getTime() - BURST_WINDOW_MS).toISOString())]);
  const findings = spamFindings({ body: input.body, honeypot: input.website, formIssuedAt: issued, now: now.getTime(), recentBodies, recentByPoster });
  const burst = findings.find((f) => f.code === 'burst');
  if (burst) throw new AppError('rate_limited', 'For mange innlegg på kort tid. Vent litt og prøv igjen.', [{ field: burst.field, message: burst.message }]);
  if (findings.length) throw AppError.validation('Innlegget ble stoppet av spamfilteret', findings.map((f) => ({ field: f.field, message: f.message })));
  const status = initialPostStatus(theme.moderation as ModerationMode);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), theme_id: themeId, parent_id: input.parentId ?? null, title: input.parentId ? null : trimOrNull(input.title), display_name: input.displayName.trim(), body: input.body.trim(), body_norm: normaliseForDuplicate(input.body), poster_key: posterKey, status, by_staff: pc.byStaff ? 1 : 0, created_at: now.toISOString(), moderated_at: null, moderation_reason: null };
    await campaignRepository(scope).insertPost(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cmp_post', entityId: row.id, summary: `${row.parent_id ? 'Svar' : 'Ny tråd'} i «${theme.title_nb}» (${status === 'pending' ? 'venter på godkjenning' : 'synlig'})`, before: null, after: { themeId, parentId: row.parent_id, status } });
    return { id: row.id, status, message: status === 'pending' ? 'Takk! Innlegget er lagret og vises når en moderator har godkjent det.' : 'Takk! Innlegget er publisert.' };
  });
}

/** Reports a post with a reason; the post stays as it is until a moderator handles the report. */
export async function reportPost(ctx: Ctx, postId: string, input: { reason: string; note?: string | null }): Promise<{ id: string }> {
  if (!policy.participate(ctx.actor)) throw AppError.forbidden();
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const post = await repo.post(postId);
    if (!post || post.status !== 'visible') throw AppError.notFound('Innlegget');
    if (!(REPORT_REASONS as readonly string[]).includes(input.reason)) throw AppError.validation('Velg en grunn', [{ field: 'reason', message: `Grunnen må være én av: ${REPORT_REASONS.join(', ')}` }]);
    if (input.note && input.note.length > 500) throw AppError.validation('For lang kommentar', [{ field: 'note', message: 'Kommentaren kan ha høyst 500 tegn' }]);
    const row = { id: newId(), post_id: postId, reason: input.reason, note: trimOrNull(input.note), status: 'open', created_at: nowIso(ctx), resolved_at: null };
    await repo.insertReport(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cmp_report', entityId: row.id, summary: `Innlegg meldt: ${row.reason}`, before: null, after: { postId, reason: row.reason } });
    return { id: row.id };
  });
}

export interface QueueItem {
  post: PostView & { status: PostStatus; themeId: string; themeTitle: string; threadTitle: string | null };
  reports: { id: string; reason: string; note: string | null; createdAt: string }[];
}

/** Posts waiting for a moderator (held or reported), oldest first (campaign editors and admins). */
export async function moderationQueue(ctx: Ctx, page: { limit: number; offset: number }): Promise<{ items: QueueItem[]; total: number }> {
  if (!policy.moderate(ctx.actor)) throw AppError.forbidden();
  const repo = campaignRepository(ctx.scope);
  const [posts, total, themes] = await Promise.all([repo.queue(page), repo.countQueue(), repo.themes()]);
  const reports = await repo.openReports(posts.map((p) => p.id));
  const parents = new Map<string, string | null>();
  for (const p of posts) if (p.parent_id && !parents.has(p.parent_id)) parents.set(p.parent_id, (await repo.post(p.parent_id))?.title ?? null);
  return {
    total,
    items: posts.map((p) => ({
      post: { ...postView(p), status: p.status as PostStatus, themeId: p.theme_id, themeTitle: themes.find((t) => t.id === p.theme_id)?.title_nb ?? '', threadTitle: p.parent_id ? (parents.get(p.parent_id) ?? null) : p.title },
      reports: reports.filter((r) => r.post_id === p.id).map((r) => ({ id: r.id, reason: r.reason, note: r.note, createdAt: r.created_at })),
    })),
  };
}

/** Approves, hides, restores or dismisses reports on a post; audited with the reason; open reports are resolved. */
export async function moderatePost(ctx: Ctx, postId: string, input: { action: string; reason?: string | null }): Promise<{ id: string; status: PostStatus }> {
  if (!policy.moderate(ctx.actor)) throw AppError.forbidden('Bare kampanjens moderatorer (redaktører for kampanjen og administratorer) kan moderere innlegg');
  return ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const post = await repo.post(postId);
    if (!post) throw AppError.notFound('Innlegget');
    if (!(MODERATION_ACTIONS as readonly string[]).includes(input.action)) throw AppError.validation('Ukjent handling', [{ field: 'action', message: `Handlingen må være én av: ${MODERATION_ACTIONS.join(', ')}` }]);
    const action = input.action as ModerationAction;
    const reason = trimOrNull(input.reason);
    if (actionNeedsReason(action) && !reason) throw AppError.validation('Skriv en begrunnelse', [{ field: 'reason', message: 'Begrunnelse må fylles ut når et innlegg skjules' }]);
    if (reason && reason.length > 500) throw AppError.validation('For lang begrunnelse', [{ field: 'reason', message: 'Begrunnelsen kan ha høyst 500 tegn' }]);
    const from = post.status as PostStatus;
    const to = nextPostStatus(from, action);
    const names: Record<PostStatus, string> = { pending: 'venter på godkjenning', visible: 'synlig', hidden: 'skjult' };
    if (to === null) throw new AppError('conflict', `Handlingen «${action}» passer ikke for et innlegg som er ${names[from]}`, [{ field: 'action', message: `Innlegget er ${names[from]}` }]);
    const at = nowIso(ctx);
    await repo.updatePost(postId, { status: to, moderated_at: at, moderation_reason: reason });
    await repo.resolveReports(postId, at);
    await recordAudit({ ...ctx, scope }, { action: 'update', entityType: 'cmp_post', entityId: postId, summary: `Moderering (${action}): ${names[from]} → ${names[to]}${reason ? ` – ${reason}` : ''}`, before: { status: from }, after: { status: to, action, reason } });
    return { id: postId, status: to };
  });
}

// ---------------------------------------------------------------- statistics

async function activity(ctx: Ctx): Promise<CampaignActivity> {
  const repo = campaignRepository(ctx.scope);
  const [seats, posts, results, pledges] = await Promise.all([repo.activeSeats(), repo.countedPosts(), repo.calculatorResults(), repo.pledges()]);
  return {
    registrations: seats.map((s) => ({ eventStart: s.starts_at, seats: Number(s.seats) })),
    posts: posts.map((p) => ({ at: p.created_at, posterKey: p.poster_key })),
    calculatorResults: results.map((r) => ({ at: r.created_at })),
    pledges: pledges.map((p) => ({ at: p.created_at })),
  };
}

export { activity as campaignActivity };

export interface StatsView {
  interval: StatsInterval;
  from: string;
  to: string;
  rows: CampaignStatsRow[];
  totals: Omit<CampaignStatsRow, 'period' | 'posters' | 'participants'>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Participants, contributions, calculator results and pledges per week or month (campaign editors). */
export async function campaignStatistics(ctx: Ctx, q: { interval?: string; from?: string; to?: string }): Promise<StatsView> {
  if (!policy.readStats(ctx.actor)) throw AppError.forbidden();
  const interval: StatsInterval = q.interval === 'week' ? 'week' : 'month';
  if (q.interval && q.interval !== 'week' && q.interval !== 'month') throw AppError.validation('Ukjent intervall', [{ field: 'interval', message: 'Intervallet må være «week» eller «month»' }]);
  const a = await activity(ctx);
  const today = nowIso(ctx).slice(0, 10);
  const dates = [...a.registrations.map((r) => r.eventStart), ...a.posts.map((p) => p.at), ...a.calculatorResults.map((r) => r.at), ...a.pledges.map((p) => p.at)].map((d) => d.slice(0, 10)).sort();
  const to = q.to ?? (dates.length && dates[dates.length - 1]! > today ? dates[dates.length - 1]! : today);
  const from = q.from ?? dates[0] ?? today;
  const errors: CampaignFieldError[] = [];
  if (!DATE.test(from)) errors.push({ field: 'from', message: 'Fra-dato må være ÅÅÅÅ-MM-DD' });
  if (!DATE.test(to)) errors.push({ field: 'to', message: 'Til-dato må være ÅÅÅÅ-MM-DD' });
  if (!errors.length && from > to) errors.push({ field: 'to', message: 'Til-dato må være etter fra-dato' });
  if (!errors.length && periodsBetween(from, to, interval).length > 520) errors.push({ field: 'from', message: 'Perioden er for lang; velg kortere tid eller måned som intervall' });
  invalid('Ugyldig periode', errors);
  const rows = campaignStats(a, interval, from, to);
  const sum = (k: keyof CampaignStatsRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
  return { interval, from, to, rows, totals: { eventSeats: sum('eventSeats'), posts: sum('posts'), calculatorResults: sum('calculatorResults'), pledges: sum('pledges') } };
}
