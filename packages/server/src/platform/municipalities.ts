import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { newId } from './ids.js';

export interface Municipality {
  id: string;
  slug: string;
  name: string;
  number: string;
  previousNumbers: string[];
  hosts: string[];
  locale: string;
}

const present = (r: DB['municipality']): Municipality => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  number: r.number,
  previousNumbers: JSON.parse(r.previous_numbers),
  hosts: JSON.parse(r.hosts),
  locale: r.locale,
});

/** The tenants. Not scoped: this table is what scoping is by. */
export function municipalityRepository(db: Kysely<DB>) {
  return {
    async all(): Promise<Municipality[]> {
      return (await db.selectFrom('municipality').selectAll().orderBy('slug').execute()).map(present);
    },
    async bySlug(slug: string): Promise<Municipality | null> {
      const r = await db.selectFrom('municipality').selectAll().where('slug', '=', slug).executeTakeFirst();
      return r ? present(r) : null;
    },
    async upsert(m: Omit<Municipality, 'id'>, at: string): Promise<Municipality> {
      const existing = await this.bySlug(m.slug);
      const row = { slug: m.slug, name: m.name, number: m.number, previous_numbers: JSON.stringify(m.previousNumbers), hosts: JSON.stringify(m.hosts), locale: m.locale };
      if (existing) {
        await db.updateTable('municipality').set(row).where('id', '=', existing.id).execute();
        return { ...m, id: existing.id };
      }
      const id = newId();
      await db.insertInto('municipality').values({ ...row, id, created_at: at }).execute();
      return { ...m, id };
    },
  };
}

/**
 * Picks the tenant of a request: an explicit /m/<slug> path prefix first, then the host
 * name, then the configured default, then the only municipality if there is just one.
 */
export function resolveMunicipality(all: Municipality[], req: { pathSlug: string | null; host: string }, defaultSlug: string | null): Municipality | null {
  if (req.pathSlug) return all.find((m) => m.slug === req.pathSlug) ?? null;
  const host = req.host.replace(/:\d+$/, '').toLowerCase();
  const byHost = all.find((m) => m.hosts.includes(host));
  if (byHost) return byHost;
  if (defaultSlug) return all.find((m) => m.slug === defaultSlug) ?? null;
  return all.length === 1 ? all[0]! : null;
}
