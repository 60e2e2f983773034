import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Sessions live in the database so that any instance behind a load balancer can serve any request. */
export function sessionRepository(db: Kysely<DB>) {
  return {
    async create(row: DB['session']): Promise<void> {
      await db.insertInto('session').values(row).execute();
    },
    async findValid(id: string, municipalityId: string, now: string) {
      return db
        .selectFrom('session')
        .innerJoin('app_user', 'app_user.id', 'session.user_id')
        .select(['session.id as sessionId', 'session.csrf_token', 'session.expires_at', 'session.last_seen_at', 'app_user.id as userId'])
        .where('session.id', '=', id)
        .where('session.municipality_id', '=', municipalityId)
        .where('app_user.municipality_id', '=', municipalityId)
        .where('app_user.active', '=', 1)
        .where('session.expires_at', '>', now)
        .executeTakeFirst();
    },
    async touch(id: string, now: string, expiresAt: string): Promise<void> {
      await db.updateTable('session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('session').where('id', '=', id).execute();
    },
    async deleteForUser(userId: string): Promise<void> {
      await db.deleteFrom('session').where('user_id', '=', userId).execute();
    },
    async deleteExpired(now: string): Promise<number> {
      const r = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
