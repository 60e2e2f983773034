import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Business land (program point B3): municipal plots, calls for applicants, applications and the decision log.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('land_plot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'double precision', (c) => c.notNull())
    .addColumn('zoning_plan_id', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('polygon', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('land_plot_name_uq').on('land_plot').columns(['municipality_id', 'name']).unique().execute();
  await db.schema
    .createTable('land_call')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('plot_id', 'text', (c) => c.notNull().references('land_plot.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('normalisation', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('land_call_plot_ix').on('land_call').columns(['municipality_id', 'plot_id']).execute();
  await db.schema
    .createTable('land_application')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('land_call.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('expected_jobs', 'integer', (c) => c.notNull())
    .addColumn('building_m2', 'double precision', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('sn2007_code', 'text', (c) => c.notNull())
    .addColumn('certification', 'text')
    .addColumn('green_score', 'double precision', (c) => c.notNull())
    .addColumn('traffic_per_day', 'double precision', (c) => c.notNull())
    .addColumn('submitted_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One application per business and call, on both engines.
  await db.schema.createIndex('land_application_org_uq').on('land_application').columns(['call_id', 'organisation_id']).unique().execute();
  await db.schema
    .createTable('land_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('call_id', 'text', (c) => c.notNull().references('land_call.id'))
    .addColumn('plot_id', 'text', (c) => c.notNull().references('land_plot.id'))
    .addColumn('application_id', 'text', (c) => c.references('land_application.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('ranking', 'text', (c) => c.notNull())
    .addColumn('decided_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One decision per call.
  await db.schema.createIndex('land_decision_call_uq').on('land_decision').columns(['call_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['land_decision', 'land_application', 'land_call', 'land_plot']) await db.schema.dropTable(t).execute();
}
