import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Apprenticeships (program points A5 and B4): places at municipal units and local businesses.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appr_place')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('trade_key', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('contract_ref', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A contract counted twice is refused by the database too (NULLs are allowed many times on both engines).
  await db.schema.createIndex('appr_place_contract_uq').on('appr_place').columns(['municipality_id', 'contract_ref']).unique().execute();
  await db.schema.createIndex('appr_place_unit_ix').on('appr_place').columns(['municipality_id', 'unit_id']).execute();
  await db.schema.createIndex('appr_place_org_ix').on('appr_place').columns(['municipality_id', 'organisation_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appr_place').execute();
}
