import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Food waste: a municipality's own stages, categories, reasons and destinations beside the
// built-in ones; the place of a kitchen and of an offer, so that receivers see what is near them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fw_list_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label_nb', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fw_list_item_key_uq', ['municipality_id', 'list', 'key'])
    .execute();
  for (const table of ['fw_kitchen', 'fw_offer']) {
    await db.schema.alterTable(table).addColumn('lat', 'double precision').execute();
    await db.schema.alterTable(table).addColumn('lon', 'double precision').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['fw_kitchen', 'fw_offer']) {
    await db.schema.alterTable(table).dropColumn('lat').execute();
    await db.schema.alterTable(table).dropColumn('lon').execute();
  }
  await db.schema.dropTable('fw_list_item').execute();
}
