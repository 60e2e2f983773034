import { sql, type Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type ThemeRow = Selectable<DB['cmp_theme']>;
export type EventRow = Selectable<DB['cmp_event']>;
export type RegistrationRow = Selectable<DB['cmp_registration']>;
export type PostRow = Selectable<DB['cmp_post']>;
export type ReportRow = Selectable<DB['cmp_report']>;
type New<T> = Omit<T, 'municipality_id'>;
const n = (v: unknown) => Number(v ?? 0);

/** All SQL of the campaign domain, always through the tenant scope. */
export function campaignRepository(scope: TenantScope) {
  return {
    themes: () => scope.selectFrom('cmp_theme').selectAll().orderBy('sort').orderBy('created_at').execute(),
    theme: (id: string) => scope.selectFrom('cmp_theme').selectAll().where('id', '=', id).executeTakeFirst(),
    insertTheme: (row: New<ThemeRow>) => scope.insertInto('cmp_theme', row).execute(),
    updateTheme: (id: string, set: Partial<New<ThemeRow>>) => scope.updateTable('cmp_theme').set(set).where('id', '=', id).execute(),
    maxThemeSort: async () => n((await scope.selectFrom('cmp_theme').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst())?.m),
    /** Visible threads per theme (for the theme list). */
    threadCounts: async () => new Map((await scope.selectFrom('cmp_post').select(['theme_id', (eb) => eb.fn.countAll().as('n')]).where('parent_id', 'is', null).where('status', '=', 'visible').groupBy('theme_id').execute()).map((r) => [r.theme_id, n(r.n)])),

    events: (filter: { from?: string; themeId?: string; includeCancelled?: boolean }, page: { limit: number; offset: number }) => {
      let q = scope.selectFrom('cmp_event').selectAll();
      if (filter.from) q = q.where('ends_at', '>=', filter.from);
      if (filter.themeId) q = q.where('theme_id', '=', filter.themeId);
      if (!filter.includeCancelled) q = q.where('cancelled', '=', 0);
      return q.orderBy('starts_at').orderBy('id').limit(page.limit).offset(page.offset).execute();
    },
    countEvents: async (filter: { from?: string; themeId?: string; includeCancelled?: boolean }) => {
      let q = scope.selectFrom('cmp_event').select((eb) => eb.fn.countAll().as('n'));
      if (filter.from) q = q.where('ends_at', '>=', filter.from);
      if (filter.themeId) q = q.where('theme_id', '=', filter.themeId);
      if (!filter.includeCancelled) q = q.where('cancelled', '=', 0);
      return n((await q.executeTakeFirst())?.n);
    },
    event: (id: string) => scope.selectFrom('cmp_event').selectAll().where('id', '=', id).executeTakeFirst(),
    insertEvent: (row: New<EventRow>) => scope.insertInto('cmp_event', row).execute(),
    updateEvent: (id: string, set: Partial<New<EventRow>>) => scope.updateTable('cmp_event').set(set).where('id', '=', id).execute(),
    /** Takes seats only if they are free, in one statement: concurrent requests can never overbook. */
    takeSeats: async (id: string, seats: number, at: string) => {
      const r = await scope
        .updateTable('cmp_event')
        .set({ seats_taken: sql<number>`seats_taken + ${seats}`, updated_at: at })
        .where('id', '=', id)
        .where('cancelled', '=', 0)
        .where(sql<boolean>`seats_taken + ${seats} <= capacity`)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    releaseSeats: (id: string, seats: number, at: string) => scope.updateTable('cmp_event').set({ seats_taken: sql<number>`seats_taken - ${seats}`, updated_at: at }).where('id', '=', id).execute(),

    insertRegistration: (row: New<RegistrationRow>) => scope.insertInto('cmp_registration', row).execute(),
    registrationByHash: (hash: string) => scope.selectFrom('cmp_registration').selectAll().where('cancel_hash', '=', hash).executeTakeFirst(),
    /** Cancels only an active registration (one statement), so a code used twice releases seats once. */
    cancelRegistration: async (id: string, at: string) => Number((await scope.updateTable('cmp_registration').set({ status: 'cancelled', cancelled_at: at }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst()).numUpdatedRows) === 1,
    registrations: (eventId: string) => scope.selectFrom('cmp_registration').selectAll().where('event_id', '=', eventId).orderBy('created_at').execute(),

    post: (id: string) => scope.selectFrom('cmp_post').selectAll().where('id', '=', id).executeTakeFirst(),
    insertPost: (row: New<PostRow>) => scope.insertInto('cmp_post', row).execute(),
    updatePost: (id: string, set: Partial<New<PostRow>>) => scope.updateTable('cmp_post').set(set).where('id', '=', id).execute(),
    /** Visible thread starters of a theme, newest first. */
    threads: (themeId: string, page: { limit: number; offset: number }) => scope.selectFrom('cmp_post').selectAll().where('theme_id', '=', themeId).where('parent_id', 'is', null).where('status', '=', 'visible').orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    countThreads: async (themeId: string) => n((await scope.selectFrom('cmp_post').select((eb) => eb.fn.countAll().as('n')).where('theme_id', '=', themeId).where('parent_id', 'is', null).where('status', '=', 'visible').executeTakeFirst())?.n),
    visibleReplies: (parentIds: string[]) => (parentIds.length ? scope.selectFrom('cmp_post').selectAll().where('parent_id', 'in', parentIds).where('status', '=', 'visible').orderBy('created_at').execute() : Promise.resolve([])),
    recentBodies: async (themeId: string, since: string) => (await scope.selectFrom('cmp_post').select('body_norm').where('theme_id', '=', themeId).where('created_at', '>=', since).execute()).map((r) => r.body_norm),
    countByPosterSince: async (posterKey: string, since: string) => n((await scope.selectFrom('cmp_post').select((eb) => eb.fn.countAll().as('n')).where('poster_key', '=', posterKey).where('created_at', '>=', since).executeTakeFirst())?.n),

    insertReport: (row: New<ReportRow>) => scope.insertInto('cmp_report', row).execute(),
    openReports: (postIds: string[]) => (postIds.length ? scope.selectFrom('cmp_report').selectAll().where('post_id', 'in', postIds).where('status', '=', 'open').orderBy('created_at').execute() : Promise.resolve([])),
    resolveReports: (postId: string, at: string) => scope.updateTable('cmp_report').set({ status: 'resolved', resolved_at: at }).where('post_id', '=', postId).where('status', '=', 'open').execute(),
    /** Posts waiting for a moderator: held (pending) or reported and not yet handled; oldest first. */
    queue: (page: { limit: number; offset: number }) =>
      scope
        .selectFrom('cmp_post')
        .selectAll()
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb.exists(eb.selectFrom('cmp_report').select('cmp_report.id').whereRef('cmp_report.post_id', '=', 'cmp_post.id').where('cmp_report.status', '=', 'open'))]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
    countQueue: async () =>
      n(
        (
          await scope
            .selectFrom('cmp_post')
            .select((eb) => eb.fn.countAll().as('n'))
            .where((eb) => eb.or([eb('status', '=', 'pending'), eb.exists(eb.selectFrom('cmp_report').select('cmp_report.id').whereRef('cmp_report.post_id', '=', 'cmp_post.id').where('cmp_report.status', '=', 'open'))]))
            .executeTakeFirst()
        )?.n,
      ),

    // Statistics: only what is counted, never names or texts.
    activeSeats: () => scope.selectFrom('cmp_registration').innerJoin('cmp_event', 'cmp_event.id', 'cmp_registration.event_id').select(['cmp_event.starts_at', 'cmp_registration.seats']).where('cmp_registration.status', '=', 'active').where('cmp_event.cancelled', '=', 0).execute(),
    countedPosts: () => scope.selectFrom('cmp_post').select(['created_at', 'poster_key']).where('status', '!=', 'hidden').execute(),
    /** Read-only from the footprint domain's tables (shared results and pledges are campaign activity too). */
    calculatorResults: () => scope.selectFrom('fp_submission').select('created_at').execute(),
    pledges: () => scope.selectFrom('fp_pledge').select('created_at').execute(),
    countThemes: async () => n((await scope.selectFrom('cmp_theme').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n),
  };
}
