import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Failed password logins per account, so that guessing is throttled per e-mail address across
// every instance of the server (the per-IP limit lives in each instance's memory).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_failure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failure_email_ix').on('login_failure').columns(['municipality_id', 'email_hash', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
}
