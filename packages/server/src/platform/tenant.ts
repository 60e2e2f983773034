import type { DeleteQueryBuilder, DeleteResult, Insertable, Kysely, SelectQueryBuilder, Transaction, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { DB, TenantTable } from './db/schema.js';

type AnyDb = Kysely<DB> | Transaction<DB>;

/**
 * The one place where rows are scoped to a municipality: repositories reach tenant tables
 * only through this, so no query can forget the `municipality_id` condition.
 */
export class TenantScope {
  constructor(
    readonly db: AnyDb,
    readonly municipalityId: string,
  ) {}

  /** The same scope bound to a transaction. */
  withDb(db: AnyDb): TenantScope {
    return new TenantScope(db, this.municipalityId);
  }

  /** Runs fn in a transaction (or the current one) with a scope bound to it. */
  async transaction<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<DB>).transaction().execute((trx) => fn(this.withDb(trx)));
  }

  selectFrom<T extends TenantTable>(table: T) {
    return this.db.selectFrom(table as TenantTable).where(`${table as TenantTable}.municipality_id` as any, '=', this.municipalityId) as unknown as SelectQueryBuilder<DB, T, {}>;
  }

  insertInto<T extends TenantTable>(table: T, values: Omit<Insertable<DB[T]>, 'municipality_id'> | Omit<Insertable<DB[T]>, 'municipality_id'>[]) {
    const withTenant = (v: object) => ({ ...v, municipality_id: this.municipalityId });
    const rows = Array.isArray(values) ? values.map(withTenant) : withTenant(values);
    return this.db.insertInto(table).values(rows as any);
  }

  updateTable<T extends TenantTable>(table: T) {
    return this.db.updateTable(table as TenantTable).where('municipality_id' as any, '=', this.municipalityId) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
  }

  deleteFrom<T extends TenantTable>(table: T) {
    return this.db.deleteFrom(table as TenantTable).where('municipality_id' as any, '=', this.municipalityId) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
  }
}
