import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Footprint: the municipality's districts, anonymously shared calculator results and pledges.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fp_district')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addUniqueConstraint('fp_district_key_uq', ['municipality_id', 'key'])
    .execute();
  await db.schema
    .createTable('fp_submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('district_key', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('total_kg', 'double precision', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fp_submission_m_created').on('fp_submission').columns(['municipality_id', 'created_at']).execute();
  await db.schema
    .createTable('fp_pledge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('district_key', 'text')
    .addColumn('saving_kg', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fp_pledge_m_created').on('fp_pledge').columns(['municipality_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fp_pledge').execute();
  await db.schema.dropTable('fp_submission').execute();
  await db.schema.dropTable('fp_district').execute();
}
