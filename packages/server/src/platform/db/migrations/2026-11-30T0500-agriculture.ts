import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Agriculture (program point B5): farms, crop areas by management, local deliveries, conversion plans, support.

export async function up(db: Kysely<any>): Promise<void> {
  const tenant = (t: any) => t.addColumn('id', 'text', (c: any) => c.primaryKey()).addColumn('municipality_id', 'text', (c: any) => c.notNull().references('municipality.id'));
  await tenant(db.schema.createTable('ag_farm'))
    .addColumn('organisation_id', 'text', (c: any) => c.notNull().references('organisation.id'))
    .addColumn('agricultural_area_daa', 'double precision', (c: any) => c.notNull())
    .addColumn('certifier_key', 'text')
    .addColumn('certificate_number', 'text')
    .addColumn('certificate_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  // One farm record per organisation.
  await db.schema.createIndex('ag_farm_org_uq').on('ag_farm').columns(['municipality_id', 'organisation_id']).unique().execute();

  await tenant(db.schema.createTable('ag_crop_area'))
    .addColumn('farm_id', 'text', (c: any) => c.notNull().references('ag_farm.id'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('crop_key', 'text', (c: any) => c.notNull())
    .addColumn('area_daa', 'double precision', (c: any) => c.notNull())
    .addColumn('management', 'text', (c: any) => c.notNull())
    .addColumn('conversion_start', 'text')
    .addColumn('entered_by_label', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('ag_crop_area_uq').on('ag_crop_area').columns(['municipality_id', 'farm_id', 'year', 'crop_key', 'management']).unique().execute();

  await tenant(db.schema.createTable('ag_delivery'))
    .addColumn('farm_id', 'text', (c: any) => c.notNull().references('ag_farm.id'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('month', 'integer')
    .addColumn('channel_key', 'text', (c: any) => c.notNull())
    .addColumn('product_key', 'text', (c: any) => c.notNull())
    .addColumn('kg', 'double precision', (c: any) => c.notNull())
    .addColumn('value_ore', 'bigint', (c: any) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('client_key', 'text')
    .addColumn('import_file', 'text')
    .addColumn('import_line', 'integer')
    .addColumn('entered_by_label', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('ag_delivery_farm_ix').on('ag_delivery').columns(['municipality_id', 'farm_id', 'year']).execute();
  // An imported line is stored once (NULLs are allowed many times on both engines).
  await db.schema.createIndex('ag_delivery_client_uq').on('ag_delivery').columns(['municipality_id', 'client_key']).unique().execute();

  await tenant(db.schema.createTable('ag_plan'))
    .addColumn('farm_id', 'text', (c: any) => c.notNull().references('ag_farm.id'))
    .addColumn('target_year', 'integer', (c: any) => c.notNull())
    .addColumn('area_daa', 'double precision', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();

  await tenant(db.schema.createTable('ag_support'))
    .addColumn('farm_id', 'text', (c: any) => c.notNull().references('ag_farm.id'))
    .addColumn('scheme_key', 'text', (c: any) => c.notNull())
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c: any) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('entered_by_label', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ag_support', 'ag_plan', 'ag_delivery', 'ag_crop_area', 'ag_farm']) await db.schema.dropTable(t).execute();
}
