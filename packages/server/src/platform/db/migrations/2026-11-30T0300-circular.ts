import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Reuse and repair (program point B2): the public directory of places and the internal reuse marketplace.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('circ_place')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('place', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('opening_note', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('circ_place_org_ix').on('circ_place').columns(['municipality_id', 'organisation_id']).execute();

  await base('circ_item')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('quantity_left', 'integer', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('available_from', 'text', (c) => c.notNull())
    .addColumn('cost_ore', 'bigint', (c) => c.notNull())
    .addColumn('photo_file_id', 'text', (c) => c.references('stored_file.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('circ_item_left_ck', sql`quantity_left >= 0 and quantity_left <= quantity`)
    .execute();
  // The check keeps the stock between 0 and the quantity, whatever the code above it does.
  await db.schema.createIndex('circ_item_state_ix').on('circ_item').columns(['municipality_id', 'state']).execute();

  await base('circ_reservation')
    .addColumn('item_id', 'text', (c) => c.notNull().references('circ_item.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reserved_by_label', 'text', (c) => c.notNull())
    .addColumn('reserved_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('circ_reservation_item_ix').on('circ_reservation').columns(['municipality_id', 'item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['circ_reservation', 'circ_item', 'circ_place']) await db.schema.dropTable(t).execute();
}
