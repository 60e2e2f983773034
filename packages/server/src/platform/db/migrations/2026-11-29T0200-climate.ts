import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Climate accounting of purchases (program points A2, C1): ledger imports and lines, ansvar → unit
// mapping, edited art mappings, supplier-specific factors, decisions on flagged factors.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('climate_import')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('total_ore', 'bigint', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('periods', 'text', (c) => c.notNull()) // JSON yyyymm[] the import holds lines for
    .addColumn('excluded', 'text', (c) => c.notNull())
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_import_sha_uq', ['municipality_id', 'sha256'])
    .execute();

  // Ledger lines are many (hundreds of thousands a year, imported at 350 000+ lines/s): an integer
  // key, no per-row uuid, no foreign keys and no secondary index. Each of those halves SQLite's
  // insert rate; lines are written only by the import, in the transaction that writes their
  // import row, and reports read a whole year (a scan is as fast as an index there).
  // SQLite: a plain INTEGER PRIMARY KEY (the rowid), not AUTOINCREMENT, which costs a write to
  // sqlite_sequence per row (about a fifth of the import's insert time).
  let lines = db.schema.createTable('climate_ledger_line');
  lines = pg ? lines.addColumn('id', 'bigserial', (c) => c.primaryKey()) : lines.addColumn('id', 'integer', (c) => c.primaryKey());
  await lines
    .addColumn('municipality_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull()) // yyyymm
    .addColumn('ansvar', 'text', (c) => c.notNull())
    .addColumn('art', 'text', (c) => c.notNull())
    .addColumn('funksjon', 'text', (c) => c.notNull())
    .addColumn('project', 'text')
    .addColumn('orgnr', 'text')
    .addColumn('supplier', 'text')
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('text', 'text')
    .execute();

  await base('climate_ansvar_unit')
    .addColumn('ansvar', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_ansvar_unit_uq', ['municipality_id', 'ansvar'])
    .execute();

  await base('climate_art_mapping')
    .addColumn('art', 'text', (c) => c.notNull())
    .addColumn('funksjon', 'text', (c) => c.notNull()) // '' for every funksjon
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_art_mapping_uq', ['municipality_id', 'art', 'funksjon'])
    .execute();

  await base('climate_supplier_factor')
    .addColumn('orgnr', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kg_per_nok', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_supplier_factor_uq', ['municipality_id', 'orgnr', 'year'])
    .execute();

  await base('climate_factor_decision')
    .addColumn('set_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('decided_by_label', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('climate_factor_decision_uq', ['municipality_id', 'set_key', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['climate_factor_decision', 'climate_supplier_factor', 'climate_art_mapping', 'climate_ansvar_unit', 'climate_ledger_line', 'climate_import']) await db.schema.dropTable(t).execute();
}
