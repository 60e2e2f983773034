import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TenantScope } from '../tenant.js';

export type UserRow = Selectable<DB['app_user']>;

/** All SQL for user accounts of one municipality. */
export function usersRepository(scope: TenantScope) {
  return {
    async byId(id: string): Promise<UserRow | undefined> {
      return scope.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byEmail(email: string): Promise<UserRow | undefined> {
      return scope.selectFrom('app_user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    },
    async byOidcSubject(issuer: string, subject: string): Promise<UserRow | undefined> {
      return scope.selectFrom('app_user').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
    },
    async list(q: string | undefined, role: string | undefined, limit: number, offset: number) {
      let query = scope.selectFrom('app_user');
      if (role) query = query.where('role', '=', role);
      if (q) {
        const like = `%${q.toLowerCase()}%`;
        query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
      }
      const rows = await query
        .selectAll('app_user')
        .select((eb) => [
          eb.selectFrom('org_unit').select('org_unit.name').whereRef('org_unit.id', '=', 'app_user.unit_id').as('unit_name'),
          eb.selectFrom('organisation').select('organisation.name').whereRef('organisation.id', '=', 'app_user.organisation_id').as('organisation_name'),
        ])
        .orderBy('name')
        .limit(limit)
        .offset(offset)
        .execute();
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
    async insert(row: Omit<UserRow, 'municipality_id'>): Promise<void> {
      await scope.insertInto('app_user', row).execute();
    },
    async update(id: string, patch: Partial<Omit<UserRow, 'id' | 'municipality_id'>>): Promise<void> {
      await scope.updateTable('app_user').set(patch).where('id', '=', id).execute();
    },
  };
}
