import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Physical energy use per responsibility code (ansvar), year and energy carrier (kWh), which
// replaces the spend-based emissions of energy arts in the climate account.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('climate_energy_use')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('ansvar', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('kwh', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // the file it came from
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_energy_use_uq', ['municipality_id', 'ansvar', 'year', 'carrier'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('climate_energy_use').execute();
}
