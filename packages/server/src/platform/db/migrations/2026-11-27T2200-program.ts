import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('program')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_key_uq', ['municipality_id', 'key'])
    .execute();

  await base('program_area')
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_nb', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('program_area_code_uq', ['program_id', 'code'])
    .execute();

  await base('program_goal')
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('program_area.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_nb', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('text_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('served_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('program_goal_code_uq', ['program_id', 'code'])
    .execute();

  await base('indicator')
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.references('program_goal.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_date', 'text')
    .addColumn('baseline_note_nb', 'text')
    .addColumn('baseline_note_en', 'text')
    .addColumn('path', 'text', (c) => c.notNull().defaultTo('linear'))
    .addColumn('tolerance', 'double precision', (c) => c.notNull().defaultTo(0.1))
    .addColumn('reporting_interval', 'text', (c) => c.notNull().defaultTo('yearly'))
    .addColumn('responsible_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_domain', 'text')
    .addColumn('source_metric', 'text')
    .addColumn('formula', 'text')
    .addColumn('planned_source', 'text')
    .addColumn('primary_source_id', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_key_uq', ['program_id', 'key'])
    .execute();

  await base('indicator_target')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('label_nb', 'text')
    .addColumn('label_en', 'text')
    .addUniqueConstraint('indicator_target_uq', ['indicator_id', 'date'])
    .execute();

  await base('indicator_source')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('producer', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('limits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_source_uq', ['indicator_id', 'name'])
    .execute();

  await base('indicator_value')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('indicator_source.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('produced_by', 'text')
    .addColumn('produced_by_label', 'text', (c) => c.notNull())
    .addColumn('import_file', 'text')
    .addColumn('import_line', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_value_uq', ['source_id', 'date'])
    .execute();
  await db.schema.createIndex('indicator_value_ix').on('indicator_value').columns(['indicator_id', 'date']).execute();

  await base('program_action')
    .addColumn('program_id', 'text', (c) => c.notNull().references('program.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('program_goal.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title_nb', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('budget_ore', 'bigint')
    .addColumn('responsible_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('indicator_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_action_key_uq', ['program_id', 'key'])
    .execute();

  await base('action_log')
    .addColumn('action_id', 'text', (c) => c.notNull().references('program_action.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_nb', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_number', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_log_ix').on('action_log').columns(['action_id', 'date']).execute();

  // One digest per recipient and day; the unique key stops a second send from any instance.
  await base('reminder_digest')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_digest_uq', ['municipality_id', 'date', 'recipient'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reminder_digest', 'action_log', 'program_action', 'indicator_value', 'indicator_source', 'indicator_target', 'indicator', 'program_goal', 'program_area', 'program']) {
    await db.schema.dropTable(t).execute();
  }
}
