import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Food waste (program point A6): kitchens, registrations, activity, surplus-food offers.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('fw_kitchen')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('activity_kind', 'text', (c) => c.notNull())
    .addColumn('baseline_from', 'text')
    .addColumn('baseline_to', 'text')
    .addColumn('target_reduction', 'double precision', (c) => c.notNull())
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fw_kitchen_unit_ix').on('fw_kitchen').columns(['municipality_id', 'unit_id']).execute();
  await db.schema.createIndex('fw_kitchen_org_ix').on('fw_kitchen').columns(['municipality_id', 'organisation_id']).execute();

  await base('fw_registration')
    .addColumn('kitchen_id', 'text', (c) => c.notNull().references('fw_kitchen.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('kg', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    // A client-made id, so that a phone's offline queue can send the same registration twice safely.
    .addColumn('client_id', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_by_label', 'text', (c) => c.notNull())
    .addColumn('import_file', 'text')
    .addColumn('import_line', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fw_registration_kitchen_ix').on('fw_registration').columns(['municipality_id', 'kitchen_id', 'date']).execute();
  await db.schema.createIndex('fw_registration_client_uq').on('fw_registration').columns(['municipality_id', 'client_id']).unique().execute();

  await base('fw_activity')
    .addColumn('kitchen_id', 'text', (c) => c.notNull().references('fw_kitchen.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision', (c) => c.notNull())
    .addColumn('entered_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fw_activity_day_uq', ['municipality_id', 'kitchen_id', 'date'])
    .execute();

  await base('fw_offer')
    .addColumn('kitchen_id', 'text', (c) => c.notNull().references('fw_kitchen.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kg', 'double precision', (c) => c.notNull())
    .addColumn('best_before', 'text', (c) => c.notNull())
    .addColumn('pickup_from', 'text', (c) => c.notNull())
    .addColumn('pickup_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('cold_chain', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('receiver_organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('claimed_at', 'text')
    .addColumn('claimed_by_label', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fw_offer_status_ix').on('fw_offer').columns(['municipality_id', 'status', 'expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['fw_offer', 'fw_activity', 'fw_registration', 'fw_kitchen']) await db.schema.dropTable(t).execute();
}
