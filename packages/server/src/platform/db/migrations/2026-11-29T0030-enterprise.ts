import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Enterprise (program points A4, B6, B7): grant rounds with applications, reviews and reports.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));
  await base('ent_call')
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('budget_ore', 'bigint', (c) => c.notNull())
    .addColumn('min_reviewers', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await base('ent_application')
    .addColumn('call_id', 'text', (c) => c.notNull().references('ent_call.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('granted_ore', 'bigint')
    .addColumn('decision_note', 'text')
    .addColumn('case_number', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('submitted_by_label', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The same project sent twice (a double click, a retry) is one application.
    .addUniqueConstraint('ent_application_once_uq', ['municipality_id', 'call_id', 'organisation_id', 'title'])
    .execute();
  await base('ent_review')
    .addColumn('application_id', 'text', (c) => c.notNull().references('ent_application.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_label', 'text', (c) => c.notNull())
    .addColumn('conflict', 'integer', (c) => c.notNull())
    .addColumn('conflict_reason', 'text')
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ent_review_one_uq', ['municipality_id', 'application_id', 'reviewer_id'])
    .execute();
  await base('ent_report')
    .addColumn('application_id', 'text', (c) => c.notNull().references('ent_application.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('submitted_by_label', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ent_report', 'ent_review', 'ent_application', 'ent_call']) await db.schema.dropTable(t).execute();
}
