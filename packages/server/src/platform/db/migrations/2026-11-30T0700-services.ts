import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Services (program point C2): a catalogue of measures, adoptions by municipal units with their
// status history, the units' own reports, and the municipality's own unit → service-area exceptions.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('svc_measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title_nb', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text')
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('program_points', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text')
    .addColumn('source_url', 'text')
    .addColumn('retired_on', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('svc_measure_key_uq').on('svc_measure').columns(['municipality_id', 'key']).unique().execute();

  await db.schema
    .createTable('svc_adoption')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('measure_id', 'text', (c) => c.notNull().references('svc_measure.id'))
    .addColumn('adopted_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One adoption of a measure per unit: adopting it again is a status change, not a new row.
  await db.schema.createIndex('svc_adoption_uq').on('svc_adoption').columns(['municipality_id', 'unit_id', 'measure_id']).unique().execute();

  await db.schema
    .createTable('svc_adoption_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('adoption_id', 'text', (c) => c.notNull().references('svc_adoption.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('svc_adoption_event_ix').on('svc_adoption_event').columns(['municipality_id', 'adoption_id', 'seq']).unique().execute();

  await db.schema
    .createTable('svc_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('adoption_id', 'text', (c) => c.notNull().references('svc_adoption.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer')
    .addColumn('meals', 'integer')
    .addColumn('file_id', 'text', (c) => c.references('stored_file.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('svc_report_adoption_ix').on('svc_report').columns(['municipality_id', 'adoption_id']).execute();
  await db.schema.createIndex('svc_report_unit_ix').on('svc_report').columns(['municipality_id', 'unit_id', 'report_date']).execute();

  await db.schema
    .createTable('svc_unit_area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('area_key', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('svc_unit_area_uq').on('svc_unit_area').columns(['municipality_id', 'unit_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['svc_unit_area', 'svc_report', 'svc_adoption_event', 'svc_adoption', 'svc_measure']) await db.schema.dropTable(t).execute();
}
