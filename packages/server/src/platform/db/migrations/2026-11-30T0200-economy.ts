import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Economy (industry structure, the oil-and-gas context of part B): employment snapshots per
// establishment and the versioned rule set that classifies jobs as oil-and-gas related, green or other.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('econ_snapshot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull()) // brreg | table | demo
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('establishments', 'integer', (c) => c.notNull())
    .addColumn('jobs', 'integer', (c) => c.notNull())
    .addColumn('fictional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('econ_snapshot_date_uq', ['municipality_id', 'date'])
    .execute();
  await db.schema
    .createTable('econ_establishment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('snapshot_id', 'text', (c) => c.notNull().references('econ_snapshot.id'))
    .addColumn('org_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text')
    .addColumn('employees', 'integer', (c) => c.notNull())
    .addColumn('municipality_number', 'text')
    .addColumn('parent_org_number', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('econ_establishment_uq', ['snapshot_id', 'org_number'])
    .execute();
  await db.schema.createIndex('econ_establishment_snapshot_ix').on('econ_establishment').columns(['municipality_id', 'snapshot_id']).execute();
  await db.schema
    .createTable('econ_rule_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull()) // JSON RuleSet
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('econ_rule_set_uq', ['municipality_id', 'valid_from'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('econ_rule_set').execute();
  await db.schema.dropTable('econ_establishment').execute();
  await db.schema.dropTable('econ_snapshot').execute();
}
